#!/usr/bin/env python3
"""The operations of gpu_ndarray's benchmarks, timed in CuPy (unfused and cupy.fuse) and PyTorch
(eager and torch.compile) on the same GPU, for bench/peers/table.py.

    python3 bench/peers/peers.py [--out out/peers.json] [--reps 20] [--frameworks cupy,torch]
                                 [--ops axpy,sum] [--compile-budget 240]

Each operation: warm-up, then the median of --reps calls timed with CUDA events (transfers: the
wall clock; host times: the calling thread's time per call, see KIND). Outputs are
preallocated where the framework takes out=. Bandwidth counts the bytes our benchmarks count
(inputs read once, output written once), and frac_of_copy compares it with the framework's own
device-to-device copy. Writes {framework: {op: {"gbps", "frac_of_copy", "us"} or null}} plus
"_meta" (versions, GPU, errors); a failing framework or operation records null and the run goes on.
"""
import argparse
import datetime
import json
import statistics
import sys
import time
import traceback

N = 1 << 26  # 2^26 float32, as bench_support.hpp's big_n
M = 8192  # square matrices
ROWS, COLS = 4096, 16384  # broadcast_row_add
MIB = 1 << 20
TRANSFER_MIB = (64, 256)  # bench_transfers.cpp's sizes at and above the 64 MiB

# Bytes each operation must move, as our benchmarks count them (the operation keys are the
# benchmarks' names, BM_<key>).
BYTES = {
    "copy_d2d": 2 * 4 * N,
    "axpy": 3 * 4 * N,
    "user_axpy": 3 * 4 * N,
    "user_axpy_c64": 3 * 8 * (N // 2),
    "raw_axpy": 3 * 4 * N,
    "mixed": 3 * 4 * N,
    # issue 12 (bench/bench_dtypes.cpp): 2^26 2-byte floats, 2^25 complex64
    "copy_d2d_f16": 2 * 2 * N,
    "axpy_f16": 3 * 2 * N,
    "axpy_bf16": 3 * 2 * N,
    "mixed_f16": 3 * 2 * N,
    "complex_ab_plus_a": 3 * 8 * (N // 2),
    "ufunc_mix": 3 * 4 * N,
    "divmod": 4 * 4 * N,  # two reads, two results
    "broadcast_row_add": 2 * 4 * ROWS * COLS + 4 * COLS,
    "transpose_add": 3 * 4 * M * M,
    "stepped_slice_add": 3 * 4 * (N // 2),
    "concatenate": 2 * 4 * N,
    "sum": 4 * N,
    "sum_xy": 2 * 4 * N,
    "max": 4 * N,
    "argmax": 4 * N,
    "sum_axis0": 4 * M * M + 4 * M,
    "sum_axis1": 4 * M * M + 4 * M,
    "cumsum": 2 * 4 * N,
    "cumsum_flat_i32": (4 + 8) * N,  # int32 in, int64 out
    "cumsum_flat_f64": 2 * 8 * (N // 2),
    "cumsum_axis1_8192": 2 * 4 * M * M,
    "cumsum_axis0_8192": 2 * 4 * M * M,
    "cumsum_flat_transposed_8192": 2 * 4 * M * M,
    "randn": 4 * N,
    "rand_f32": 4 * N,
    "normal_f32": 4 * N,
    "randn_f64": 8 * N,
    "rand_f64": 8 * N,
    "randint_i64": 8 * N,
    "randint_i32": 4 * N,
    "exponential_f32": 4 * N,
    "gamma_f32": 4 * N,
    "poisson_i64": 8 * N,  # torch.poisson: float32 out, its 4-byte rates read
    "matvec_16384": 4 * (16384 * 16384 + 2 * 16384),
    "matvec_t_16384": 4 * (16384 * 16384 + 2 * 16384),
    # sorting (bench_sort.cpp): keys read once and written once; argsort writes int64 indices
    "sort_f32": 2 * 4 * N,
    "sort_i32": 2 * 4 * N,
    "argsort_f32": (4 + 8) * N,
    "sort_f16": 2 * 2 * N,
    "sort_c64": 2 * 8 * N,
    "sort_rows_2p20x64": 2 * 4 * N,
    "unique_i32": 4 * N,  # keys read once (the output is small)
    "searchsorted_2p24_in_2p26": (4 + 8) * (N // 4),  # queries read, int64 positions written
    "median_f32": 4 * N,
}
# bench_functions.cpp: common functions and advanced indexing.
FN_ROWS, FN_COLS, CONV_N, CONV_TAPS = 1 << 20, 16, 1 << 22, 64
BYTES.update({
    "diff": 2 * 4 * N,
    "pad_edge_8192": 4 * M * M + 4 * (M + 32) * (M + 32),
    "convolve_k64": 2 * 4 * CONV_N,
    "mask_rows": 8 * FN_ROWS + 4 * FN_ROWS * FN_COLS + FN_ROWS * FN_COLS,
    "fancy_gather_rows": 8 * FN_ROWS + 2 * 4 * FN_ROWS * FN_COLS,
})
for _mib in TRANSFER_MIB:
    for _op in ("h2d_pinned", "d2h_pinned", "h2d_pageable", "d2h_pageable"):
        BYTES[f"{_op}/{_mib}"] = _mib * MIB
BYTES["d2h_new_host_array/256"] = 256 * MIB
SMALL_N = 1000  # host time per z = x + y
FFT_N = 1 << 24  # bench_fft.cpp: complex64 transforms of 2^24 points
N_SMALL_OPS = 100  # bench_graph.cpp: 100 small element-wise operations

# How an operation is timed: "gpu" (default) CUDA events around the call; "wall" the wall clock
# until the data has arrived (transfers, as bench_transfers.cpp); "host" the calling thread's
# time per call with the GPU running behind (as BM_small_add_host_time and bench_graph.cpp).
KIND = {op: "wall" for op in BYTES if op.startswith(("h2d_", "d2h_"))}
# .npy files of 1 GiB float32 (bench_npy.cpp): cupy.save / cupy.load, wall clock, warm page cache.
NPY_BYTES = 1 << 30
NPY_PATH = "/tmp/gpu_nd_peers.npy"
BYTES.update({"npy_save": NPY_BYTES, "npy_load": NPY_BYTES})
KIND["npy_save"] = KIND["npy_load"] = "wall"
KIND.update({op: "host" for op in ("small_add_host_time", "small_add_into_host_time", "direct_100_ops",
                                   "graph_replay_100_ops")})


def log(*args):
    print(*args, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------
class Timer:
    """CUDA-event timing and synchronization for one framework."""

    def __init__(self, event, elapsed_ms, sync, free):
        self.event, self.elapsed_ms, self.sync, self.free = event, elapsed_ms, sync, free

    def gpu_us(self, fn, reps, warmup=3):
        for _ in range(warmup):
            fn()
        self.sync()
        times = []
        for _ in range(reps):
            start, stop = self.event(), self.event()
            start.record()
            fn()
            stop.record()
            stop.synchronize()
            times.append(float(self.elapsed_ms(start, stop)) * 1e3)
        return statistics.median(times)

    def wall_us(self, fn, reps, warmup=2):
        """Wall-clock microseconds of fn() until the GPU is done (median)."""
        for _ in range(warmup):
            fn()
        self.sync()
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            fn()
            self.sync()
            times.append((time.perf_counter() - t0) * 1e6)
        return statistics.median(times)

    def host_us(self, fn, ops_per_call=1, calls=None, reps=3):
        """Host microseconds per call of fn: the GPU runs behind; the queue is drained every
        ~512 kernels outside the timed part (as BM_small_add_host_time does)."""
        block = max(1, 512 // ops_per_call)
        calls = calls or max(block, 10000 // ops_per_call)
        for _ in range(min(block, 100)):
            fn()
        self.sync()
        results = []
        for _ in range(reps):
            total, done = 0.0, 0
            while done < calls:
                k = min(block, calls - done)
                t0 = time.perf_counter()
                for _ in range(k):
                    fn()
                total += time.perf_counter() - t0
                self.sync()
                done += k
            results.append(total / calls * 1e6)
        return statistics.median(results)


def measure(results, errors, name, timer, ops, reps, only, budget_end=None, notes=None):
    """Times every op of `ops` ({op: setup() -> fn}) into results[name]; failures record null."""
    res = results.setdefault(name, {})
    for op, setup in ops.items():
        if only and op not in only:
            continue
        if budget_end is not None and time.monotonic() > budget_end:
            res[op] = None
            errors.setdefault(name, {})[op] = "skipped: compile time budget spent"
            continue
        fn = None
        try:
            fn = setup()
            t0 = time.monotonic()
            fn()  # first call: compiles (cupy kernels, cupy.fuse, torch.compile)
            timer.sync()
            first_s = time.monotonic() - t0
            kind = KIND.get(op, "gpu")
            if kind == "host":
                us = timer.host_us(fn, N_SMALL_OPS if op.endswith("_100_ops") else 1)
            elif kind == "wall":
                us = timer.wall_us(fn, min(reps, 10))
            else:
                us = timer.gpu_us(fn, reps)
            gbps = BYTES[op] / (us * 1e-6) / 1e9 if op in BYTES else None
            res[op] = {"gbps": gbps, "frac_of_copy": None, "us": us, "kind": kind}
            if first_s > 1.0:
                res[op]["first_call_s"] = round(first_s, 2)
            log(f"  {name:14s} {op:28s} {us:10.2f} us  " + (f"{gbps:8.1f} GB/s" if gbps else f"({kind})"))
        except Exception as e:  # one failure must not stop the run
            res[op] = None
            errors.setdefault(name, {})[op] = f"{type(e).__name__}: {e}"[:300]
            log(f"  {name:14s} {op:18s} FAILED: {type(e).__name__}: {e}")
            log("".join(traceback.format_exc(limit=3)))
        finally:
            del fn
            try:
                timer.sync()
                timer.free()
            except Exception:
                pass


def add_fractions(results, copy_of):
    """frac_of_copy against the copy bandwidth of the framework family (copy_of[name])."""
    for name, ops in results.items():
        copy = results.get(copy_of.get(name, name), {}).get("copy_d2d")
        for op, r in ops.items():  # not for transfers: their reference is the link
            if r and r.get("gbps") is not None and copy and r.get("kind") == "gpu":
                r["frac_of_copy"] = r["gbps"] / copy["gbps"]


# ---------------------------------------------------------------------------------------------
# CuPy
# ---------------------------------------------------------------------------------------------
def cupy_ops(cp):
    f32 = cp.float32

    def r(*shape):
        return cp.random.uniform(-2.0, 2.0, shape, dtype=f32)

    def e(*shape, dtype=f32):
        return cp.empty(shape, dtype=dtype)

    def copy_d2d():
        a, b = r(N), e(N)
        kind = getattr(cp.cuda.runtime, "memcpyDeviceToDevice", 3)
        stream = cp.cuda.get_current_stream().ptr
        return lambda: cp.cuda.runtime.memcpyAsync(b.data.ptr, a.data.ptr, a.nbytes, kind, stream)

    def binary(shape_x, shape_y, shape_z, f):
        x, y, z = r(*shape_x), r(*shape_y), e(*shape_z)
        return lambda: f(x, y, z)

    def reduction(shape, out_shape, f, dtype=f32):
        x, out = r(*shape), e(*out_shape, dtype=dtype)
        return lambda: f(x, out)

    def sum_xy():
        x, y, s = r(N), r(N), e()
        return lambda: cp.sum(x * y, out=s)

    def randn():
        try:  # legacy RandomState: cuRAND's normal generator, float32 directly
            cp.random.standard_normal(16, dtype=f32)
            return lambda: cp.random.standard_normal(N, dtype=f32)
        except Exception:
            rng, z = cp.random.default_rng(1), e(N)
            return lambda: rng.standard_normal(N, dtype=f32, out=z)

    def scan(x, out_dtype=f32, axis=None):
        if axis is None and not x.flags.c_contiguous:  # CuPy takes no out= for the flat scan of a view
            return lambda: cp.cumsum(x)
        out = e(*(x.shape if axis is not None else (x.size,)), dtype=out_dtype)
        return lambda: cp.cumsum(x, axis=axis, out=out)

    def small(f):
        x, y, z = r(SMALL_N), r(SMALL_N), e(SMALL_N)
        return lambda: f(x, y, z)

    def hundred_ops():
        """bench_graph.cpp's 100 operations (the 25 rounds of four), every result written with out=."""
        a, b, c, t = r(SMALL_N), r(SMALL_N), r(SMALL_N), e(SMALL_N)

        def run():
            for _ in range(N_SMALL_OPS // 4):
                cp.add(a, b, out=a)
                cp.multiply(a, 0.5, out=b)
                cp.multiply(b, c, out=t)
                cp.subtract(a, t, out=c)
                cp.multiply(a, 0.999, out=a)

        return run

    def graph_replay():
        run = hundred_ops()
        run()
        stream = cp.cuda.Stream(non_blocking=True)
        with stream:
            stream.begin_capture()
            run()
            graph = stream.end_capture()
        return lambda: graph.launch(stream)

    def user_axpy():
        k = cp.ElementwiseKernel("float32 a, T x, T y", "T z", "z = a * x + y", "user_axpy")
        x, y, z = r(N), r(N), e(N)
        return lambda: k(cp.float32(1.75), x, y, z)

    def raw_axpy():
        k = cp.RawKernel(r"""
extern "C" __global__ void raw_axpy(float* z, const float* x, const float* y, float a, long long n) {
    for (long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x; i < n; i += (long long)gridDim.x * blockDim.x)
        z[i] = a * x[i] + y[i];
}""", "raw_axpy")
        x, y, z = r(N), r(N), e(N)
        blocks = cp.cuda.Device().attributes["MultiProcessorCount"] * 8
        return lambda: k((blocks,), (256,), (z, x, y, cp.float32(1.75), cp.int64(N)))

    def cupy_functions():
        """bench_functions.cpp's rows; each setup makes its own inputs."""
        def rows_and(f):
            xr = r(FN_ROWS, FN_COLS)
            return lambda: f(xr)

        return {
            "diff": lambda: binary((N,), (1,), (1,), lambda x, y, z: cp.diff(x)),
            "pad_edge_8192": lambda: binary((M, M), (1,), (1,), lambda m, y, z: cp.pad(m, 16, mode="edge")),
            "convolve_k64": lambda: binary((CONV_N,), (CONV_TAPS,), (1,), lambda x, v, z: cp.convolve(x, v)),
            "mask_rows": lambda: (lambda labels: rows_and(lambda xr: xr[labels == 0]))(
                cp.random.randint(0, 4, FN_ROWS, dtype=cp.int64)),
            "fancy_gather_rows": lambda: (lambda idx: rows_and(lambda xr: xr[idx]))(
                cp.random.randint(0, FN_ROWS, FN_ROWS, dtype=cp.int64)),
        }

    return {
        **cupy_functions(),
        **cupy_random_ops(cp),
        **cupy_sort_ops(cp),
        **cupy_transfer_ops(cp),
        **cupy_linalg_ops(cp),
        **cupy_fft_ops(cp),
        **cupy_npy_ops(cp),
        "user_axpy": user_axpy,
        "raw_axpy": raw_axpy,
        "copy_d2d": copy_d2d,
        "small_add_host_time": lambda: small(lambda x, y, z: x + y),
        "small_add_into_host_time": lambda: small(lambda x, y, z: cp.add(x, y, out=z)),
        "direct_100_ops": hundred_ops,
        "graph_replay_100_ops": graph_replay,
        "cumsum_flat_i32": lambda: scan((r(N) * 100).astype(cp.int32), cp.int64),
        "cumsum_flat_f64": lambda: scan(r(N // 2).astype(cp.float64), cp.float64),
        "cumsum_axis1_8192": lambda: scan(r(M, M), axis=1),
        "cumsum_axis0_8192": lambda: scan(r(M, M), axis=0),
        "cumsum_flat_transposed_8192": lambda: scan(r(M, M).T),
        "axpy": lambda: binary((N,), (N,), (N,), lambda x, y, z: cp.add(1.75 * x, y, out=z)),
        "mixed": lambda: binary((N,), (N,), (N,), lambda x, y, z: cp.add(
            cp.sin(x) * cp.exp(-y), cp.sqrt(cp.abs(x * y)) / (1 + x * x), out=z)),
        **cupy_dtype_ops(cp),
        "ufunc_mix": lambda: binary((N,), (N,), (N,), lambda x, y, z: cp.add(
            cp.log1p(cp.abs(x)) * cp.sign(y), cp.hypot(x, y), out=z)),
        "divmod": lambda: binary((N,), (N,), (N,), lambda x, y, z: cp.divmod(x, y)),
        "broadcast_row_add": lambda: binary((ROWS, COLS), (COLS,), (ROWS, COLS),
                                            lambda m, row, z: cp.add(m, row, out=z)),
        "transpose_add": lambda: binary((M, M), (M, M), (M, M), lambda x, y, z: cp.add(x.T, y, out=z)),
        "stepped_slice_add": lambda: binary((N,), (N // 2,), (N // 2,),
                                            lambda x, y, z: cp.add(x[::2], y, out=z)),
        "concatenate": lambda: binary((N // 2,), (N // 2,), (N,),
                                      lambda a, b, z: cp.concatenate((a, b), out=z)),
        "sum": lambda: reduction((N,), (), lambda x, s: cp.sum(x, out=s)),
        "sum_xy": sum_xy,
        "max": lambda: reduction((N,), (), lambda x, s: cp.max(x, out=s)),
        "argmax": lambda: reduction((N,), (), lambda x, i: cp.argmax(x, out=i), dtype=cp.int64),
        "sum_axis0": lambda: reduction((M, M), (M,), lambda x, s: cp.sum(x, axis=0, out=s)),
        "sum_axis1": lambda: reduction((M, M), (M,), lambda x, s: cp.sum(x, axis=1, out=s)),
        "cumsum": lambda: reduction((N,), (N,), lambda x, z: cp.cumsum(x, out=z)),
        "randn": randn,
    }


def cupy_linalg_ops(cp):
    """bench_linalg.cpp's products and factorizations (new result arrays each call, as ours)."""
    f32 = cp.float32

    def r(*shape, dtype=f32):
        return cp.random.uniform(-2.0, 2.0, shape, dtype=cp.float32).astype(dtype)

    def general(n):
        return r(n, n) + cp.eye(n, dtype=f32) * n

    def spd(n):
        g = r(n, n)
        return g + g.T + cp.eye(n, dtype=f32) * (4 * n)

    def mm(a, b):
        return lambda: cp.matmul(a, b)

    return {
        "matmul_f32_8192": lambda: mm(r(8192, 8192), r(8192, 8192)),
        "matmul_f64_4096": lambda: mm(r(4096, 4096, dtype=cp.float64), r(4096, 4096, dtype=cp.float64)),
        "matmul_c64_2048": lambda: mm(r(2048, 2048) + 1j * r(2048, 2048), r(2048, 2048) + 1j * r(2048, 2048)),
        "matmul_f16_2048": lambda: mm(r(2048, 2048, dtype=cp.float16), r(2048, 2048, dtype=cp.float16)),
        "matmul_i32_2048": lambda: mm((r(2048, 2048) * 50).astype(cp.int32), (r(2048, 2048) * 50).astype(cp.int32)),
        "matmul_batched_256": lambda: mm(r(256, 256, 256), r(256, 256, 256)),
        "matmul_batched_256_transposed": lambda: mm(r(256, 256, 256), r(256, 256, 256).transpose(0, 2, 1)),
        "matmul_broadcast_f32": lambda: mm(r(64, 1024, 1024), r(1024, 1024)),
        "einsum_bij_bkj_256": lambda: (lambda a, b: lambda: cp.einsum("bij,bkj->bik", a, b))(r(256, 256, 256), r(256, 256, 256)),
        "matvec_16384": lambda: mm(r(16384, 16384), r(16384)),
        "matvec_t_16384": lambda: mm(r(16384, 16384).T, r(16384)),
        "solve_f32_4096": lambda: (lambda a, b: lambda: cp.linalg.solve(a, b))(general(4096), r(4096)),
        "cholesky_f32_4096": lambda: (lambda a: lambda: cp.linalg.cholesky(a))(spd(4096)),
        "qr_f32_4096": lambda: (lambda a: lambda: cp.linalg.qr(a))(general(4096)),
        "eigh_f32_4096": lambda: (lambda a: lambda: cp.linalg.eigh(a))(spd(4096)),
        "svd_f32_2048": lambda: (lambda a: lambda: cp.linalg.svd(a))(general(2048)),
        "inv_batched_4096x32": lambda: (lambda a: lambda: cp.linalg.inv(a))(r(4096, 32, 32) + cp.eye(32, dtype=f32) * 32),
    }


def cupy_fft_ops(cp):
    """bench_fft.cpp's transforms (cuFFT with CuPy's plan cache; new result arrays each call, as ours)."""
    def c(*shape):
        return (cp.random.standard_normal(shape, dtype=cp.float32)
                + 1j * cp.random.standard_normal(shape, dtype=cp.float32)).astype(cp.complex64)

    def one(f, x):
        return lambda: f(x)

    return {
        "fft_c64_2p24": lambda: one(cp.fft.fft, c(FFT_N)),
        "rfft_f32_4096x16384": lambda: one(cp.fft.rfft, cp.random.standard_normal((ROWS, COLS), dtype=cp.float32)),
        "fft2_c64_8192": lambda: one(cp.fft.fft2, c(M, M)),
        "ifft_fft_scale_c64_2p24": lambda: one(lambda z: cp.fft.ifft(cp.fft.fft(z) * 0.5), c(FFT_N)),
    }


def cupy_random_ops(cp):
    """New arrays each call, as gpu::random's functions return them (legacy RandomState: cuRAND)."""
    rs = cp.random
    return {
        "rand_f32": lambda: (lambda: rs.random_sample(N, dtype=cp.float32)),
        "normal_f32": lambda: (lambda: rs.normal(3.0, 2.0, N, dtype=cp.float32)),
        "randn_f64": lambda: (lambda: rs.standard_normal(N, dtype=cp.float64)),
        "rand_f64": lambda: (lambda: rs.random_sample(N, dtype=cp.float64)),
        "randint_i64": lambda: (lambda: rs.randint(0, 1000, N, dtype=cp.int64)),
        "randint_i32": lambda: (lambda: rs.randint(0, 1000, N, dtype=cp.int32)),
        "exponential_f32": lambda: (lambda: rs.exponential(2.0, N, dtype=cp.float32)),
        "gamma_f32": lambda: (lambda: rs.gamma(2.0, 1.0, N, dtype=cp.float32)),
        "poisson_i64": lambda: (lambda: rs.poisson(4.0, N, dtype=cp.int64)),
    }


def cupy_sort_ops(cp):
    """bench_sort.cpp's operations: new arrays each call, as gpu::sort and friends return them."""
    def keys(dtype=cp.float32):
        x = cp.random.uniform(-2.0, 2.0, N, dtype=cp.float32)
        return x if dtype == cp.float32 else (x * 5e8).astype(dtype)

    def one(f, make):
        x = make()
        return lambda: f(x)

    def searchsorted():
        s = cp.sort(keys())
        q = cp.random.uniform(-2.0, 2.0, N // 4, dtype=cp.float32)
        return lambda: cp.searchsorted(s, q)

    return {
        "sort_f32": lambda: one(cp.sort, keys),
        "sort_i32": lambda: one(cp.sort, lambda: keys(cp.int32)),
        "argsort_f32": lambda: one(cp.argsort, keys),
        "sort_f16": lambda: one(cp.sort, lambda: keys().astype(cp.float16)),
        "sort_c64": lambda: one(cp.sort, lambda: keys() + 1j * keys()),
        "sort_rows_2p20x64": lambda: one(lambda x: cp.sort(x, axis=1), lambda: keys().reshape(1 << 20, 64)),
        "unique_i32": lambda: one(cp.unique, lambda: cp.random.randint(0, 1 << 20, N, dtype=cp.int32)),
        "searchsorted_2p24_in_2p26": searchsorted,
        "median_f32": lambda: one(cp.median, keys),
    }


def cupy_transfer_ops(cp):
    """cupy.asarray (a new device array) and ndarray.get(out=) / cupy.asnumpy (a new host array),
    from ordinary NumPy memory and from cupyx's pinned memory."""
    import numpy
    import cupyx

    def host(n, pinned):
        h = cupyx.empty_pinned((n,), dtype=numpy.float32) if pinned else numpy.empty(n, dtype=numpy.float32)
        h[...] = 2.5  # touched once, as the benchmarks' static buffers
        return h

    def h2d(mib, pinned):
        h = host(mib * MIB // 4, pinned)
        return lambda: cp.asarray(h)

    def d2h(mib, pinned):
        n = mib * MIB // 4
        a, h = cp.ones(n, dtype=cp.float32), host(n, pinned)
        return lambda: a.get(out=h)

    def d2h_new(mib):
        a = cp.ones(mib * MIB // 4, dtype=cp.float32)
        return lambda: cp.asnumpy(a)

    ops = {"d2h_new_host_array/256": lambda: d2h_new(256)}
    for mib in TRANSFER_MIB:
        for pinned, kind in ((True, "pinned"), (False, "pageable")):
            ops[f"h2d_{kind}/{mib}"] = lambda mib=mib, pinned=pinned: h2d(mib, pinned)
            ops[f"d2h_{kind}/{mib}"] = lambda mib=mib, pinned=pinned: d2h(mib, pinned)
    return ops


def cupy_npy_ops(cp):
    """cupy.save / cupy.load of a 1 GiB float32 array (numpy.save of the host copy, and back)."""

    def save():
        a = cp.ones(NPY_BYTES // 4, dtype=cp.float32)
        return lambda: cp.save(NPY_PATH, a)

    def load():
        cp.save(NPY_PATH, cp.ones(NPY_BYTES // 4, dtype=cp.float32))
        return lambda: cp.load(NPY_PATH)

    return {"npy_save": save, "npy_load": load}


def cupy_fuse_ops(cp):
    """cupy.fuse where one kernel can replace several (named functions: the kernel takes the name)."""

    def fused_axpy(x, y):
        return 1.75 * x + y

    def fused_mixed(x, y):
        return cp.sin(x) * cp.exp(-y) + cp.sqrt(cp.abs(x * y)) / (1 + x * x)

    def fused_sum_xy(x, y):
        return cp.sum(x * y)

    def fused_ufunc_mix(x, y):
        return cp.log1p(cp.abs(x)) * cp.sign(y) + cp.hypot(x, y)

    def make(f):
        def setup():
            k = cp.fuse(f)
            x = cp.random.uniform(-2.0, 2.0, N, dtype=cp.float32)
            y = cp.random.uniform(-2.0, 2.0, N, dtype=cp.float32)
            if k(x, y).dtype != cp.float32:  # a float64 result would move more bytes than counted
                raise TypeError(f"{f.__name__} returned {k(x, y).dtype}, not float32")
            return lambda: k(x, y)

        return setup

    return {"axpy": make(fused_axpy), "mixed": make(fused_mixed), "sum_xy": make(fused_sum_xy),
            "ufunc_mix": make(fused_ufunc_mix), **cupy_fuse_dtype_ops(cp)}


def cupy_dtype_ops(cp):
    """float16 and complex64 (CuPy has no bfloat16)."""
    f16 = cp.float16

    def h(n):
        return cp.random.uniform(-2.0, 2.0, n, dtype=cp.float32).astype(f16)

    def c(n):
        return (cp.random.standard_normal(n, dtype=cp.float32) + 1j * cp.random.standard_normal(n, dtype=cp.float32)).astype(cp.complex64)

    def half_binary(f):
        x, y, z = h(N), h(N), cp.empty(N, dtype=f16)
        return lambda: f(x, y, z)

    def copy_f16():
        a, b = h(N), cp.empty(N, dtype=f16)
        kind = getattr(cp.cuda.runtime, "memcpyDeviceToDevice", 3)
        stream = cp.cuda.get_current_stream().ptr
        return lambda: cp.cuda.runtime.memcpyAsync(b.data.ptr, a.data.ptr, a.nbytes, kind, stream)

    def complex_ab():
        a, b, z = c(N // 2), c(N // 2), cp.empty(N // 2, dtype=cp.complex64)
        return lambda: cp.add(a * b, a, out=z)

    def user_axpy_c64():
        k = cp.ElementwiseKernel("complex64 a, T x, T y", "T z", "z = a * x + y", "user_axpy_c64")
        x, y, z = c(N // 2), c(N // 2), cp.empty(N // 2, dtype=cp.complex64)
        return lambda: k(cp.complex64(1.75 - 0.5j), x, y, z)

    return {
        "copy_d2d_f16": copy_f16,
        "axpy_f16": lambda: half_binary(lambda x, y, z: cp.add(f16(1.75) * x, y, out=z)),
        "mixed_f16": lambda: half_binary(lambda x, y, z: cp.add(
            cp.sin(x) * cp.exp(-y), cp.sqrt(cp.abs(x * y)) / (1 + x * x), out=z)),
        "complex_ab_plus_a": complex_ab,
        "user_axpy_c64": user_axpy_c64,
    }


def cupy_fuse_dtype_ops(cp):
    def fused(f, make_inputs):
        def setup():
            k = cp.fuse(f)
            xs = make_inputs()
            return lambda: k(*xs)

        return setup

    def h():
        return [cp.random.uniform(-2.0, 2.0, N, dtype=cp.float32).astype(cp.float16) for _ in range(2)]

    def c():
        return [(cp.random.standard_normal(N // 2, dtype=cp.float32) +
                 1j * cp.random.standard_normal(N // 2, dtype=cp.float32)).astype(cp.complex64) for _ in range(2)]

    return {
        "axpy_f16": fused(lambda x, y: cp.float16(1.75) * x + y, h),
        "mixed_f16": fused(lambda x, y: cp.sin(x) * cp.exp(-y) + cp.sqrt(cp.abs(x * y)) / (1 + x * x), h),
        "complex_ab_plus_a": fused(lambda a, b: a * b + a, c),
    }


def run_cupy(results, errors, meta, args, only):
    import cupy as cp

    meta["versions"]["cupy"] = cp.__version__
    timer = Timer(cp.cuda.Event, cp.cuda.get_elapsed_time, cp.cuda.Device().synchronize,
                  cp.get_default_memory_pool().free_all_blocks)
    if "gpu" not in meta:
        name = cp.cuda.runtime.getDeviceProperties(cp.cuda.Device().id)["name"]
        meta["gpu"] = name.decode() if isinstance(name, bytes) else str(name)
    measure(results, errors, "cupy", timer, cupy_ops(cp), args.reps, only)
    measure(results, errors, "cupy_fuse", timer, cupy_fuse_ops(cp), args.reps, only)


# ---------------------------------------------------------------------------------------------
# PyTorch
# ---------------------------------------------------------------------------------------------
def torch_ops(torch):
    dev = "cuda"

    def r(*shape):
        return torch.empty(shape, device=dev, dtype=torch.float32).uniform_(-2.0, 2.0)

    def e(*shape, dtype=torch.float32):
        return torch.empty(shape, device=dev, dtype=dtype)

    def with_inputs(shapes, f, out_shape=None):
        xs = [r(*s) for s in shapes]
        if out_shape is None:
            return lambda: f(*xs)
        z = e(*out_shape)
        return lambda: f(*xs, z)

    def copy_d2d():
        a, b = r(N), e(N)
        return lambda: b.copy_(a)

    def randn():
        z = e(N)
        return lambda: torch.randn(N, out=z)

    def scan(x, out_dtype=torch.float32, dim=None):
        out = e(*x.shape, dtype=out_dtype) if dim is not None else e(x.numel(), dtype=out_dtype)
        if dim is None:  # flat, in C order: reshape copies a transposed view, as NumPy's ravel
            return lambda: torch.cumsum(x.reshape(-1), dim=0, out=out)
        return lambda: torch.cumsum(x, dim=dim, out=out)

    def small(f):
        x, y, z = r(SMALL_N), r(SMALL_N), e(SMALL_N)
        return lambda: f(x, y, z)

    def hundred_ops():
        a, b, c = r(SMALL_N), r(SMALL_N), r(SMALL_N)

        def run():
            for _ in range(N_SMALL_OPS // 4):
                a.add_(b)
                torch.mul(a, 0.5, out=b)
                torch.sub(a, b * c, out=c)
                a.mul_(0.999)

        return run

    def graph_replay():
        run = hundred_ops()
        side = torch.cuda.Stream()
        side.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(side):  # warm-up on a side stream, as torch.cuda.graphs advises
            run()
        torch.cuda.current_stream().wait_stream(side)
        graph = torch.cuda.CUDAGraph()
        with torch.cuda.graph(graph):
            run()
        return graph.replay

    def torch_functions():
        """bench_functions.cpp's rows (convolve as conv1d with the taps reversed and full padding)."""
        F = torch.nn.functional

        def rows_and(make_index, f):
            xr = r(FN_ROWS, FN_COLS)
            ix = make_index()
            return lambda: f(xr, ix)

        return {
            "diff": lambda: with_inputs([(N,)], torch.diff),
            "pad_edge_8192": lambda: with_inputs(
                [(M, M)], lambda m: F.pad(m.view(1, 1, M, M), (16, 16, 16, 16), mode="replicate")),
            "convolve_k64": lambda: with_inputs(
                [(CONV_N,), (CONV_TAPS,)],
                lambda x, v: F.conv1d(x.view(1, 1, -1), v.flip(0).view(1, 1, -1), padding=CONV_TAPS - 1)),
            "mask_rows": lambda: rows_and(lambda: torch.randint(0, 4, (FN_ROWS,), device=dev),
                                          lambda xr, labels: xr[labels == 0]),
            "fancy_gather_rows": lambda: rows_and(lambda: torch.randint(0, FN_ROWS, (FN_ROWS,), device=dev),
                                                  lambda xr, idx: xr[idx]),
        }

    # Full reductions have no out= overload for a 0-d result; the caching allocator serves it.
    return {
        **torch_functions(),
        **torch_random_ops(torch),
        **torch_sort_ops(torch),
        **torch_transfer_ops(torch),
        **torch_linalg_ops(torch),
        **torch_fft_ops(torch),
        "copy_d2d": copy_d2d,
        "small_add_host_time": lambda: small(lambda x, y, z: x + y),
        "small_add_into_host_time": lambda: small(lambda x, y, z: torch.add(x, y, out=z)),
        "direct_100_ops": hundred_ops,
        "graph_replay_100_ops": graph_replay,
        "cumsum_flat_i32": lambda: scan((r(N) * 100).to(torch.int32), torch.int64),
        "cumsum_flat_f64": lambda: scan(r(N // 2).to(torch.float64), torch.float64),
        "cumsum_axis1_8192": lambda: scan(r(M, M), dim=1),
        "cumsum_axis0_8192": lambda: scan(r(M, M), dim=0),
        "cumsum_flat_transposed_8192": lambda: scan(r(M, M).T),
        "axpy": lambda: with_inputs([(N,), (N,)], lambda x, y, z: torch.add(1.75 * x, y, out=z), (N,)),
        **torch_dtype_ops(torch),
        "mixed": lambda: with_inputs([(N,), (N,)], lambda x, y, z: torch.add(
            torch.sin(x) * torch.exp(-y), torch.sqrt(torch.abs(x * y)) / (1 + x * x), out=z), (N,)),
        "ufunc_mix": lambda: with_inputs([(N,), (N,)], lambda x, y, z: torch.add(
            torch.log1p(torch.abs(x)) * torch.sign(y), torch.hypot(x, y), out=z), (N,)),
        # No torch.divmod: its two ufuncs.
        "divmod": lambda: with_inputs([(N,), (N,)], lambda x, y: (torch.div(x, y, rounding_mode="floor"),
                                                                   torch.remainder(x, y))),
        "broadcast_row_add": lambda: with_inputs([(ROWS, COLS), (COLS,)],
                                                 lambda m, row, z: torch.add(m, row, out=z), (ROWS, COLS)),
        "transpose_add": lambda: with_inputs([(M, M), (M, M)], lambda x, y, z: torch.add(x.T, y, out=z), (M, M)),
        "stepped_slice_add": lambda: with_inputs([(N,), (N // 2,)],
                                                 lambda x, y, z: torch.add(x[::2], y, out=z), (N // 2,)),
        "concatenate": lambda: with_inputs([(N // 2,), (N // 2,)], lambda a, b, z: torch.cat((a, b), out=z), (N,)),
        "sum": lambda: with_inputs([(N,)], torch.sum),
        "sum_xy": lambda: with_inputs([(N,), (N,)], lambda x, y: torch.sum(x * y)),
        "max": lambda: with_inputs([(N,)], torch.max),
        "argmax": lambda: with_inputs([(N,)], torch.argmax),
        "sum_axis0": lambda: with_inputs([(M, M)], lambda x, s: torch.sum(x, dim=0, out=s), (M,)),
        "sum_axis1": lambda: with_inputs([(M, M)], lambda x, s: torch.sum(x, dim=1, out=s), (M,)),
        "cumsum": lambda: with_inputs([(N,)], lambda x, z: torch.cumsum(x, dim=0, out=z), (N,)),
        "randn": randn,
    }


def torch_linalg_ops(torch):
    """bench_linalg.cpp's products and factorizations in PyTorch (TF32 only in matmul_tf32_8192)."""
    dev = "cuda"

    def r(*shape, dtype=torch.float32):
        return (torch.rand(shape, device=dev) * 4 - 2).to(dtype)

    def general(n):
        return r(n, n) + torch.eye(n, device=dev) * n

    def spd(n):
        g = r(n, n)
        return g + g.T + torch.eye(n, device=dev) * (4 * n)

    def mm(a, b):
        return lambda: torch.matmul(a, b)

    def tf32():
        a, b = r(8192, 8192), r(8192, 8192)

        def run():
            torch.backends.cuda.matmul.allow_tf32 = True
            try:
                return torch.matmul(a, b)
            finally:
                torch.backends.cuda.matmul.allow_tf32 = False
        return run

    return {
        "matmul_f32_8192": lambda: mm(r(8192, 8192), r(8192, 8192)),
        "matmul_tf32_8192": tf32,
        "matmul_f64_4096": lambda: mm(r(4096, 4096, dtype=torch.float64), r(4096, 4096, dtype=torch.float64)),
        "matmul_c64_2048": lambda: mm(torch.complex(r(2048, 2048), r(2048, 2048)), torch.complex(r(2048, 2048), r(2048, 2048))),
        "matmul_f16_2048": lambda: mm(r(2048, 2048, dtype=torch.float16), r(2048, 2048, dtype=torch.float16)),
        "matmul_batched_256": lambda: mm(r(256, 256, 256), r(256, 256, 256)),
        "matmul_batched_256_transposed": lambda: mm(r(256, 256, 256), r(256, 256, 256).transpose(1, 2)),
        "matmul_broadcast_f32": lambda: mm(r(64, 1024, 1024), r(1024, 1024)),
        "einsum_bij_bkj_256": lambda: (lambda a, b: lambda: torch.einsum("bij,bkj->bik", a, b))(r(256, 256, 256), r(256, 256, 256)),
        "matvec_16384": lambda: mm(r(16384, 16384), r(16384)),
        "matvec_t_16384": lambda: mm(r(16384, 16384).T, r(16384)),
        "solve_f32_4096": lambda: (lambda a, b: lambda: torch.linalg.solve(a, b))(general(4096), r(4096)),
        "cholesky_f32_4096": lambda: (lambda a: lambda: torch.linalg.cholesky(a))(spd(4096)),
        "qr_f32_4096": lambda: (lambda a: lambda: torch.linalg.qr(a))(general(4096)),
        "eigh_f32_4096": lambda: (lambda a: lambda: torch.linalg.eigh(a))(spd(4096)),
        "svd_f32_2048": lambda: (lambda a: lambda: torch.linalg.svd(a))(general(2048)),
        "inv_batched_4096x32": lambda: (lambda a: lambda: torch.linalg.inv(a))(r(4096, 32, 32) + torch.eye(32, device=dev) * 32),
    }


def torch_fft_ops(torch):
    """bench_fft.cpp's transforms in PyTorch (torch.fft on cuFFT)."""
    dev = "cuda"

    def c(*shape):
        return torch.randn(shape, device=dev, dtype=torch.complex64)

    def one(f, x):
        return lambda: f(x)

    return {
        "fft_c64_2p24": lambda: one(torch.fft.fft, c(FFT_N)),
        "rfft_f32_4096x16384": lambda: one(torch.fft.rfft, torch.randn((ROWS, COLS), device=dev)),
        "fft2_c64_8192": lambda: one(torch.fft.fft2, c(M, M)),
        "ifft_fft_scale_c64_2p24": lambda: one(lambda z: torch.fft.ifft(torch.fft.fft(z) * 0.5), c(FFT_N)),
    }


def torch_random_ops(torch):
    """New tensors each call, as gpu::random's functions return them."""
    dev = "cuda"
    return {
        "rand_f32": lambda: (lambda: torch.rand(N, device=dev)),
        "normal_f32": lambda: (lambda: torch.empty(N, device=dev).normal_(3.0, 2.0)),
        "randn_f64": lambda: (lambda: torch.randn(N, device=dev, dtype=torch.float64)),
        "rand_f64": lambda: (lambda: torch.rand(N, device=dev, dtype=torch.float64)),
        "randint_i64": lambda: (lambda: torch.randint(0, 1000, (N,), device=dev, dtype=torch.int64)),
        "randint_i32": lambda: (lambda: torch.randint(0, 1000, (N,), device=dev, dtype=torch.int32)),
        "exponential_f32": lambda: (lambda: torch.empty(N, device=dev).exponential_(0.5)),  # rate 1 / scale
        "poisson_i64": lambda: (lambda rates: lambda: torch.poisson(rates))(torch.full((N,), 4.0, device=dev)),
    }


def torch_sort_ops(torch):
    """bench_sort.cpp's operations on torch (sort / argsort / unique / searchsorted / median)."""
    dev = "cuda"

    def keys(dtype=torch.float32):
        x = torch.empty(N, device=dev).uniform_(-2.0, 2.0)
        return x if dtype == torch.float32 else (x * 5e8).to(dtype)

    def one(f, make):
        x = make()
        return lambda: f(x)

    def searchsorted():
        s = torch.sort(keys()).values
        q = torch.empty(N // 4, device=dev).uniform_(-2.0, 2.0)
        return lambda: torch.searchsorted(s, q)

    return {
        "sort_f32": lambda: one(torch.sort, keys),
        "sort_i32": lambda: one(torch.sort, lambda: keys(torch.int32)),
        "argsort_f32": lambda: one(torch.argsort, keys),
        "sort_f16": lambda: one(torch.sort, lambda: keys().half()),  # torch does not sort complex
        "sort_rows_2p20x64": lambda: one(lambda x: torch.sort(x, dim=1), lambda: keys().reshape(1 << 20, 64)),
        "unique_i32": lambda: one(torch.unique, lambda: torch.randint(0, 1 << 20, (N,), device=dev, dtype=torch.int32)),
        "searchsorted_2p24_in_2p26": searchsorted,
        "median_f32": lambda: one(torch.median, keys),
    }


def torch_transfer_ops(torch):
    """Tensor.to("cuda") (a new device tensor), Tensor.copy_ into an existing host tensor and
    Tensor.cpu() (a new one), from ordinary and from pinned host memory."""

    def host(n, pinned):
        return torch.full((n,), 2.5, dtype=torch.float32, pin_memory=pinned)

    def h2d(mib, pinned):
        h = host(mib * MIB // 4, pinned)
        return lambda: h.to("cuda")

    def d2h(mib, pinned):
        n = mib * MIB // 4
        a, h = torch.ones(n, device="cuda"), host(n, pinned)
        return lambda: h.copy_(a)

    def d2h_new(mib):
        a = torch.ones(mib * MIB // 4, device="cuda")
        return lambda: a.cpu()

    ops = {"d2h_new_host_array/256": lambda: d2h_new(256)}
    for mib in TRANSFER_MIB:
        for pinned, kind in ((True, "pinned"), (False, "pageable")):
            ops[f"h2d_{kind}/{mib}"] = lambda mib=mib, pinned=pinned: h2d(mib, pinned)
            ops[f"d2h_{kind}/{mib}"] = lambda mib=mib, pinned=pinned: d2h(mib, pinned)
    return ops


def torch_dtype_inputs(torch, dtype, n):
    if dtype == torch.complex64:
        return torch.randn(n, device="cuda", dtype=torch.complex64)
    return torch.empty(n, device="cuda", dtype=torch.float32).uniform_(-2.0, 2.0).to(dtype)


def torch_dtype_ops(torch):
    """float16, bfloat16 and complex64, eager (out= into preallocated tensors)."""

    def ops(dtype, n, f):
        def setup():
            x, y = torch_dtype_inputs(torch, dtype, n), torch_dtype_inputs(torch, dtype, n)
            z = torch.empty(n, device="cuda", dtype=dtype)
            return lambda: f(x, y, z)

        return setup

    def copy_f16():
        a = torch_dtype_inputs(torch, torch.float16, N)
        b = torch.empty_like(a)
        return lambda: b.copy_(a)

    mixed = lambda x, y, z: torch.add(torch.sin(x) * torch.exp(-y), torch.sqrt(torch.abs(x * y)) / (1 + x * x), out=z)
    return {
        "copy_d2d_f16": copy_f16,
        "axpy_f16": ops(torch.float16, N, lambda x, y, z: torch.add(1.75 * x, y, out=z)),
        "axpy_bf16": ops(torch.bfloat16, N, lambda x, y, z: torch.add(1.75 * x, y, out=z)),
        "mixed_f16": ops(torch.float16, N, mixed),
        "complex_ab_plus_a": ops(torch.complex64, N // 2, lambda a, b, z: torch.add(a * b, a, out=z)),
    }


def torch_compile_ops(torch):
    """Each operation as a function for torch.compile (mode default); results are new tensors,
    since compiled graphs take no out=."""
    dev = "cuda"

    def r(*shape):
        return torch.empty(shape, device=dev, dtype=torch.float32).uniform_(-2.0, 2.0)

    def compiled(shapes, f):
        def setup():
            xs = [r(*s) for s in shapes]
            g = torch.compile(f)
            return lambda: g(*xs)

        return setup

    def typed(dtype, n, f):
        def setup():
            xs = [torch_dtype_inputs(torch, dtype, n) for _ in range(2)]
            g = torch.compile(f)
            return lambda: g(*xs)

        return setup

    return {
        "axpy": compiled([(N,), (N,)], lambda x, y: 1.75 * x + y),
        "mixed": compiled([(N,), (N,)],
                          lambda x, y: torch.sin(x) * torch.exp(-y) + torch.sqrt(torch.abs(x * y)) / (1 + x * x)),
        "ufunc_mix": compiled([(N,), (N,)],
                              lambda x, y: torch.log1p(torch.abs(x)) * torch.sign(y) + torch.hypot(x, y)),
        "broadcast_row_add": compiled([(ROWS, COLS), (COLS,)], lambda m, row: m + row),
        "transpose_add": compiled([(M, M), (M, M)], lambda x, y: x.T + y),
        "stepped_slice_add": compiled([(N,), (N // 2,)], lambda x, y: x[::2] + y),
        "concatenate": compiled([(N // 2,), (N // 2,)], lambda a, b: torch.cat((a, b))),
        "sum": compiled([(N,)], lambda x: torch.sum(x)),
        "sum_xy": compiled([(N,), (N,)], lambda x, y: torch.sum(x * y)),
        "max": compiled([(N,)], lambda x: torch.max(x)),
        "argmax": compiled([(N,)], lambda x: torch.argmax(x)),
        "sum_axis0": compiled([(M, M)], lambda x: torch.sum(x, dim=0)),
        "sum_axis1": compiled([(M, M)], lambda x: torch.sum(x, dim=1)),
        "cumsum": compiled([(N,)], lambda x: torch.cumsum(x, dim=0)),
        "randn": compiled([], lambda: torch.randn(N, device=dev)),
        **{name: typed(dtype, n, f) for name, dtype, n, f in [
            ("axpy_f16", torch.float16, N, lambda x, y: 1.75 * x + y),
            ("axpy_bf16", torch.bfloat16, N, lambda x, y: 1.75 * x + y),
            ("mixed_f16", torch.float16, N,
             lambda x, y: torch.sin(x) * torch.exp(-y) + torch.sqrt(torch.abs(x * y)) / (1 + x * x)),
            ("complex_ab_plus_a", torch.complex64, N // 2, lambda a, b: a * b + a)]},
    }


def run_torch(results, errors, meta, args, only, compile_too):
    import torch

    meta["versions"]["torch"] = torch.__version__
    if not torch.cuda.is_available():
        raise RuntimeError("torch.cuda.is_available() is False")
    meta.setdefault("gpu", torch.cuda.get_device_name())
    timer = Timer(lambda: torch.cuda.Event(enable_timing=True), lambda s, e: s.elapsed_time(e),
                  torch.cuda.synchronize, torch.cuda.empty_cache)
    measure(results, errors, "torch", timer, torch_ops(torch), args.reps, only)
    if compile_too:
        try:
            import triton  # noqa: F401  (torch.compile's GPU code generator)

            meta["versions"]["triton"] = triton.__version__
        except Exception:
            pass
        budget_end = time.monotonic() + args.compile_budget
        measure(results, errors, "torch_compile", timer, torch_compile_ops(torch), args.reps, only,
                budget_end=budget_end)


# ---------------------------------------------------------------------------------------------
def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--out", default="out/peers.json")
    p.add_argument("--reps", type=int, default=20)
    p.add_argument("--frameworks", default="cupy,torch,torch_compile",
                   help="comma-separated: cupy (with cupy.fuse), torch, torch_compile")
    p.add_argument("--ops", default="", help="comma-separated subset of operations (default: all)")
    p.add_argument("--compile-budget", type=float, default=240.0,
                   help="seconds for all torch.compile operations; the rest are skipped")
    p.add_argument("--gpu", default="", help="GPU name for the table (default: from the framework)")
    args = p.parse_args(argv)
    frameworks = set(args.frameworks.split(","))
    only = set(o for o in args.ops.split(",") if o)
    if only:
        only.add("copy_d2d")  # the reference of frac_of_copy

    results, errors = {}, {}
    meta = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "versions": {"python": sys.version.split()[0]}, "reps": args.reps, "bytes": BYTES,
            "errors": errors}
    if args.gpu:
        meta["gpu"] = args.gpu
    try:
        import numpy

        meta["versions"]["numpy"] = numpy.__version__
    except Exception:
        pass

    def save():
        add_fractions(results, {"cupy_fuse": "cupy", "torch_compile": "torch"})
        with open(args.out, "w") as f:
            json.dump({"_meta": meta, **results}, f, indent=1)

    runs = []
    if "cupy" in frameworks:
        runs.append(("cupy", lambda: run_cupy(results, errors, meta, args, only)))
    if "torch" in frameworks or "torch_compile" in frameworks:
        runs.append(("torch", lambda: run_torch(results, errors, meta, args, only, "torch_compile" in frameworks)))
    status = 0
    for name, run in runs:
        log(f"== {name}")
        try:
            run()
        except Exception as e:  # e.g. the package is missing: note it, go on with the next
            errors.setdefault(name, {})["*"] = f"{type(e).__name__}: {e}"[:300]
            log(f"== {name} FAILED: {type(e).__name__}: {e}")
            status = 1
        save()  # after each framework, so a crash later keeps what was measured
    save()
    log(f"== wrote {args.out}")
    return status


if __name__ == "__main__":
    sys.exit(main())
