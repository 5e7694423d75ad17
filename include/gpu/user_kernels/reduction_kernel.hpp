#pragma once
// User reduction kernels, as CuPy's ReductionKernel:
//
//   gpu::reduction_kernel l2("T x", "T y", "x * x", "a + b", "y = sqrt(a)", "0", "l2norm");
//   auto n = l2.call<float>(x);                             // over every axis: a 0-d array
//   auto r = l2.call<float>(x, gpu::reduce_axes{1});        // along axis 1
//   auto k = l2.call<float>(x, gpu::reduce_axes{gpu::dims{0, 2}, true});  // several, keepdims
//
// Constructor: in_params, out_params ("type name" lists, NumPy dtype names, complex64, float16 and
// bfloat16 included, or one-letter type placeholders, as gpu::elementwise_kernel), map_expr (the
// value of one element, over the input names), reduce_expr (combines two values `a` and `b`),
// post_map_expr (statements that set the outputs from the reduced value `a`; `_n` is the number of
// elements reduced into this output, an int64), identity (the value of an empty reduction), name,
// then optionally reduce_type (the type of `a` and `b`; by default the first output's), a preamble
// and NVRTC options. call<R...>(inputs..., [gpu::reduce_axes]) makes the outputs, of dtypes R...,
// with NumPy's reduced shape: axis none (every axis, the default), one axis or several, negative
// counting from the end, keepdims keeping reduced axes as length 1. Inputs are gpu::ndarray or C++
// scalars, broadcast together; placeholders are bound as elementwise_kernel binds them (the
// outputs' R, then the input arrays, then scalars). The types are elementwise_kernel's: complex
// values are gnd::complex (a complex sum: "T z", "T s", "z", "a + b", "s = a", "0"; |z|^2 as a
// real: "complex128 z", "float64 s", "z.real() * z.real() + z.imag() * z.imag()", ...), and a
// float16 accumulator rounds after every combine (name a float32 reduce_type to accumulate in
// float32).
//
// Several values in one pass: reduce_type may name fields, "float64 s, float64 ss". Then `a`
// and `b` are structs with those fields, and map_expr and identity give one comma-separated
// expression per field, in order; reduce_expr gives one per field too, over a.<field> and
// b.<field>:
//
//   gpu::reduction_kernel mv("T x", "T mean, T var", "x, x * x", "a.s + b.s, a.ss + b.ss",
//                            "mean = a.s / _n; var = a.ss / _n - mean * mean", "0, 0",
//                            "mean_var", "T s, T ss");
//   auto [mean, var] = mv.call<double, double>(x, gpu::reduce_axes{0});
//
// The kernel is the library's own reduction templates (reductions/kernels.hpp): the strings
// become an accumulator struct (gnd_op), an expression functor that loads the inputs and applies
// map_expr (gnd_expr), and a sink that runs post_map_expr on each output element (gnd_out), so a
// user reduction gets the same vector loads, unrolling, group reduction and split combine. Each
// kernel object keeps, per argument signature, the resolved types and the cache slot of each
// variant: a repeated call builds no string. A body that does not compile throws
// gpu::compile_error (NVRTC's log and the source) at the first call that needs it. CUDA source
// only: on the host executor a call throws gpu::device_error.
#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "gpu/core/axis.hpp"
#include "gpu/expr/codegen.hpp"
#include "gpu/reductions/cuda_reduce.hpp"
#include "gpu/reductions/kernels.hpp"
#include "gpu/reductions/plan.hpp"
#include "gpu/user_kernels/elementwise_kernel.hpp"  // parameter lists, type binding, scalars

namespace gpu {

// The axes of a reduction_kernel call: one axis, several, or gpu::none (all), and keepdims.
struct reduce_axes {
    detail::axes_arg axes;
    bool keepdims = false;

    reduce_axes(std::int64_t axis, bool keep = false) : axes(axis), keepdims(keep) {}  // NOLINT
    reduce_axes(const dims& list, bool keep = false) : axes(list), keepdims(keep) {}  // NOLINT
    reduce_axes(none_t, bool keep = false) : keepdims(keep) {}  // NOLINT
};

}  // namespace gpu

namespace gpu::detail {

// The top-level comma-separated parts of s (commas inside (), [] and {} do not split).
inline std::vector<std::string> rk_split(std::string_view s) {
    std::vector<std::string> parts;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        const char c = i < s.size() ? s[i] : ',';
        if (c == '(' || c == '[' || c == '{') ++depth;
        else if (c == ')' || c == ']' || c == '}') --depth;
        else if (c == ',' && depth == 0) {
            parts.emplace_back(uk_trim(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    return parts;
}

// One field of the accumulator: a dtype or a placeholder, and a name (empty: a plain value).
struct rk_field {
    std::string name;
    int dtype = -1;
    char letter = 0;
};

// One argument signature: every parameter's dtype and each field's, and the slots of its
// variants in the one cache (found once through slot_for, then kept here).
struct rk_entry {
    uk_signature sig;
    std::uint8_t dtype[uk_max_params] = {};
    std::vector<int> field_dtypes;
    std::size_t acc_bytes = 0;
    std::unique_ptr<std::atomic<kernel_slot*>[]> slots{new std::atomic<kernel_slot*>[reduce_variant::n_slots]()};
    rk_entry* next = nullptr;
};

struct rk_state {
    std::string in, out, map, reduce, post_map, identity, name, reduce_type, preamble, what;
    std::vector<std::string> options;
    uk_params params;
    std::vector<rk_field> fields;  // one unnamed field unless reduce_type names them
    bool structured = false;
    std::vector<std::string> map_parts, reduce_parts, identity_parts;
    std::mutex m;
    std::atomic<rk_entry*> entries{nullptr};  // a list that only grows; entries never move

    rk_state() = default;
    rk_state(const rk_state&) = delete;
    rk_state& operator=(const rk_state&) = delete;
    ~rk_state() {
        for (rk_entry* e = entries.load(); e;) {
            rk_entry* next = e->next;
            delete e;
            e = next;
        }
    }

    // The dtype a placeholder letter has in resolution r (-1: unbound).
    int bound(const uk_resolution& r, char letter) const {
        for (int k = 0; k < params.n; ++k)
            if (params.p[k].letter == letter) return r.dtype[k];
        return -1;
    }

    // The entry of signature s (inputs, then outputs as arrays): a walk of a short list on a
    // hit; on a miss, validation, which throws gpu::type_error for arguments the parameters do
    // not accept.
    const rk_entry& entry(const uk_signature& s) {
        for (const rk_entry* e = entries.load(std::memory_order_acquire); e; e = e->next)
            if (e->sig == s) return *e;
        std::lock_guard<std::mutex> lock(m);
        for (const rk_entry* e = entries.load(std::memory_order_acquire); e; e = e->next)
            if (e->sig == s) return *e;
        const uk_resolution r = uk_resolve(params, s);
        if (r.error != uk_type_error::none) throw type_error(uk_type_message(params, s, r, name));
        auto e = std::make_unique<rk_entry>();
        e->sig = s;
        for (int k = 0; k < params.n; ++k) e->dtype[k] = r.dtype[k];
        std::size_t align = 1;
        for (const rk_field& f : fields) {
            const int d = f.dtype >= 0 ? f.dtype : bound(r, f.letter);
            if (d < 0)
                throw type_error(name + ": reduce_type placeholder " + std::string(1, f.letter) +
                                 " is not a parameter's type, so no argument binds it");
            e->field_dtypes.push_back(d);
            // Aligned as the device aligns the field: complex types to their parts.
            const std::size_t size = static_cast<std::size_t>(itemsize(static_cast<dtype>(d)));
            const std::size_t field_align = is_complex(static_cast<dtype>(d)) ? size / 2 : size;
            e->acc_bytes = (e->acc_bytes + field_align - 1) / field_align * field_align + size;
            align = std::max(align, field_align);
        }
        e->acc_bytes = (e->acc_bytes + align - 1) / align * align;
        rk_entry* raw = e.release();
        raw->next = entries.load(std::memory_order_relaxed);
        entries.store(raw, std::memory_order_release);
        return *raw;
    }

    std::string field_type(const rk_entry& e, std::size_t j) const { return uk_cuda_name(e.field_dtypes[j]); }

    // The generated part of the translation unit: types, the accumulator, the map, the functor
    // (expr/codegen.hpp), the accumulator's operations and the output sink.
    std::string user_source(const rk_entry& e) const {
        const uk_params& P = params;
        auto type = [&](int k) { return std::string(uk_cuda_name(e.dtype[k])); };
        auto array = [&](int k) { return !(e.sig.code[k] & uk_scalar_bit); };
        auto line = [&](const char* part) { return "#line 1 \"" + name + " " + part + "\"\n"; };
        std::vector<std::uint8_t> used(e.dtype, e.dtype + P.n);
        for (int d : e.field_dtypes) used.push_back(static_cast<std::uint8_t>(d));
        std::string s = uk_dtype_typedefs(map + reduce + post_map + identity + reduce_type + preamble, used.data(),
                                          static_cast<int>(used.size())) +
                        "\n";
        std::string letters;
        for (int k = 0; k < P.n; ++k)
            if (P.p[k].letter && letters.find(P.p[k].letter) == std::string::npos) {
                letters += P.p[k].letter;
                s += "typedef " + type(k) + " " + std::string(1, P.p[k].letter) + ";\n";
            }
        s += preamble + "\n";
        if (!structured) {
            s += "typedef " + field_type(e, 0) + " gnd_acc;\n";
        } else {
            s += "struct gnd_acc {";
            for (std::size_t j = 0; j < fields.size(); ++j) s += " " + field_type(e, j) + " " + fields[j].name + ";";
            s += " };\n";
            // Shuffles and L2 loads field by field (the head's move at most 8 bytes), found by
            // argument-dependent lookup from the templates; complex fields part by part.
            std::vector<std::string> parts;
            for (std::size_t j = 0; j < fields.size(); ++j) {
                if (is_complex(static_cast<dtype>(e.field_dtypes[j]))) {
                    parts.push_back(fields[j].name + ".re");
                    parts.push_back(fields[j].name + ".im");
                } else {
                    parts.push_back(fields[j].name);
                }
            }
            s += "GND_FN gnd_acc shfl_down(gnd_acc gnd_x, int gnd_d) {";
            for (const std::string& f : parts) s += " gnd_x." + f + " = gnd::shfl_down(gnd_x." + f + ", gnd_d);";
            s += " return gnd_x; }\nGND_FN gnd_acc load_cg(const gnd_acc* gnd_p) { gnd_acc gnd_x;";
            for (const std::string& f : parts) s += " gnd_x." + f + " = gnd::load_cg(&gnd_p->" + f + ");";
            s += " return gnd_x; }\n";
        }
        // Per field: "gnd_r.f = (part);", or the plain value's "return (part);".
        auto assign = [&](const std::vector<std::string>& parts, const char* what_part) {
            std::string b;
            if (!structured) return "    return gnd::cast<gnd_acc>(\n" + line(what_part) + parts[0] + "\n);\n";
            b = "    gnd_acc gnd_r;\n";
            for (std::size_t j = 0; j < fields.size(); ++j)
                b += "    gnd_r." + fields[j].name + " = gnd::cast<" + field_type(e, j) + ">(\n" + line(what_part) +
                     parts[j] + "\n);\n";
            return b + "    return gnd_r;\n";
        };
        // The map over the inputs in parameter order; the functor passes array k as v<k>, scalar
        // j as c<j> (its members, in the order the launch packs them).
        source_builder g;
        std::string call = "gnd_map(";
        s += "GND_FN gnd_acc gnd_map(";
        for (int k = 0; k < P.n_in; ++k) {
            const std::string nm(P.p[k].name);
            s += (k ? ", const " : "const ") + type(k) + " " + nm;
            const char* t = uk_cuda_name(e.dtype[k]);
            call += (k ? ", " : "") + (array(k) ? g.add_array(t) : g.add_scalar(t));
        }
        s += ") {\n" + assign(map_parts, "map_expr") + "}\n";
        s += functor_source(g, call + ")", "gnd_acc");
        s += "struct gnd_op {\n  typedef gnd_acc acc;\n  static constexpr bool indexed = false;\n";
        s += "  static GND_FN acc identity() {\n" + assign(identity_parts, "identity") + "  }\n";
        s += "  template <class gnd_X> static GND_FN acc make(gnd_X gnd_x, long long) { return gnd_x; }\n";
        s += "  static GND_FN acc combine(const acc a, const acc b) {\n" + assign(reduce_parts, "reduce_expr") + "  }\n};\n";
        s += "struct gnd_out {\n";
        for (int k = P.n_in; k < P.n; ++k) s += "  " + type(k) + "* gnd_p" + std::to_string(k) + ";\n";
        s += "  template <class gnd_OP, class gnd_I> GND_FN void put(gnd_I gnd_o, const gnd_acc& a, double gnd_d) const {\n";
        for (int k = P.n_in; k < P.n; ++k)
            s += "    " + type(k) + "& " + std::string(P.p[k].name) + " = gnd_p" + std::to_string(k) + "[gnd_o];\n";
        s += "    const long long _n = (long long)gnd_d;\n    (void)_n; (void)a;\n" + line("post_map_expr") + post_map +
             "\n;\n  }\n};\n";
        return s;
    }

    kernel_source source(const rk_entry& e, const reduce_variant& v) const {
        const user_macro_lines macros = user_macros(options);
        kernel_source src;
        const std::string device = macros.define + user_source(e) + macros.undefine + reduce_kernels_source;
        src.code = macros.undefine + kernel_unit({reduce_ops_source}, device);
        src.entry = v.name_expression("gnd_op", "gnd_out");
        src.name_expression = true;
        src.options = user_kernel_options(options);
        src.minimal = false;  // user code may use any of the CUDA builtins
        src.what = what;
        return src;
    }

    // The slot of entry e's variant v in the one cache, keyed by everything its source depends on.
    kernel_slot& slot(const rk_entry& e, const reduce_variant& v) {
        auto& cell = e.slots[v.slot()];
        if (kernel_slot* s = cell.load(std::memory_order_acquire)) return *s;
        std::string key = "reduction\n" + name + "\n" + in + "\n" + out + "\n" + map + "\n" + reduce + "\n" + post_map +
                          "\n" + identity + "\n" + reduce_type + "\n" + preamble + "\n" + joined_options(options) + "\n";
        for (int k = 0; k < e.sig.n; ++k) key += static_cast<char>(e.sig.code[k] + 1);
        key += "\n" + v.name_expression("gnd_op", "gnd_out");
        kernel_slot& s = slot_for(key);
        cell.store(&s, std::memory_order_release);
        return s;
    }
};

// Parses and checks the strings; throws gpu::value_error with what is wrong.
inline std::shared_ptr<rk_state> make_rk_state(std::string in, std::string out, std::string map, std::string reduce,
                                               std::string post_map, std::string identity, std::string name,
                                               std::string reduce_type, std::string preamble,
                                               std::vector<std::string> options) {
    auto s = std::make_shared<rk_state>();
    s->in = std::move(in);
    s->out = std::move(out);
    s->map = std::move(map);
    s->reduce = std::move(reduce);
    s->post_map = std::move(post_map);
    s->identity = std::move(identity);
    s->name = std::move(name);
    s->reduce_type = std::move(reduce_type);
    s->preamble = std::move(preamble);
    s->options = std::move(options);
    s->what = "reduction kernel '" + s->name + "'";
    const std::string head = s->name + ": ";
    if (!uk_identifier(s->name) || s->name.substr(0, 3) == "gnd")
        throw value_error("reduction kernel name '" + s->name + "' must be a C++ identifier not starting with 'gnd'");
    s->params = uk_parse(s->in, s->out);  // views into the strings above, which stay put
    const uk_params& P = s->params;
    if (P.error == uk_parse_error::no_output)
        throw value_error(head + "a reduction kernel needs at least one output parameter");
    if (P.error != uk_parse_error::none) throw value_error(uk_parse_message(P, s->name));
    if (P.n_in == 0) throw value_error(head + "a reduction kernel needs at least one input parameter");
    for (int k = 0; k < P.n; ++k)
        if (P.p[k].name == "a" || P.p[k].name == "b" || P.p[k].name == "_n")
            throw value_error(head + "parameter '" + uk_param_text(P.p[k]) +
                              "': 'a', 'b' (the values reduce_expr combines) and '_n' are reserved");
    // The accumulator: a type ("float64", "T"), named fields ("float64 s, float64 ss"), or the
    // first output's type.
    const std::string_view rt = uk_trim(s->reduce_type);
    if (rt.empty()) {
        const uk_param& o = P.p[P.n_in];
        s->fields.push_back({"", o.dtype, o.letter});
    } else if (rt.find(' ') == std::string_view::npos && rt.find(',') == std::string_view::npos) {
        rk_field f;
        if (rt.size() == 1 && uk_alpha(rt[0])) f.letter = rt[0];
        else if ((f.dtype = uk_dtype_named(rt)) < 0)
            throw value_error(head + "unknown reduce_type '" + std::string(rt) +
                              "': use a dtype name or a type placeholder");
        s->fields.push_back(f);
    } else {
        s->structured = true;
        const uk_params F = uk_parse("", s->reduce_type);  // the same "type name" syntax as out_params
        if (F.error != uk_parse_error::none)
            throw value_error(uk_parse_message(F, s->name + " reduce_type"));
        for (int k = 0; k < F.n; ++k) {
            const std::string nm(F.p[k].name);
            if (nm == "a" || nm == "b" || nm == "_n") throw value_error(head + "reduce_type field '" + nm + "' is reserved");
            s->fields.push_back({nm, F.p[k].dtype, F.p[k].letter});
        }
    }
    auto is_param_letter = [&](char c) {
        for (int k = 0; k < P.n; ++k)
            if (P.p[k].letter == c) return true;
        return false;
    };
    for (const rk_field& f : s->fields)
        if (f.letter && !is_param_letter(f.letter))
            throw value_error(head + "reduce_type placeholder " + std::string(1, f.letter) +
                              " is not the type of any parameter");
    auto parts = [&](const std::string& text, const char* what, std::vector<std::string>& into) {
        if (uk_trim(text).empty()) throw value_error(head + what + " is empty");
        into = s->structured ? rk_split(text) : std::vector<std::string>{text};
        if (into.size() != s->fields.size())
            throw value_error(head + what + " has " + std::to_string(into.size()) +
                              " comma-separated expressions, but reduce_type has " + std::to_string(s->fields.size()) +
                              " fields");
        for (const auto& p : into)
            if (uk_trim(p).empty()) throw value_error(head + what + " has an empty expression");
    };
    parts(s->map, "map_expr", s->map_parts);
    parts(s->reduce, "reduce_expr", s->reduce_parts);
    parts(s->identity, "identity", s->identity_parts);
    if (uk_trim(s->post_map).empty()) {
        if (s->structured || P.n - P.n_in != 1)
            throw value_error(head + "post_map_expr is empty: it must set the outputs from a");
        s->post_map = std::string(P.p[P.n_in].name) + " = a";
    }
    return s;
}

// The arguments of a call: the inputs, as the node make_reduce_plan walks (shape and arrays).
template <class... In>
struct rk_inputs {
    static constexpr int n_arrays = uk_array_count_v<In...>;
    std::tuple<const In&...> in;
    shape_t shape_;

    explicit rk_inputs(const In&... inputs) : in(inputs...) {
        std::apply([&](const auto&... a) { (widen(a), ...); }, in);
    }
    template <class A>
    void widen(const A& a) {
        if constexpr (is_ndarray_arg_v<A>) shape_ = broadcast_shapes(shape_, a.shape());
    }
    const shape_t& shape() const { return shape_; }
    template <class F>
    void visit_arrays(F&& f) const {
        std::apply([&](const auto&... a) { (visit(f, a), ...); }, in);
    }
    template <class F, class A>
    static void visit(F& f, const A& a) {
        if constexpr (is_ndarray_arg_v<A>) f(a);
    }
};

template <class I, int N, class... R, class... In>
void rk_launch(rk_state& s, const rk_entry& e, const reduce_plan<N>& p, const reduce_variant& variant,
               const std::tuple<ndarray<R>...>& outs, const In&... inputs) {
    const reduce_geometry g = reduce_geometry_for(p, variant);
    constexpr std::size_t sink_bytes = 8 * sizeof...(R), functor_bytes = 16 * sizeof...(In);  // complex128 scalars
    kernel_args<reduce_param_bytes(N, sink_bytes, functor_bytes), reduce_param_count> args;
    args.template push_struct<sink_bytes>([&](auto& f) {
        std::apply([&](const auto&... o) { (f.add(static_cast<const void*>(o.data())), ...); }, outs);
    });
    args.template push_struct<functor_bytes>([&](auto& f) {
        auto pointers = [&](const auto& x) {
            if constexpr (is_ndarray_arg_v<std::remove_cvref_t<decltype(x)>>) {
                note_stream_use(x);
                f.add(static_cast<const void*>(x.data()));
            }
        };
        (pointers(inputs), ...);
        int k = 0;
        auto scalars = [&](const auto& x) {
            if constexpr (!is_ndarray_arg_v<std::remove_cvref_t<decltype(x)>>)
                uk_with_scalar(e.dtype[k], x, [&](auto c) { f.add(c); });
            ++k;
        };
        (scalars(inputs), ...);
    });
    push_reduce_params<I>(args, p, g, e.acc_bytes, static_cast<double>(p.m));
    launch(get_kernel(s.slot(e, g.v), [&] { return s.source(e, g.v); }), reduce_launch_shape(g), args.argv,
           s.what.c_str());
}

template <class... R, class... In>
auto rk_call(rk_state& s, const reduce_axes& ax, const In&... inputs) {
    static_assert((uk_valid_arg_v<In> && ...),
                  "reduction kernel inputs are gpu::ndarray or C++ scalars: arithmetic, gpu::float16, gpu::bfloat16 "
                  "or std::complex (evaluate an expression with gpu::eval first), then optionally a gpu::reduce_axes");
    static_assert(sizeof...(R) > 0 && (is_dtype_v<R> && ...),
                  "call<R...>: one dtype's C++ type (bool, std::int8_t ... double, gpu::float16, gpu::bfloat16, "
                  "std::complex<float>, std::complex<double>) per output");
    const uk_params& P = s.params;
    const int n_out = P.n - P.n_in;
    if (static_cast<int>(sizeof...(R)) != n_out)
        throw type_error(s.name + ".call<...>() names " + std::to_string(sizeof...(R)) + " output type" +
                         (sizeof...(R) == 1 ? "" : "s") + " but the kernel has " + std::to_string(n_out) +
                         " output parameter" + (n_out == 1 ? "" : "s"));
    if (static_cast<int>(sizeof...(In)) != P.n_in)
        throw type_error(s.name + "() takes " + std::to_string(P.n_in) + " input argument" + (P.n_in == 1 ? "" : "s") +
                         " but " + std::to_string(sizeof...(In)) + (sizeof...(In) == 1 ? " was" : " were") + " given");
    static_assert(uk_array_count_v<In...> > 0, "a reduction kernel call needs at least one gpu::ndarray input");
    static constexpr uk_signature sig = uk_signature_of<In..., ndarray<R>...>();
    const rk_entry& e = s.entry(sig);
    {
        const executor where = *uk_arrays_executor(inputs...);
        if (where != executor::cuda)
            throw device_error(s.what + " is CUDA source only: it runs on arrays of the CUDA executor");
        const rk_inputs<In...> node(inputs...);
        const auto reduced = ax.axes.mask(node.shape().size());
        const shape_t out_shape = reduced_shape(node.shape(), reduced, ax.keepdims);
        std::tuple<ndarray<R>...> outs{ndarray<R>(out_shape, where)...};
        if (size_of(out_shape) > 0) {
            const auto p = make_reduce_plan(std::get<0>(outs), node, reduced, ax.keepdims);
            const reduce_variant v = choose_variant(p);
            if (v.idx64) rk_launch<long long>(s, e, p, v, outs, inputs...);
            else rk_launch<int>(s, e, p, v, outs, inputs...);
        }
        if constexpr (sizeof...(R) == 1) return std::get<0>(std::move(outs));
        else return outs;
    }
}

template <class T>
inline constexpr bool rk_is_axes_v = std::is_same_v<std::remove_cvref_t<T>, reduce_axes>;

}  // namespace gpu::detail

namespace gpu {

// A user reduction kernel from CUDA C++ text (CuPy's ReductionKernel). Copies share the compiled
// kernels.
class reduction_kernel {
public:
    reduction_kernel(std::string in_params, std::string out_params, std::string map_expr, std::string reduce_expr,
                     std::string post_map_expr, std::string identity, std::string name = "reduce_kernel",
                     std::string reduce_type = "", std::string preamble = "", std::vector<std::string> options = {})
        : s_(detail::make_rk_state(std::move(in_params), std::move(out_params), std::move(map_expr),
                                   std::move(reduce_expr), std::move(post_map_expr), std::move(identity), std::move(name),
                                   std::move(reduce_type), std::move(preamble), std::move(options))) {}

    // k.call<R...>(inputs..., [gpu::reduce_axes{...}]): the outputs, of dtypes R... (a tuple of
    // arrays for several); every axis when no gpu::reduce_axes is given.
    template <class... R, class... Args>
    auto call(const Args&... args) const {
        constexpr std::size_t n = sizeof...(Args);
        if constexpr (n > 0 && detail::rk_is_axes_v<std::tuple_element_t<n - 1, std::tuple<Args...>>>) {
            return call_with<R...>(std::forward_as_tuple(args...), std::make_index_sequence<n - 1>{});
        } else {
            return detail::rk_call<R...>(*s_, reduce_axes(none), args...);
        }
    }

    const std::string& name() const noexcept { return s_->name; }
    const std::string& in_params() const noexcept { return s_->in; }
    const std::string& out_params() const noexcept { return s_->out; }
    const std::string& map_expr() const noexcept { return s_->map; }
    const std::string& reduce_expr() const noexcept { return s_->reduce; }
    const std::string& post_map_expr() const noexcept { return s_->post_map; }
    const std::string& identity() const noexcept { return s_->identity; }
    const std::string& reduce_type() const noexcept { return s_->reduce_type; }
    int nin() const noexcept { return s_->params.n_in; }
    int nout() const noexcept { return s_->params.n - s_->params.n_in; }

    detail::rk_state& detail_state() const noexcept { return *s_; }

private:
    template <class... R, class Tuple, std::size_t... I>
    auto call_with(const Tuple& t, std::index_sequence<I...>) const {
        return detail::rk_call<R...>(*s_, std::get<sizeof...(I)>(t), std::get<I>(t)...);
    }

    std::shared_ptr<detail::rk_state> s_;
};

}  // namespace gpu

namespace gpu::detail {

// The source the cache compiles for arguments of these C++ types (the inputs, then each output
// as its ndarray) in variant v; tests compile it without a GPU.
template <class... Args>
kernel_source user_reduction_source(const reduction_kernel& k, const reduce_variant& v) {
    rk_state& s = k.detail_state();
    return s.source(s.entry(uk_signature_of<Args...>()), v);
}

}  // namespace gpu::detail
