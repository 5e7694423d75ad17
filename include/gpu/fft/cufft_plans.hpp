#pragma once
// cuFFT plans: made on first use per (thread, device, layout) and kept in the LRU list of
// plan_cache.hpp, keyed by everything cufftMakePlanMany64 takes (type, rank, lengths, embeddings,
// strides, distances, batch). A plan is made with automatic work-area allocation off, so its
// work area comes from the library's stream-ordered pool at each execution (a temporary of the
// call: inside gpu::capture the capture records its allocation and free, as for any temporary
// array), and it is bound to the current stream before every execution. No plan is made inside
// gpu::capture (its executions failed on the H100): such a call raises, and a plan made before
// the capture serves it.
//
// A thread's plans go to a process-wide list when the thread ends, where a later thread finds
// them (short-lived threads do not replan); that list is never destroyed, as linalg's handle pool
// (destroying plans during process exit races CUDA's own teardown).
#include <cuda_runtime_api.h>
#include <cufft.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "gpu/core/error.hpp"
#include "gpu/fft/plan_cache.hpp"
#include "gpu/runtime/buffer.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/runtime/cuda_check.hpp"
#include "gpu/runtime/graph.hpp"
#include "gpu/runtime/stream_state.hpp"

namespace gpu::fft::detail {

inline const char* cufft_result_name(cufftResult r) {
    switch (r) {
        case CUFFT_INVALID_PLAN: return "CUFFT_INVALID_PLAN";
        case CUFFT_ALLOC_FAILED: return "CUFFT_ALLOC_FAILED";
        case CUFFT_INVALID_VALUE: return "CUFFT_INVALID_VALUE";
        case CUFFT_INTERNAL_ERROR: return "CUFFT_INTERNAL_ERROR";
        case CUFFT_EXEC_FAILED: return "CUFFT_EXEC_FAILED";
        case CUFFT_SETUP_FAILED: return "CUFFT_SETUP_FAILED";
        case CUFFT_INVALID_SIZE: return "CUFFT_INVALID_SIZE";
        case CUFFT_INVALID_DEVICE: return "CUFFT_INVALID_DEVICE";
        case CUFFT_NO_WORKSPACE: return "CUFFT_NO_WORKSPACE";
        case CUFFT_NOT_IMPLEMENTED: return "CUFFT_NOT_IMPLEMENTED";
        case CUFFT_NOT_SUPPORTED: return "CUFFT_NOT_SUPPORTED";
        case CUFFT_INVALID_TYPE: return "CUFFT_INVALID_TYPE";
        case CUFFT_UNALIGNED_DATA: return "CUFFT_UNALIGNED_DATA";
        case CUFFT_MISSING_DEPENDENCY: return "CUFFT_MISSING_DEPENDENCY";
        case CUFFT_NVRTC_FAILURE: return "CUFFT_NVRTC_FAILURE";
        case CUFFT_NVJITLINK_FAILURE: return "CUFFT_NVJITLINK_FAILURE";
        default: return "cufftResult";
    }
}

inline void cufft_check(cufftResult r, const char* what) {
    if (r != CUFFT_SUCCESS)
        throw cuda_error(std::string(what) + " failed: " + cufft_result_name(r) + " (" + std::to_string(static_cast<int>(r)) + ")",
                         static_cast<int>(r));
}

// Everything cufftMakePlanMany64 takes. `callback` tells a plan with fused load/store callbacks
// (callbacks.hpp) from a plain one of the same layout.
struct cufft_key {
    cufftType type = CUFFT_C2C;
    int rank = 1;
    long long n[3] = {1, 1, 1}, inembed[3] = {1, 1, 1}, onembed[3] = {1, 1, 1};
    long long istride = 1, idist = 1, ostride = 1, odist = 1, batch = 1;
    std::uint64_t callback = 0;
    bool operator==(const cufft_key&) const = default;
};

struct cufft_plan {
    cufftHandle handle = 0;
    std::size_t work = 0;  // bytes of work area an execution needs
};

inline void destroy_plan(cufft_plan& p) {
    if (p.handle) cufftDestroy(p.handle);
    p.handle = 0;
}

// Plans of threads that ended, with their device, for the next thread.
struct orphan_plans {
    std::mutex m;
    std::vector<std::pair<std::pair<int, cufft_key>, cufft_plan>> plans;
};
inline orphan_plans& orphans() {
    static auto* o = new orphan_plans;  // never destroyed: see the top of this file
    return *o;
}

using plan_list = lru_list<cufft_key, cufft_plan>;

struct thread_plans {
    std::vector<std::pair<int, std::unique_ptr<plan_list>>> per_device;

    ~thread_plans() {
        auto& o = orphans();
        std::lock_guard<std::mutex> lock(o.m);
        for (auto& [device, list] : per_device) {
            // Hand the plans over instead of destroying them (the list's own drop would).
            list->for_each([&](const cufft_key& k, cufft_plan& p) {
                o.plans.push_back({{device, k}, p});
                p.handle = 0;
            });
        }
        // Bounded: past the cache size per device the oldest are destroyed (a thread is ending,
        // not the process, in all but the main thread's case, where this list is small).
        while (o.plans.size() > 4 * std::max<std::size_t>(plan_cache_size(), 1)) {
            destroy_plan(o.plans.front().second);
            o.plans.erase(o.plans.begin());
        }
    }

    plan_list& for_device(int device) {
        for (auto& [d, l] : per_device)
            if (d == device) return *l;
        per_device.emplace_back(device, std::make_unique<plan_list>(&destroy_plan));
        return *per_device.back().second;
    }
};

inline thread_plans& this_thread_plans() {
    thread_local thread_plans t;
    return t;
}

// Makes a plan (the work area is not allocated: see the top of this file).
inline cufft_plan make_cufft_plan(const cufft_key& k) {
    cufft_plan p;
    cufft_check(cufftCreate(&p.handle), "cufftCreate");
    try {
        cufft_check(cufftSetAutoAllocation(p.handle, 0), "cufftSetAutoAllocation");
        long long n[3] = {k.n[0], k.n[1], k.n[2]}, ie[3] = {k.inembed[0], k.inembed[1], k.inembed[2]},
                  oe[3] = {k.onembed[0], k.onembed[1], k.onembed[2]};
        cufft_check(cufftMakePlanMany64(p.handle, k.rank, n, ie, k.istride, k.idist, oe, k.ostride, k.odist, k.type,
                                        k.batch, &p.work),
                    "cufftMakePlanMany64");
    } catch (...) {
        cufftDestroy(p.handle);
        throw;
    }
    return p;
}

// The plan of `k` on the current device, from this thread's list, the orphans, or new.
inline cufft_plan& cufft_plan_for(const cufft_key& k) {
    const int device = gpu::detail::current_device_id();
    plan_list& list = this_thread_plans().for_device(device);
    if (cufft_plan* p = list.find(k)) return *p;
    {
        auto& o = orphans();
        std::lock_guard<std::mutex> lock(o.m);
        for (std::size_t i = 0; i < o.plans.size(); ++i)
            if (o.plans[i].first.first == device && o.plans[i].first.second == k) {
                cufft_plan p = o.plans[i].second;
                o.plans.erase(o.plans.begin() + static_cast<std::ptrdiff_t>(i));
                return list.insert(k, p);
            }
    }
    // A plan made while the stream captures left executions failing (CUFFT_EXEC_FAILED).
    if (gpu::detail::capturing_now())
        throw error("fft inside gpu::capture: cuFFT cannot make a plan while a stream captures; run the same "
                    "transform (same shape and dtype) once before the capture, so that its plan is cached");
    return list.insert(k, make_cufft_plan(k));
}

// A plan bound to the current stream with a work area from the pool, for one or more executions
// enqueued before it goes out of scope (the work area is freed in stream order after them).
struct cufft_call {
    cufftHandle handle;
    std::shared_ptr<gpu::detail::buffer> work;

    explicit cufft_call(const cufft_plan& p) : handle(p.handle) {
        if (p.work) {
            work = gpu::detail::make_buffer(p.work, executor::cuda);
            cufft_check(cufftSetWorkArea(handle, work->data()), "cufftSetWorkArea");
        }
        cufft_check(cufftSetStream(handle, gpu::detail::current_stream()), "cufftSetStream");
    }
};

// One execution: in and out are device pointers of the plan's types.
inline void cufft_exec(const cufft_call& c, cufftType type, const void* in, void* out, bool forward) {
    void* i = const_cast<void*>(in);
    const int dir = forward ? CUFFT_FORWARD : CUFFT_INVERSE;
    switch (type) {
        case CUFFT_C2C: cufft_check(cufftExecC2C(c.handle, (cufftComplex*)i, (cufftComplex*)out, dir), "cufftExecC2C"); break;
        case CUFFT_Z2Z:
            cufft_check(cufftExecZ2Z(c.handle, (cufftDoubleComplex*)i, (cufftDoubleComplex*)out, dir), "cufftExecZ2Z");
            break;
        case CUFFT_R2C: cufft_check(cufftExecR2C(c.handle, (cufftReal*)i, (cufftComplex*)out), "cufftExecR2C"); break;
        case CUFFT_D2Z:
            cufft_check(cufftExecD2Z(c.handle, (cufftDoubleReal*)i, (cufftDoubleComplex*)out), "cufftExecD2Z");
            break;
        case CUFFT_C2R: cufft_check(cufftExecC2R(c.handle, (cufftComplex*)i, (cufftReal*)out), "cufftExecC2R"); break;
        case CUFFT_Z2D:
            cufft_check(cufftExecZ2D(c.handle, (cufftDoubleComplex*)i, (cufftDoubleReal*)out), "cufftExecZ2D");
            break;
        default: throw error("cufft_exec: unknown transform type");
    }
}

}  // namespace gpu::fft::detail

namespace gpu::fft {
// Plans this thread holds on the current device (for tests and tuning).
inline std::size_t plan_cache_count() {
    return detail::this_thread_plans().for_device(gpu::detail::current_device_id()).count();
}
}  // namespace gpu::fft
