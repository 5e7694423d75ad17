// gpu_nd_dlpack: a Python module over gpu_ndarray's DLPack 1.x export and import, the consumer
// test of the GPU machine (consumer_test.py). Array implements __dlpack__ / __dlpack_device__
// (versioned capsules, the stream handshake), from_dlpack(obj) imports zero-copy.
#include <nanobind/nanobind.h>
#include <nanobind/stl/complex.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/string.h>
#include <nanobind/stl/tuple.h>
#include <nanobind/stl/vector.h>

#include <gpu/interop.hpp>
#include <gpu/ndarray.hpp>
#include <gpu/npy.hpp>  // gpu::any_array

#include <complex>
#include <optional>
#include <tuple>

namespace nb = nanobind;

namespace {

struct Array {
    gpu::any_array a;
};

std::atomic<long> exports_alive{0};

void capsule_destructor(PyObject* cap) {
    // Not consumed (still named "dltensor_versioned"): the capsule owns the tensor.
    if (PyCapsule_IsValid(cap, "dltensor_versioned")) {
        auto* m = static_cast<gpu::dlpack::DLManagedTensorVersioned*>(PyCapsule_GetPointer(cap, "dltensor_versioned"));
        if (m && m->deleter) m->deleter(m);
    }
}

nb::object dlpack(const Array& self, nb::object stream, std::optional<std::tuple<int, int>> max_version) {
    if (!max_version || std::get<0>(*max_version) < 1)
        throw nb::buffer_error("gpu_nd_dlpack exports DLPack 1.x (versioned) tensors only");
    const std::intptr_t s = stream.is_none() ? 1 : nb::cast<std::intptr_t>(stream);
    gpu::dlpack::DLManagedTensorVersioned* m = self.a.visit([&](const auto& x) { return gpu::to_dlpack(x, s); });
    // Count live exports through the deleter, for the lifetime checks.
    static void (*inner)(gpu::dlpack::DLManagedTensorVersioned*) = m->deleter;
    m->deleter = [](gpu::dlpack::DLManagedTensorVersioned* t) {
        --exports_alive;
        inner(t);
    };
    ++exports_alive;
    PyObject* cap = PyCapsule_New(m, "dltensor_versioned", capsule_destructor);
    if (!cap) {
        m->deleter(m);
        throw nb::python_error();
    }
    return nb::steal(cap);
}

template <class T>
gpu::any_array import_as(gpu::dlpack::DLManagedTensorVersioned* m) {
    return gpu::from_dlpack<T>(m);
}

Array from_dlpack(nb::object obj) {
    nb::object cap = obj.attr("__dlpack__")(nb::arg("stream") = gpu::dlpack::consumer_stream(),
                                            nb::arg("max_version") = std::make_tuple(1, 1));
    auto* m = static_cast<gpu::dlpack::DLManagedTensorVersioned*>(PyCapsule_GetPointer(cap.ptr(), "dltensor_versioned"));
    if (!m) throw nb::python_error();
    gpu::any_array a = gpu::from_dlpack_any(m);  // throws (m still the capsule's) for other dtypes
    PyCapsule_SetName(cap.ptr(), "used_dltensor_versioned");  // consumed: the array owns m now
    return Array{a};
}

template <class T>
Array arange_as(std::int64_t n) {
    std::vector<T> v;
    for (std::int64_t i = 0; i < n; ++i) v.push_back(static_cast<T>(i % 2 == 0 || !std::is_same_v<T, bool> ? i : 0));
    if constexpr (std::is_same_v<T, bool>) {
        std::vector<bool> b;
        for (std::int64_t i = 0; i < n; ++i) b.push_back(i % 3 == 0);
        return Array{gpu::asarray(b)};
    } else {
        return Array{gpu::asarray(v)};
    }
}

}  // namespace

NB_MODULE(gpu_nd_dlpack, m) {
    nb::class_<Array>(m, "Array")
        .def("__dlpack__", &dlpack, nb::arg("stream") = nb::none(), nb::arg("max_version") = nb::none(),
             nb::arg("dl_device") = nb::none(), nb::arg("copy") = nb::none())
        .def("__dlpack_device__",
             [](const Array& self) {
                 const int dev = self.a.visit([](const auto& x) { return x.device(); });
                 return std::make_tuple(dev >= 0 ? 2 : 1, dev >= 0 ? dev : 0);
             })
        .def("data_ptr", [](const Array& self) {
            return reinterpret_cast<std::uintptr_t>(self.a.visit([](const auto& x) { return static_cast<void*>(x.data()); }));
        })
        .def_prop_ro("dtype", [](const Array& self) { return std::string(gpu::name_of(self.a.dtype())); })
        .def_prop_ro("shape", [](const Array& self) { return self.a.shape().to_vector(); })
        .def("tolist_f64", [](const Array& self) {  // values as float64, row-major
            return self.a.visit([](const auto& x) {
                using T = typename std::decay_t<decltype(x)>::value_type;
                const gpu::ndarray<double> d = x.template astype<double>();
                auto h = gpu::asnumpy(d);
                (void)sizeof(T);
                return std::vector<double>(h.begin(), h.end());
            });
        })
        .def("tolist_c128", [](const Array& self) {  // values as complex128, row-major (any dtype)
            return self.a.visit([](const auto& x) {
                using T = typename std::decay_t<decltype(x)>::value_type;
                std::vector<std::complex<double>> out;
                if constexpr (gpu::is_complex(gpu::dtype_of_v<T>)) {
                    const gpu::ndarray<std::complex<double>> c = x.template astype<std::complex<double>>();
                    const auto h = gpu::asnumpy(c);
                    out.assign(h.begin(), h.end());
                } else {
                    const gpu::ndarray<double> d = x.template astype<double>();
                    const auto h = gpu::asnumpy(d);
                    for (double v : h) out.emplace_back(v, 0.0);
                }
                return out;
            });
        })
        .def("fill", [](Array& self, double v) { self.a.visit([&](const auto& x) {
            using T = typename std::decay_t<decltype(x)>::value_type;
            auto y = x;
            y.assign(static_cast<T>(v));
        }); })
        .def("transposed", [](const Array& self) { return Array{self.a.visit([](const auto& x) { return gpu::any_array(x.T()); })}; })
        .def("reversed", [](const Array& self) {
            return Array{self.a.visit([](const auto& x) { return gpu::any_array(x(gpu::slice(gpu::none, gpu::none, -1))); })};
        });
    m.def("arange", [](std::int64_t n, const std::string& dtype) {
        if (dtype == "float32") return arange_as<float>(n);
        if (dtype == "float64") return arange_as<double>(n);
        if (dtype == "int32") return arange_as<std::int32_t>(n);
        if (dtype == "int64") return arange_as<std::int64_t>(n);
        if (dtype == "int16") return arange_as<std::int16_t>(n);
        if (dtype == "int8") return arange_as<std::int8_t>(n);
        if (dtype == "uint8") return arange_as<std::uint8_t>(n);
        if (dtype == "bool") return arange_as<bool>(n);
        if (dtype == "float16") return arange_as<gpu::float16>(n);
        if (dtype == "bfloat16") return arange_as<gpu::bfloat16>(n);
        if (dtype == "complex64") return arange_as<std::complex<float>>(n);
        if (dtype == "complex128") return arange_as<std::complex<double>>(n);
        throw nb::value_error("dtype");
    });
    m.def("from_dlpack", &from_dlpack);
    m.def("exports_alive", [] { return exports_alive.load(); });
    m.def("used_bytes", [] { return gpu::memory::stats().used_bytes; });
    m.def("synchronize", [] { gpu::synchronize(); });
}
