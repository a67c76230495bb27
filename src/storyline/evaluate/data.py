"""Evaluation data: clusters with human reference summaries, and published peer outputs.

A data line is `{"id": ..., "documents": [...], "summaries": ["reference", ...]}` (a
`query` is kept when present, and so are `old`, the articles already read, on update
data: `updates.py`); documents are read exactly as `storyline summarize` reads
a batch line. A peer line is `{"id": ..., "system": ..., "summary": "..."}`. Files are
streamed, so their size does not matter; a bad line stops the run with its number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from ..brief.ingest import cluster_lines, load_json, parse_cluster_line
from ..errors import InputError
from ..model import Article
from .updates import old_articles

_ROUGE_TOKEN = re.compile(r"[A-Za-z0-9]")
FORMAT = '{"id": ..., "documents": ["article", ...], "summaries": ["reference", ...]}'


@dataclass(frozen=True)
class Cluster:
    id: str
    articles: tuple[Article, ...]
    references: tuple[str, ...]
    query: str | None = None
    old: tuple[Article, ...] | None = None  # update data: the articles already read


def read_clusters(path: str | Path, limit: int | None = None) -> Iterator[Cluster]:
    """The first `limit` clusters of a JSON Lines file (all of them without a limit)."""
    for number, raw in islice(cluster_lines(path), limit):
        parsed = parse_cluster_line(raw, number)
        if parsed.error:
            raise InputError(f"{path}: {parsed.error}")
        try:
            obj = load_json(raw, where=f"line {number}")
        except InputError:  # a raw Multi-News source line: articles, but no references
            obj = {}
        where = f"{path}: line {number} (id {parsed.id})"
        references = obj.get("summaries")
        if (not isinstance(references, list) or not references
                or not all(isinstance(r, str) and r.strip() for r in references)):
            raise InputError(f'{where} needs "summaries": a list of one or more reference '
                             f"texts, to score against; each line is {FORMAT}")
        if not all(_ROUGE_TOKEN.search(r) for r in references):
            raise InputError(f"{where}: a reference has no Latin letter or digit, the only "
                             "characters rouge-score counts; ROUGE cannot score this language")
        query = obj.get("query")
        yield Cluster(parsed.id, parsed.articles, tuple(references),
                      query if isinstance(query, str) and query.strip() else None,
                      old_articles(obj, where))


def cluster_ids(path: str | Path, limit: int | None = None) -> list[str]:
    """Read and check every cluster before any system runs: ids in file order, unique."""
    ids: list[str] = []
    seen: set[str] = set()
    for cluster in read_clusters(path, limit):
        if cluster.id in seen:
            raise InputError(f"{path}: id {cluster.id!r} is used twice; give each cluster "
                             "its own id, so scores and peer outputs match the right one")
        seen.add(cluster.id)
        ids.append(cluster.id)
    if not ids:
        raise InputError(f"{path} holds no clusters; each line is {FORMAT}")
    return ids


def read_peer_outputs(path: str | Path, ids: list[str]) -> tuple[dict[str, dict[str, str]], int]:
    """{system: {cluster id: summary}} for the clusters in `ids`, and how many lines named
    other clusters (expected when only part of a data set is scored)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} does not exist or is not a file; give a JSON Lines file "
                         'of {"id", "system", "summary"} lines')
    wanted = set(ids)
    peers: dict[str, dict[str, str]] = {}
    other = 0
    with path.open("rb") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}: line {number}"
            obj = load_json(line, where=where, expected='each line is {"id": ..., "system": '
                            '..., "summary": "..."}')
            if not isinstance(obj, dict) or not all(
                    isinstance(obj.get(k), (str, int)) and not isinstance(obj.get(k), bool)
                    for k in ("id", "system")) or not isinstance(obj.get("summary"), str):
                raise InputError(f'{where} needs "id", "system" and a "summary" string; '
                                 'each line is {"id": ..., "system": ..., "summary": "..."}')
            cluster, system = str(obj["id"]), str(obj["system"])
            if cluster not in wanted:
                other += 1
                continue
            outputs = peers.setdefault(system, {})
            if cluster in outputs:
                raise InputError(f"{where}: system {system!r} has a second summary for "
                                 f"cluster {cluster!r}; keep one")
            outputs[cluster] = obj["summary"]
    if not peers:
        raise InputError(f"{path} has no summary for any cluster of the data (ids such as "
                         f"{ids[0]!r}); check that the peer outputs belong to this data set")
    return peers, other
