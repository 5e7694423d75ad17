#pragma once
// NVRTC: generated source to a cubin for one architecture. Needs no GPU, which is how CI
// checks that the source of every operation compiles.
#include <nvrtc.h>

#include <string>
#include <vector>

#include "gpu/core/error.hpp"
#include "gpu/runtime/cuda_check.hpp"

namespace gpu::detail {

struct compile_target {
    int cc_major = 9, cc_minor = 0;
    std::string arch() const { return "sm_" + std::to_string(cc_major) + std::to_string(cc_minor); }
};

inline std::vector<std::string> nvrtc_options(const compile_target& t) {
    return {"--gpu-architecture=" + t.arch(), "-std=c++17"};
}

inline std::string nvrtc_version() {
    int major = 0, minor = 0;
    nvrtc_check(nvrtcVersion(&major, &minor), "nvrtcVersion");
    return std::to_string(major) + "." + std::to_string(minor);
}

// Compiles straight to a cubin (no PTX JIT at load time); throws compile_error with NVRTC's log
// and the source when the source is rejected.
inline std::vector<char> compile_cubin(const std::string& source, const compile_target& t) {
    nvrtcProgram prog;
    nvrtc_check(nvrtcCreateProgram(&prog, source.c_str(), "gpu_ndarray_kernel.cu", 0, nullptr, nullptr),
                "nvrtcCreateProgram");
    struct guard {
        nvrtcProgram& p;
        ~guard() { nvrtcDestroyProgram(&p); }
    } g{prog};
    const std::vector<std::string> opts = nvrtc_options(t);
    std::vector<const char*> argv;
    for (const auto& o : opts) argv.push_back(o.c_str());
    const nvrtcResult res = nvrtcCompileProgram(prog, static_cast<int>(argv.size()), argv.data());
    if (res != NVRTC_SUCCESS) {
        std::size_t n = 0;
        nvrtcGetProgramLogSize(prog, &n);
        std::string log(n, '\0');
        if (n) nvrtcGetProgramLog(prog, log.data());
        while (!log.empty() && log.back() == '\0') log.pop_back();  // the size counts the terminator
        throw compile_error(std::string("NVRTC could not compile a generated kernel: ") + nvrtcGetErrorString(res),
                            log, source);
    }
    std::size_t size = 0;
    nvrtc_check(nvrtcGetCUBINSize(prog, &size), "nvrtcGetCUBINSize");
    std::vector<char> cubin(size);
    nvrtc_check(nvrtcGetCUBIN(prog, cubin.data()), "nvrtcGetCUBIN");
    return cubin;
}

}  // namespace gpu::detail
