#pragma once
// Definitions for kernel/compiler.hpp (see core/inline.hpp): the only code that calls NVRTC.
#include <nvrtc.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#if __has_include(<dlfcn.h>)
#include <dlfcn.h>
#endif

#include "gpu/kernel/compiler.hpp"
#include "gpu/runtime/config.hpp"

namespace gpu::detail {

GPU_ND_INLINE void nvrtc_check(nvrtcResult res, const char* what) {
    if (res != NVRTC_SUCCESS) throw error(std::string(what) + ": " + nvrtcGetErrorString(res));
}

GPU_ND_INLINE const std::string& toolkit_include_option() {
    static const std::string opt = [] {
        namespace fs = std::filesystem;
        std::vector<fs::path> candidates;
        for (const char* var : {"CUDA_PATH", "CUDA_HOME", "CUDA_ROOT"})
            if (auto v = env_string(var); !v.empty()) candidates.push_back(fs::path(v) / "include");
#if __has_include(<dlfcn.h>)
        Dl_info info{};
        if (dladdr(reinterpret_cast<void*>(&nvrtcVersion), &info) && info.dli_fname)
            candidates.push_back(fs::path(info.dli_fname).parent_path().parent_path() / "include");
#endif
        candidates.emplace_back("/usr/local/cuda/include");
        for (const auto& dir : candidates) {
            std::error_code ec;
            if (fs::exists(dir / "cuda_fp16.h", ec)) return "-I" + fs::weakly_canonical(dir, ec).string();
        }
        return std::string();
    }();
    return opt;
}

GPU_ND_INLINE std::string compile_target::arch() const {
    return "sm_" + std::to_string(cc_major) + std::to_string(cc_minor);
}

GPU_ND_INLINE std::vector<std::string> nvrtc_options(const compile_target& t, const std::vector<std::string>& extra) {
    // --fmad=false: NumPy rounds every operation, so a fused a * x + y must not become one fma
    // (the host executor does not contract either, and the two must agree bit for bit). The
    // kernels are memory-bound, so this costs no time; a user kernel may pass --fmad=true.
    std::vector<std::string> o{"--gpu-architecture=" + t.arch(), "-std=c++17", "--fmad=false"};
    o.insert(o.end(), extra.begin(), extra.end());
    return o;
}

GPU_ND_INLINE std::vector<std::string> nvrtc_options(const compile_target& t, const kernel_source& src) {
    std::vector<std::string> o = nvrtc_options(t, src.options);
    if (src.minimal) o.emplace_back("--minimal");
    return o;
}

GPU_ND_INLINE std::string nvrtc_version() {
    int major = 0, minor = 0;
    nvrtc_check(nvrtcVersion(&major, &minor), "nvrtcVersion");
    return std::to_string(major) + "." + std::to_string(minor);
}

GPU_ND_INLINE compiled_kernel compile_cubin(const kernel_source& src, const compile_target& t) {
    nvrtcProgram prog;
    nvrtc_check(nvrtcCreateProgram(&prog, src.code.c_str(), "gpu_ndarray_kernel.cu", 0, nullptr, nullptr),
                "nvrtcCreateProgram");
    struct guard {
        nvrtcProgram& p;
        ~guard() { nvrtcDestroyProgram(&p); }
    } g{prog};
    if (src.name_expression) nvrtc_check(nvrtcAddNameExpression(prog, src.entry.c_str()), "nvrtcAddNameExpression");
    const std::vector<std::string> opts = nvrtc_options(t, src);
    std::vector<const char*> argv;
    for (const auto& o : opts) argv.push_back(o.c_str());
    const nvrtcResult res = nvrtcCompileProgram(prog, static_cast<int>(argv.size()), argv.data());
    if (res != NVRTC_SUCCESS) {
        std::size_t n = 0;
        nvrtcGetProgramLogSize(prog, &n);
        std::string log(n, '\0');
        if (n) nvrtcGetProgramLog(prog, log.data());
        while (!log.empty() && log.back() == '\0') log.pop_back();  // the size counts the terminator
        throw compile_error("NVRTC could not compile " + src.what + ": " + nvrtcGetErrorString(res), log, src.code);
    }
    compiled_kernel k;
    std::size_t size = 0;
    nvrtc_check(nvrtcGetCUBINSize(prog, &size), "nvrtcGetCUBINSize");
    k.cubin.resize(size);
    nvrtc_check(nvrtcGetCUBIN(prog, k.cubin.data()), "nvrtcGetCUBIN");
    if (src.name_expression) {
        const char* lowered = nullptr;
        nvrtc_check(nvrtcGetLoweredName(prog, src.entry.c_str(), &lowered), "nvrtcGetLoweredName");
        k.symbol = lowered;
    } else {
        k.symbol = src.entry;
    }
    return k;
}

GPU_ND_INLINE std::vector<char> compile_cubin(const std::string& code, const compile_target& t) {
    kernel_source src;
    src.code = code;
    return compile_cubin(src, t).cubin;
}

}  // namespace gpu::detail
