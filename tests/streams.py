"""Inputs the tests write, with no data needed: article streams about three made-up
events (so the true stories are known), batches of clusters of the example, a WARC file
of the newsroom example's pages; and every row a story store holds, to compare runs."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from conftest import EXAMPLE, ROOT

NEWSROOM = ROOT / "examples" / "newsroom"
TOPICS = {
    "flood": ["Floodwater from the Turia river swept through Valencia suburbs on {day}.",
              "Rescue crews in Valencia pulled {n} residents from flooded homes near the Turia.",
              "The regional government of Valencia declared an emergency after the flash flood.",
              "Farmers south of Valencia said the Turia flood ruined orange groves and rice fields.",
              "Spain's weather agency warned that more torrential rain would hit Valencia."],
    "election": ["Norwegian voters gave the Labour party {n} seats in the Storting election.",
                 "Labour leader Jonas Gahr Store claimed victory in Oslo on {day}.",
                 "The Conservatives conceded the Norwegian election after counting in Bergen.",
                 "Turnout in the Storting election reached a record in Trondheim and Oslo.",
                 "Coalition talks between Labour and the Centre party begin in Oslo next week."],
    "merger": ["Chipmakers Halvorsen Semiconductor and Quillon agreed a merger worth {n} billion.",
               "Shares of Quillon jumped after the Halvorsen merger was announced on {day}.",
               "Regulators in Brussels will review the Halvorsen and Quillon chip merger.",
               "The merged chipmaker will keep Quillon's wafer plant in Dresden open.",
               "Halvorsen's chief executive said the merger creates a European chip champion."],
}
# Columns of a story store that say when, not what: they differ between any two runs.
CLOCK_COLUMNS = {"added", "updated", "made"}


def make_article(topic: str, k: int, **fields) -> dict:
    """Article k of a topic: the topic's sentences in a rotated order, with details."""
    sentences = TOPICS[topic]
    lines = [sentences[(k + i) % len(sentences)].format(day="Monday", n=10 + k)
             for i in range(len(sentences))]
    lines.append(f"Reporter number {k} filed this from the newsroom desk {k * 7}.")
    return {"id": f"{topic}-{k}", "title": None, "text": " ".join(lines), **fields}


def stream(n_per_topic: int = 4) -> list[dict]:
    return [make_article(t, k) for k in range(n_per_topic) for t in TOPICS]


def write_jsonl(path: Path, rows) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def example_clusters(n: int) -> str:
    """`n` clusters of the example's articles (each a different rotation and subset), a
    line that is not JSON, and a blank line: a batch with briefs and error lines."""
    texts = [p.read_text() for p in sorted(EXAMPLE.glob("*.txt"))]
    lines = [json.dumps({"id": f"c{i}", "documents": (texts[i % 5:] + texts[:i % 5])[:2 + i % 4]})
             for i in range(n)]
    lines[n // 3] = "{not json"
    lines[n // 2] = ""
    return "\n".join(lines) + "\n"


def newsroom_warc(path: Path) -> Path:
    """The newsroom example's 5 HTML pages as a crawl's WARC file (gzipped) at `path`."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for page in sorted((NEWSROOM / "pages").glob("*.html")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.1")
            with page.open("rb") as payload:
                writer.write_record(writer.create_warc_record(
                    f"https://valley-herald.example/{page.name}", "response",
                    payload=payload, http_headers=headers))
    return path


def story_sources(folder: Path) -> list[str]:
    """A WARC file of 5 HTML pages and a JSON Lines stream of 70 articles in three stories,
    with a near duplicate, an exact duplicate, an article with no text and one dated in
    the future: every path of the per-article work and of the ordered pass."""
    rows = stream(22)
    copy = dict(rows[3], id="wire-copy", text=rows[3]["text"].replace("newsroom", "news room"))
    rows[40:40] = [copy, dict(rows[5]), {"id": "empty", "text": "   "},
                   make_article("flood", 99, id="future", published="2999-01-01")]
    return [str(newsroom_warc(folder / "crawl.warc.gz")),
            write_jsonl(folder / "articles.jsonl", rows)]


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
