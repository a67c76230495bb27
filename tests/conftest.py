import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The tests' processes keep their compiled patterns in a cache of their own (see
# storyline/regex_cache.py), not in the user's: they compile many patterns of their own.
if "STORYLINE_CACHE" not in os.environ:
    os.environ["STORYLINE_CACHE"] = tempfile.mkdtemp(prefix="storyline-test-cache-")
    atexit.register(shutil.rmtree, os.environ["STORYLINE_CACHE"], ignore_errors=True)

from storyline import Article  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "baghuz"
SHARED_DATA = ROOT.parent / "shared" / "data"


def article(text: str, id: str = "1", **fields) -> Article:
    return Article(id=id, text=text, **fields)


MULTI_NEWS = SHARED_DATA / "multinews_dev250.jsonl"


def news_sentences(most: int = 500) -> list[str]:
    """Sentences of the first Multi-News dev clusters (a rough split) that the analysis
    would parse, a little over `most` of them: real text for tests of spaCy stand-ins."""
    import json
    import re

    from storyline.analyze import language

    texts: list[str] = []
    with MULTI_NEWS.open() as f:
        for line in f:
            for document in json.loads(line)["documents"]:
                texts += [s for s in re.split(r"(?<=[.!?])\s+", document)
                          if 3 < len(s) < 1000 and language.WORTH_PARSING.search(s)]
            if len(texts) > most:
                break
    return texts


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE
