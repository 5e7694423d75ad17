#!/usr/bin/env python3
"""Prints the NumPy values pinned in tests/test_advanced_indexing.cpp and tests/test_functions_*.cpp.

Run with NumPy 2.x (the spec): python3 tools/numpy_data/gen_functions.py
Each line is: case-name shape flat-values (or the exception type and message). Compare with
the expected values written in the tests.
"""
import numpy as np


def p(name, x):
    x = np.asarray(x)
    print(name, x.dtype, x.shape, x.ravel().tolist())


def err(name, f):
    try:
        f()
        print(name, "no exception")
    except Exception as e:  # noqa: BLE001 - we print whatever NumPy raises
        print(name, type(e).__name__, repr(str(e)))


def advanced_indexing():
    a = np.arange(24).reshape(2, 3, 4)
    p("idx", a[[1, 0, 1]])
    p("ij", a[[0, 1], [2, 0]])
    p("colon2d", a[:, [[0, 2], [1, 1]]])
    p("int_colon_arr", a[0, :, [3, 1]])
    p("colon_int_arr", a[:, 1, [3, 1]])
    p("arr_colon_arr", a[[1, 0], :, [3, 0]])
    p("ell", a[..., [-1]])
    p("newaxis", a[None, [1, 0]])
    p("rev", a[::-1, [2], 1:3])
    p("T", a.T[[1], [2]])
    b = np.arange(12).reshape(3, 4)
    p("bcast", b[[[0], [1]], [0, 1, 2]])
    m = np.array([[True, False, True], [False, False, True]])
    p("mask2", a[m])
    p("mask2col", a[m, 1:3])
    x = np.arange(12.0).reshape(4, 3)
    lab = np.array([0, 1, 0, 1])
    p("rows", x[lab == 0])
    x[lab == 1] = np.array([7.0, 8.0, 9.0])
    p("rowsassign", x)
    c = np.arange(12).reshape(3, 4); c[[0, 2], [1, 3]] = [-1, -2]; p("assign_ij", c)
    c = np.arange(12).reshape(3, 4); c[:, [0, 3]] = np.array([[10], [20], [30]]); p("assign_colon", c)
    c = np.arange(12).reshape(3, 4); c[[2, 0]] = 5; p("assign_rows", c)
    c = np.arange(12).reshape(3, 4); c[[0, 0, 1]] += 1; p("iadd", c)
    p("zerod", a[np.array(1)])
    p("empty", a[np.array([], dtype=np.int64)])
    p("empty_sel", a[:, np.array([], dtype=np.int64), 1])
    err("oob", lambda: a[:, [5]])
    err("bcast_err", lambda: a[[0, 1], [0, 1, 2]])
    err("too_many", lambda: a[[0], [0], [0], [0]])
    err("neg_oob", lambda: a[[-3]])
    def bad_values():
        c = np.arange(12).reshape(3, 4)
        c[[0, 1]] = np.ones(3)
    err("value_shape", bad_values)
    err("mask_dim", lambda: x[np.array([True, False])])
    # Joins promote: int32 + float32 -> float64.
    p("concat_promote", np.concatenate([np.array([1, 2], np.int32), np.array([0.5], np.float32)]))
    p("stack_promote", np.stack([np.array([1, 2], np.int8), np.array([3, 4], np.uint8)]))
    p("vstack_bool_int", np.vstack([np.array([True, False]), np.array([3, 4], np.int16)]))


if __name__ == "__main__":
    advanced_indexing()
