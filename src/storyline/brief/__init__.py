"""The stages of one brief, one module each, run in a line by `pipeline.summarize`:

ingest → clean → segment → vectors → group → [updates] → score → [focus] → select → order → render
"""
