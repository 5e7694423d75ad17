#!/usr/bin/env python3
"""Writes tests/fft_numpy_data.hpp: inputs, calls and NumPy's results for tests/test_fft.cpp.

Run from the repository root with the NumPy that is the spec (2.x):
    python3 tools/numpy_data/gen_fft.py > tests/fft_numpy_data.hpp
and commit the file; test_fft.cpp then checks every case on every executor (NumpyData.*).

    python3 tools/numpy_data/gen_fft.py --emulate > /tmp/fft_emulated.hpp

computes the same cases without NumPy, by direct DFT sums in Python following NumPy's documented
definitions (used to check the test's plumbing on machines without NumPy; never commit it).
Inputs are small exact values (12 significant bits, exact in float32); results are printed
with 17 significant digits (repr). Each case records the result dtype NumPy gives, which the
test compares with gpu::fft's.
"""
import cmath
import math
import sys

EMULATE = "--emulate" in sys.argv
if not EMULATE:
    import numpy as np


def noise(count, seed):
    s = (seed * 2654435761 + 12345) & 0xFFFFFFFF
    out = []
    for _ in range(count):
        s = (s * 1664525 + 1013904223) & 0xFFFFFFFF
        out.append(((s >> 20) - 2048) / 2048.0)
    return out


def prod(shape):
    r = 1
    for x in shape:
        r *= x
    return r


# ---- the emulation: flat row-major lists with a shape ----------------------------------------
def strides(shape):
    st = [1] * len(shape)
    for d in range(len(shape) - 2, -1, -1):
        st[d] = st[d + 1] * shape[d + 1]
    return st


def lines(shape_in, shape_out, axis):
    si, so = strides(shape_in), strides(shape_out)
    rest = list(shape_in)
    rest[axis] = 1
    for i in range(prod(rest)):
        r, oi, oo = i, 0, 0
        for d in range(len(rest) - 1, -1, -1):
            k = r % rest[d]
            r //= rest[d]
            oi += k * si[d]
            oo += k * so[d]
        yield oi, oo, si[axis], so[axis]


def resized(t, axis, n):
    shape, v = t
    out_shape = list(shape)
    out_shape[axis] = n
    out = [0j] * prod(out_shape)
    for oi, oo, si, so in lines(shape, out_shape, axis):
        for j in range(min(n, shape[axis])):
            out[oo + j * so] = v[oi + j * si]
    return out_shape, out


def factor(norm, n, forward):
    if not forward:
        norm = {"backward": "forward", "forward": "backward"}.get(norm, norm)
    return 1.0 if norm == "backward" else 1 / math.sqrt(n) if norm == "ortho" else 1 / n


def dft(t, axis, forward, fct):
    shape, v = t
    n = shape[axis]
    out = [0j] * len(v)
    sign = -1 if forward else 1
    roots = [cmath.exp(sign * 2j * math.pi * e / n) for e in range(n)]
    for oi, oo, si, so in lines(shape, shape, axis):
        for k in range(n):
            out[oo + k * so] = sum(v[oi + j * si] * roots[(j * k) % n] for j in range(n)) * fct
    return list(shape), out


def e_fft(t, n, axis, norm, forward=True):
    return dft(resized(t, axis, n), axis, forward, factor(norm, n, forward))


def e_rfft(t, n, axis, norm):
    return resized(e_fft(t, n, axis, norm), axis, n // 2 + 1)


def e_irfft(t, n, axis, norm):
    shape, h = resized(t, axis, n // 2 + 1)
    full_shape = list(shape)
    full_shape[axis] = n
    full = [0j] * prod(full_shape)
    for oi, oo, si, so in lines(shape, full_shape, axis):
        full[oo] = complex(h[oi].real, 0)
        for j in range(1, n // 2 + 1):
            x = h[oi + j * si]
            if 2 * j == n:
                full[oo + j * so] = complex(x.real, 0)
            else:
                full[oo + j * so] = x
                full[oo + (n - j) * so] = x.conjugate()
    s, v = dft((full_shape, full), axis, False, factor(norm, n, False))
    return s, [complex(x.real, 0) for x in v]


def conj(t):
    return t[0], [x.conjugate() for x in t[1]]


def swap(norm):
    return {"backward": "forward", "forward": "backward"}.get(norm, norm)


def cook(shape, s, axes, invreal=False):
    if axes is None:
        axes = list(range(-len(s), 0)) if s is not None else list(range(-len(shape), 0))
    axes = [a % len(shape) for a in axes]
    if s is None:
        s = [shape[a] for a in axes]
        if invreal:
            s[-1] = (shape[axes[-1]] - 1) * 2
    s = [shape[a] if x == -1 else x for x, a in zip(s, axes)]
    return s, axes


def emulate(func, t, n, axis, s, axes, norm):
    shape = t[0]
    ax = axis % len(shape) if shape else axis
    if func in ("fft", "ifft"):
        return e_fft(t, n or shape[ax], ax, norm, func == "fft")
    if func == "rfft":
        return e_rfft(t, n or shape[ax], ax, norm)
    if func == "irfft":
        return e_irfft(t, n or (shape[ax] - 1) * 2, ax, norm)
    if func == "hfft":
        return e_irfft(conj(t), n or (shape[ax] - 1) * 2, ax, swap(norm))
    if func == "ihfft":
        return conj(e_rfft(t, n or shape[ax], ax, swap(norm)))
    if func in ("fftn", "ifftn", "fft2", "ifft2"):
        if func.endswith("2") and axes is None:
            axes = [-2, -1]
        s, axes = cook(shape, s, axes)
        for i in reversed(range(len(axes))):
            t = e_fft(t, s[i], axes[i], norm, not func.startswith("i"))
        return t
    if func in ("rfftn", "rfft2"):
        if func.endswith("2") and axes is None:
            axes = [-2, -1]
        s, axes = cook(shape, s, axes)
        t = e_rfft(t, s[-1], axes[-1], norm)
        for i in reversed(range(len(axes) - 1)):
            t = e_fft(t, s[i], axes[i], norm)
        return t
    if func in ("irfftn", "irfft2"):
        if func.endswith("2") and axes is None:
            axes = [-2, -1]
        s, axes = cook(shape, s, axes, True)
        for i in range(len(axes) - 1):
            t = e_fft(t, s[i], axes[i], norm, False)
        return e_irfft(t, s[-1], axes[-1], norm)
    raise ValueError(func)


def emulated_dtype(func, dtype):
    real_out = func in ("irfft", "hfft", "irfftn", "irfft2")
    single = dtype in ("float32", "complex64")
    if real_out:
        return "float32" if single else "float64"
    return "complex64" if single else "complex128"


# ---- the cases ------------------------------------------------------------------------------
cases = []


def case(func, shape, dtype, seed, view="", n=None, axis=-1, s=None, axes=None, norm="backward"):
    re = noise(prod(shape), seed)
    im = noise(prod(shape), seed + 101) if dtype.startswith("complex") else [0.0] * prod(shape)
    if dtype == "int64":
        re = [float(round(x * 100)) for x in re]
    if EMULATE:
        t = (list(shape), [complex(a, b) for a, b in zip(re, im)])
        if view == "T":
            t = (list(reversed(shape)), [t[1][i * shape[1] + j] for j in range(shape[1]) for i in range(shape[0])])
        elif view == "step":
            rows, cols = list(range(0, shape[0], 2)), list(range(shape[1] - 1, -1, -1))
            t = ([len(rows), len(cols)], [t[1][i * shape[1] + j] for i in rows for j in cols])
        out_shape, out = emulate(func, t, n, axis, s, axes, norm)
        out_dtype = emulated_dtype(func, dtype)
    else:
        x = np.array(re, dtype=np.float64) + (1j * np.array(im) if dtype.startswith("complex") else 0)
        x = x.astype(dtype).reshape(shape)
        if view == "T":
            x = x.T
        elif view == "step":
            x = x[::2, ::-1]
        f = getattr(np.fft, func)
        if func in ("fft", "ifft", "rfft", "irfft", "hfft", "ihfft"):
            r = f(x, n=n, axis=axis, norm=norm)
        else:
            kw = {"s": s, "norm": norm}
            if axes is not None or not func.endswith("2"):
                kw["axes"] = axes
            r = f(x, **kw)
        out_shape, out_dtype = list(r.shape), str(r.dtype)
        out = [complex(v) for v in r.astype(np.complex128).ravel()]
    cases.append(dict(func=func, dtype=dtype, view=view, shape=shape, re=re, im=im, n=n, axis=axis, s=s,
                      axes=axes, norm=norm, out_dtype=out_dtype, out_shape=out_shape, out=out))


for dt in ("float32", "float64", "complex64", "complex128"):
    for norm in ("backward", "ortho", "forward"):
        for n in (None, 5, 12):
            case("fft", [10], dt, 1, n=n, norm=norm)
            case("ifft", [10], dt, 2, n=n, norm=norm)
        case("fft", [4, 6], dt, 3, axis=0, norm=norm)
        case("ifft", [3, 4, 5], dt, 4, axis=1, norm=norm)
        case("fft", [6, 8], dt, 5, view="T", norm=norm)
        case("fft", [6, 8], dt, 6, view="step", axis=0, norm=norm)
        case("fftn", [3, 4, 5], dt, 7, norm=norm)
        case("ifftn", [3, 4, 5], dt, 8, s=[4, 6], axes=[0, 2], norm=norm)
        case("fft2", [2, 3, 8], dt, 9, norm=norm)
        case("ifft2", [5, 6], dt, 10, s=[3, 9], norm=norm)
        case("hfft", [3, 6], dt, 11, norm=norm)
        case("hfft", [6], dt, 12, n=7, norm=norm)
        case("irfft", [3, 6], dt, 13, norm=norm)
        case("irfft", [6], dt, 14, n=9, norm=norm)
        case("irfft", [4, 5], dt, 15, axis=0, n=4, norm=norm)
        case("irfftn", [3, 4, 5], dt, 16, norm=norm)
        case("irfft2", [4, 6], dt, 17, s=[5, 7], norm=norm)
        case("irfftn", [3, 4, 5], dt, 18, axes=[2, 0], norm=norm)
        if not dt.startswith("complex"):
            for n in (None, 7, 16):
                case("rfft", [12], dt, 19, n=n, norm=norm)
                case("ihfft", [12], dt, 20, n=n, norm=norm)
            case("rfft", [6, 8], dt, 21, view="T", norm=norm)
            case("rfft", [6, 8], dt, 22, view="step", axis=0, norm=norm)
            case("rfftn", [3, 4, 6], dt, 23, norm=norm)
            case("rfft2", [4, 7], dt, 24, s=[5, 9], norm=norm)
            case("rfftn", [3, 4, 6], dt, 25, axes=[2, 0], norm=norm)
case("fft", [9], "int64", 26)
case("rfft", [9], "int64", 27)
case("irfftn", [4, 5], "int64", 28)


def num(v):
    return repr(float(v))


def vec(values, kind="double"):
    return "{" + ", ".join(num(v) if kind == "double" else str(int(v)) for v in values) + "}"


version = "emulation (no NumPy: direct DFT sums in Python)" if EMULATE else f"NumPy {np.__version__}"
print(f"// Generated by tools/numpy_data/gen_fft.py with {version}: do not edit.")
print("""#pragma once
#include <cstdint>
#include <vector>
namespace fft_data {
struct fft_case {
    const char* func;   // a numpy.fft function
    const char* dtype;  // the input's dtype
    const char* view;   // "": the array; "T": its transpose; "step": a[::2, ::-1]
    std::vector<std::int64_t> shape;  // of the array before the view
    std::vector<double> re, im;       // its values, row-major
    bool has_n;
    std::int64_t n, axis;
    bool has_s;
    std::vector<std::int64_t> s;
    bool has_axes;
    std::vector<std::int64_t> axes;
    const char* norm;
    const char* out_dtype;
    std::vector<std::int64_t> out_shape;
    std::vector<double> out_re, out_im;
};
inline const std::vector<fft_case> cases = {""")
for c in cases:
    print("    {" + ", ".join([
        f'"{c["func"]}"', f'"{c["dtype"]}"', f'"{c["view"]}"', vec(c["shape"], "int"), vec(c["re"]), vec(c["im"]),
        "true" if c["n"] is not None else "false", str(c["n"] or 0), str(c["axis"]),
        "true" if c["s"] is not None else "false", vec(c["s"] or [], "int"),
        "true" if c["axes"] is not None else "false", vec(c["axes"] or [], "int"),
        f'"{c["norm"]}"', f'"{c["out_dtype"]}"', vec(c["out_shape"], "int"),
        vec([v.real for v in c["out"]]), vec([v.imag for v in c["out"]])]) + "},")
print("};")
print("}  // namespace fft_data")
