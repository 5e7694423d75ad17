#!/usr/bin/env python3
"""Reads the files example_npy_files wrote (gpu::save / gpu::savez / gpu::savez_compressed)
with NumPy and checks dtype, shape, order and every value against gen_npy.py's formula.

    ./build/examples/example_npy_files /tmp/npy_out      # on the GPU machine (GPU arrays)
    python3 tools/numpy_data/check_npy_roundtrip.py /tmp/npy_out

Exits non-zero on the first mismatch. Also loads with allow_pickle=False and mmap_mode='r'
(NumPy's strictest readers).
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_npy import DTYPES, values  # noqa: E402


def same(a, b, what):
    if a.dtype != b.dtype or a.shape != b.shape or not np.array_equal(a, b):
        sys.exit("MISMATCH %s: got %s %s %r, want %s %s %r" % (what, a.dtype, a.shape, a, b.dtype, b.shape, b))


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "npy_out"
    p = lambda n: os.path.join(d, n)
    for name in DTYPES:
        same(np.load(p(name + ".npy"), allow_pickle=False), values(name, (2, 3)), name)
        same(np.load(p(name + ".npy"), mmap_mode="r"), values(name, (2, 3)), name + " (mmap)")
    t = np.load(p("float64_transposed.npy"))
    same(t, values("float64", (2, 3, 4)).T, "transposed view")
    assert t.flags.c_contiguous
    same(np.load(p("float32_0d.npy")), values("float32", ()), "0-d")
    same(np.load(p("int32_empty.npy")), values("int32", (0, 3)), "empty")
    with np.load(p("mixed.npz")) as z:
        assert z.files == ["x", "idx", "flag"], z.files
        same(z["x"], values("float32", (2, 3)), "npz x")
        same(z["idx"], values("int64", (4,)), "npz idx")
        same(z["flag"], values("bool", ()), "npz flag")
    with np.load(p("mixed_compressed.npz")) as z:
        same(z["x"], values("float32", (2, 3)), "npz_compressed x")
        same(z["big"], values("uint16", (100, 50)), "npz_compressed big")
    print("OK: every file the library wrote reads back in NumPy", np.__version__)


if __name__ == "__main__":
    main()
