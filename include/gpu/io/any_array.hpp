#pragma once
// gpu::any_array: an ndarray whose dtype is known only at run time (what gpu::load_any and
// gpu::load_npz return, and what gpu::savez takes), as a std::variant over the dtypes of
// io/npy_dtype.hpp. get<T>() gives the typed array (gpu::type_error naming both dtypes when it
// holds another), visit(f) calls f with the typed array.
#include <string>
#include <utility>
#include <variant>

#include "gpu/containers/ndarray.hpp"
#include "gpu/core/error.hpp"
#include "gpu/io/npy_dtype.hpp"

namespace gpu {

class any_array {
#define GPU_ND_NPY_ALT(T, KIND, SIZE) , ndarray<T>
    using variant_t = std::variant<std::monostate GPU_ND_NPY_DTYPES(GPU_ND_NPY_ALT)>;
#undef GPU_ND_NPY_ALT

public:
    any_array() = default;  // holds nothing: dtype() throws, empty() is true
    template <class T>
    any_array(ndarray<T> a) : v_(std::move(a)) {}  // NOLINT(google-explicit-constructor): {"name", a} in savez

    bool empty() const noexcept { return v_.index() == 0; }

    // f(const ndarray<T>&) for the dtype held.
    template <class F>
    decltype(auto) visit(F&& f) const {
        if (empty()) throw value_error("gpu::any_array: the array holds nothing");
        return std::visit(
            [&](const auto& a) -> decltype(auto) {
                if constexpr (std::is_same_v<std::decay_t<decltype(a)>, std::monostate>) {
                    return f(ndarray<bool>());  // unreachable: checked above; keeps one return type
                } else {
                    return f(a);
                }
            },
            v_);
    }

    gpu::dtype dtype() const {
        return visit([](const auto& a) { return a.dtype(); });
    }
    shape_t shape() const {
        return visit([](const auto& a) { return a.shape(); });
    }
    std::int64_t size() const { return size_of(shape()); }
    int ndim() const { return shape().size(); }

    template <class T>
    bool holds() const noexcept {
        return std::holds_alternative<ndarray<T>>(v_);
    }
    // The typed array (a handle sharing the buffer).
    template <class T>
    const ndarray<T>& get() const {
        if (const auto* p = std::get_if<ndarray<T>>(&v_)) return *p;
        throw type_error("gpu::any_array: the array holds " + (empty() ? std::string("nothing") : std::string(name_of(dtype()))) +
                         ", not " + std::string(dtype_name_v<T>));
    }

private:
    variant_t v_;
};

}  // namespace gpu
