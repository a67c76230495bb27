"""The rules' compiled regular expressions kept on disk, so that a process starts without
compiling them again.

The brief's rules are a few hundred regular expressions, compiled at import: about a
quarter of a brief's start-up, paid by every process. Python compiles a pattern in two
steps: its own code (the parser and code generator, written in Python: the slow part)
turns the pattern into a list of integers, and `_sre.compile` (in C) makes the pattern
object from that list. `save` keeps, for each pattern compiled so far, the arguments
that Python gave `_sre.compile` (the list as an array's bytes: `marshal` reads a list
one integer at a time, half of `load`'s cost); `load`, in a later process, makes the
pattern objects from them and puts them in the `re` module's own cache, where
`re.compile` finds them. A pattern made so compares equal to one compiled anew (pattern
objects compare their code), so every match is the same: `tests/test_regex_cache.py`.
`storyline` loads the file when imported; `brief.pipeline` saves at the end of its
import and, through `save_at_exit`, when the process ends, with what was compiled as it
worked (the screens' alternatives compiled when first tried, the analysis's rules and
spaCy's own patterns at their import: about 320 more).

It keeps, too, what other modules read off the patterns at import (`remembered`: the
literal words `literals.FirstMatch` screens with, read off each pattern's parse), under
keys that name the code that computed them.

The file is kept per Python build (its version string, the regex engine's magic
number) in `$STORYLINE_CACHE`, else `$XDG_CACHE_HOME/storyline`, else
`~/.cache/storyline`; `STORYLINE_CACHE=""` turns it off. Anything unexpected (another
Python, a damaged or unwritable file) leaves `re` compiling as usual.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib
from array import array
from pathlib import Path

try:
    import _sre
except ImportError:  # pragma: no cover - not CPython
    _sre = None

FORMAT = 3  # of the file: in its name, so that versions of this module keep apart
_CODE = "I"  # the patterns' code kept as an array of this type (unsigned, _sre.CODESIZE bytes)
MIN_NEW = 10  # new patterns that make a process write the file
MAX_ENTRIES = 1000  # beyond, the file keeps the patterns of the process saving it, this many
_loaded: set[tuple[str, int]] = set()  # the patterns this process took from the file
_entries: dict[tuple[str, int], tuple] = {}
_derived: dict[tuple, object] = {}  # `remembered` values, by key
_derived_used: set[tuple] = set()  # the keys asked for by this process
_derived_added = 0


def path() -> Path | None:
    """The cache file of this Python, or None when the cache is off or cannot work."""
    if not _usable():
        return None
    where = os.environ.get("STORYLINE_CACHE")
    if where == "":
        return None
    if where is None:
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        where = os.path.join(home, "storyline")
    tag = sys.implementation.cache_tag
    build = zlib.crc32(f"{sys.version}|{tag}|{_sre.MAGIC}|{_sre.CODESIZE}".encode())
    return Path(where) / f"regex{FORMAT}-{tag}-{build:08x}.marshal"


def _usable() -> bool:
    return (_sre is not None and sys.implementation.name == "cpython"
            and array(_CODE).itemsize == _sre.CODESIZE
            and isinstance(getattr(re, "_cache", None), dict)
            and hasattr(re, "_compiler") and getattr(re._compiler, "_sre", None) is _sre)


def load() -> int:
    """Put the patterns of the cache file in `re`'s cache; how many."""
    file = path()
    if file is None or _loaded:
        return 0
    try:
        content = marshal.loads(file.read_bytes())
        entries, derived = content["patterns"], content["derived"]
        if type(derived) is not dict:
            return 0
        made = {}
        for (source, flags), arguments in entries.items():
            if type(source) is not str or type(flags) is not int or arguments[0] != source:
                return 0
            made[str, source, flags] = _made(arguments)
    except (OSError, EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError,
            RuntimeError):
        return 0  # no file yet, or one this Python cannot read: compile as usual
    for key, pattern in made.items():
        re._cache.setdefault(key, pattern)
    for key, value in derived.items():
        _derived.setdefault(key, value)
    _entries.update(entries)
    _loaded.update(entries)
    return len(made)


def save() -> int:
    """Keep in the cache file every pattern in `re`'s cache that it lacks (compiled
    once more to read its code) and the values `remembered` computed, when there are
    at least MIN_NEW new patterns or values; how many patterns were added."""
    global _derived_added
    file = path()
    if file is None:
        return 0
    present = [(source, flags) for kind, source, flags in list(re._cache)
               if kind is str and type(flags) is int]
    new = [key for key in present if key not in _entries]
    if len(new) < MIN_NEW and _derived_added < MIN_NEW:  # a few: not worth a write (some
        return 0  # vary by run, tokenize's pattern by hash order)
    if len(_derived) > 4 * MAX_ENTRIES:  # only those of this process
        for key in [key for key in _derived if key not in _derived_used]:
            del _derived[key]
    if len(_entries) + len(new) > MAX_ENTRIES:  # start afresh with this process's, the
        kept = [key for key in present if key in _entries][:MAX_ENTRIES]  # file's first
        kept = {key: _entries[key] for key in kept}
        _entries.clear()
        _entries.update(kept)
        new = new[:MAX_ENTRIES - len(_entries)]
    for source, flags in new:
        arguments = _arguments(source, flags)
        if arguments is not None:
            _entries[source, flags] = arguments
    import tempfile

    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=file.parent, prefix=file.name,
                                         delete=False) as out:
            out.write(marshal.dumps({"patterns": _entries, "derived": _derived}))
        os.replace(out.name, file)
    except (OSError, ValueError):
        return 0
    _derived_added = 0
    return len(new)


def save_at_exit() -> None:
    """`save` again when the process exits (once registered): the patterns compiled
    while it worked (a screen's alternatives compiled when first tried, the analysis's
    and spaCy's at their import) are kept too. A forked worker leaves without it."""
    global _at_exit
    if not _at_exit:
        import atexit

        atexit.register(_save_quietly)
        _at_exit = True


_at_exit = False


def _save_quietly() -> None:
    try:
        save()
    except Exception:  # noqa: BLE001 - a cache must never fail a process's exit
        pass


def remembered(key: tuple, compute):
    """`compute()`, or its value kept in the file under `key` (plain values that name the
    code and its arguments; the value too must be plain: tuples, strings, numbers)."""
    global _derived_added
    _derived_used.add(key)
    try:
        return _derived[key]
    except KeyError:
        value = _derived[key] = compute()
        _derived_added += 1
        return value


def _made(arguments: tuple) -> re.Pattern:
    """The pattern object made from the arguments `_arguments` kept."""
    source, flags, code, groups, groupindex, indexgroup = arguments
    return _sre.compile(source, flags, array(_CODE, code).tolist(), groups, groupindex,
                        indexgroup)


def _arguments(source: str, flags: int) -> tuple | None:
    """What Python's compiler gives `_sre.compile` for the pattern, as plain values."""
    seen: list[tuple] = []

    class Recorder:
        def __getattr__(self, name):
            return getattr(_sre, name)

        @staticmethod
        def compile(*arguments):
            seen.append(arguments)
            return _sre.compile(*arguments)

    compiler = re._compiler
    try:
        compiler._sre = Recorder()
        try:
            compiler.compile(source, flags)
        finally:
            compiler._sre = _sre
        pattern, final_flags, code, groups, groupindex, indexgroup = [
            a for a in seen if a[0] == source][-1]
        return (pattern, int(final_flags), array(_CODE, code).tobytes(), int(groups),
                dict(groupindex), tuple(indexgroup))
    except Exception:  # noqa: BLE001 - a pattern the recorder cannot read is not kept
        return None
