#!/usr/bin/env python3
"""Writes docs/numpy_coverage.md: every NumPy name CuPy also has (tools/coverage/numpy_names.txt,
from dump_names.py) marked Y, partial or N here. Y and partial are the names that
tests/test_numpy_coverage.cpp calls (GND_YES / GND_PARTIAL); that test fails when the table and
the probe disagree.

    python3 tools/coverage/table.py > docs/numpy_coverage.md
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]
names = [l.split() for l in (root / "tools/coverage/numpy_names.txt").read_text().splitlines()
         if l and not l.startswith("#")]
header = (root / "tools/coverage/numpy_names.txt").read_text().splitlines()[0].lstrip("# ")
probe = (root / "tests/test_numpy_coverage.cpp").read_text()
yes = set(re.findall(r'GND_YES\("([\w.]+)", (\w+),', probe))
partial = {(ns, n): note for ns, n, note in re.findall(r'GND_PARTIAL\("([\w.]+)", (\w+), "([^"]*)"', probe)}

print("# NumPy coverage\n")
print("Every function of NumPy's main namespace, `numpy.linalg`, `numpy.fft` and `numpy.random` that")
print(f"CuPy also implements ({header}), and whether gpu_ndarray has it, in namespace `gpu` (`gpu::linalg`,")
print("`gpu::fft`, `gpu::random`). Y: the NumPy spelling compiles and gives NumPy's values (each family's")
print("tests pin them); partial: it exists with the limits noted; N: not yet. `tests/test_numpy_coverage.cpp`")
print("calls every Y and partial name and fails when this table disagrees with it; regenerate the table")
print("with `python3 tools/coverage/table.py > docs/numpy_coverage.md`.\n")
summary = []
for ns in ("numpy", "numpy.linalg", "numpy.fft", "numpy.random"):
    rows = [n for s, n in names if s == ns]
    y = sum((ns, n) in yes for n in rows)
    p = sum((ns, n) in partial for n in rows)
    summary.append((ns, len(rows), y, p))
print("| namespace | names | Y | partial | N |\n|---|---|---|---|---|")
for ns, total, y, p in summary:
    print(f"| `{ns}` | {total} | {y} | {p} | {total - y - p} |")
for ns in ("numpy", "numpy.linalg", "numpy.fft", "numpy.random"):
    print(f"\n## `{ns}`\n\n| name | here |\n|---|---|")
    for s, n in names:
        if s != ns:
            continue
        mark = "Y" if (s, n) in yes else (f"partial: {partial[(s, n)]}" if (s, n) in partial else "N")
        print(f"| `{s}.{n}` | {mark} |")
    listed = {n for s, n in names if s == ns}
    for s, n in sorted(yes | set(partial)):
        if s == ns and n not in listed:  # NumPy has it, CuPy does not
            mark = "Y" if (s, n) in yes else f"partial: {partial[(s, n)]}"
            print(f"| `{s}.{n}` | {mark} (not in CuPy) |")
