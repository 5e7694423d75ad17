#!/usr/bin/env python3
"""Writes the .npy / .npz files of tests/test_npy.cpp with NumPy itself (tests/data/npy/).

    python3 tools/numpy_data/gen_npy.py [out_dir]

The values follow one formula per dtype kind (value_of in tests/test_npy.cpp), element i of the
C-order flattening:
    bool:      i % 3 == 0
    signed:    (i - 2) * 37
    unsigned:  i * 37 (uint8), i * 37 + 2**(bits - 1) (wider: the top bit set)
    float:     (i - 2) * 0.375
Re-run with NumPy 2.x to check that the library reads what current NumPy writes; the files are
byte-for-byte what np.save / np.savez / np.savez_compressed produce (except the zip timestamps).
"""
import os
import sys

import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64"]
# The dtypes of issue 12 (tests/test_dtypes_complex.cpp reads their files): complex values are
# (i - 2) * 0.375 + 0.5j * i; bfloat16 is ml_dtypes', which np.save writes as '<V2'.
NEW_DTYPES = ["float16", "complex64", "complex128"]


def values(name, shape):
    n = int(np.prod(shape, dtype=np.int64))
    i = np.arange(n, dtype=np.int64)
    dt = np.dtype(name)
    if dt.kind == "b":
        v = (i % 3) == 0
    elif dt.kind == "i":
        v = ((i - 2) * 37).astype(dt)
    elif dt.kind == "c":
        v = ((i - 2) * 0.375 + 0.5j * i).astype(dt)
    elif dt.kind == "u":
        v = (i * 37).astype(dt)
        if dt.itemsize > 1:
            v = v + dt.type(2 ** (8 * dt.itemsize - 1))
    else:
        v = ((i - 2) * 0.375).astype(dt)
    return np.asarray(v, dtype=dt).reshape(shape)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "tests", "data", "npy")
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)
    for name in DTYPES:
        a = values(name, (2, 3))
        np.save(p(name + ".npy"), a)
        if a.dtype.itemsize > 1:
            np.save(p(name + "_be.npy"), a.astype(a.dtype.newbyteorder(">")))
    for name in NEW_DTYPES:
        a = values(name, (2, 3))
        np.save(p(name + ".npy"), a)
        np.save(p(name + "_be.npy"), a.astype(a.dtype.newbyteorder(">")))
    try:
        import ml_dtypes
        np.save(p("bfloat16.npy"), values("float32", (2, 3)).astype(ml_dtypes.bfloat16))
    except ImportError:
        print("ml_dtypes is missing: bfloat16.npy not rewritten")
    # Fortran order: the array's values are values(dtype, shape) in C order; the file stores the
    # transpose's C order (NumPy writes an F-contiguous array that way).
    np.save(p("float64_fortran.npy"), np.asfortranarray(values("float64", (2, 3, 4))))
    np.save(p("int16_fortran_be.npy"), np.asfortranarray(values("int16", (2, 3, 4)).astype(">i2")))
    np.save(p("float32_0d.npy"), np.array(np.float32(2.5)))
    np.save(p("int32_empty.npy"), values("int32", (0, 3)))
    for v in [(1, 0), (2, 0), (3, 0)]:
        with open(p("float64_v%d.npy" % v[0]), "wb") as f:
            np.lib.format.write_array(f, values("float64", (3, 2)), version=v)
    np.savez(p("mixed.npz"), x=values("float32", (2, 3)), idx=values("int64", (4,)), flag=values("bool", ()))
    np.savez_compressed(p("mixed_compressed.npz"), x=values("float32", (2, 3)), idx=values("int64", (4,)),
                        flag=values("bool", ()), big=values("uint16", (100, 50)))
    # Unsupported dtypes: object, structured, datetime.
    np.save(p("object.npy"), np.array([1, "a", None], dtype=object), allow_pickle=True)
    np.save(p("structured.npy"), np.zeros(3, dtype=[("a", "<i4"), ("b", "<f8")]))
    np.save(p("datetime.npy"), np.array(["2026-12-05"], dtype="datetime64[D]"))
    print("wrote", out, "with NumPy", np.__version__)


if __name__ == "__main__":
    main()
