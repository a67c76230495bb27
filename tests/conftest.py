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


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE
