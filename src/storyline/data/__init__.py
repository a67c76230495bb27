"""Defaults shipped as data files: clutter patterns, abbreviations, stop words."""

from importlib.resources import files


def read_text(name: str) -> str:
    return files(__name__).joinpath(name).read_text("utf-8")


def word_list(name: str) -> frozenset[str]:
    """The words of a data file: whitespace-separated, lines starting with # skipped."""
    return frozenset(word for line in read_text(name).splitlines()
                     if not line.startswith("#") for word in line.split())
