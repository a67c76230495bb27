"""Eigenpairs of a symmetric matrix as `scipy.linalg.eigh` computes them, without its import.

Selection's topic space needs the top eigenvectors of a small Gram matrix, which
`scipy.linalg.eigh(a, subset_by_index=[lo, hi])` gets from LAPACK's `ssyevr` (`dsyevr`
for float64). Importing `scipy.linalg` for it costs about a fifth of a brief's start-up
(its decorators parse the docstrings of some seventy functions), for one routine of one
extension module: `eigh` here loads that module (`scipy.linalg._flapack`) alone, from
scipy's own files, and calls the routine with the arguments `scipy.linalg.eigh` gives
it (the workspace sizes it asks LAPACK for, rounded as scipy rounds them, the same
flags), so the results are the same to the last bit (`tests/test_fast_paths.py`
compares them). When the module cannot be loaded so (another
scipy, another build), `scipy.linalg.eigh` itself is called.
"""

from __future__ import annotations

import numpy as np

_FLAPACK: list = []  # the loaded module, or None when it cannot be loaded alone


def eigh(a: np.ndarray, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
    """`scipy.linalg.eigh(a, subset_by_index=[lo, hi])` for a real symmetric matrix `a`
    of float32 or float64 (its lower triangle is read): the eigenvalues lo..hi in
    ascending order, and their eigenvectors as columns."""
    a = np.asarray_chkfinite(a)
    n = a.shape[0] if a.ndim == 2 else -1
    flapack = _flapack()
    prefix = {np.dtype(np.float32): "s", np.dtype(np.float64): "d"}.get(a.dtype)
    if (flapack is None or prefix is None or a.shape != (n, n) or n == 0
            or not 0 <= lo <= hi < n):
        from scipy import linalg  # (anything else: scipy's own checks and answers)

        return linalg.eigh(a, subset_by_index=[lo, hi])
    sizes = getattr(flapack, prefix + "syevr_lwork")(n=n, lower=True)
    if sizes[-1] != 0:
        raise ValueError(f"Internal work array size computation failed: {sizes[-1]}")
    if prefix == "s":  # (as scipy takes a single-precision size: the next float up)
        sizes = [np.nextafter(size.real, np.inf, dtype=np.float32) for size in sizes]
    lwork, liwork = (int(size.real) for size in sizes[:2])
    w, v, m, _, info = getattr(flapack, prefix + "syevr")(
        a=a, overwrite_a=False, range="I", il=lo + 1, iu=hi + 1, lower=True, compute_v=1,
        lwork=lwork, liwork=liwork)
    if info != 0:
        from scipy import linalg  # (scipy's error for it)

        return linalg.eigh(a, subset_by_index=[lo, hi])
    return w[:m], v[:, :m]


def _flapack():
    if not _FLAPACK:
        _FLAPACK.append(_load())
    return _FLAPACK[0]


def _load():
    """scipy's LAPACK module, loaded from its file without importing `scipy.linalg` (it
    is in `sys.modules` under its name, as any loaded extension: a later `import
    scipy.linalg` finds it there and uses it)."""
    import importlib.machinery
    import importlib.util
    import os
    import sys

    if "scipy.linalg" in sys.modules:  # imported anyway: its module is there
        return getattr(sys.modules["scipy.linalg"], "_flapack", None)
    try:
        scipy = importlib.util.find_spec("scipy")
        folder = os.path.join(os.path.dirname(scipy.origin), "linalg")
        for suffix in importlib.machinery.EXTENSION_SUFFIXES:
            path = os.path.join(folder, "_flapack" + suffix)
            if os.path.exists(path):
                loader = importlib.machinery.ExtensionFileLoader("scipy.linalg._flapack", path)
                spec = importlib.util.spec_from_file_location("scipy.linalg._flapack", path,
                                                              loader=loader)
                module = importlib.util.module_from_spec(spec)
                loader.exec_module(module)
                return module if hasattr(module, "dsyevr") else None
    except Exception:  # noqa: BLE001  (another layout: scipy.linalg.eigh is used)
        return None
    return None


_flapack()  # at import: `--jobs` workers, forked after it, find the module loaded
