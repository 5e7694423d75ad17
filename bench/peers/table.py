#!/usr/bin/env python3
"""One markdown table of gpu_ndarray's benchmarks next to CuPy and PyTorch (bench/peers/peers.py).

    python3 bench/peers/table.py --peers out/peers.json [--readme bench/README.md] [--out table.md]
                                 [--gpu NAME] [--date DATE] BENCH_JSON_OR_DIR...

BENCH_JSON_OR_DIR: Google Benchmark JSON files (one executable each, or tools/gpu_run.sh's
combined bench.json {"<executable>": <its JSON>}), or folders of them. Prints the section and
replaces the text between the markers below in the README (appending them when absent).
"""
import argparse
import datetime
import json
import pathlib
import sys

BEGIN, END = "<!-- peers:begin -->", "<!-- peers:end -->"

# Our benchmark name (BM_<name>, numeric arguments kept) -> (operation key in peers.json, label),
# in the table's order. Names not here are listed last, without peer columns.
OPS = {
    "copy_d2d": ("copy_d2d", "device-to-device copy, 2^26 float32"),
    "axpy": ("axpy", "`a*x + y`, 2^26 float32"),
    "user_axpy": ("user_axpy", "user element-wise kernel `z = a * x + y`, 2^26 float32"),
    "user_axpy_c64": ("user_axpy_c64", "user element-wise kernel `z = a * x + y`, 2^25 complex64, complex scalar"),
    "raw_axpy": ("raw_axpy", "raw kernel, grid-stride `a * x + y`, 2^26 float32"),
    "mixed": ("mixed", "`sin(x)*exp(-y) + sqrt(abs(x*y))/(1+x*x)`"),
    "ufunc_mix": ("ufunc_mix", "`log1p(abs(x))*sign(y) + hypot(x, y)`, 2^26 float32"),
    "divmod": ("divmod", "`divmod(x, y)`, both results, 2^26 float32"),
    "copy_d2d_f16": ("copy_d2d_f16", "device-to-device copy, 2^26 float16"),
    "axpy_f16": ("axpy_f16", "`a*x + y`, 2^26 float16"),
    "axpy_bf16": ("axpy_bf16", "`a*x + y`, 2^26 bfloat16"),
    "mixed_f16": ("mixed_f16", "`sin(x)*exp(-y) + sqrt(abs(x*y))/(1+x*x)`, 2^26 float16"),
    "complex_ab_plus_a": ("complex_ab_plus_a", "`a*b + a`, 2^25 complex64"),
    "broadcast_row_add": ("broadcast_row_add", "`(4096,16384) + (16384,)`"),
    "transpose_add": ("transpose_add", "`X.T + Y`, 8192^2"),
    "stepped_slice_add": ("stepped_slice_add", "`x[::2] + y`, 2^25 out"),
    "concatenate": ("concatenate", "`concatenate` of two 2^25"),
    "diff": ("diff", "`diff(x)`, 2^26 float32"),
    "pad_edge_8192": ("pad_edge_8192", "`pad(X, 16, mode='edge')`, 8192^2"),
    "convolve_k64": ("convolve_k64", "`convolve(x, v)`, 2^22 float32, 64 taps"),
    "mask_rows": ("mask_rows", "`X[labels == 0]`, (2^20, 16) float32"),
    "fancy_gather_rows": ("fancy_gather_rows", "`X[idx]`, (2^20, 16) float32, 2^20 rows"),
    "sum": ("sum", "`sum(x)`, 2^26"),
    "sum_x_times_y": ("sum_xy", "`sum(x*y)`, 2^26"),
    "max": ("max", "`max(x)`, 2^26"),
    "argmax": ("argmax", "`argmax(x)`, 2^26"),
    "sum_axis/0": ("sum_axis0", "`sum(X, axis=0)`, 8192^2"),
    "sum_axis/1": ("sum_axis1", "`sum(X, axis=1)`, 8192^2"),
    "cumsum_flat_f32": ("cumsum", "`cumsum(x)`, 2^26 float32"),
    "cumsum_flat_i32": ("cumsum_flat_i32", "`cumsum(x)`, 2^26 int32 -> int64"),
    "cumsum_flat_f64": ("cumsum_flat_f64", "`cumsum(x)`, 2^25 float64"),
    "cumsum_axis1_8192": ("cumsum_axis1_8192", "`cumsum(X, axis=1)`, 8192^2"),
    "cumsum_axis0_8192": ("cumsum_axis0_8192", "`cumsum(X, axis=0)`, 8192^2"),
    "cumsum_flat_transposed_8192": ("cumsum_flat_transposed_8192", "`cumsum(X.T)` (flat), 8192^2"),
    "rand_f32": ("rand_f32", "`rand`, 2^26 float32"),
    "randn_f32": ("randn", "`randn`, 2^26 float32"),
    "normal_f32": ("normal_f32", "`normal(3, 2)`, 2^26 float32"),
    "rand_f64": ("rand_f64", "`rand`, 2^26 float64"),
    "randn_f64": ("randn_f64", "`randn`, 2^26 float64"),
    "randint_i64": ("randint_i64", "`randint(0, 1000)`, 2^26 int64"),
    "randint_i32": ("randint_i32", "`randint(0, 1000)`, 2^26 int32"),
    "exponential_f32": ("exponential_f32", "`exponential(2)`, 2^26 float32"),
    "gamma_f32": ("gamma_f32", "`gamma(2, 1)`, 2^26 float32"),
    "poisson_i64": ("poisson_i64", "`poisson(4)`, 2^26 int64"),
    "matmul_f32_8192": ("matmul_f32_8192", "`matmul`, float32 8192^3"),
    "matmul_tf32_8192": ("matmul_tf32_8192", "`matmul`, float32 8192^3, TF32 allowed"),
    "matmul_f64_4096": ("matmul_f64_4096", "`matmul`, float64 4096^3"),
    "matmul_c64_2048": ("matmul_c64_2048", "`matmul`, complex64 2048^3"),
    "matmul_f16_2048": ("matmul_f16_2048", "`matmul`, float16 2048^3"),
    "matmul_i32_2048": ("matmul_i32_2048", "`matmul`, int32 2048^3"),
    "matmul_batched_256": ("matmul_batched_256", "`matmul`, 256 x 256^3 float32"),
    "matmul_batched_256_transposed": ("matmul_batched_256_transposed", "`matmul(A, B.transpose(0,2,1))`, 256 x 256^3"),
    "matmul_broadcast_f32": ("matmul_broadcast_f32", "`(64,1024,1024) @ (1024,1024)` float32"),
    "einsum_bij_bkj_256": ("einsum_bij_bkj_256", "`einsum('bij,bkj->bik')`, 256 x 256^3 float32"),
    "matvec_16384": ("matvec_16384", "`A @ v`, 16384^2 float32"),
    "matvec_t_16384": ("matvec_t_16384", "`A.T @ v`, 16384^2 float32"),
    "solve_f32_4096": ("solve_f32_4096", "`linalg.solve`, float32 4096"),
    "cholesky_f32_4096": ("cholesky_f32_4096", "`linalg.cholesky`, float32 4096"),
    "qr_f32_4096": ("qr_f32_4096", "`linalg.qr`, float32 4096"),
    "eigh_f32_4096": ("eigh_f32_4096", "`linalg.eigh`, float32 4096"),
    "svd_f32_2048": ("svd_f32_2048", "`linalg.svd`, float32 2048"),
    "inv_batched_4096x32": ("inv_batched_4096x32", "`linalg.inv`, 4096 x 32x32 float32"),
    "fft_c64_2p24": ("fft_c64_2p24", "`fft.fft(z)`, 2^24 complex64"),
    "rfft_f32_4096x16384": ("rfft_f32_4096x16384", "`fft.rfft(X)`, 4096 x 16384 float32"),
    "fft2_c64_8192": ("fft2_c64_8192", "`fft.fft2(Z)`, 8192^2 complex64"),
    "ifft_fft_scale_c64_2p24": ("ifft_fft_scale_c64_2p24", "`fft.ifft(fft.fft(z) * 0.5)`, 2^24 complex64"),
    "sort_f32": ("sort_f32", "`sort(x)`, 2^26 float32"),
    "sort_i32": ("sort_i32", "`sort(x)`, 2^26 int32"),
    "argsort_f32": ("argsort_f32", "`argsort(x)`, 2^26 float32"),
    "sort_f16": ("sort_f16", "`sort(x)`, 2^26 float16"),
    "sort_c64": ("sort_c64", "`sort(z)`, 2^26 complex64"),
    "sort_rows_2p20x64": ("sort_rows_2p20x64", "`sort(X, axis=1)`, 2^20 x 64 float32"),
    "unique_i32": ("unique_i32", "`unique(x)`, 2^26 int32 in [0, 2^20)"),
    "searchsorted_2p24_in_2p26": ("searchsorted_2p24_in_2p26", "`searchsorted(s, q)`, 2^24 float32 in 2^26"),
    "median_f32": ("median_f32", "`median(x)`, 2^26 float32"),
    "first_call_sort_empty_cache": (None, "first call of a sort (4 kernels), empty cache"),
    "first_call_sort_disk_hit": (None, "first call of a sort (4 kernels), disk-cache hit"),
    "link_h2d": (None, "link: pinned `cudaMemcpyAsync` host to device, 256 MiB"),
    "link_d2h": (None, "link: pinned `cudaMemcpyAsync` device to host, 256 MiB"),
    "h2d_pinned/64": ("h2d_pinned/64", "`asarray` from pinned memory, 64 MiB"),
    "h2d_pinned/256": ("h2d_pinned/256", "`asarray` from pinned memory, 256 MiB"),
    "d2h_pinned/64": ("d2h_pinned/64", "`asnumpy` into pinned memory, 64 MiB"),
    "d2h_pinned/256": ("d2h_pinned/256", "`asnumpy` into pinned memory, 256 MiB"),
    "h2d_pageable/8": (None, "`asarray` from pageable memory, 8 MiB"),
    "h2d_pageable/64": ("h2d_pageable/64", "`asarray` from pageable memory, 64 MiB"),
    "h2d_pageable/256": ("h2d_pageable/256", "`asarray` from pageable memory, 256 MiB"),
    "d2h_pageable/8": (None, "`asnumpy` into pageable memory, 8 MiB"),
    "d2h_pageable/64": ("d2h_pageable/64", "`asnumpy` into pageable memory, 64 MiB"),
    "d2h_pageable/256": ("d2h_pageable/256", "`asnumpy` into pageable memory, 256 MiB"),
    "d2h_new_host_array/256": ("d2h_new_host_array/256", "`asnumpy(a)` into a new host array, 256 MiB"),
    "h2d_pageable_driver/64": (None, "one driver copy from pageable memory, 64 MiB (our old path)"),
    "h2d_pageable_driver/256": (None, "one driver copy from pageable memory, 256 MiB (our old path)"),
    "d2h_pageable_driver/64": (None, "one driver copy into pageable memory, 64 MiB (our old path)"),
    "d2h_pageable_driver/256": (None, "one driver copy into pageable memory, 256 MiB (our old path)"),
    "npy_save": ("npy_save", "`save` of 1 GiB float32 to .npy (bench_npy: file system write beside it)"),
    "npy_load": ("npy_load", "`load` of 1 GiB float32 from .npy (bench_npy: file system read beside it)"),
    "small_add_host_time": ("small_add_host_time", "host time per `z = x + y`, n = 1000"),
    "small_add_into_host_time": ("small_add_into_host_time", "host time per `z = x + y` into an existing z"),
    "small_alloc_host_time": (None, "host time to make and drop a 1000-element array"),
    "direct_100_ops": ("direct_100_ops", "host time per 100 small element-wise operations"),
    "graph_replay_100_ops": ("graph_replay_100_ops", "host time per replay of those 100 as a graph"),
    "capture_100_ops": (None, "capturing and instantiating that graph"),
    "first_call_empty_cache": (None, "first call of a new expression, empty cache"),
    "first_call_disk_hit": (None, "first call of a new expression, disk-cache hit"),
    "first_call_sum_empty_cache": (None, "first call of a new reduction, empty cache"),
    "first_call_sum_disk_hit": (None, "first call of a new reduction, disk-cache hit"),
    "scan_kernel_compile": (None, "compiling a scan kernel (NVRTC)"),
    "first_call_randn_empty_cache": (None, "first call of randn, empty cache"),
}
HOST_TIME = {"small_add_host_time", "small_add_into_host_time", "small_alloc_host_time"}  # µs, lower is better
TRANSFERS = ("link_", "h2d_", "d2h_")  # wall-clock GB/s; frac is of the link, not of copy
PEERS = [("cupy", "CuPy"), ("cupy_fuse", "cupy.fuse"), ("torch", "torch eager"), ("torch_compile", "torch.compile")]
NOT_OURS = {"bench_baselines"}  # hand-written CUDA and thrust, not gpu_ndarray
TO_US = {"ns": 1e-3, "us": 1.0, "ms": 1e3, "s": 1e6}


def load_benchmarks(paths):
    """{name: {"gbps", "frac", "us", "copy_gbps", "exe"}} from the median aggregates (or the
    single run when there are no aggregates); the first executable wins for a repeated name."""
    docs = []  # (executable, google benchmark JSON)
    files = []
    for p in map(pathlib.Path, paths):
        files += sorted(f for f in p.glob("*.json") if f.name != "peers.json") if p.is_dir() else [p]
    for f in files:
        try:
            doc = json.loads(f.read_text())
        except (OSError, ValueError) as e:
            print(f"table.py: skipping {f}: {e}", file=sys.stderr)
            continue
        if isinstance(doc, dict) and "benchmarks" in doc:
            exe = doc.get("context", {}).get("executable") or f.stem
            docs.append((pathlib.Path(exe).name, doc))
        elif isinstance(doc, dict):  # combined {"<executable>": <JSON or null>}
            docs += [(k, v) for k, v in doc.items() if isinstance(v, dict) and "benchmarks" in v]
    out = {}
    for exe, doc in docs:
        if exe in NOT_OURS:
            continue
        found = {}
        for b in doc["benchmarks"]:
            run = b.get("run_name", b.get("name", ""))
            kind = b.get("aggregate_name") if b.get("run_type") == "aggregate" else "single"
            if kind not in ("median", "single") or (kind == "single" and run in found):
                continue
            # BM_sum_axis/0/manual_time -> sum_axis/0: numeric arguments name distinct cases.
            parts = run.split("/")
            name = "/".join([parts[0]] + [p for p in parts[1:] if p.isdigit()])
            name = name[3:] if name.startswith("BM_") else name
            gbps = b.get("GB/s")
            if gbps is not None and gbps > 1e6:  # ours count bytes per second
                gbps /= 1e9
            copy = b.get("copy_GB/s")
            found[run] = name, {
                "gbps": gbps, "frac": b.get("frac_of_copy"), "frac_link": b.get("frac_of_link"),
                "copy_gbps": copy, "exe": exe,
                "us": b["real_time"] * TO_US.get(b.get("time_unit", "ns"), 1e-3) if "real_time" in b else None,
                "error": b.get("error_message") if b.get("error_occurred") else None,
            }
        for name, r in found.values():
            out.setdefault(name, r)
    return out


def fmt(v, spec):
    return "–" if v is None else format(v, spec)


def fmt_gbps(v):
    return fmt(v, ".1f" if v is not None and v < 100 else ".0f")


def fmt_time(us):
    if us is None:
        return "–"
    return f"{us / 1e3:.3g} ms" if us >= 1e3 else f"{us:.3g} µs"


def build_section(ours, peers, gpu, date):
    meta = peers.get("_meta", {})
    versions = meta.get("versions", {})
    header = ["operation", "gpu_ndarray GB/s", "frac"]
    for _, label in PEERS:
        header += [f"{label} GB/s", "frac"]
    header += ["gpu_ndarray ÷ " + " / ".join(label for _, label in PEERS), "÷ best peer"]
    rows, ahead = [], []

    names = [n for n in OPS if n in ours] + [n for n in ours if n not in OPS]
    for name in names:
        r = ours[name]
        op, label = OPS.get(name, (None, f"`{name}`"))
        if name.startswith(TRANSFERS):
            r = dict(r, frac=r.get("frac_link"))
        if r.get("error"):
            label += f" (error: {r['error']})".replace("|", "\\|")
        # Host times, and timings without a bandwidth, compare time per call (lower is better).
        by_time = name in HOST_TIME or r["gbps"] is None
        mine = None if r.get("error") else r["us"] if by_time else r["gbps"]
        row = [label] + ([fmt_time(mine), ""] if by_time else [fmt_gbps(mine), fmt(r["frac"], ".2f")])
        ratios, any_peer = {}, False
        for fw, plabel in PEERS:
            fw_results = peers.get(fw) or {}
            if op not in fw_results:  # not measured for this framework: blank; null (failed): "–"
                row += ["", ""]
                continue
            any_peer = True
            e = fw_results[op] or {}
            v = e.get("us" if by_time else "gbps")
            row += [fmt_time(v), ""] if by_time else [fmt_gbps(v), fmt(e.get("frac_of_copy"), ".2f")]
            if v and mine:
                ratios[plabel] = v / mine if by_time else mine / v
        best = min(ratios.items(), key=lambda kv: kv[1]) if ratios else None
        row.append(" / ".join(fmt(ratios.get(pl), ".2f") for _, pl in PEERS) if any_peer else "")
        row.append(f"{best[1]:.2f} ({best[0]})" if best else "")
        faster = [f"{pl} {1 / q:.2f}x" for pl, q in ratios.items() if q < 1.0]
        if faster:
            ahead.append(f"{name} ({', '.join(faster)})")
        rows.append(row)

    # every program measures its own copy reference; name each once
    refs = {}
    for r in ours.values():
        if r.get("copy_gbps"):
            refs.setdefault(r["exe"], r["copy_gbps"])
    copies = ", ".join(f"`{exe}` {bw:.0f} GB/s" for exe, bw in refs.items()) or "–"
    peer_copy = ", ".join(f"{label} {fmt(((peers.get(fw) or {}).get('copy_d2d') or {}).get('gbps'), '.0f')} GB/s"
                          for fw, label in PEERS if (peers.get(fw) or {}).get("copy_d2d"))
    lines = [
        "## gpu_ndarray next to CuPy and PyTorch",
        "",
        f"One run of `bash bench/peers/run.sh` on {date}, {gpu}. gpu_ndarray: medians of 3 repetitions "
        f"of its benchmark programs; CuPy {versions.get('cupy', '?')} (unfused, and `cupy.fuse` where it "
        f"applies) and PyTorch {versions.get('torch', '?')} (eager, and `torch.compile` in its default "
        f"mode, compile time excluded): median of {meta.get('reps', '?')} calls timed with CUDA events "
        "after warm-up, in the same run. GB/s counts the same bytes for every framework: inputs read "
        "once, output written once. frac is the fraction of the framework's own device-to-device copy "
        f"bandwidth (gpu_ndarray, per program: {copies}; {peer_copy or 'peers: –'}). "
        "Transfers are wall-clock GB/s of the whole call; their frac is of the link (pinned "
        "`cudaMemcpyAsync`, measured in `bench_transfers`). Host times are the calling thread's time "
        "per call with the GPU running behind. "
        "Ratios above 1 mean gpu_ndarray is faster (for host time: the peer's time over ours).",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    lines += ["", "Peers ahead of gpu_ndarray (their speed over ours): " + ("; ".join(ahead) if ahead else "none") + "."]
    failed = {}  # (framework, reason) -> operations
    for fw, ops in meta.get("errors", {}).items():
        for op, msg in ops.items():
            failed.setdefault((dict(PEERS).get(fw, fw), msg), []).append("all" if op == "*" else op)
    if failed:
        lines += ["", "Not measured: " + "; ".join(f"{fw} {', '.join(ops)} ({msg})" for (fw, msg), ops in failed.items()) + "."]
    return "\n".join(lines) + "\n"


def replace_section(text, section):
    block = f"{BEGIN}\n{section}{END}"
    i = text.find(BEGIN)
    j = text.find(END, i) if i >= 0 else -1
    if i >= 0 and j >= 0:
        return text[:i] + block + text[j + len(END):]
    return (text.rstrip("\n") + "\n\n" if text.strip() else "") + block + "\n"


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("bench", nargs="+", help="Google Benchmark JSON files or folders")
    p.add_argument("--peers", required=True, help="peers.json from bench/peers/peers.py")
    p.add_argument("--readme", default="", help="markdown file whose peers section is replaced")
    p.add_argument("--out", default="", help="also write the section here")
    p.add_argument("--gpu", default="")
    p.add_argument("--date", default="")
    args = p.parse_args(argv)

    ours = load_benchmarks(args.bench)
    try:
        peers = json.loads(pathlib.Path(args.peers).read_text())
    except (OSError, ValueError) as e:
        print(f"table.py: no peer results ({e})", file=sys.stderr)
        peers = {}
    meta = peers.get("_meta", {})
    gpu = args.gpu or meta.get("gpu") or "unknown GPU"
    date = args.date or meta.get("date") or datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    section = build_section(ours, peers, gpu, date)
    print(section)
    if args.out:
        pathlib.Path(args.out).write_text(section)
    if args.readme:
        readme = pathlib.Path(args.readme)
        readme.write_text(replace_section(readme.read_text() if readme.exists() else "", section))
    return 0 if ours else 1


if __name__ == "__main__":
    sys.exit(main())
