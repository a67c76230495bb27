"""Bootstrap statistics over clusters: confidence intervals and a paired test.

Clusters are resampled with replacement (Efron's percentile bootstrap), from a seeded
generator so a rerun gives the same intervals. Resamples are drawn a block at a time,
so memory stays bounded however many clusters there are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

RESAMPLES = 1000
CONFIDENCE = 0.95
_BLOCK_CELLS = 4_000_000  # resampled indices held at once


@dataclass(frozen=True)
class Difference:
    """A minus B on the same clusters: the mean difference, its interval, and the
    two-sided p-value of "no difference"."""

    mean: float
    low: float
    high: float
    p_value: float


def interval(values: np.ndarray, resamples: int = RESAMPLES, seed: int = 0
             ) -> tuple[float, float]:
    """The 95% percentile-bootstrap interval of the mean of `values`."""
    means = np.concatenate(list(_resampled_means(values, resamples, seed)))
    tail = 100 * (1 - CONFIDENCE) / 2
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def paired_difference(a: np.ndarray, b: np.ndarray, resamples: int = RESAMPLES,
                      seed: int = 0) -> Difference:
    """Paired bootstrap of mean(a - b) over the same clusters.

    The p-value is two-sided: the share of resamples whose difference strays from the
    observed one by at least the observed amount, i.e. the bootstrap distribution
    shifted to a true difference of zero (Efron and Tibshirani, 1993, ch. 16).
    """
    d = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    observed = float(d.mean())
    means = np.concatenate(list(_resampled_means(d, resamples, seed)))
    tail = 100 * (1 - CONFIDENCE) / 2
    low, high = np.percentile(means, [tail, 100 - tail])
    extreme = int(np.sum(np.abs(means - observed) >= abs(observed) - 1e-12))
    return Difference(observed, float(low), float(high), (extreme + 1) / (resamples + 1))


def _resampled_means(values: np.ndarray, resamples: int, seed: int) -> Iterator[np.ndarray]:
    values = np.asarray(values, dtype=float)
    if values.size == 0:
        raise ValueError("no values to resample")
    rng = np.random.default_rng(seed)
    block = max(1, _BLOCK_CELLS // values.size)
    for start in range(0, resamples, block):
        rows = min(block, resamples - start)
        yield values[rng.integers(0, values.size, size=(rows, values.size))].mean(axis=1)
