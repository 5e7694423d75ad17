# Dumps the NumPy behaviour this library pins in its tests (run where NumPy 2.x is installed).
import numpy as np, json, sys, warnings
warnings.simplefilter("ignore")
print("numpy", np.__version__)
D = ["bool","int8","int16","int32","int64","uint8","uint16","uint32","uint64","float32","float64"]
def ex(f):
    try:
        r = f()
        return str(r.dtype) if hasattr(r, "dtype") else repr(r)
    except Exception as e:
        return "ERR " + type(e).__name__ + ": " + str(e)
a = {d: np.array([1, 0], dtype=d) for d in D}
print("== result_type")
for x in D: print(x, [str(np.result_type(x, y)) for y in D])
bin_ops = ["add","subtract","multiply","true_divide","floor_divide","remainder","power","minimum","maximum",
           "bitwise_and","bitwise_or","bitwise_xor","left_shift","right_shift","logical_and","logical_or","equal","less","arctan2","fmod"]
print("== binary array-array (only where different from result_type)")
for op in bin_ops:
    f = getattr(np, op)
    for x in D:
        row = []
        for y in D:
            r = ex(lambda: f(a[x], a[y]))
            if r != str(np.result_type(x, y)): row.append((y, r[:90]))
        if row: print(op, x, row)
print("== binary with weak python scalars: array dtype, op, scalar -> result")
for op in ["add","true_divide","power","floor_divide","left_shift","equal","bitwise_and"]:
    f = getattr(np, op)
    for x in D:
        print(op, x, [ex(lambda: f(a[x], s)) for s in (True, 3, 2.5)], "rev", [ex(lambda: f(s, a[x])) for s in (True, 3, 2.5)])
print("== out of range weak ints")
for x in ["int8","uint8","int64","uint64","float32"]:
    print(x, ex(lambda: a[x] + 300), ex(lambda: a[x] + (-1)), ex(lambda: a[x] + 2**64), ex(lambda: a[x] < 300), ex(lambda: (a[x] < -1).tolist()))
print("== unary")
for op in ["negative","absolute","sqrt","exp","log","sin","cos","tan","tanh","floor","ceil","invert","logical_not","positive"]:
    f = getattr(np, op)
    print(op, [ex(lambda: f(a[x])) for x in D])
print("== can_cast same_kind (from row to col)")
for x in D: print(x, ["Y" if np.can_cast(x, y, "same_kind") else "." for y in D])
print("== ufunc out casting error message")
try:
    z = np.zeros(3, np.int32); z += 1.5
except Exception as e: print(type(e).__name__, e)
print("== values")
i = np.array([-7, 7, -7, 7, 0, 5, -2**31, -2**31], np.int32); j = np.array([3, -3, -3, 3, 3, 0, -1, 1], np.int32)
print("int //", (i // j).tolist()); print("int %", (i % j).tolist())
fx = np.array([-7.5, 7.5, -7.5, 7.5, 0.0, 5.0, -0.0, np.inf, 1.0], np.float64); fy = np.array([2.0, -2.0, -2.0, 2.0, -3.0, 0.0, 2.0, 2.0, np.inf], np.float64)
print("float //", (fx // fy).tolist()); print("float %", (fx % fy).tolist())
print("float % signs", [np.copysign(1, v) for v in (fx % fy)])
print("shifts int32", (np.int32(1) << np.array([0, 31, 32, 40, -1], np.int32)).tolist(), (np.int32(-8) >> np.array([1, 31, 32, 40], np.int32)).tolist(), (np.uint8(255) << np.uint8(9)), (np.int8(-1) >> np.int8(100)))
print("power int", ex(lambda: np.array([2], np.int32) ** np.array([-1], np.int32)), (np.array([2, 3, -2], np.int32) ** np.array([31, 21, 3], np.int32)).tolist())
print("power scalar", ex(lambda: np.array([2], np.int32) ** -1))
print("abs min", np.abs(np.array([-128], np.int8)).tolist(), np.negative(np.array([1, 0], np.uint8)).tolist())
print("wrap", (np.array([127], np.int8) + np.int8(1)).tolist(), (np.array([2**31 - 1], np.int32) * 2).tolist())
print("minmax nan", np.maximum(np.array([np.nan, 1.0]), np.array([1.0, np.nan])).tolist(), np.minimum(np.array([np.nan, 1.0]), np.array([1.0, np.nan])).tolist())
print("clip", ex(lambda: np.clip(np.array([1, 5], np.int8), 0, 300)), np.clip(np.array([1, 5, 9], np.int32), 2, 6).tolist(), ex(lambda: np.clip(np.array([1], np.int32), 0.5, 2)), ex(lambda: np.clip(np.array([1], np.float32), 0, 2)), np.clip(np.array([1, 5, 9]), 6, 2).tolist())
print("where", ex(lambda: np.where(np.array([True]), np.array([1], np.int8), 2.5)), ex(lambda: np.where(np.array([True]), np.array([1], np.int8), 300)), ex(lambda: np.where(np.array([True]), 1, 2.5)))
print("int8 / int8", ex(lambda: np.array([1], np.int8) / np.array([2], np.int8)), "bool/bool", ex(lambda: a["bool"] / a["bool"]))
print("cmp int64 uint64", (np.array([-1], np.int64) < np.array([2**64 - 1], np.uint64)).tolist(), (np.array([2**63], np.uint64) == np.array([-2**63], np.int64)).tolist())
print("float32 == 0.1", (np.array([0.1], np.float32) == 0.1).tolist())
print("broadcast err:", ex(lambda: np.zeros((3, 4)) + np.zeros(5)))
print("broadcast err3:", ex(lambda: np.zeros((2, 1, 3)) + np.zeros((4, 2)) + np.zeros(7)))
print("bool ops", (a["bool"] + a["bool"]).tolist(), (a["bool"] * a["bool"]).tolist(), ex(lambda: a["bool"] - a["bool"]), ex(lambda: -a["bool"]), (~a["bool"]).tolist())
print("astype", np.array([-1.7, 2.9, 300.5, -0.5]).astype(np.int32).tolist(), np.array([-1, 256, 3], np.int32).astype(np.uint8).tolist(), np.array([0.0, 0.3, np.nan]).astype(bool).tolist())
print("== str")
for arr in [np.array(3.5, np.float32), np.array([], np.float32), np.zeros((0, 3)), np.array([1, 2, 3], np.int32), np.array([[1.5, 2], [3, 4]], np.float32),
            np.array([True, False]), np.arange(2000, dtype=np.float32), np.arange(24).reshape(2, 3, 4), np.array([0.1, 1e10, 1]), np.array([1e-5, 1.0]),
            np.array([np.nan, np.inf, -np.inf, 1.0]), np.array([1.0, 2.0]), np.array([-1.0, 2.25]), np.array([100000000.0, 1.0]), np.arange(1200, dtype=np.int64).reshape(40, 30),
            np.array([1/3, 2/3], np.float32), np.array([1/3, 2/3]), np.array([255, 0], np.uint8), np.array([[]], np.int32), np.array(True), np.array(-0.0), np.array([1e16, 1.0]), np.arange(1001)]:
    print(repr(str(arr)))
