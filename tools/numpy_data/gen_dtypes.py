#!/usr/bin/env python3
"""Values pinned by tests/test_dtypes_half.cpp and tests/test_dtypes_complex.cpp.

    python3 tools/numpy_data/gen_dtypes.py > /tmp/dtypes.txt            # NumPy 2.5 + ml_dtypes
    python3 tools/numpy_data/gen_dtypes.py --emulate > /tmp/emulated.txt  # no NumPy: struct module
    diff /tmp/emulated.txt /tmp/dtypes.txt                                # must be empty

Without NumPy (--emulate, or when NumPy is missing) the float16 values come from Python's
`struct` ('<e' rounds to nearest even) with NumPy's rule spelled out: a float16 ufunc computes
in float32 and rounds the result to float16. That is how the tests' numbers were written; with
NumPy and ml_dtypes installed the same lines come from NumPy itself, so a diff shows any
disagreement. Each line is `name: values`, float16/bfloat16 as hex bit patterns.
"""
import cmath
import math
import struct
import sys

EMULATE = "--emulate" in sys.argv
np = None
ml_dtypes = None
if not EMULATE:
    try:
        import numpy as np  # noqa: F811
        import ml_dtypes  # noqa: F811
    except ImportError:
        np = None
        EMULATE = True


def f32(x):
    return struct.unpack("<f", struct.pack("<f", x))[0]


def h_bits(x):
    """float16 bits of the double x, one rounding (NumPy's double -> float16 cast)."""
    if np is not None:
        return int(np.array(x, dtype=np.float64).astype(np.float16).view(np.uint16))
    try:
        return struct.unpack("<H", struct.pack("<e", x))[0]
    except OverflowError:  # struct refuses what rounds to infinity
        return 0x7C00 if x > 0 else 0xFC00


def h_val(bits):
    return struct.unpack("<e", struct.pack("<H", bits))[0]


def bf_bits_of_f32(x):
    """bfloat16 bits of a float32 value, round to nearest even (NaN: quiet)."""
    u = struct.unpack("<I", struct.pack("<f", x))[0]
    if (u & 0x7FFFFFFF) > 0x7F800000:
        return (u >> 16) | 0x40
    return ((u + 0x7FFF + ((u >> 16) & 1)) >> 16) & 0xFFFF


def bf_bits(x):
    """bfloat16 bits of the double x: through float32, as ml_dtypes casts."""
    if ml_dtypes is not None:
        return int(np.array(x, dtype=np.float64).astype(ml_dtypes.bfloat16).view(np.uint16))
    return bf_bits_of_f32(f32(x))


def bf_val(bits):
    return struct.unpack("<f", struct.pack("<I", bits << 16))[0]


def hexes(bits):
    return " ".join("%04x" % b for b in bits)


def line(name, text):
    print("%s: %s" % (name, text))


# ---- float16 -----------------------------------------------------------------------------------

A16 = [1.0, 2.5, 0.1, 3.0, -7.25, 1000.0, 0.000123, 65504.0]
B16 = [3.0, 0.3, 0.7, -1.5, 2.0, 3.0, 7.0, 2.0]


def f16_binary(op, a, b):
    """NumPy's float16 loop: both operands to float32, the float32 result rounded to float16."""
    if np is not None:
        x = np.array(a, dtype=np.float16)
        y = np.array(b, dtype=np.float16)
        with np.errstate(all="ignore"):
            r = {"add": np.add, "subtract": np.subtract, "multiply": np.multiply, "divide": np.divide}[op](x, y)
        return [int(v) for v in r.view(np.uint16)]
    out = []
    for p, q in zip(a, b):
        x, y = h_val(h_bits(p)), h_val(h_bits(q))
        try:
            v = {"add": x + y, "subtract": x - y, "multiply": x * y,
                 "divide": x / y if y != 0 else math.copysign(math.inf, x) * math.copysign(1, y)}[op]
        except OverflowError:
            v = math.inf
        out.append(h_bits(f32(v)))
    return out


def f16_sqrt(a):
    if np is not None:
        return [int(v) for v in np.sqrt(np.array(a, dtype=np.float16)).view(np.uint16)]
    return [h_bits(f32(math.sqrt(h_val(h_bits(x))))) for x in a]


def half_values():
    line("f16 from double", hexes([h_bits(x) for x in [0.1, 1 / 3, 65519.0, 65520.0, 2.0**-25,
                                                          2.0**-25 + 2.0**-60, 1 + 2.0**-11 + 2.0**-40, -2.0**-24,
                                                          6.1e-5]]))
    line("f16 a", hexes([h_bits(x) for x in A16]))
    line("f16 b", hexes([h_bits(x) for x in B16]))
    for op in ["add", "subtract", "multiply", "divide"]:
        line("f16 " + op, hexes(f16_binary(op, A16, B16)))
    line("f16 sqrt", hexes(f16_sqrt([abs(x) for x in A16])))
    # (a * b + a) / b, rounded to float16 after every operation.
    if np is not None:
        x = np.array(A16, dtype=np.float16)
        y = np.array(B16, dtype=np.float16)
        with np.errstate(all="ignore"):
            r = (x * y + x) / y
        mixed = [int(v) for v in r.view(np.uint16)]
    else:
        ab = f16_binary("multiply", A16, B16)
        s = f16_binary("add", [h_val(v) for v in ab], A16)
        mixed = f16_binary("divide", [h_val(v) for v in s], B16)
    line("f16 (a*b+a)/b", hexes(mixed))
    # a * 2.5 (a weak Python float) and a + 1 (a weak int) stay float16.
    line("f16 a*2.5", hexes(f16_binary("multiply", A16, [2.5] * len(A16))))
    # The sum of 4096 copies of float16(0.1): accumulated in float32 by NumPy (409.5, where a
    # float16 accumulator would stop at 256).
    if np is not None:
        s = np.full(4096, 0.1, dtype=np.float16).sum()
        line("f16 sum 4096 x 0.1", "%04x %s" % (int(s.view(np.uint16)), s.dtype))
        m = np.full(4096, 0.1, dtype=np.float16).mean()
        line("f16 mean 4096 x 0.1", "%04x %s" % (int(m.view(np.uint16)), m.dtype))
    else:
        total = h_val(h_bits(0.1)) * 4096  # exact in float32
        line("f16 sum 4096 x 0.1", "%04x float16" % h_bits(total))
        line("f16 mean 4096 x 0.1", "%04x float16" % h_bits(f32(total / 4096)))
    # Functions of int8 compute in float16.
    if np is not None:
        r = np.sqrt(np.array([1, 2, 3, 100], dtype=np.int8))
        line("sqrt int8", "%s %s" % (hexes(int(v) for v in r.view(np.uint16)), r.dtype))
    else:
        line("sqrt int8", "%s float16" % hexes(h_bits(f32(math.sqrt(v))) for v in [1, 2, 3, 100]))
    # Printing.
    if np is not None:
        line("str f16", str(np.array([1.0, 2.5, 0.1, 3.0], dtype=np.float16)))
        line("str f16 big", str(np.array([1.0, 2.5, 0.1, 3.0], dtype=np.float16) * np.float16(1000)))
        line("str f16 0-d", str(np.array(1 / 3, dtype=np.float16)))
        line("str f16 mixed", str(np.array([65504.0, -1e-3, 1 / 3], dtype=np.float16)))
        line("str bf16", str(np.array([0.1, 1.5, 3.0, 1e10], dtype=ml_dtypes.bfloat16)))
    else:
        line("str f16", "[1.  2.5 0.1 3. ]")
        line("str f16 big", "[1.0e+03 2.5e+03 1.0e+02 3.0e+03]")
        line("str f16 0-d", "0.3333")
        line("str f16 mixed", "[ 6.550e+04 -1.000e-03  3.333e-01]")
        line("str bf16", "[0.100098 1.5 3 9.99922e+09]")


def bfloat16_values():
    line("bf16 from double", hexes([bf_bits(x) for x in [0.1, 1 / 3, 1 + 2.0**-8 + 2.0**-30, 3.0e38, 257.0]]))
    a = [1.0, 2.5, 0.1, 3.0, -7.25, 1000.0]
    b = [3.0, 0.3, 0.7, -1.5, 2.0, 3.0]
    if ml_dtypes is not None:
        x = np.array(a, dtype=ml_dtypes.bfloat16)
        y = np.array(b, dtype=ml_dtypes.bfloat16)
        line("bf16 add", hexes(int(v) for v in (x + y).view(np.uint16)))
        line("bf16 multiply", hexes(int(v) for v in (x * y).view(np.uint16)))
        line("bf16 divide", hexes(int(v) for v in (x / y).view(np.uint16)))
        for other in ["bool", "int8", "uint8", "int16", "int32", "float16", "float32", "float64", "complex64"]:
            line("promote bfloat16 " + other, str(np.promote_types(ml_dtypes.bfloat16, np.dtype(other))))
        line("bf16 * 2.5 (weak float)", str((x * 2.5).dtype))
        line("bf16 + 1 (weak int)", str((x + 1).dtype))
    else:
        def op(f):
            return hexes(bf_bits_of_f32(f32(f(bf_val(bf_bits(p)), bf_val(bf_bits(q))))) for p, q in zip(a, b))
        line("bf16 add", op(lambda p, q: p + q))
        line("bf16 multiply", op(lambda p, q: p * q))
        line("bf16 divide", op(lambda p, q: p / q))
        for other, r in [("bool", "bfloat16"), ("int8", "bfloat16"), ("uint8", "bfloat16"), ("int16", "float32"),
                         ("int32", "float64"), ("float16", "float32"), ("float32", "float32"),
                         ("float64", "float64"), ("complex64", "complex64")]:
            line("promote bfloat16 " + other, r)
        line("bf16 * 2.5 (weak float)", "bfloat16")
        line("bf16 + 1 (weak int)", "bfloat16")


def promotion():
    pairs = [("float16", "int8"), ("float16", "int16"), ("float16", "uint8"), ("float16", "float32"),
             ("float32", "complex64"), ("float64", "complex64"), ("int64", "complex64"), ("int16", "complex64"),
             ("float16", "complex64"), ("complex64", "complex128")]
    expected = ["float16", "float32", "float16", "float32", "complex64", "complex128", "complex128", "complex64",
                "complex64", "complex128"]
    for (p, q), e in zip(pairs, expected):
        line("promote %s %s" % (p, q), str(np.promote_types(p, q)) if np is not None else e)
    if np is not None:
        line("f32 * 1j", str((np.ones(2, np.float32) * 1j).dtype))
        line("f16 * 1j", str((np.ones(2, np.float16) * 1j).dtype))
        line("i32 * 1j", str((np.ones(2, np.int32) * 1j).dtype))
        line("sqrt bool", str(np.sqrt(np.ones(2, bool)).dtype))
    else:
        line("f32 * 1j", "complex64")
        line("f16 * 1j", "complex64")
        line("i32 * 1j", "complex128")
        line("sqrt bool", "float16")


def smith(a, b):
    """NumPy's complex division: Smith's algorithm with the reciprocal of the denominator."""
    if abs(b.real) >= abs(b.imag):
        if b.real == 0 and b.imag == 0:
            return complex(a.real / abs(b.real), a.imag / abs(b.real))
        rat = b.imag / b.real
        scl = 1.0 / (b.real + b.imag * rat)
        return complex((a.real + a.imag * rat) * scl, (a.imag - a.real * rat) * scl)
    rat = b.real / b.imag
    scl = 1.0 / (b.imag + b.real * rat)
    return complex((a.real * rat + a.imag) * scl, (a.imag * rat - a.real) * scl)


def c(z):
    return "(%r,%r)" % (z.real, z.imag)


def complex_values():
    za = [complex(1, 2), complex(-3, 0.5), complex(0, -1), complex(2.5, -4)]
    zb = [complex(3, -1), complex(0.25, 2), complex(-2, 0), complex(0.5, 3)]
    if np is not None:
        x = np.array(za, dtype=np.complex128)
        y = np.array(zb, dtype=np.complex128)
        for name, r in [("add", x + y), ("multiply", x * y), ("divide", x / y), ("abs", np.abs(x)),
                        ("angle", np.angle(x)), ("exp", np.exp(x)), ("log", np.log(x)), ("sqrt", np.sqrt(x)),
                        ("sin", np.sin(x)), ("tanh", np.tanh(x)), ("power", x ** y), ("maximum", np.maximum(x, y)),
                        ("conj", np.conj(x))]:
            line("c128 " + name, " ".join(c(complex(v)) if np.iscomplexobj(r) else repr(float(v)) for v in r))
        line("c128 sum", c(complex(x.sum())))
        line("c128 prod", c(complex(x.prod())))
        line("c128 var", repr(float(x.var())))
        line("c128 argmax", str(int(np.argmax(x))))
        line("c128 cumsum", " ".join(c(complex(v)) for v in np.cumsum(x)))
        line("str c128", str(x))
        line("str c64 0-d", str(np.array(1 + 2j, np.complex64)))
    else:
        # Smith's division and the textbook formulas, as NumPy computes them (C99 functions).
        line("c128 add", " ".join(c(p + q) for p, q in zip(za, zb)))
        line("c128 multiply", " ".join(c(complex(p.real * q.real - p.imag * q.imag, p.real * q.imag + p.imag * q.real))
                                         for p, q in zip(za, zb)))
        line("c128 divide", " ".join(c(smith(p, q)) for p, q in zip(za, zb)))
        line("c128 abs", " ".join(repr(abs(p)) for p in za))
        line("c128 angle", " ".join(repr(math.atan2(p.imag, p.real)) for p in za))
        line("c128 exp", " ".join(c(cmath.exp(p)) for p in za))
        line("c128 log", " ".join(c(cmath.log(p)) for p in za))
        line("c128 sqrt", " ".join(c(cmath.sqrt(p)) for p in za))
        line("c128 sin", " ".join(c(cmath.sin(p)) for p in za))
        line("c128 tanh", " ".join(c(cmath.tanh(p)) for p in za))
        line("c128 power", " ".join(c(p ** q) for p, q in zip(za, zb)))
        line("c128 maximum", " ".join(c(max(p, q, key=lambda z: (z.real, z.imag))) for p, q in zip(za, zb)))
        line("c128 conj", " ".join(c(p.conjugate()) for p in za))
        s = sum(za)
        line("c128 sum", c(s))
        pr = complex(1, 0)
        for p in za:
            pr = pr * p
        line("c128 prod", c(pr))
        mean = s / len(za)
        line("c128 var", repr(sum(abs(p - mean) ** 2 for p in za) / len(za)))
        line("c128 argmax", str(max(range(len(za)), key=lambda i: (za[i].real, za[i].imag))))
        acc, cs = 0, []
        for p in za:
            acc += p
            cs.append(c(acc))
        line("c128 cumsum", " ".join(cs))
        line("str c128", "[ 1. +2.j  -3. +0.5j  0. -1.j   2.5-4.j ]")
        line("str c64 0-d", "(1+2j)")


if __name__ == "__main__":
    sys.stderr.write("# gen_dtypes.py: %s\n" % ("emulated with struct (no NumPy)" if np is None else
                                    "NumPy %s, ml_dtypes %s" % (np.__version__, ml_dtypes.__version__)))
    half_values()
    bfloat16_values()
    promotion()
    complex_values()
