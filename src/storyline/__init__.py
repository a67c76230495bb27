"""Storyline: many news articles about one event in, one short, cited brief out."""

import logging
from importlib import import_module

from . import regex_cache

regex_cache.load()  # the rules' regular expressions, compiled by an earlier process

# Where each public name lives. They are imported on first use (PEP 562), so that
# `import storyline` and a command that needs only the brief do not pay for the
# timeline, the stories store or the analysis at start-up.
_PUBLIC = {
    "Article": "model", "Brief": "model", "BriefSentence": "model", "Citation": "model",
    "EmptyInputError": "errors", "InputError": "errors", "OptionsError": "errors",
    "StorylineError": "errors", "Options": "options", "Stories": "stories",
    "read_cluster": "brief.ingest", "read_clusters": "brief.ingest",
    "summarize": "brief.pipeline", "timeline": "analyze.timeline",
}

__all__ = sorted(_PUBLIC)
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value  # found once; later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
