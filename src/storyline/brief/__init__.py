"""The stages of one brief, one module each, run in a line by `pipeline.summarize`:

ingest → clean → segment → vectors → group → [updates] → score → [focus] → select → order → render
"""

from .lazy import defer_unused_numpy_modules

defer_unused_numpy_modules()  # before any stage imports scipy
