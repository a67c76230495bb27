"""`storyline stories add --jobs N` and `--engine ray`: the per-article work in parallel,
the story assignment in order, so the store holds what a plain run stores. (On a real
Ray cluster: tests/test_ray.py.)"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from storyline.faces.cli import main
from test_stories import make_article, stream

NEWSROOM = Path(__file__).resolve().parent.parent / "examples" / "newsroom"
# Columns that say when, not what: they differ between any two runs.
CLOCK_COLUMNS = {"added", "updated", "made"}


def sources(folder: Path) -> list[str]:
    """A WARC file of 5 HTML pages and a JSON Lines stream of 70 articles in three stories,
    with a near duplicate, an exact duplicate, an article with no text and one dated in
    the future: every path of the per-article work and of the ordered pass."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    warc = folder / "crawl.warc.gz"
    with warc.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for page in sorted((NEWSROOM / "pages").glob("*.html")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://valley-herald.example/{page.name}", "response",
                payload=page.open("rb"), http_headers=headers))
    rows = stream(22)
    copy = dict(rows[3], id="wire-copy", text=rows[3]["text"].replace("newsroom", "news room"))
    rows[40:40] = [copy, dict(rows[5]), {"id": "empty", "text": "   "},
                   make_article("flood", 99, id="future", published="2999-01-01")]
    jsonl = folder / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return [str(warc), str(jsonl)]


def store_contents(path: Path) -> dict[str, list]:
    """Every table of a story store, every row, without the clock columns."""
    db = sqlite3.connect(path)
    try:
        tables = [t for (t,) in db.execute("SELECT name FROM sqlite_schema WHERE type = "
                                           "'table' ORDER BY name")]
        contents = {}
        for table in tables:
            columns = [c[1] for c in db.execute(f"PRAGMA table_info({table})")
                       if c[1] not in CLOCK_COLUMNS]
            contents[table] = sorted(db.execute(f"SELECT {', '.join(columns)} FROM {table}"),
                                     key=repr)
        return contents
    finally:
        db.close()


def add(*args) -> str:
    result = CliRunner().invoke(main, ["stories", "add", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def test_jobs_stores_what_one_process_stores(tmp_path):
    given = sources(tmp_path)
    plain = add(*given, "--db", tmp_path / "plain.db")
    assert "72 articles added (3 of them copies of earlier ones), 1 duplicates skipped, " \
           "2 skipped; 6 stories opened" in plain, plain
    assert "is in the future" in plain and "no article text" in plain
    jobs = add(*given, "--db", tmp_path / "jobs.db", "--jobs", 2)
    assert jobs == plain
    stored = store_contents(tmp_path / "plain.db")
    assert all(stored[t] for t in ("articles", "stories", "assignments", "bands", "df"))
    assert store_contents(tmp_path / "jobs.db") == stored


def test_engine_options_misused(tmp_path):
    result = CliRunner().invoke(main, ["stories", "add", str(tmp_path), "--address", "auto"])
    assert result.exit_code == 2 and "add --engine ray" in result.output


def test_engine_ray_without_ray_says_which_pip_install_fixes_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed: import fails
    monkeypatch.setenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")  # what the engine sets
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps(make_article("flood", 1)) + "\n")
    result = CliRunner().invoke(main, ["stories", "add", str(source), "--db",
                                       str(tmp_path / "s.db"), "--engine", "ray"])
    assert result.exit_code == 1 and "pip install 'storyline[ray]'" in result.output
    with sqlite3.connect(tmp_path / "s.db") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (0,)


def test_stories_add_with_jobs_never_imports_ray(tmp_path):
    source = tmp_path / "a.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in stream(2)))
    script = ("import sys; from storyline.faces.cli import main\n"
              "try:\n    main(['stories', 'add', sys.argv[1], '--db', sys.argv[2], "
              "'--jobs', '2'])\n"
              "except SystemExit:\n    pass\n"
              "print('ray' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script, str(source), str(tmp_path / "s.db")],
                          check=False, capture_output=True, text=True)
    assert done.stdout.strip().splitlines()[-1] == "False", done.stderr


def test_a_dying_worker_costs_only_its_article():
    from storyline.engine.stories import prepare_map
    from storyline.stories import Incoming

    items = [Incoming(text=t, where=f"item {i}") for i, t in enumerate(["a", "die", "b"])]
    with prepare_map("local", 2) as pmap:
        done = list(pmap(_exit_on_die, items))
    assert done[0] == "item 0" and done[2] == "item 2"
    assert done[1].where == "item 1" and "process preparing this article died" in done[1].reason


def _exit_on_die(item, today=None):
    """A stand-in for the work whose process dies on one article (as the OOM killer does)."""
    import os

    if item.text == "die":
        os._exit(9)
    return item.where
