"""Stories: a stream of articles in, living stories out, on a SQLite store.

    sources ─▶ Incoming ─prepare (pure, per article)─▶ Prepared
            ─▶ duplicates ─▶ near duplicates (dedup) ─▶ detect ─▶ store ─▶ briefs
"""

from .prepare import Incoming, Prepared, Skipped, prepare, prepare_or_skip
from .sources import read_sources
from .store import StoreBusy, StoreError
from .stories import Added, Stories, Story, StoryBrief

__all__ = ["Added", "Incoming", "Prepared", "Skipped", "StoreBusy", "StoreError", "Stories",
           "Story", "StoryBrief", "prepare", "prepare_or_skip", "read_sources"]
