"""storyline serve: the HTTP API and the web page."""

from __future__ import annotations

from pathlib import Path

import click

from ..connections import CLIENT_SECONDS, PER_CLIENT, guarded_protocol


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("-j", "--workers", type=click.IntRange(1, 64), default=None,
              help="Processes that summarize  [default: the CPU count]")
@click.option("--time-limit", type=click.FloatRange(1, 3600), default=60, show_default=True,
              help="Seconds a request may take before it is stopped (504).")
@click.option("--allow-private-urls", is_flag=True,
              help="Also fetch URLs on loopback and private networks (off: no server-side "
                   "request forgery).")
@click.option("--db", type=click.Path(dir_okay=False), default=None,
              help="Also serve this story store: GET /v1/stories, POST /v1/articles, and "
                   "the stories page at /stories.html.")
@click.option("--refresh/--no-refresh", default=True, show_default=True,
              help="With --db: make the briefs of the stories that changed while the server "
                   "is idle, so the stories page lists each under its current headline.")
@click.option("--token", envvar="STORYLINE_TOKEN", default=None,
              help="Bearer token that POST /v1/articles requires (or set STORYLINE_TOKEN).")
@click.option("--per-client", type=click.IntRange(0, 10_000), default=PER_CLIENT,
              show_default=True, help="Connections one client address may hold open, and "
              "(half the queue) requests it may have admitted; 0: no cap per client (behind "
              "a reverse proxy, which is one address).")
@click.option("--client-timeout", type=click.FloatRange(0.1, 600), default=CLIENT_SECONDS,
              show_default=True, help="Seconds a client has to send a request's head, or its "
              "body, or to go on reading an answer.")
def serve_command(host: str, port: int, workers: int | None, time_limit: float,
                  allow_private_urls: bool, db: str | None, refresh: bool,
                  token: str | None, per_client: int, client_timeout: float) -> None:
    """Serve the HTTP API (POST /v1/briefs, docs at /docs) and the web page at /."""
    import uvicorn

    from ..server import create_app

    from ...errors import StorylineError

    new = db is not None and not Path(db).exists()  # (a mistyped name makes an empty store)
    try:
        app = create_app(workers=workers, time_limit=time_limit, body_seconds=client_timeout,
                         allow_private_urls=allow_private_urls, per_client=per_client > 0,
                         db=db, token=token, refresh=refresh)
    except StorylineError as e:
        raise click.ClickException(str(e)) from None
    stories = f", its stories at http://{host}:{port}/stories.html" if db else ""
    if new:
        click.echo(f"storyline: {db} did not exist: a new, empty story store (articles come "
                   "with POST /v1/articles or storyline stories add)", err=True)
    click.echo(f"Storyline on http://{host}:{port}/{stories} (API docs at /docs); Ctrl-C "
               "stops it", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_keep_alive=5,
                http=guarded_protocol(per_client=per_client, seconds=client_timeout))
