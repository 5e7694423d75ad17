# Writes the NumPy names that CuPy also implements, one "namespace name" per line: the list the
# coverage table (docs/numpy_coverage.md) is measured against. Run where NumPy 2.x and CuPy are
# installed (the GPU machine):  python3 tools/coverage/dump_names.py > tools/coverage/numpy_names.txt
import inspect
import numpy as np
import cupy as cp

def public(mod):
    for n in sorted(dir(mod)):
        if n.startswith("_"):
            continue
        v = getattr(mod, n)
        if inspect.ismodule(v) or inspect.isclass(v):
            continue  # dtypes, exceptions and submodules are not functions
        if callable(v):
            yield n

print(f"# numpy {np.__version__}, cupy {cp.__version__}")
for ns, a, b in (("numpy", np, cp), ("numpy.linalg", np.linalg, cp.linalg),
                 ("numpy.fft", np.fft, cp.fft), ("numpy.random", np.random, cp.random)):
    for n in public(a):
        if hasattr(b, n):
            print(ns, n)
