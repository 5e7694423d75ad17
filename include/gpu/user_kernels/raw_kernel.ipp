#pragma once
// Definitions for user_kernels/raw_kernel.hpp (see core/inline.hpp).
#include <nvrtc.h>

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

#include "gpu/user_kernels/raw_kernel.hpp"

namespace gpu::detail {

GPU_ND_INLINE std::vector<std::string> user_kernel_options(std::vector<std::string> options) {
    if (const std::string& inc = toolkit_include_option(); !inc.empty()) options.push_back(inc);
    return options;
}

GPU_ND_INLINE user_macro_lines user_macros(const std::vector<std::string>& options) {
    user_macro_lines m;
    for (std::size_t k = 0; k < options.size(); ++k) {
        const std::string& o = options[k];
        std::string def;
        if ((o == "-D" || o == "--define-macro") && k + 1 < options.size()) def = options[++k];
        else if (o.rfind("--define-macro=", 0) == 0) def = o.substr(15);
        else if (o.rfind("-D", 0) == 0) def = o.substr(2);
        if (def.empty()) continue;
        const std::size_t eq = def.find('=');
        const std::string head = def.substr(0, eq), value = eq == std::string::npos ? "1" : def.substr(eq + 1);
        m.undefine += "#undef " + head.substr(0, head.find('(')) + "\n";
        m.define += "#define " + head + " " + value + "\n";
    }
    return m;
}

GPU_ND_INLINE std::string joined_options(const std::vector<std::string>& options) {
    std::string s;
    for (const auto& o : options) (s += o) += '\x1f';
    return s;
}

GPU_ND_INLINE kernel_source raw_kernel_source(const raw_function_state& f) {
    kernel_source src;
    const user_macro_lines macros = user_macros(f.module->options);
    // The name too may name the library's types ("tmpl<gnd::complex<float>>").
    src.code =
        macros.undefine + kernel_unit({}, macros.define + "#line 1 \"user_source\"\n" + f.module->code + "\n", f.name);
    src.entry = f.name;
    src.name_expression = true;  // extern "C", C++ and template kernels alike: NVRTC resolves the name
    src.options = user_kernel_options(f.module->options);
    src.minimal = false;  // user code may use any of the CUDA builtins
    src.what = f.what;
    return src;
}

GPU_ND_INLINE kernel_slot& find_raw_kernel_slot(raw_function_state& f) {
    kernel_slot& s = slot_for("raw\n" + joined_options(f.module->options) + "\n" + f.name + "\n" + f.module->code);
    f.slot.store(&s, std::memory_order_release);
    return s;
}

GPU_ND_INLINE const raw_param_layout& read_raw_params(raw_function_state& f, cudaKernel_t k) {
    std::lock_guard<std::mutex> lock(f.m);
    if (!f.params_owner) {
        auto layout = std::make_unique<raw_param_layout>();
        for (std::size_t i = 0;; ++i) {
            std::size_t offset = 0, size = 0;
            if (cudaFuncGetParamInfo(reinterpret_cast<const void*>(k), i, &offset, &size) != cudaSuccess) {
                cudaGetLastError();  // the probe past the last parameter is not an error of the program
                break;
            }
            layout->sizes.push_back(size);
        }
        f.params_owner = std::move(layout);
        f.params.store(f.params_owner.get(), std::memory_order_release);
    }
    return *f.params_owner;
}

}  // namespace gpu::detail
