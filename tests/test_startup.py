"""Start-up: a command imports what it uses, not what the other commands need."""

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

# What `storyline summarize --no-analysis` must not import: the server, the stories
# store, the evaluation, the analysis (and through it spaCy), and the process pool (one
# process). (Nor scipy.linalg: the topic space calls its LAPACK module alone, eigen.py; nor
# scipy.sparse: tf-idf's rows are `vectors.Rows`.)
NOT_FOR_A_BRIEF = ("uvicorn", "fastapi", "spacy", "sumy", "scipy.sparse", "storyline.stories",
                   "storyline.evaluate", "storyline.analyze", "storyline.faces.cli.serve",
                   "storyline.faces.cli.evaluate", "multiprocessing",
                   "concurrent.futures.process")


def _loaded_after(code: str) -> dict:
    script = f"import json, os, sys\n{code}\nprint(json.dumps([sorted(sys.modules), " \
             "os.environ.get('OPENBLAS_NUM_THREADS')]))"
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env=env)
    modules, threads = json.loads(done.stdout.strip().splitlines()[-1])
    return {"modules": set(modules), "threads": threads}


def test_import_storyline_loads_no_numpy_until_a_name_is_used():
    loaded = _loaded_after("import storyline")
    assert "numpy" not in loaded["modules"] and "storyline.brief.pipeline" not in loaded["modules"]
    loaded = _loaded_after("from storyline import summarize, Options, Stories, timeline")
    assert {"storyline.brief.pipeline", "storyline.stories", "numpy"} <= loaded["modules"]


def test_public_names_all_resolve():
    import storyline

    for name in storyline.__all__:
        assert getattr(storyline, name) is not None
    with pytest.raises(AttributeError):
        storyline.no_such_name  # noqa: B018


def test_a_brief_without_analysis_imports_only_what_it_uses(example_dir, tmp_path):
    out = tmp_path / "brief.txt"
    loaded = _loaded_after(
        "from storyline.faces.cli import main\n"
        f"try:\n    main(['summarize', {str(example_dir)!r}, '--no-analysis', '-o', {str(out)!r}])\n"
        "except SystemExit as e:\n    assert not e.code, e.code")
    assert out.read_text().strip()
    assert not {m for m in loaded["modules"] for name in NOT_FOR_A_BRIEF
                if m == name or m.startswith(name + ".")}
    assert "scipy.linalg" not in loaded["modules"] and "scipy.linalg._flapack" in loaded["modules"]
    assert loaded["threads"] == "1"  # set before numpy loaded


def test_a_brief_never_loads_numpys_f2py_or_testing_but_they_still_work(example_dir):
    """scipy touches numpy.f2py and numpy.testing at import (scipy.sparse, which a brief
    imports only on its rare paths: a focus, articles already seen); the brief puts them
    in place as lazy modules, loaded in full on first real use."""
    loaded = _loaded_after(
        "from storyline.brief.pipeline import summarize\n"
        "from storyline.brief.ingest import read_cluster\n"
        "from storyline.options import Options\n"
        f"summarize(read_cluster({str(example_dir)!r}), options=Options(analysis=False))\n"
        "assert 'scipy.sparse' not in sys.modules\n"
        f"summarize(read_cluster({str(example_dir)!r}), options=Options(analysis=False, "
        "focus='civilians'))\n"
        "early = [m for m in sys.modules if m.startswith(('numpy.f2py.', 'numpy.testing.'))]\n"
        "assert 'scipy.sparse' in sys.modules and not early, early\n"
        "import numpy\n"
        "numpy.testing.assert_equal(numpy.arange(2), [0, 1])\n"
        "assert callable(numpy.f2py.run_main)\n"
        "lazy = [m for m in ('numpy.polynomial', 'numpy.ctypeslib', 'numpy.char', 'numpy.rec',\n"
        "                    'numpy.strings', 'numpy.ma')\n"
        "        if type(sys.modules[m]).__name__ != 'module']\n"
        "assert len(lazy) == 6, lazy\n"
        "assert numpy.ma.masked_array([1, 2], mask=[0, 1]).sum() == 1\n"
        "assert numpy.polynomial.Polynomial([1, 2])(1) == 3\n"
        "assert list(numpy.char.upper(['ab'])) == ['AB']\n"
        "assert list(numpy.strings.upper(['ab'])) == ['AB']\n"
        "assert numpy.rec.fromrecords([(1, 'a')], names='x,y').x[0] == 1\n"
        "assert list(numpy.ctypeslib.as_array((numpy.ctypeslib.ctypes.c_int * 2)(3, 4))) == [3, 4]\n")
    assert "numpy.testing._private.utils" in loaded["modules"]  # loaded when used


def test_spacy_loads_without_its_command_line_and_the_same():
    """`language.nlp` imports spaCy without `spacy.cli` (a stand-in during the import)
    and with the entry points grouped once: the same entry points, the same pipeline
    and annotations as a plain `spacy.load` (less the disabled `senter`, not loaded), and
    `spacy.info` still works; pydantic, whose plugins were found from the same entry
    points, has none, as its own reading finds."""
    code = r"""
import gc, importlib.metadata, sys
from storyline.analyze import language
nlp = language.nlp()
assert gc.isenabled() and gc.get_freeze_count() > 10_000  # the model's objects
import catalogue, spacy
assert "spacy.cli" not in sys.modules and "requests" not in sys.modules
assert "pydantic.v1" not in sys.modules  # (confection's optional import of it: not made)
eps = importlib.metadata.entry_points()
assert catalogue.AVAILABLE_ENTRY_POINTS == {g: list(eps.select(group=g)) for g in eps.groups}
plain = spacy.load(language.MODEL)
assert nlp.pipe_names == plain.pipe_names and not nlp.disabled and plain.disabled == ["senter"]
assert nlp.component_names == [n for n in plain.component_names if n != "senter"]
from pydantic.plugin import _loader
assert _loader._plugins == {} and not list(importlib.metadata.entry_points(group="pydantic"))
text = "As many as 2,000 fighters (U.S.-backed) remained in Baghuz on Monday, the SDF said."
attrs = ["ORTH", "TAG", "POS", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "LEMMA", "SENT_START"]
assert (nlp(text).to_array(attrs) == plain(text).to_array(attrs)).all()
assert spacy.info(silent=True)["spacy_version"] == spacy.__version__
assert "spacy.cli" in sys.modules
import pydantic.v1  # still there for whoever wants it
assert pydantic.v1.BaseModel
import typing
assert "compile" not in vars(typing)  # (given one only during the import)
"""
    loaded = _loaded_after(code)
    assert "spacy.cli.info" in loaded["modules"]


_GROUPS = ("spacy_factories", "thinc_layers", "pydantic", "console_scripts")


@settings(deadline=None)  # (the first example imports the analysis)
@given(st.lists(st.tuples(st.sampled_from(_GROUPS), st.sampled_from("abc"),
                          st.sampled_from(("x:y", "x:z", "w"))), max_size=12))
def test_entry_points_are_grouped_as_select_gives_them(drawn):
    """`grouped_entry_points` gives each group's entry points as `select(group=...)` does,
    in their order, from what `entry_points()` returns in this Python (a dict of them by
    group in 3.11, a sequence later) and from a plain sequence of them."""
    from importlib import metadata

    from storyline.analyze.language import grouped_entry_points

    points = [metadata.EntryPoint(name, value, group) for group, name, value in drawn]
    shapes = [metadata.EntryPoints(points)]
    if hasattr(metadata, "SelectableGroups"):  # Python 3.11
        shapes.append(metadata.SelectableGroups.load(points))
    for found in shapes:
        assert grouped_entry_points(found) == {
            group: list(found.select(group=group)) for group in found.groups}


@settings(deadline=None)
@given(st.lists(st.sampled_from(["int", "list[int]", "Optional[str]", "'quoted'", "*Ts",
                                 "Dict[str, 'A']", "1 +", "a b", "x if y else z"]),
                max_size=8))
def test_forward_references_compiled_once_are_the_same(texts):
    """Inside `_forward_references_compiled_once`, a `typing.ForwardRef` holds the same
    text and equal code as one made outside (each text compiled once), a text that is
    no expression raises the same error, and `typing` is left without a `compile`."""
    import typing

    from storyline.analyze import language

    def made(text):
        try:
            ref = typing.ForwardRef(text)
        except SyntaxError as e:
            return str(e)
        code = ref.__forward_code__
        return ref, ref.__forward_arg__, code.co_code, code.co_names, code.co_consts

    outside = [made(t) for t in texts]
    with language._forward_references_compiled_once():
        inside = [made(t) for t in texts]
    assert inside == outside
    assert "compile" not in vars(typing)
    codes = {}  # each text's code: one object
    for text, found in zip(texts, inside, strict=True):
        if not isinstance(found, str):
            assert codes.setdefault(text, found[0].__forward_code__) is found[0].__forward_code__


def test_pydantic_is_told_it_has_no_plugins_only_when_none_is_installed(monkeypatch):
    """pydantic's cache of plugins is set to none only where the entry points read hold
    none of its group, and only while it has not read them itself."""
    from importlib import metadata

    from pydantic.plugin import _loader

    from storyline.analyze.language import _pydantic_plugins_from

    plugin = metadata.EntryPoint("p", "some.module:plugin", "pydantic")
    for grouped, cache, after in [({}, None, {}), ({"pydantic": []}, None, {}),
                                  ({"pydantic": [plugin]}, None, None),
                                  ({}, {"kept": 1}, {"kept": 1})]:
        monkeypatch.setattr(_loader, "_plugins", cache)
        _pydantic_plugins_from(grouped)
        assert _loader._plugins == after


@pytest.mark.parametrize(("requirements", "needs"), [
    (["thinc<8.4.0,>=8.3.12", "pydantic<3.0.0,>=2.0.0", "tqdm"], True),
    (["pydantic>=2.7"], True),
    (["pydantic!=1.8,!=1.8.1,<3.0.0,>=1.7.4"], False),  # an older spaCy: pydantic.v1 used
    (["pydantic-core>=2.0", "pydantic<3,>=1.10"], False),
    (["pydantic>=2.0; python_version < '3.15'"], True),
    ([], False),
    (None, False),
])
def test_pydantic_v1_is_kept_out_only_for_a_spacy_that_needs_pydantic_2(
        monkeypatch, requirements, needs):
    import importlib.metadata

    from storyline.analyze import language

    monkeypatch.setattr(importlib.metadata, "requires", lambda name: requirements)
    assert language._needs_pydantic_2("spacy") is needs


def test_a_missing_package_needs_no_pydantic_2():
    from storyline.analyze import language

    assert language._needs_pydantic_2("no-such-package-storyline") is False


def test_a_spacy_that_needs_more_of_its_command_line_is_imported_whole():
    """If spaCy's `__init__` asks the stand-in `spacy.cli` for more than `info` (another
    version of spaCy), spaCy is imported again as it is, with its command line."""
    code = r"""
import builtins, sys
real, failed = builtins.__import__, []

def refusing(name, globals=None, locals=None, fromlist=(), level=0):
    if not failed and level == 1 and name == "cli.info" and (globals or {}).get(
            "__name__") == "spacy":
        failed.append(name)
        raise ImportError("cannot import name 'more' from 'spacy.cli.info'")
    return real(name, globals, locals, fromlist, level)

builtins.__import__ = refusing
from storyline.analyze import language
spacy = language._import_spacy()
builtins.__import__ = real
assert failed and "spacy.cli.info" in sys.modules and callable(spacy.load)
assert language.nlp()("Two people died on Monday.")[0].like_num
"""
    _loaded_after(code)


def test_loading_spacy_leaves_the_collector_as_it_was(monkeypatch):
    """`language.nlp` pauses the garbage collector during the load and freezes what it
    made; a collector that was off stays off, and one that was on is on again, even when
    the load fails."""
    import gc

    from storyline.analyze import language
    from storyline.errors import StorylineError

    def fail():
        assert not gc.isenabled()
        raise StorylineError("no model")

    monkeypatch.setattr(language, "_load", fail)
    was = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            with pytest.raises(StorylineError):
                language.nlp.__wrapped__()
            assert gc.isenabled() == enabled
        monkeypatch.setattr(language, "_load", lambda: "pipeline")
        gc.disable()
        assert language.nlp.__wrapped__() == "pipeline" and not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
        gc.unfreeze()


def test_the_collector_stays_paused_through_the_whole_load():
    """srsly's `msgpack_loads` turns the collector on after each of the model's pieces:
    during the load it leaves it as it is (off), and it is srsly's own again after."""
    import gc

    from srsly import _msgpack_api

    from storyline.analyze import language

    started = []

    def count(phase, info):
        started.append(phase)

    was = gc.isenabled()
    gc.disable()
    gc.callbacks.append(count)
    try:
        pipeline = language._load()  # the import (done already, maybe) and the load
        assert not gc.isenabled() and started == []
        assert pipeline("Two people died on Monday.")[0].like_num
    finally:
        gc.callbacks.remove(count)
        (gc.enable if was else gc.disable)()
    assert _msgpack_api.gc is gc


def test_srsly_has_its_collector_back_when_the_load_fails():
    import gc

    from srsly import _msgpack_api

    from storyline.analyze import language

    with pytest.raises(RuntimeError), language._collector_kept_off():
        assert _msgpack_api.gc is not gc
        _msgpack_api.gc.enable()  # does nothing during the load
        raise RuntimeError("the load failed")
    assert _msgpack_api.gc is gc


def test_the_program_exits_without_teardown_after_its_exit_handlers(example_dir, tmp_path):
    """`storyline` itself (arguments from the command line) ends with `os._exit`, after the
    exit handlers and with stdout flushed: the same output, the same exit code; called
    with arguments, `main` raises SystemExit as click's commands do."""
    out, ran = tmp_path / "brief.json", tmp_path / "handler-ran"
    program = ("import atexit, sys\n"
               "ran = sys.argv.pop()\n"
               "atexit.register(lambda: open(ran, 'w').close())\n"
               "from storyline.faces.cli import main\n"
               "main()\n"
               "raise AssertionError('main returned')\n")
    for arguments, code in ((["summarize", str(example_dir), "--no-analysis", "-f", "json",
                              "-o", str(out)], 0),
                            (["summarize", str(tmp_path / "missing")], 1)):
        done = subprocess.run([sys.executable, "-c", program, *arguments, str(ran)],
                              capture_output=True, text=True)
        assert done.returncode == code, done.stderr
        assert ran.exists()  # the exit handlers ran (the log's, the pattern cache's)
        ran.unlink()
    assert json.loads(out.read_text())["sentences"]
    assert "does not exist" in done.stderr
    shown = subprocess.run([sys.executable, "-c", program, "summarize", str(example_dir),
                            "--no-analysis", str(ran)], capture_output=True, text=True)
    assert shown.returncode == 0 and shown.stdout.strip()  # stdout flushed before the exit
    loaded = _loaded_after(  # called with arguments: SystemExit, then the caller goes on
        "from storyline.faces.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit as e:\n    assert not e.code\n")
    assert "storyline.faces.cli" in loaded["modules"]
