#!/usr/bin/env python3
"""The operations of gpu_ndarray's benchmarks, timed in CuPy (unfused and cupy.fuse) and PyTorch
(eager and torch.compile) on the same GPU, for bench/peers/table.py.

    python3 bench/peers/peers.py [--out out/peers.json] [--reps 20] [--frameworks cupy,torch]
                                 [--ops axpy,sum] [--compile-budget 240]

Each operation: warm-up, then the median of --reps calls timed with CUDA events. Outputs are
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

# Bytes each operation must move, as our benchmarks count them.
BYTES = {
    "copy_d2d": 2 * 4 * N,
    "axpy": 3 * 4 * N,
    "mixed": 3 * 4 * N,
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
    "randn": 4 * N,
}
SMALL_N = 1000  # host time per z = x + y


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

    def host_us(self, x, y, calls=10000, block=512, reps=3):
        """Host microseconds per z = x + y: the GPU runs behind; every `block` calls the queue is
        drained outside the timed part (as BM_small_add_host_time does)."""
        for _ in range(100):
            z = x + y
        self.sync()
        results = []
        for _ in range(reps):
            total, done = 0.0, 0
            while done < calls:
                k = min(block, calls - done)
                t0 = time.perf_counter()
                for _ in range(k):
                    z = x + y  # noqa: F841 (dropping the previous z is part of the cost)
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
            us = timer.gpu_us(fn, reps)
            res[op] = {"gbps": BYTES[op] / (us * 1e-6) / 1e9, "frac_of_copy": None, "us": us}
            if first_s > 1.0:
                res[op]["first_call_s"] = round(first_s, 2)
            log(f"  {name:14s} {op:18s} {us:10.1f} us  {res[op]['gbps']:8.1f} GB/s")
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
        for op, r in ops.items():
            if r and r.get("gbps") is not None and copy:
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

    return {
        "copy_d2d": copy_d2d,
        "axpy": lambda: binary((N,), (N,), (N,), lambda x, y, z: cp.add(1.75 * x, y, out=z)),
        "mixed": lambda: binary((N,), (N,), (N,), lambda x, y, z: cp.add(
            cp.sin(x) * cp.exp(-y), cp.sqrt(cp.abs(x * y)) / (1 + x * x), out=z)),
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


def cupy_fuse_ops(cp):
    """cupy.fuse where one kernel can replace several (named functions: the kernel takes the name)."""

    def fused_axpy(x, y):
        return 1.75 * x + y

    def fused_mixed(x, y):
        return cp.sin(x) * cp.exp(-y) + cp.sqrt(cp.abs(x * y)) / (1 + x * x)

    def fused_sum_xy(x, y):
        return cp.sum(x * y)

    def make(f):
        def setup():
            k = cp.fuse(f)
            x = cp.random.uniform(-2.0, 2.0, N, dtype=cp.float32)
            y = cp.random.uniform(-2.0, 2.0, N, dtype=cp.float32)
            if k(x, y).dtype != cp.float32:  # a float64 result would move more bytes than counted
                raise TypeError(f"{f.__name__} returned {k(x, y).dtype}, not float32")
            return lambda: k(x, y)

        return setup

    return {"axpy": make(fused_axpy), "mixed": make(fused_mixed), "sum_xy": make(fused_sum_xy)}


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
    if not only or "small_add_host_time" in only:
        try:
            x = cp.random.uniform(-2.0, 2.0, SMALL_N, dtype=cp.float32)
            y = cp.random.uniform(-2.0, 2.0, SMALL_N, dtype=cp.float32)
            us = timer.host_us(x, y)
            results["cupy"]["small_add_host_time"] = {"gbps": None, "frac_of_copy": None, "us": us}
            log(f"  cupy           small_add_host_time {us:7.2f} us (host)")
        except Exception as e:
            results["cupy"]["small_add_host_time"] = None
            errors.setdefault("cupy", {})["small_add_host_time"] = f"{type(e).__name__}: {e}"[:300]


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

    # Full reductions have no out= overload for a 0-d result; the caching allocator serves it.
    return {
        "copy_d2d": copy_d2d,
        "axpy": lambda: with_inputs([(N,), (N,)], lambda x, y, z: torch.add(1.75 * x, y, out=z), (N,)),
        "mixed": lambda: with_inputs([(N,), (N,)], lambda x, y, z: torch.add(
            torch.sin(x) * torch.exp(-y), torch.sqrt(torch.abs(x * y)) / (1 + x * x), out=z), (N,)),
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

    return {
        "axpy": compiled([(N,), (N,)], lambda x, y: 1.75 * x + y),
        "mixed": compiled([(N,), (N,)],
                          lambda x, y: torch.sin(x) * torch.exp(-y) + torch.sqrt(torch.abs(x * y)) / (1 + x * x)),
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
    if not only or "small_add_host_time" in only:
        try:
            x = torch.empty(SMALL_N, device="cuda").uniform_(-2.0, 2.0)
            y = torch.empty(SMALL_N, device="cuda").uniform_(-2.0, 2.0)
            us = timer.host_us(x, y)
            results["torch"]["small_add_host_time"] = {"gbps": None, "frac_of_copy": None, "us": us}
            log(f"  torch          small_add_host_time {us:7.2f} us (host)")
        except Exception as e:
            results["torch"]["small_add_host_time"] = None
            errors.setdefault("torch", {})["small_add_host_time"] = f"{type(e).__name__}: {e}"[:300]
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
