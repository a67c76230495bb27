from pathlib import Path

import pytest

from storyline import Article

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "baghuz"
SHARED_DATA = ROOT.parent / "shared" / "data"


def article(text: str, id: str = "1", **fields) -> Article:
    return Article(id=id, text=text, **fields)


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE
