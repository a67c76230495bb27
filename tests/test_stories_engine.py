"""`storyline stories add --jobs N` and `--engine ray`: the per-article work in parallel,
the story assignment in order, so the store holds what a plain run stores. (On a real
Ray cluster: tests/test_ray.py.)"""

from __future__ import annotations

import sqlite3
import sys

from click.testing import CliRunner
from processes import imports_ray
from streams import make_article, store_contents, story_sources, stream, write_jsonl

from storyline.faces.cli import main


def add(*args) -> str:
    result = CliRunner().invoke(main, ["stories", "add", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.output


def test_jobs_stores_what_one_process_stores(tmp_path):
    given = story_sources(tmp_path)
    plain = add(*given, "--db", tmp_path / "plain.db")
    assert "72 articles added (3 of them copies of earlier ones), 1 duplicate skipped, " \
           "2 skipped; 6 stories opened" in plain, plain
    assert "is in the future" in plain and "no article text" in plain
    jobs = add(*given, "--db", tmp_path / "jobs.db", "--jobs", 2)
    assert jobs == plain
    stored = store_contents(tmp_path / "plain.db")
    assert all(stored[t] for t in ("articles", "stories", "assignments", "bands", "df"))
    assert store_contents(tmp_path / "jobs.db") == stored


def test_engine_ray_without_ray_says_which_pip_install_fixes_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # as if not installed: import fails
    monkeypatch.setenv("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")  # what the engine sets
    source = write_jsonl(tmp_path / "a.jsonl", [make_article("flood", 1)])
    result = CliRunner().invoke(main, ["stories", "add", source, "--db",
                                       str(tmp_path / "s.db"), "--engine", "ray"])
    assert result.exit_code == 1 and "pip install 'storyline[ray]'" in result.output
    with sqlite3.connect(tmp_path / "s.db") as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (0,)


def test_stories_add_with_jobs_never_imports_ray(tmp_path):
    source = write_jsonl(tmp_path / "a.jsonl", stream(2))
    assert not imports_ray("stories", "add", source, "--db", tmp_path / "s.db", "--jobs", 2)


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
