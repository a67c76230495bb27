"""regex_cache.py: the patterns made from the cache file are those `re` compiles."""

import json
import marshal
import os
import re
import subprocess
import sys

import pytest

from storyline import regex_cache

pytestmark = pytest.mark.skipif(not regex_cache._usable(), reason="not CPython's re")


def _run(code: str, cache) -> dict:
    """`code` in a fresh process with the cache in `cache`; what it prints (JSON)."""
    env = {**os.environ, "STORYLINE_CACHE": str(cache)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, env=env)
    return json.loads(done.stdout.strip().splitlines()[-1])


COUNT_COMPILES = """
import json, re
compiled = []
original = re._compiler.compile
re._compiler.compile = lambda p, flags=0: compiled.append(p) or original(p, flags)
import storyline.brief.pipeline
from storyline import regex_cache
print(json.dumps({"compiled": len(compiled), "loaded": len(regex_cache._loaded)}))
"""


def test_a_second_process_takes_the_brief_s_patterns_from_the_file(tmp_path):
    first = _run(COUNT_COMPILES, tmp_path)
    assert first["loaded"] == 0 and first["compiled"] > 200
    files = list(tmp_path.iterdir())
    assert len(files) == 1 and files[0].name.startswith("regex")
    second = _run(COUNT_COMPILES, tmp_path)
    assert second["loaded"] > 200 and second["compiled"] < first["compiled"] - 200


def test_every_pattern_of_the_file_equals_its_compiled_pattern(tmp_path):
    _run(COUNT_COMPILES, tmp_path)
    (file,) = tmp_path.iterdir()
    entries = marshal.loads(file.read_bytes())["patterns"]
    assert len(entries) > 200
    for (source, flags), arguments in entries.items():
        assert type(arguments[2]) is bytes  # (the code, read back in one piece)
        made = regex_cache._made(arguments)
        compiled = re._compiler.compile(source, flags)
        # pattern objects compare their source, flags and compiled code
        assert made == compiled, source
        assert (made.groups, made.groupindex, made.flags) == (
            compiled.groups, compiled.groupindex, compiled.flags), source


def test_the_brief_is_the_same_with_the_patterns_from_the_file(tmp_path, example_dir):
    code = ("import json\nfrom storyline.brief.ingest import read_cluster\n"
            "from storyline.brief.pipeline import summarize\n"
            "from storyline.options import Options\n"
            f"brief = summarize(read_cluster({str(example_dir)!r}), options=Options(words=250, "
            "analysis=False))\nprint(json.dumps([s.text for s in brief.sentences]))")
    without = _run(code, "")
    assert _run(code, tmp_path) == without  # writes the file
    assert _run(code, tmp_path) == without  # reads it


def _file(patterns, derived=None):
    return marshal.dumps({"patterns": patterns, "derived": {} if derived is None else derived})


@pytest.mark.parametrize("content", [b"", b"not marshal", _file({("a", 0): (1, 2)}),
                                     _file({("a", 0): ("b", 0, [], 0, {}, ())}),
                                     _file({("a", 0): ("a", 0, [999, 1], 0, {}, ())}),
                                     _file({}, [1]), marshal.dumps({("a", 0): (1, 2)}),
                                     marshal.dumps([1, 2])])
def test_a_damaged_file_is_ignored(tmp_path, monkeypatch, content):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_loaded", set())
    monkeypatch.setattr(regex_cache, "_entries", {})
    regex_cache.path().write_bytes(content)
    before = dict(re._cache)
    assert regex_cache.load() == 0
    assert dict(re._cache) == before


def test_a_few_new_patterns_are_not_worth_a_write(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_entries", {(s, f): None for k, s, f in re._cache
                                                  if k is str and type(f) is int})
    monkeypatch.setattr(regex_cache, "_derived_added", 0)  # (other tests built screens)
    re.compile("another pattern of this test, (x|y)+z")
    assert regex_cache.save() == 0 and not list(tmp_path.iterdir())


def test_an_empty_setting_turns_the_cache_off(monkeypatch):
    monkeypatch.setenv("STORYLINE_CACHE", "")
    assert regex_cache.path() is None and regex_cache.load() == 0 and regex_cache.save() == 0


def test_the_screens_read_the_same_needles_from_the_file(tmp_path):
    """What literals.py reads off the patterns at import, kept in the file, is what it
    computes; the clutter screens built from it are the same."""
    code = """
import json
from storyline.brief import clean, literals
from storyline import regex_cache
screens = [clean._FIRST_RULE, clean._FIRST_ANY_LENGTH_RULE, clean._IN_SENTENCE]
def find(f):
    if isinstance(f, literals._Lazy):
        return ("lazy", f._source, f._flags, f._method)
    return (f.__name__, f.__self__.pattern, f.__self__.flags)
print(json.dumps({"kept": len(regex_cache._derived), "screens": [repr((
    [("anchored" if k is literals._ANCHORED else str(k), find(f), s) for k, f, s in m._order],
    m._needles, m._gated, m._prefixes, m._prefixes_by_first, sorted(m._unscreened),
    [position for position, _ in m._guards],
    None if m._start is None else m._start.pattern,
    None if m._start_anywhere is None else m._start_anywhere.pattern)) for m in screens]}))
"""
    without = _run(code, "")
    first = _run(code, tmp_path)
    _run(COUNT_COMPILES, tmp_path)  # writes the file
    second = _run(code, tmp_path)
    assert second["kept"] > 300 and second["screens"] == first["screens"] == without["screens"]
    (file,) = tmp_path.iterdir()
    from storyline.brief import literals

    derived = marshal.loads(file.read_bytes())["derived"]
    functions = {"_needle_sets": literals._needle_sets, "_prefixes": literals._prefixes,
                 "_alternatives": literals._alternatives,
                 "_is_anchored_source": literals._is_anchored_source,
                 "_first_characters": literals._first_characters,
                 "_past_start_characters": literals._past_start_characters,
                 "_sre_skips": literals._sre_skips, "_trie_source": literals._trie_source}
    for (code_tag, name, source, flags, *options), value in derived.items():
        assert code_tag == literals._CODE
        assert functions[name].__wrapped__(source, flags, *options) == value, (name, source)


def test_the_patterns_compiled_while_working_are_kept_at_exit(tmp_path):
    work = ("import json, re\nimport storyline.brief.pipeline\nfrom storyline import regex_cache\n"
            "late = [f'late pattern {i} (a|b)+' for i in range(12)]\n"
            "print(json.dumps({'loaded': sorted(s for s, f in regex_cache._loaded "
            "if s in late)}))\n"
            "[re.compile(p) for p in late]")
    assert _run(work, tmp_path)["loaded"] == []  # the file is written at import, and at exit
    assert len(_run(work, tmp_path)["loaded"]) == 12


def test_the_file_never_holds_more_than_its_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_CACHE", str(tmp_path))
    monkeypatch.setattr(regex_cache, "MAX_ENTRIES", 30)
    monkeypatch.setattr(regex_cache, "_entries", {(f"old {i}", 0): (f"old {i}", 0, [], 0, {}, ())
                                                  for i in range(25)})
    for i in range(40):
        re.compile(f"a pattern of this test, number {i}, (x|y)+z")
    regex_cache.save()
    entries = marshal.loads(regex_cache.path().read_bytes())["patterns"]
    assert len(entries) == 30 and not any(source.startswith("old ") for source, _ in entries)



def test_the_names_rule_compiles_no_pattern_per_name():
    """`context.Names` reads a cluster's names without compiling a pattern for each: once
    compiled for 4,188 names of 200 Multi-News clusters, those patterns were a tenth of the
    brief and pushed the rules out of `re`'s cache and of the file."""
    import re

    from storyline.brief.context import Names, needs

    def read(first: str, last: str, town: str) -> None:
        texts = [f"Mayor {first} {last} of {town} said the dam had burst.",
                 f"{last} said about 2,000 people left {town}.",
                 f"Without {town}, the valley would have no school, {first} said.",
                 f"The {town} Observatory said the water rose."]
        names = Names(texts)
        names.surnames
        for text in texts:
            needs(text, names)

    read("Anna", "Smithers", "Ardmore")
    before = set(re._cache)
    read("Zebulon", "Quarrington", "Oxnardville")
    names = ("Zebulon", "Quarrington", "Oxnardville", "zebulon", "quarrington", "oxnardville")
    assert not [key for key in re._cache if key not in before
                and any(name in str(key) for name in names)]
