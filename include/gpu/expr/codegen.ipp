#pragma once
// Definitions for expr/codegen.hpp (see core/inline.hpp).
#include <string>
#include <vector>

#include "gpu/expr/codegen.hpp"

namespace gpu::detail {

GPU_ND_INLINE std::string source_builder::add_array(const char* type) {
    array_types.emplace_back(type);
    index_arrays.push_back(false);
    return "v" + std::to_string(array_types.size() - 1);
}

GPU_ND_INLINE std::string source_builder::add_index() {
    array_types.emplace_back("long long");
    index_arrays.push_back(true);
    return "v" + std::to_string(array_types.size() - 1);
}

GPU_ND_INLINE std::string source_builder::add_scalar(const char* type) {
    scalar_types.emplace_back(type);
    return "c" + std::to_string(scalar_types.size() - 1);
}

GPU_ND_INLINE void source_builder::use_op(const char* source) {
    for (const char* s : op_sources)
        if (s == source) return;
    op_sources.push_back(source);
}

GPU_ND_INLINE std::string functor_source(const source_builder& g, const std::string& expr, const std::string& out_t) {
    const std::size_t n = g.array_types.size();
    auto each = [&](auto&& line) {
        std::string s;
        for (std::size_t k = 0; k < n; ++k) s += line(std::to_string(k), g.array_types[k], g.index_arrays[k]);
        return s;
    };
    auto bit = [](const std::string& k) { return "(mask & (1u << " + k + "))"; };
    const std::string value = "return gnd::cast<out_t>(" + expr + ");\n  }\n";
    std::string s = "struct gnd_expr {\n  typedef " + out_t + " out_t;\n  static constexpr int n = " + std::to_string(n) + ";\n";
    s += each([](auto k, auto& t, bool) { return "  const " + t + "* p" + k + ";\n"; });
    for (std::size_t j = 0; j < g.scalar_types.size(); ++j) s += "  " + g.scalar_types[j] + " c" + std::to_string(j) + ";\n";

    s += "  template <class I> GND_FN out_t at(const I* o) const {\n";
    s += each([](auto k, auto& t, bool index) {
        return "    const " + t + " v" + k + " = " + (index ? "(long long)o[" + k + "]" : "p" + k + "[o[" + k + "]]") + ";\n";
    });
    s += "    " + value;

    s += "  template <int V> struct regs {\n";
    s += each([](auto k, auto& t, bool) { return "    gnd::vec<" + t + ", V> a" + k + ";\n"; });
    s += "  };\n  template <int V, class I> GND_FN void load(regs<V>& r, const I* o, unsigned mask) const {\n";
    s += each([&](auto k, auto&, bool index) {
        return index ? "    gnd::index_vec(r.a" + k + ", (long long)o[" + k + "], " + bit(k) + ");\n"
                     : "    gnd::load_vec(r.a" + k + ", p" + k + " + o[" + k + "], " + bit(k) + ");\n";
    });
    s += "  }\n  template <int V> GND_FN out_t eval(const regs<V>& r, int j) const {\n";
    s += each([](auto k, auto& t, bool) { return "    const " + t + " v" + k + " = r.a" + k + ".v[j];\n"; });
    s += "    " + value;

    s += "  template <int T> struct tile {\n";
    s += each([](auto k, auto& t, bool) { return "    " + t + " a" + k + "[T][T + 1];\n"; });
    // One loop per array, each offset computed only where that array is read: the kernel then
    // needs 32 registers (full occupancy); one loop over all arrays, or a loop over k, needs 40.
    s += "  };\n  template <int T, int P, class I, class S>\n";
    s += "  GND_FN void load_tile(tile<T>& t, regs<1>* a, I r0, I c0, int tx, int ty, I n0, I n1, const S& st, unsigned mask) const {\n";
    s += each([&](auto k, auto&, bool index) {
        const std::string off = "i * st.v[" + k + " + 1].v[0] + j * st.v[" + k + " + 1].v[1]";
        const std::string value = index ? "(long long)(" + off + ")" : "p" + k + "[" + off + "]";
        return "#pragma unroll\n    for (int u = 0; u < P; ++u) {\n      const int m = ty + u * (T / P);\n"
               "      if " + bit(k) + " { const I i = r0 + tx, j = c0 + m; if (i < n0 && j < n1) t.a" + k + "[m][tx] = " + value + "; }\n"
               "      else { const I i = r0 + m, j = c0 + tx; if (i < n0 && j < n1) a[u].a" + k + ".v[0] = " + value + "; }\n    }\n";
    });
    s += "  }\n  template <int T> GND_FN out_t eval_tiled(const tile<T>& t, int r, int c, const regs<1>& a, unsigned mask) const {\n";
    s += each([&](auto k, auto& t, bool) {
        return "    const " + t + " v" + k + " = " + bit(k) + " ? t.a" + k + "[r][c] : a.a" + k + ".v[0];\n";
    });
    s += "    " + value + "};\n";
    return s;
}

GPU_ND_INLINE expression_text expression_text_of(const source_builder& g, const std::string& expr, const char* out_t) {
    expression_text t;
    for (const char* op : g.op_sources) (t.ops += op) += "\n";
    t.functor = functor_source(g, expr, out_t);
    return t;
}

}  // namespace gpu::detail
