#!/usr/bin/env python3
"""Prints the NumPy values pinned in tests/test_advanced_indexing.cpp and tests/test_functions_*.cpp.

Run with NumPy 2.x (the spec): python3 tools/numpy_data/gen_functions.py
Each line is: case-name dtype shape flat-values (or the exception type and message). Compare with
the expected values written in the tests. NumPy 2.5.2's answers are kept in
tools/numpy_data/expected/gen_functions.txt; tools/numpy_data/check_expected.py diffs a new run
against them.
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
    for i, x in enumerate(np.gradient(g, 2.0, 0.5)):
        p("gradient_spacings_%d" % i, x)
    err("gradient_nargs", lambda: np.gradient(g, 1.0, 2.0, 3.0))
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
    p("interp_scalar", np.interp(2.5, [1, 2, 3], [3, 2, 0]))
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


def select_edit():
    x = np.arange(6, dtype=np.int32)
    p("select", np.select([x < 2, x > 3], [x, x**2], 42))  # NumPy 2: int32 (the default is weak)
    p("select_half", np.select([x < 2], [x], 0.5))
    # NumPy 2.5: no OverflowError, the default is cast unsafely by np.full (int8, 300 -> 44).
    p("select_overflow", np.select([x < 2], [np.arange(1, 7, dtype=np.int8)], 300))
    p("select_bcast", np.select([np.array([[True], [False]]), np.array([False, True, False])],
                                [np.array([1, 2, 3]), np.array([[10], [20]])]))
    p("select_f32", np.select([x < 2], [x.astype(np.float32)], np.float32(0.5)))
    err("select_len", lambda: np.select([x < 2], [x, x])); err("select_empty", lambda: np.select([], []))
    c = [np.array([0, 1, 2, 3]), np.array([10, 11, 12, 13]), np.array([20, 21, 22, 23])]
    p("choose", np.choose(np.array([2, 0, 1, 0]), c))
    p("choose_wrap", np.choose(np.array([3, -1, 4, 0]), c, mode="wrap"))
    p("choose_clip", np.choose(np.array([3, -1, 4, 0]), c, mode="clip"))
    p("choose_bcast", np.choose(np.array([[0], [1]]), [np.array([1, 2, 3]), np.array(-5)]))
    err("choose_raise", lambda: np.choose(np.array([3]), c)); err("choose_mode", lambda: np.choose(np.array([0]), c, mode="foo"))
    p("clip_arrays", np.clip(np.array([[1, 5], [9, 2]], np.int32), np.array([2, 3], np.int32), np.int32(4)))
    p("indices", np.indices((2, 3)))
    i, j = np.ix_(np.array([0, 2]), np.array([True, False, True, True])); p("ix_i", i); p("ix_j", j)
    p("ix_take", np.arange(12, dtype=np.int32).reshape(3, 4)[i, j])
    err("ix_2d", lambda: np.ix_(np.zeros((2, 2), int)))
    for k, r in enumerate(np.unravel_index(np.array([22, 41, 37]), (7, 6))):
        p("unravel_%d" % k, r)
    for k, r in enumerate(np.unravel_index(np.array([31, 41, 13]), (7, 6), order="F")):
        p("unravel_F_%d" % k, r)
    err("unravel_oob", lambda: np.unravel_index(np.array([42]), (7, 6)))
    err("unravel_neg", lambda: np.unravel_index(np.array([-1]), (7, 6)))
    mi = (np.array([3, 6, 6]), np.array([4, 5, 1])); bad = (np.array([3, 9, -1]), np.array([4, 5, 1]))
    p("rmi", np.ravel_multi_index(mi, (7, 6))); p("rmi_F", np.ravel_multi_index(mi, (7, 6), order="F"))
    p("rmi_clip", np.ravel_multi_index(bad, (7, 6), mode="clip")); p("rmi_wrap", np.ravel_multi_index(bad, (7, 6), mode="wrap"))
    err("rmi_raise", lambda: np.ravel_multi_index(bad, (7, 6))); err("rmi_len", lambda: np.ravel_multi_index((np.array([3]),), (7, 6)))
    a = np.array([[1, 2], [3, 4]], np.int32)
    p("append_scalar", np.append(a, 5))
    p("append", np.append(a, np.array([5.5, 6]))); p("append0", np.append(a, np.array([[5, 6]], np.int32), axis=0))
    err("append_dim", lambda: np.append(a, np.array([5, 6], np.int32), axis=0))
    v = np.array([1, 2, 3])
    p("insert", np.insert(v, 1, np.array([7, 8]))); p("insert_arr", np.insert(v, np.array([2, 0, 2]), np.array([7, 8, 9])))
    p("insert_ax1", np.insert(a, 1, 5, axis=1)); p("insert_ax1v", np.insert(a, 1, np.array([8, 9], np.int32), axis=1))
    p("insert_end", np.insert(v, 3, 9)); p("insert_none", np.insert(a, 2, 9)); p("insert_float", np.insert(v, 1, 2.7))
    p("insert_multi_ax0", np.insert(a, np.array([0, 2]), np.array([[7], [8]], np.int32), axis=0))
    err("insert_oob", lambda: np.insert(v, 5, 9))
    d = np.array([1, 2, 3, 4, 5])
    p("delete", np.delete(d, 1)); p("delete_arr", np.delete(d, np.array([0, -1, 0])))
    p("delete_ax", np.delete(a, 0, axis=1)); p("delete_none", np.delete(a, np.array([1, 2], np.int32)))
    p("delete_mask", np.delete(v, np.array([True, False, True]))); p("delete_slice", np.delete(d, slice(None, None, 2)))
    err("delete_oob", lambda: np.delete(v, 5)); err("delete_oob_arr", lambda: np.delete(v, np.array([0, 5])))
    p("cross", np.cross(np.array([1, 2, 3]), np.array([4, 5, 6])))
    p("cross_b", np.cross(np.array([[1, 0, 0], [0, 1, 0]]), np.array([0, 0, 1.5])))
    # NumPy 2.5 removed the 2-component vectors (a DeprecationWarning in 2.0 to 2.4).
    err("cross_23", lambda: np.cross(np.array([1, 2]), np.array([4, 5, 6])))
    p("cross_axis0", np.cross(np.array([[1, 4], [2, 5], [3, 6]]), np.array([[4, 1], [5, 2], [6, 3]]), axis=0))
    err("cross_22", lambda: np.cross(np.array([1, 2], np.int32), np.array([4, 5], np.int32)))
    err("cross_0d", lambda: np.cross(np.array(1), np.array([1, 2, 3])))
    err("cross_axis", lambda: np.cross(np.array([1, 2, 3]), np.array([1, 2, 3]), axis=1))
    err("cross_dim", lambda: np.cross(np.array([1, 2, 3, 4]), np.array([1, 2, 3])))


def more_functions():
    """tests/test_functions_more.cpp (shape helpers, along-axis indexing, windows, polynomials,
    integration, unwrap, cumulative_*). np.trapezoid and np.cumulative_sum are NumPy 2 names."""
    trapezoid = getattr(np, "trapezoid", None) or np.trapz
    a = np.arange(24).reshape(2, 3, 4)
    p("rollaxis_2_0", np.rollaxis(a, 2, 0).shape)
    p("rollaxis_0_2", np.rollaxis(a, 0, 2).shape)
    p("rollaxis_0_3", np.rollaxis(a, 0, 3).shape)
    p("rollaxis_m1_m3", np.rollaxis(a, -1, -3).shape)
    err("rollaxis_start", lambda: np.rollaxis(a, 0, 4))
    p("atleast_3d_1", np.atleast_3d(np.arange(3)).shape)
    p("atleast_3d_2", np.atleast_3d(np.zeros((2, 3))).shape)
    p("column_stack", np.column_stack([np.arange(3), np.arange(3, 6)]))
    p("dstack", np.dstack([np.arange(3), np.arange(3, 6)]))
    p("hsplit1", np.hsplit(np.arange(6), 3)[1])
    p("hsplit2", np.hsplit(np.arange(12).reshape(3, 4), [1, 3])[1])
    err("vsplit_1d", lambda: np.vsplit(np.arange(3), 2))
    b = np.arange(12).reshape(3, 4)
    idx = np.array([[3, 0], [1, -1], [2, 2]])
    p("take_along", np.take_along_axis(b, idx, 1))
    p("take_along_bcast", np.take_along_axis(b, np.array([[2, 0, 1, 1]]), 0))
    err("take_along_oob", lambda: np.take_along_axis(b, np.array([[5]]), 1))
    c = b.copy(); np.put_along_axis(c, idx, -7, 1); p("put_along", c)
    p("compress", np.compress([1, 0, 2], np.arange(6).reshape(2, 3), axis=1))
    p("compress_flat", np.compress([False, True, True], np.arange(6).reshape(2, 3)))
    err("compress_oob", lambda: np.compress([True, False, True, True], np.zeros(3)))
    p("extract", np.extract(np.arange(6).reshape(2, 3) % 2 == 0, np.arange(6).reshape(2, 3) * 10))
    for f in ("hamming", "hanning", "blackman", "bartlett"):
        p(f + "_7", getattr(np, f)(7))
        p(f + "_1", getattr(np, f)(1))
    p("sinc", np.sinc(np.array([-1.5, 0.0, 0.25, 3.0])))
    p("sinc_f32", np.sinc(np.array([-1.5, 0.0, 0.25], dtype=np.float32)))
    p("polyval", np.polyval(np.array([3.0, 0.0, -2.0, 1.5]), np.array([-1.0, 0.5, 2.0])))
    p("polyval_int", np.polyval(np.array([2, -1, 3]), np.array([1, 2, 3])))
    p("polyadd", np.polyadd(np.array([1, 2]), np.array([1, 2, 3])))
    p("polysub", np.polysub(np.array([1, 2]), np.array([1.0, 2.0, 3.0])))
    p("polymul", np.polymul(np.array([1, 2]), np.array([1, 2, 3])))
    p("vander", np.vander(np.array([1, 2, 3, 5])))
    p("vander_inc", np.vander(np.array([1.5, -2.0]), 3, True))
    p("trapezoid", trapezoid(np.array([1.0, 2.0, 4.0, 7.0]), dx=0.5))
    p("trapezoid_x", trapezoid(np.array([[1, 2, 4], [0, 1, 0]]), np.array([0.0, 1.0, 3.0])))
    p("trapezoid_axis0", trapezoid(np.array([[1, 2, 4], [0, 1, 0]]), axis=0))
    p("unwrap", np.unwrap(np.array([0.0, 3.0, 6.5, -3.0, 12.0, 0.5])))
    p("unwrap_f32", np.unwrap(np.array([0.0, 3.0, 6.5, -3.0], dtype=np.float32)))
    p("unwrap_period", np.unwrap(np.array([0.0, 4.0, 9.0, 1.0]), period=5.0))
    p("trim_zeros", np.trim_zeros(np.array([0, 0, 1, 0, 2, 0])))
    p("trim_zeros_f", np.trim_zeros(np.array([0, 0, 1, 0, 2, 0]), "f"))
    p("trim_zeros_all", np.trim_zeros(np.array([0, 0])))
    p("can_cast", [np.can_cast(np.int64, np.float64), np.can_cast(np.float64, np.float32),
                   np.can_cast(np.float64, np.float32, "same_kind"), np.can_cast(np.int8, np.uint8, "same_kind"),
                   np.can_cast(np.uint8, np.int16), np.can_cast(np.uint64, np.int64), np.can_cast(np.float16, np.complex64)])
    err("can_cast_bad", lambda: np.can_cast(np.int8, np.uint8, "bogus"))
    c = np.array([1 + 2j, 3 - 1j, 1j, 2 + 2j])
    v = np.array([1 + 1j, -2j])
    p("correlate_complex", np.correlate(c, v))
    p("correlate_complex_full", np.correlate(c, v, "full"))
    p("convolve_complex", np.convolve(c, v))
    p("gradient_complex", np.gradient(c))
    p("interp_complex", np.interp([0.5, 1.5, 9.0], [0, 1, 2, 3], c, right=7.0))
    p("gradient_f16", np.gradient(np.array([1.0, 2.5, -1.0], dtype=np.float16)))
    a = np.zeros((4, 3), dtype=np.int64); np.fill_diagonal(a, 5); p("fill_diagonal", a)
    a = np.zeros((5, 2), dtype=np.int64); np.fill_diagonal(a, 5, wrap=True); p("fill_diagonal_wrap", a)
    a = np.zeros((3, 3, 3), dtype=np.int64); np.fill_diagonal(a, [7, 8]); p("fill_diagonal_3d", a)
    err("fill_diagonal_unequal", lambda: np.fill_diagonal(np.zeros((2, 3, 3)), 1))
    a = np.arange(6); np.putmask(a, a % 2 == 1, [10, 20, 30, 40]); p("putmask", a)
    a = np.arange(6); np.place(a, a % 2 == 1, [10, 20]); p("place", a)
    err("place_empty", lambda: np.place(np.arange(3), [True, False, True], []))
    p("resize", np.resize(np.arange(3), (2, 4)))
    err("asarray_chkfinite", lambda: np.asarray_chkfinite(np.array([1.0, np.inf])))
    p("binary_repr", [np.binary_repr(10), np.binary_repr(-3), np.binary_repr(-3, width=8), np.binary_repr(-4, width=4),
                      np.binary_repr(0, width=3), np.binary_repr(-1, width=1)])
    p("base_repr", [np.base_repr(255, 16), np.base_repr(-10, 3, padding=2), np.base_repr(0, 5), np.base_repr(0, 5, 3)])
    p("packbits", np.packbits(np.array([1, 0, 1, 1, 0, 0, 0, 1, 1], dtype=np.uint8)))
    p("packbits_axis", np.packbits(np.array([[1, 0, 1], [0, 1, 1]]), axis=1))
    p("packbits_axis0", np.packbits(np.array([[1, 0, 1], [0, 1, 1]]), axis=0))
    p("packbits_little", np.packbits(np.array([True, True, False]), bitorder="little"))
    p("unpackbits", np.unpackbits(np.array([161, 3], dtype=np.uint8)))
    p("unpackbits_axis_count", np.unpackbits(np.array([[5], [200]], dtype=np.uint8), axis=1, count=4))
    p("unpackbits_little", np.unpackbits(np.array([5], dtype=np.uint8), bitorder="little"))
    p("unpackbits_negative", np.unpackbits(np.array([161], dtype=np.uint8), count=-3))
    p("unpackbits_long", np.unpackbits(np.array([161], dtype=np.uint8), count=10))
    p("fromfunction", np.fromfunction(lambda i, j: i * 3 + j, (2, 3)))
    p("fromfunction_i", np.fromfunction(lambda i, j: i, (2, 3), dtype=int))
    p("common_type", [str(np.dtype(np.common_type(np.zeros(2, np.int8), np.zeros(2, np.float32)))),
                      str(np.dtype(np.common_type(np.zeros(2, np.float16)))),
                      str(np.dtype(np.common_type(np.zeros(2, np.float32), np.zeros(2, np.complex64))))])
    x = np.arange(10)
    p("may_share_memory", [np.may_share_memory(x[::2], x[1::2]), np.may_share_memory(x[:5], x[5:]),
                           np.may_share_memory(x, x[::-1])])


if __name__ == "__main__":
    advanced_indexing()
    differences()
    numeric()
    pad_diag()
    select_edit()
    more_functions()
