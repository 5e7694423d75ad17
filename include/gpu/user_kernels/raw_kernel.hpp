#pragma once
// User kernels written as CUDA source, as CuPy's RawKernel and RawModule:
//
//   gpu::raw_kernel k(R"(extern "C" __global__ void scale(float* y, const float* x, float a, int n) {
//       int i = blockIdx.x * blockDim.x + threadIdx.x;
//       if (i < n) y[i] = a * x[i];
//   })", "scale");
//   k(blocks, threads, y, x, 2.0f, n);                       // current stream
//   k({.grid = blocks, .block = threads, .shared_mem = bytes, .stream = &s}, y, x, 2.0f, n);
//
//   gpu::raw_module m(source, {"-DN=4", "--use_fast_math"});
//   gpu::raw_kernel f = m.get_function("my_tmpl<float, 4>");  // a template, by name expression
//
// The source is compiled with the library's device head (kernel/head.hpp) in front, by NVRTC,
// through the one kernel cache (kernel/cache.hpp): once per (source, options, name) in a process,
// and a later process loads the cubin and the kernel's lowered name from the disk cache. Every
// name is registered as an NVRTC name expression, so extern "C" kernels, C++ kernels and template
// instantiations are all found by the name the user writes. ndarray arguments are passed as typed
// device pointers (T*), anything else (scalars, pointers, small structs) by value; the count and
// sizes are checked against the kernel's parameters before the first launch with them.
//
// Element types in the kernel: an ndarray<gpu::float16> / <gpu::bfloat16> arrives as a pointer to
// 2-byte values, to be declared gnd::float16* / gnd::bfloat16* (the head's types, with NumPy's
// per-operation rounding) or unsigned short* or CUDA's __half* / __nv_bfloat16* (<cuda_fp16.h>,
// <cuda_bf16.h>); an ndarray<std::complex<float>> / <std::complex<double>> as a pointer to
// (real, imaginary) pairs, to be declared gnd::complex<float>* / gnd::complex<double>* (the
// operators and functions the library's kernels use), float2* / double2*, or a struct of two
// floats / doubles of the user's own: all have the layout of std::complex. The head defines the
// gnd types for a source or name expression that spells them (gnd::float16, gnd::bfloat16,
// gnd::complex<...>). std::complex, gpu::float16 and gpu::bfloat16 scalars are passed by value
// with that layout too.
//
// This header also holds what every user kernel shares: the toolkit's include directory as an
// NVRTC option (so <cuda_fp16.h> and friends are found), and the dtype of a C++ scalar.
#include <cuda_runtime_api.h>

#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/dtype.hpp"
#include "gpu/core/error.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/kernel/cache.hpp"
#include "gpu/kernel/compiler.hpp"
#include "gpu/kernel/head.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/runtime/config.hpp"
#include "gpu/runtime/device.hpp"
#include "gpu/runtime/executor.hpp"
#include "gpu/runtime/stream.hpp"

namespace gpu {

// Grid, block, dynamic shared memory and stream of one raw-kernel launch (stream null: the
// current stream, as gpu::stream_scope sets it).
struct launch_config {
    dim3 grid = dim3(1);
    dim3 block = dim3(1);
    std::size_t shared_mem = 0;
    const gpu::stream* stream = nullptr;
};

namespace detail {

template <class A>
inline constexpr bool is_ndarray_arg_v = is_ndarray_v<A>;

// The dtype a C++ scalar has as a kernel argument: its own type (no NumPy weak-scalar rule here:
// a kernel parameter has one C++ type); gpu::float16, gpu::bfloat16 and std::complex are their
// dtypes' types.
template <class S>
constexpr dtype scalar_dtype() {
    static_assert(is_cpp_scalar_v<S>,
                  "a kernel scalar must be bool, an integer or floating-point type, gpu::float16, gpu::bfloat16 or "
                  "std::complex<float / double>");
    if constexpr (std::is_same_v<S, bool>) return dtype::bool_;
    else if constexpr (!std::is_arithmetic_v<S>) {
        static_assert(is_dtype_v<S>, "std::complex<long double> has no dtype; pass a std::complex<double>");
        return dtype_of_v<S>;
    }
    else if constexpr (std::is_floating_point_v<S>) {
        static_assert(sizeof(S) == 4 || sizeof(S) == 8, "long double has no dtype; pass a double");
        return sizeof(S) == 4 ? dtype::float32 : dtype::float64;
    } else if constexpr (std::is_signed_v<S>) {
        return sizeof(S) == 1 ? dtype::int8 : sizeof(S) == 2 ? dtype::int16 : sizeof(S) == 4 ? dtype::int32 : dtype::int64;
    } else {
        return sizeof(S) == 1 ? dtype::uint8 : sizeof(S) == 2 ? dtype::uint16 : sizeof(S) == 4 ? dtype::uint32 : dtype::uint64;
    }
}

// The NVRTC options of a user kernel: the user's, as given, then the toolkit's include directory
// (searched after the user's own -I directories).
GPU_ND_INLINE std::vector<std::string> user_kernel_options(std::vector<std::string> options);

// The user's -D macros are defined before the whole translation unit, so "-DN=4" would rewrite
// the head's template parameters. They are undefined in front of the head and the library's
// templates and defined again, as given, in front of the user's code.
struct user_macro_lines {
    std::string undefine, define;
};

GPU_ND_INLINE user_macro_lines user_macros(const std::vector<std::string>& options);

// "-DN=4 --use_fast_math": part of a kernel's run-time cache key.
GPU_ND_INLINE std::string joined_options(const std::vector<std::string>& options);

// What a module's kernels share.
struct raw_module_text {
    std::string code;
    std::vector<std::string> options;  // the user's
};

// The parameter sizes of a loaded kernel, read once (cudaFuncGetParamInfo).
struct raw_param_layout {
    std::vector<std::size_t> sizes;
};

// One kernel of a module: its slot in the one cache and its parameter layout, both found on
// first use and then kept here, so a launch costs one atomic load for each.
struct raw_function_state {
    std::shared_ptr<const raw_module_text> module;
    std::string name;  // as the user wrote it: a name expression
    std::string what;  // "raw kernel 'name'"
    std::atomic<kernel_slot*> slot{nullptr};
    std::atomic<const raw_param_layout*> params{nullptr};
    std::mutex m;
    std::unique_ptr<const raw_param_layout> params_owner;
};

GPU_ND_INLINE kernel_source raw_kernel_source(const raw_function_state& f);

// The slow paths of raw_kernel_slot and raw_params_of: the first use of a kernel.
GPU_ND_INLINE kernel_slot& find_raw_kernel_slot(raw_function_state& f);
GPU_ND_INLINE const raw_param_layout& read_raw_params(raw_function_state& f, cudaKernel_t k);

inline kernel_slot& raw_kernel_slot(raw_function_state& f) {
    if (kernel_slot* s = f.slot.load(std::memory_order_acquire)) return *s;
    return find_raw_kernel_slot(f);
}

inline const raw_param_layout& raw_params_of(raw_function_state& f, cudaKernel_t k) {
    if (const raw_param_layout* p = f.params.load(std::memory_order_acquire)) return *p;
    return read_raw_params(f, k);
}

// How an argument is described in messages.
template <class A>
std::string raw_arg_description() {
    if constexpr (is_ndarray_arg_v<A>) return "a pointer (" + std::string(dtype_name_v<typename A::value_type>) + " array)";
    else if constexpr (std::is_pointer_v<A>) return "a pointer";
    else if constexpr (is_cpp_scalar_v<A>) return std::string(name_of(scalar_dtype<A>()));
    else return "a " + std::to_string(sizeof(A)) + "-byte value";
}

// What an argument becomes in the kernel's parameter buffer.
template <class A>
auto raw_arg_value(const A& a) {
    if constexpr (is_ndarray_arg_v<A>) return a.data();
    else return a;
}

template <class A>
using raw_arg_t = decltype(raw_arg_value(std::declval<const A&>()));

template <class... Args>
constexpr std::size_t raw_args_bytes() {
    return (std::size_t{16} + ... + (sizeof(raw_arg_t<Args>) + alignof(raw_arg_t<Args>)));
}

}  // namespace detail

// A kernel from CUDA source, launched with an explicit grid (CuPy's RawKernel). Copies share
// the compiled kernel.
class raw_kernel {
public:
    // `name`: the kernel's name, or a name expression such as "my_tmpl<float, 4>" for a template.
    raw_kernel(std::string code, std::string name, std::vector<std::string> options = {})
        : raw_kernel(std::make_shared<const detail::raw_module_text>(detail::raw_module_text{std::move(code), std::move(options)}),
                     std::move(name)) {}

    // Launches on the current stream with no dynamic shared memory.
    template <class... Args>
    void operator()(dim3 grid, dim3 block, const Args&... args) const {
        launch(launch_config{grid, block, 0, nullptr}, args...);
    }
    // Launches with the grid, block, dynamic shared memory bytes and stream of `config`.
    template <class... Args>
    void operator()(const launch_config& config, const Args&... args) const {
        launch(config, args...);
    }

    const std::string& code() const noexcept { return f_->module->code; }
    const std::string& name() const noexcept { return f_->name; }
    const std::vector<std::string>& options() const noexcept { return f_->module->options; }

    // The number of parameters the kernel takes (compiles or loads it; needs a CUDA device).
    int num_params() const {
        require_device();
        const cudaKernel_t k = kernel();
        return static_cast<int>(detail::raw_params_of(*f_, k).sizes.size());
    }

    // The source the cache compiles (tests compile it without a GPU).
    friend detail::kernel_source raw_kernel_source(const raw_kernel& k) { return detail::raw_kernel_source(*k.f_); }

private:
    friend class raw_module;
    raw_kernel(std::shared_ptr<const detail::raw_module_text> module, std::string name)
        : f_(std::make_shared<detail::raw_function_state>()) {
        f_->module = std::move(module);
        f_->name = std::move(name);
        f_->what = "raw kernel '" + f_->name + "'";
    }
    explicit raw_kernel(std::shared_ptr<detail::raw_function_state> f) : f_(std::move(f)) {}

    cudaKernel_t kernel() const {
        return detail::get_kernel(detail::raw_kernel_slot(*f_), [&] { return detail::raw_kernel_source(*f_); });
    }

    void require_device() const {
        if (!cuda_available())
            throw device_error(f_->what + " needs a CUDA device (" + detail::device().why_not +
                               "); raw kernels are CUDA source only and do not run on the host executor");
    }

    template <class A>
    void check_arg(const A& a, int index) const {
        static_assert(!std::is_same_v<A, std::string> && !std::is_array_v<A>,
                      "raw_kernel arguments: gpu::ndarray (passed as a device pointer), scalars, pointers or "
                      "trivially copyable structs");
        static_assert(std::is_trivially_copyable_v<detail::raw_arg_t<A>>,
                      "raw_kernel arguments must be gpu::ndarray or trivially copyable values (a host_array or an "
                      "expression is not a kernel argument: copy it with gpu::asarray or evaluate it with gpu::eval)");
        if constexpr (detail::is_ndarray_arg_v<A>) {
            if (a.where() != executor::cuda)
                throw device_error(f_->what + " is CUDA source only: argument " + std::to_string(index) +
                                   " is an array on the host executor (move it with gpu::asarray inside "
                                   "gpu::executor_scope(gpu::executor::cuda), or define the operation with "
                                   "GPU_ND_ELEMENTWISE_KERNEL to run it on the host executor)");
        }
    }

    template <class... Args>
    void check_params(const detail::raw_param_layout& p) const {
        constexpr std::size_t n = sizeof...(Args);
        if (p.sizes.size() != n)
            throw type_error(f_->what + " takes " + std::to_string(p.sizes.size()) + " argument" +
                             (p.sizes.size() == 1 ? "" : "s") + " but " + std::to_string(n) + (n == 1 ? " was" : " were") +
                             " given");
        const std::size_t sizes[] = {sizeof(detail::raw_arg_t<Args>)..., 0};
        const std::string descriptions[] = {detail::raw_arg_description<Args>()..., ""};
        for (std::size_t i = 0; i < n; ++i)
            if (sizes[i] != p.sizes[i])
                throw type_error(f_->what + ": argument " + std::to_string(i) + " is " + descriptions[i] + " (" +
                                 std::to_string(sizes[i]) + " bytes) but the kernel's parameter " + std::to_string(i) +
                                 " takes " + std::to_string(p.sizes[i]) + " bytes");
    }

    template <class... Args>
    void launch(const launch_config& config, const Args&... args) const {
        {
            int index = 0;
            (check_arg(args, index++), ...);
        }
        require_device();
        const cudaKernel_t k = kernel();
        const detail::raw_param_layout& p = detail::raw_params_of(*f_, k);
        // The layout is checked on every launch: a few compares, and a wrong size would crash.
        bool same = p.sizes.size() == sizeof...(Args);
        if (same) {
            std::size_t i = 0;
            ((same = same && p.sizes[i++] == sizeof(detail::raw_arg_t<Args>)), ...);
        }
        if (!same) check_params<Args...>(p);

        detail::kernel_args<detail::raw_args_bytes<Args...>(), sizeof...(Args) + 1> argv;
        (argv.push(detail::raw_arg_value(args)), ...);
        if (config.shared_mem > 48 * 1024)  // the opt-in above the default limit
            detail::cuda_check(cudaFuncSetAttribute(reinterpret_cast<const void*>(k),
                                                    cudaFuncAttributeMaxDynamicSharedMemorySize,
                                                    static_cast<int>(config.shared_mem)),
                               f_->what.c_str());
        const detail::launch_shape shape{config.grid.x,  config.grid.y,  config.grid.z,
                                         config.block.x, config.block.y, config.block.z,
                                         static_cast<unsigned>(config.shared_mem)};
        const cudaStream_t stream = config.stream ? config.stream->handle() : detail::current_stream();
        detail::launch_on(stream, k, shape, argv.argv, f_->what.c_str(), args...);
    }

    std::shared_ptr<detail::raw_function_state> f_;
};

// A translation unit of CUDA source compiled with NVRTC options (CuPy's RawModule); its kernels,
// templates included, are fetched by name. Copies share the functions.
class raw_module {
public:
    explicit raw_module(std::string code, std::vector<std::string> options = {})
        : s_(std::make_shared<state>()) {
        s_->text = std::make_shared<const detail::raw_module_text>(detail::raw_module_text{std::move(code), std::move(options)});
    }

    // The kernel `name`: a plain name, or a name expression ("my_tmpl<float, 4>", "ns::k<int>")
    // that NVRTC instantiates. Compiled on its first launch, not here.
    raw_kernel get_function(const std::string& name) const {
        std::lock_guard<std::mutex> lock(s_->m);
        auto& f = s_->functions[name];
        if (!f) f = raw_kernel(s_->text, name).f_;
        return raw_kernel(f);
    }

    const std::string& code() const noexcept { return s_->text->code; }
    const std::vector<std::string>& options() const noexcept { return s_->text->options; }

private:
    struct state {
        std::shared_ptr<const detail::raw_module_text> text;
        std::mutex m;
        std::map<std::string, std::shared_ptr<detail::raw_function_state>> functions;
    };
    std::shared_ptr<state> s_;
};

}  // namespace gpu

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/user_kernels/raw_kernel.ipp"
#endif
