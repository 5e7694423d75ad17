#!/usr/bin/env python3
"""Prints NumPy's values behind tests/test_sort_*.cpp (run with NumPy 2.x to re-check).

NumPy 2.5.2's answers are kept in tools/numpy_data/expected/gen_sort.txt;
tools/numpy_data/check_expected.py diffs a new run against them.
"""
import numpy as np

print("numpy", np.__version__)
for dt in ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64"]:
    a = np.array([3, 1, 2, 1, 0, 2]).astype(dt)
    print(dt, "sort", np.sort(a, kind="stable").astype(int).tolist(), "argsort", np.argsort(a, kind="stable").tolist())
    if dt != "bool":
        i = np.finfo(dt) if dt.startswith("float") else np.iinfo(dt)
        lo, hi = (i.min, i.max)
        e = np.array([hi, 0, lo, 1, hi, lo], dtype=dt)
        print(dt, "extremes argsort", np.argsort(e, kind="stable").tolist())
for dt in ["int8", "int16", "int32", "int64", "float32", "float64"]:
    a = np.array([5, -1, -100, 100, 0, -1], dtype=dt)
    print(dt, "negatives", np.sort(a, kind="stable").tolist(), np.argsort(a, kind="stable").tolist())
nan, inf = np.nan, np.inf
for dt in ["float32", "float64"]:
    a = np.array([nan, 1.5, -0.0, -inf, 0.0, -nan, inf, -2, 0.0], dtype=dt)
    s = np.sort(a, kind="stable")
    print(dt, "nan sort", s.tolist(), "signbit", np.signbit(s).tolist(), "argsort", np.argsort(a, kind="stable").tolist())
    print(dt, "zeros argsort", np.argsort(np.array([0.0, -0.0, -1, 0.0], dtype=dt), kind="stable").tolist())
a = np.array([[3, 1, 2], [0, 5, 4]], dtype=np.int32)
print("axes", np.sort(a).ravel().tolist(), np.sort(a, 0).ravel().tolist(), np.sort(a, None).tolist())
print("axes argsort", np.argsort(a, kind="stable").ravel().tolist(), np.argsort(a, 0, kind="stable").ravel().tolist(),
      np.argsort(a, None, kind="stable").tolist())
b = np.array([4, 3, 2, 1, 0, 9, 8, 7, 6, 5, 4, 3], dtype=np.int32).reshape(2, 3, 2)
print("3-D axis 1", np.sort(b, 1).ravel().tolist(), np.argsort(b, 1, kind="stable").ravel().tolist())
t = a.T
print("transposed", np.sort(t).ravel().tolist(), np.argsort(t, kind="stable").ravel().tolist(),
      np.sort(t, 0).ravel().tolist(), np.argsort(t, None, kind="stable").tolist())
print("0-d argsort", repr(np.argsort(np.array(7))), "0-d sort axis=None", np.sort(np.array(7), axis=None).tolist())
try:
    np.sort(np.array(7))
except Exception as e:
    print("0-d sort:", type(e).__name__, e)

# searchsorted (tests/test_sort_search.cpp)
a = np.array([1, 2, 2, 3, 5], dtype=np.int32)
v = np.array([0, 2, 4, 6, 1], dtype=np.int32)
print("searchsorted", np.searchsorted(a, v).tolist(), np.searchsorted(a, v, "right").tolist())
f = np.array([1.5, 2.0, -1e300])
print("searchsorted mixed", np.searchsorted(a, f).tolist(), np.searchsorted(a, f, "right").tolist())
print("searchsorted u64", np.searchsorted(np.array([-5, 1, 2]), np.array([1, 2], dtype=np.uint64)).tolist())
a = np.array([1, 2, nan, nan], dtype=np.float32)
v = np.array([nan, 3, 0, 2], dtype=np.float32)
print("searchsorted nan", np.searchsorted(a, v).tolist(), np.searchsorted(a, v, "right").tolist())
a = np.array([3, 1, 2, 2], dtype=np.float32)
s = np.argsort(a, kind="stable")
v = np.array([2, 0, 4], dtype=np.float32)
print("searchsorted sorter", s.tolist(), np.searchsorted(a, v, "left", s).tolist(), np.searchsorted(a, v, "right", s).tolist())
for bad in (lambda: np.searchsorted(a, v, "left", np.array([0, 1])), lambda: np.searchsorted(a, v, "left", np.array([0, 1, 2, 4])),
            lambda: np.searchsorted(a, v, "middle"), lambda: np.searchsorted(np.zeros((2, 2)), v)):
    try:
        bad()
    except Exception as e:
        print("error:", type(e).__name__, e)

# unique (tests/test_sort_unique.cpp)
a = np.array([3, 1, 2, 1, 3, 3], dtype=np.int32).reshape(2, 3)
print("unique", [x.tolist() for x in np.unique(a, True, True, True)])
print("unique_all", [x.tolist() for x in np.unique_all(a)] if hasattr(np, "unique_all") else "needs NumPy 2")
if hasattr(np, "unique_counts"):
    print("unique_counts T", [x.tolist() for x in np.unique_counts(a.T)], "inverse T", np.unique_inverse(a.T).inverse_indices.tolist())
a = np.array([nan, 1, nan, 1, 0, -0.0])
print("unique nan", [x.tolist() for x in np.unique(a, True, False, True)])
if hasattr(np, "unique_values"):
    print("unique_values nan", np.unique_values(a).tolist(), np.unique_counts(a).counts.tolist())
    z = np.unique_all(np.array(5, dtype=np.int16))
    print("unique_all 0-d", z.values.tolist(), z.inverse_indices.shape, z.counts.tolist())

# set routines (tests/test_sort_sets.cpp)
a = np.array([0, 2, 4, 6, 2, 9]).reshape(2, 3)
t = np.array([2, 9, 9, 100])
print("isin", np.isin(a, t).ravel().tolist(), np.isin(a, t, invert=True).ravel().tolist(), np.isin([2.0, 2.5], t).tolist(),
      np.isin(np.array([nan, 1], dtype=np.float32), np.array([nan, 1], dtype=np.float32)).tolist())
a, b = np.array([5, 1, 3, 3, 7]), np.array([3, 9, 5, 5, 0])
print("sets", np.union1d(a, b).tolist(), np.intersect1d(a, b).tolist(), np.setdiff1d(a, b).tolist(), np.setxor1d(a, b).tolist())
e = np.array([], dtype=int)
print("sets empty", np.setdiff1d(a, e).tolist(), np.setxor1d(e, b).tolist(), np.setxor1d([4], e).tolist())

# median / quantile / percentile (tests/test_sort_quantile.cpp)
a = np.array([3, 1, 4, 1, 5, 9, 2, 6], dtype=np.float64)
print("quantile", np.median(a), np.quantile(a, 0.25), np.percentile(a, 90), np.quantile(a, 0.25, method="hazen"),
      np.quantile(a, 0.25, method="midpoint"), np.quantile(a, 0.25, method="weibull"))
a = np.array([1, 2, 3, 6, 5, 4], dtype=np.int32).reshape(2, 3)
print("median axes", np.median(a, 0).tolist(), np.median(a, 1).tolist(), np.median(a, 1, keepdims=True).shape,
      np.median(a, keepdims=True).shape, np.quantile(a.T, 0.5, axis=1).tolist())
x = np.array([1, nan, 3, 2, 1, 0], dtype=np.float32).reshape(2, 3)
print("median nan", np.median(x, 1).tolist(), np.median(x), np.median(x).dtype)
for bad in (lambda: np.quantile(a, 1.5), lambda: np.percentile(a, -1)):
    try:
        bad()
    except Exception as e:
        print("error:", type(e).__name__, e)

# bincount / digitize / histogram (tests/test_sort_histogram.cpp)
x = np.array([0, 1, 1, 3, 2, 1, 7])
w = np.array([0.3, 0.5, 0.2, 0.7, 1.0, -0.6, 2.0])
print("bincount", np.bincount(x).tolist(), np.bincount(x, minlength=10).tolist(), np.bincount(x, w).tolist(),
      np.bincount(np.array([], dtype=np.uint8), minlength=3).tolist())
x = np.array([0.2, 6.4, 3.0, 1.6, 1.0])
bins = np.array([0.0, 1.0, 2.5, 4.0, 10.0])
print("digitize", np.digitize(x, bins).tolist(), np.digitize(x, bins, True).tolist(), np.digitize(x, bins[::-1]).tolist(),
      np.digitize(x, bins[::-1], True).tolist())
x = np.array([1, 2, 1, 4, 2, 3, 5])
h, e = np.histogram(x, 4)
print("histogram", h.tolist(), e.tolist(), np.histogram(x, 2, range=(0, 4))[0].tolist())
y = np.array([0.5, 1.5, 1.5, 2.0, nan, -1, 3.5])
print("histogram edges", np.histogram(y, [0, 1, 3])[0].tolist(), np.histogram(y, [0, 1, 3], density=True)[0].tolist(),
      np.histogram_bin_edges(np.array([2, 2], dtype=np.float32), 2).tolist())
for bad in (lambda: np.bincount([1, -1]), lambda: np.digitize(x, [1, 3, 2]), lambda: np.histogram(y, [0, 2, 1]),
            lambda: np.histogram(x, 2, range=(3, 1))):
    try:
        bad()
    except Exception as ex:
        print("error:", type(ex).__name__, ex)

# lexsort / partition (tests/test_sort_partition.cpp)
a = np.array([1, 5, 1, 4, 3, 4, 4]); b = np.array([9, 4, 0, 4, 0, 2, 1])
print("lexsort", np.lexsort((b, a)).tolist(), np.lexsort((a,)).tolist())
try:
    np.partition(np.arange(7), 7)
except Exception as ex:
    print("error:", type(ex).__name__, ex)
x = np.array([0, 1, 1, 2, 3, 4.]); y = np.array([0, 0, 1, 4, 4, 4.])
h = np.histogram2d(x, y, 2)
print("histogram2d", h[0].tolist(), h[1].tolist(), h[2].tolist(), np.histogram2d(x, y, 2, range=[[0, 2], [0, 4]])[0].tolist(),
      np.histogram2d(x, y, 2, density=True)[0].tolist())
a = np.array([3, nan, 1, 4, nan, nan, 2, 9, 5]).reshape(3, 3)
print("nan forms", np.nanmedian(a), np.nanmedian(a, 1).tolist(), np.nanmedian(a, 0).tolist(), np.nanquantile(a, 0.25, 0).tolist(),
      np.nanpercentile(a, 75, 1, keepdims=True).ravel().tolist(),
      np.nanmedian(np.array([nan, 1, 2, 3], dtype=np.float32).reshape(2, 2), 0).tolist())
y = np.array([0.5, 1.5, 1.5, 2.0, nan, -1, 3.5]); w = np.arange(1, 8.)
print("histogram weights", np.histogram(y, [0, 1, 3], weights=w)[0].tolist(),
      np.histogram(y, [0, 1, 3], weights=w, density=True)[0].tolist(), np.histogram(y, 2, range=(0, 4), weights=w)[0].tolist())
print("intersect1d indices", [x.tolist() for x in np.intersect1d(np.array([5, 1, 3, 3, 7]), np.array([3, 9, 5, 5, 0]), return_indices=True)])
a = np.array([1, 0, 0, 1, 0, 0, 2, 3, 4]).reshape(3, 3)
print("unique axis", [x.tolist() for x in np.unique(a, True, True, True, axis=0)], np.unique(a, axis=1).tolist())

# float16 / bfloat16 / complex (tests/test_sort_values.cpp, test_sort_quantile.cpp, test_sort_unique.cpp,
# test_sort_sets.cpp, test_sort_search.cpp, test_sort_histogram.cpp). The committed answers of this
# part were printed by NumPy 1.24.2 (expected/README.md lists the lines NumPy 2.5 changes).
import warnings
warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN lanes
print("# new dtypes")
h = np.array([nan, 1.5, -0.0, -inf, 0.0, -nan, inf, -2, 0.0, 1024, 2.0 ** -14, -1024, 1.5], dtype=np.float16)
s = np.sort(h, kind="stable")
print("float16 sort", s.tolist(), "signbit", np.signbit(s).tolist(), "argsort", np.argsort(h, kind="stable").tolist())
m = np.array([[3, nan, -1], [0.5, -0.0, 0.0]], dtype=np.float16)
print("float16 axes", np.sort(m, 0).ravel().tolist(), np.argsort(m, 0, kind="stable").ravel().tolist(),
      np.argsort(m.T, kind="stable").ravel().tolist(), np.sort(m, None).tolist())
try:
    import ml_dtypes
    b = h.astype(ml_dtypes.bfloat16)
    print("bfloat16 argsort", np.argsort(b, kind="stable").tolist())
except ImportError:
    print("bfloat16: ml_dtypes not installed")
c = np.array([complex(nan, 1), complex(1, nan), 2 + 2j, 1 + 1j, complex(nan, nan), complex(nan, 0), complex(0, nan),
              1 - 1j, complex(-0.0, 1), 1 + 1j, 1j, complex(-inf, 5), complex(1, -inf)])
print("complex argsort", np.argsort(c, kind="stable").tolist(), "sort", np.sort(c, kind="stable").tolist())
cm = c[:12].reshape(3, 4)
print("complex axes", np.argsort(cm, 0, kind="stable").ravel().tolist(), np.argsort(cm.T, kind="stable").ravel().tolist(),
      np.argsort(cm, None, kind="stable").tolist())
print("sort_complex", [str(np.sort_complex(np.array([3, 1, 2], dtype=dt)).dtype) for dt in
                       ("int8", "int16", "uint8", "uint16", "int32", "int64", "uint64", "float16", "float32", "float64", "bool")],
      np.sort_complex(np.array([[3, -1], [2, nan]], dtype=np.float32)).tolist())
print("partition complex", np.partition(np.array([3 + 0j, 1j, 2, complex(nan, 0)]), 1).tolist(),
      "argpartition float16", np.argpartition(np.array([3, 1, nan, 2, 5], dtype=np.float16), 2).tolist(),
      "lexsort complex", np.lexsort([np.array([1 + 1j, 1 - 1j, 0j, 1 + 1j], dtype=np.complex64),
                                     np.array([2, 1, 1, 1], dtype=np.complex64)]).tolist())
h = np.array([0.1, 2.9, 0.7, 1.3], dtype=np.float16)
r = [np.quantile(h, 0.37), np.quantile(h, 0.7), np.percentile(h, 50.0)]
print("quantile float16", [float(x) for x in r], [str(x.dtype) for x in r])
print("median float16", float(np.median(np.array([65504, 65504], dtype=np.float16))),
      float(np.median(np.array([1, 2.5, 3, 4], dtype=np.float16))), str(np.median(h).dtype))
m = np.array([3, nan, 1, 4, 2, 9], dtype=np.float16).reshape(2, 3)
print("float16 nan lanes", np.median(m, 1).tolist(), np.nanmedian(m, 1).tolist(), np.nanquantile(m, 0.25, 0).tolist())
c = np.array([complex(nan, 1), 1 + 1j, 2, 3 - 1j, 1 + 2j, 1 + 1j], dtype=np.complex64).reshape(2, 3)
n = np.array([complex(nan, 1), 1 + 1j, 2, 4 + 4j, complex(1, nan), complex(nan, nan), complex(nan, 0), complex(nan, 2)],
             dtype=np.complex64).reshape(2, 4)
print("median complex", np.median(c, 1).tolist(), np.median(np.array([1 + 2j, 3, 2 - 1j, 0], dtype=np.complex64)),
      np.nanmedian(n, 1).tolist())
try:
    np.quantile(c, 0.5)
    print("quantile complex: no error")
except Exception as ex:
    print("quantile complex error:", type(ex).__name__, ex)
u = np.unique(np.array([2, nan, 1, 2, -0.0, 0.0, nan, 1], dtype=np.float16), return_index=True, return_inverse=True,
              return_counts=True)
print("unique float16", [x.tolist() for x in u])
c = np.array([1 + 1j, complex(nan, 1), 1 - 1j, complex(1, nan), 1 + 1j, complex(nan, 1), 0j], dtype=np.complex64)
print("unique complex", [x.tolist() for x in np.unique(c, return_index=True, return_inverse=True, return_counts=True)],
      np.unique(c, equal_nan=False).tolist())
a = np.array([1, 2, 2, 3, nan], dtype=np.float16); v = np.array([nan, 2, 0, 2.5, 3], dtype=np.float16)
print("searchsorted float16", np.searchsorted(a, v).tolist(), np.searchsorted(a, v, "right").tolist())
a = np.array([1 + 1j, 1 + 2j, 2 - 1j, complex(1, nan), complex(nan, 0)]); v = np.array([1 + 1.5j, complex(1, nan), complex(nan, 0), 0j, 2 - 1j])
print("searchsorted complex", np.searchsorted(a, v).tolist(), np.searchsorted(a, v, "right").tolist())
x = np.array([1 + 1j, 2, 3j]); y = np.array([3j, 4, 1 + 1j])
print("isin complex", np.isin(np.array([1 + 1j, 2, complex(nan, 0)]), np.array([2, 1 + 1j, complex(nan, 0)])).tolist(),
      "isin float16", np.isin(np.array([1, 2.5, nan], dtype=np.float16), np.array([2.5, nan], dtype=np.float16)).tolist(),
      "sets complex", np.intersect1d(x, y).tolist(), np.setdiff1d(x, y).tolist(), np.union1d(x, y).tolist(), np.setxor1d(x, y).tolist())
e = np.array([0, 1, 2.5, 3.25, 10, 0.1], dtype=np.float16)
r = np.histogram(e, 4); q = np.histogram(e, 3, range=(0.1, 0.7))
print("histogram float16", r[0].tolist(), str(r[1].dtype), q[0].tolist(), q[1].tolist(),
      np.digitize(np.array([0.5, 1, 2.4, 7], dtype=np.float16), np.array([1, 2.5, 5], dtype=np.float16)).tolist())
try:
    np.digitize(np.array([1j]), np.array([0.0, 1.0]))
except Exception as ex:
    print("digitize complex error:", type(ex).__name__, ex)
a = np.array([[1 + 1j, 2], [0, 1j], [1 + 1j, 2], [1 + 1j, 1]], dtype=np.complex64)
print("unique complex axis 0", [x.tolist() for x in np.unique(a, axis=0, return_index=True, return_inverse=True, return_counts=True)])
