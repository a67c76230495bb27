"""Storyline: many news articles about one event in, one short, cited brief out."""

import logging

from .brief.ingest import read_cluster, read_clusters
from .analyze.timeline import timeline
from .brief.pipeline import summarize
from .errors import EmptyInputError, InputError, OptionsError, StorylineError
from .model import Article, Brief, BriefSentence, Citation
from .options import Options
from .stories import Stories

__all__ = [
    "Article", "Brief", "BriefSentence", "Citation", "EmptyInputError", "InputError",
    "Options", "OptionsError", "Stories", "StorylineError", "read_cluster", "read_clusters",
    "summarize", "timeline",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
