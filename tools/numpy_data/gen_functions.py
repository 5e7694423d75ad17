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


def differences():
    a = np.array([1, 4, 9, 16, 25, 36], np.int32).reshape(2, 3)
    p("diff", np.diff(a)); p("diff_axis0", np.diff(a, axis=0)); p("diff_n2", np.diff(a.ravel(), 2))
    p("diff_T", np.diff(a.T)); p("diff_sliced", np.diff(a[:, ::2])); p("diff_n5", np.diff(a, 5))
    p("diff_prepend0", np.diff(a, 1, -1, prepend=0))
    p("diff_append", np.diff(a, 1, 0, append=np.array([[0, 0, 0]], np.int32)))
    p("diff_f32_prepend0", np.diff(np.array([1.5, 2], np.float32), prepend=0))
    p("diff_u8", np.diff(np.array([1, 2, 2, 3], np.uint8))); p("diff_u8_wrap", np.diff(np.array([3, 1], np.uint8)))
    p("diff_bool", np.diff(np.array([True, False, False, True])))
    err("diff_neg", lambda: np.diff(a, -1)); err("diff_0d", lambda: np.diff(np.array(3)))
    p("ediff1d", np.ediff1d(np.array([1, 2, 4, 7]), to_end=np.array([88, 99]), to_begin=-99))
    p("ediff1d_2d", np.ediff1d(np.array([[1.0, 2, 4], [7, 0, 0]])))
    err("ediff1d_cast", lambda: np.ediff1d(np.array([1, 2], np.int32), to_begin=0.5))
    f = np.array([1, 2, 4, 7, 11, 16], float)
    p("gradient", np.gradient(f)); p("gradient_h2", np.gradient(f, 2.0)); p("gradient_e2", np.gradient(f, edge_order=2))
    g = np.array([[1, 2, 6], [3, 4, 5]])
    for i, x in enumerate(np.gradient(g)):
        p("gradient2d_%d" % i, x)
    p("gradient_T_axis0", np.gradient(g.T, axis=0))
    p("gradient_f32", np.gradient(np.array([1, 2, 4, 7], np.float32)))
    err("gradient_small", lambda: np.gradient(np.array([1.0])))


def numeric():
    a = np.array([1, 2, 3, 4, 5], np.int32)
    v = np.array([2, 0, -1], np.int32)
    for m in ["full", "same", "valid"]:
        p("convolve_" + m, np.convolve(a, v, m)); p("convolve_swapped_" + m, np.convolve(v, a, m))
        p("correlate_" + m, np.correlate(a, v, m)); p("correlate_swapped_" + m, np.correlate(v, a, m))
    p("convolve_i32_f32", np.convolve(a, np.array([0.5], np.float32)))
    p("convolve_f32_i8", np.convolve(np.array([1, 2, 3], np.float32), np.array([1, 1], np.int8)))
    p("convolve_bool", np.convolve(np.array([True, False, True]), np.array([True, True])))
    p("convolve_0d", np.convolve(np.array(3), np.array([1, 2])))
    x = np.arange(10.0)
    p("convolve_views", np.convolve(x[::3], x[1:3]))
    err("convolve_empty_v", lambda: np.convolve(a, np.array([], np.int32)))
    err("convolve_empty_a", lambda: np.convolve(np.array([], np.int32), v))
    err("convolve_mode", lambda: np.convolve(a, v, "circular"))
    err("convolve_2d", lambda: np.convolve(a.reshape(5, 1), v))
    p("interp", np.interp([0, 1, 1.5, 2.5, 3, 4, np.nan], [1, 2, 3], [3, 2, 0]))
    p("interp_lr", np.interp(np.array([0, 1.5, 5], np.float32), [1, 2, 3], [3, 2, 0], left=-1, right=9))
    p("interp_one", np.interp(np.array([[0.5, 1], [2, 3]]), [1], [7]))
    p("interp_repeat", np.interp([1.5, 2], [1, 2, 2, 3], [0, 1, 5, 6]))
    err("interp_len", lambda: np.interp([1], [1, 2, 3], [1]))
    err("interp_empty", lambda: np.interp([1], [], []))
    a = np.array([[1, 2, 3], [4, 5, 6]], np.int32)
    w = np.array([3, 1, 0], np.float32)
    p("average", np.average(a)); p("average_axis0", np.average(a, axis=0))
    p("average_w", np.average(a, axis=1, weights=w))
    r = np.average(a, axis=1, weights=w, returned=True); p("average_ret0", r[0]); p("average_ret1", r[1])
    p("average_w2d", np.average(a, weights=np.array([[1, 0, 1], [2, 2, 0]], float)))
    p("average_T", np.average(a.T, axis=0, weights=np.array([1.0, 3.0, 0])))
    p("average_f32", np.average(np.array([1.0, 2, 4], np.float32), weights=np.array([1, 1, 2], np.float32)))
    err("average_noaxis", lambda: np.average(a, weights=w))
    err("average_2dw", lambda: np.average(a, axis=1, weights=np.ones((1, 3))))
    err("average_len", lambda: np.average(a, axis=0, weights=w))
    err("average_zero", lambda: np.average(a, axis=1, weights=np.array([1.0, -1, 0])))
    p("ptp", np.ptp(a)); p("ptp0", np.ptp(a, 0)); p("ptp_keep", np.ptp(a * 2, 1, keepdims=True))
    p("ptp_u8", np.ptp(np.array([5, 200, 3], np.uint8)))
    err("ptp_empty", lambda: np.ptp(np.array([])))


def pad_diag():
    a = np.array([[1, 2, 3], [4, 5, 6]], np.int32)
    p("pad_c", np.pad(a, 1)); p("pad_c9", np.pad(a, ((1, 0), (0, 2)), constant_values=9))
    for m in ["edge", "reflect", "symmetric", "wrap"]:
        p("pad_" + m, np.pad(a, ((1, 2), (2, 1)), m))
        p("pad_big_" + m, np.pad(np.array([1, 2, 3]), (7, 8), m))
    p("pad_reflect_1", np.pad(np.array([5]), (2, 3), "reflect"))
    p("pad_T", np.pad(a.T, (1, 1), "edge")); p("pad_0d", np.pad(np.array(7), 3)); p("pad_empty", np.pad(np.zeros((0, 2)), 1))
    err("pad_empty_edge", lambda: np.pad(np.zeros((0, 2)), 1, "edge")); err("pad_neg", lambda: np.pad(a, -1))
    err("pad_mode", lambda: np.pad(a, 1, "foo")); err("pad_width", lambda: np.pad(a, ((1, 2), (1, 2), (1, 1))))
    p("diag1", np.diag(np.array([1, 2]), 1)); p("diagm1", np.diag(np.array([1, 2]), -1)); p("diag2", np.diag(a, 1))
    p("diagflat", np.diagflat(a)); err("diag3d", lambda: np.diag(np.zeros((2, 2, 2))))
    for name, (r, c) in [("tril", np.tril_indices(3)), ("triu", np.triu_indices(3, 1, 4)), ("tril2", np.tril_indices(3, -1, 2)),
                         ("triu_from", np.triu_indices_from(np.zeros((2, 3))))]:
        p(name + "_r", r); p(name + "_c", c)
    m = np.ones((3, 3)); m[np.tril_indices(3)] = 0; p("tril_assign", m)
    err("diag_from", lambda: np.diag_indices_from(np.zeros((2, 3)))); err("tril_from", lambda: np.tril_indices_from(np.zeros(3)))
    for k in [1, 2, 3, -1, 4]:
        p("rot90_%d" % k, np.rot90(a, k))
    p("rot90_axes", np.rot90(np.arange(8).reshape(2, 2, 2), 1, (1, 2)))
    err("rot90_same", lambda: np.rot90(a, 1, (0, 0))); err("rot90_range", lambda: np.rot90(a, 1, (0, 5)))
    err("rot90_len", lambda: np.rot90(a, 1, (0, 1, 2)))


if __name__ == "__main__":
    advanced_indexing()
    differences()
    numeric()
    pad_diag()
