#pragma once
// User element-wise kernels, as CuPy's ElementwiseKernel:
//
//   gpu::elementwise_kernel k("float32 x, float32 y", "float32 z", "z = x * y + 1", "my_kernel");
//   k(x, y, z);                      // outputs passed: inputs broadcast to their shape
//   auto w = k.call<float>(x, y);    // the output made with the inputs' broadcast shape
//
// Parameters are "type name" with NumPy's dtype names (bool, int8 ... uint64, float16, float32,
// float64, complex64, complex128, and bfloat16) or a one-letter type placeholder ("T x, T y" /
// "T z"): T is bound by the arrays' dtypes (outputs first, then inputs, as CuPy does), else by a
// scalar's C++ type; a conflict is a gpu::type_error. A C++ scalar (arithmetic, gpu::float16,
// gpu::bfloat16 or std::complex) passed for an input parameter is converted to its type as
// NumPy's astype converts. In the operation the inputs are const values, the outputs references
// to the elements, `i` is the element's C-order index, each placeholder is a typedef and so is
// each dtype name. float16 / bfloat16 values are gnd::float16 / gnd::bfloat16 (arithmetic among
// them in float32, rounded after each operation, as NumPy's float16 loops; other types and math
// functions take them through float32(x)); complex64 / complex128 are gnd::complex<float> /
// <double> (NumPy's algorithms: .real(), .imag(), abs, arg, conj, exp, log, sqrt, pow, sin, ...;
// real operands convert implicitly).
//
// And beyond CuPy, one definition for both executors:
//
//   GPU_ND_ELEMENTWISE_KERNEL(axpy, (float32 a, T x, T y), (T z), z = a * x + y);
//   axpy(2.0f, x, y, z);             // CUDA arrays: the kernel; host-executor arrays: the same
//                                    // operation compiled as C++ and run on the CPU
//
// The kernel: the operation becomes a functor (the only generated text) over two fixed kernel
// templates, uk_flat (every operand contiguous: U elements per thread, all loads issued before
// the operations) and uk_strided (any strides: a grid-stride loop, U elements a grid stride
// apart per step, offsets from the index by division over the collapsed axes), each with 32- or 64-bit index arithmetic, instantiated by name expression and
// fetched from the one cache. Each kernel object remembers, per argument signature (dtypes and
// which arguments are scalars), the validated types and the cache slot of each variant, so a
// repeated call builds no string and takes no lock.
#include <array>
#include <atomic>
#include <cmath>
#include <complex>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "gpu/kernel/geometry.hpp"
#include "gpu/user_kernels/raw_kernel.hpp"

namespace gpu::detail {

// ---- parameter lists ------------------------------------------------------------------------
// Parsed at run time for elementwise_kernel and at compile time for GPU_ND_ELEMENTWISE_KERNEL
// (whose host code needs the types), so the parser is constexpr.

inline constexpr int uk_max_params = 32;

struct uk_param {
    std::string_view type, name;  // as written
    int dtype = -1;               // a fixed dtype, else -1
    char letter = 0;              // a type placeholder
    bool output = false;
};

enum class uk_parse_error { none, syntax, unknown_type, raw, keyword, bad_name, reserved_name, duplicate, too_many,
                            no_output, placeholder_name };

struct uk_params {
    uk_param p[uk_max_params] = {};
    int n = 0, n_in = 0;
    uk_parse_error error = uk_parse_error::none;
    std::string_view error_at;  // the parameter (or name) the error is about
};

constexpr bool uk_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
constexpr bool uk_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool uk_ident_start(char c) { return uk_alpha(c) || c == '_'; }
constexpr bool uk_ident_char(char c) { return uk_ident_start(c) || (c >= '0' && c <= '9'); }

constexpr bool uk_identifier(std::string_view s) {
    if (s.empty() || !uk_ident_start(s[0])) return false;
    for (char c : s)
        if (!uk_ident_char(c)) return false;
    return true;
}

constexpr std::string_view uk_trim(std::string_view s) {
    while (!s.empty() && uk_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && uk_space(s.back())) s.remove_suffix(1);
    return s;
}

constexpr int uk_dtype_named(std::string_view t) {
    for (int d = 0; d < n_dtypes; ++d)
        if (name_of(static_cast<dtype>(d)) == t) return d;
    return -1;
}

// "bool, int8, ..., complex128": every dtype name a parameter may use, for messages.
inline std::string uk_dtype_names() {
    std::string s;
    for (int d = 0; d < n_dtypes; ++d) (s += d ? ", " : "") += name_of(static_cast<dtype>(d));
    return s;
}

constexpr bool uk_fail(uk_params& r, uk_parse_error e, std::string_view at) {
    r.error = e;
    r.error_at = at;
    return false;
}

// One comma-separated list: "[keyword ...] type name, ...".
constexpr bool uk_parse_list(uk_params& r, std::string_view list, bool output) {
    if (uk_trim(list).empty()) return true;
    while (true) {
        const std::size_t comma = list.find(',');
        const std::string_view piece = uk_trim(list.substr(0, comma));
        std::string_view words[8] = {};
        int n = 0;
        for (std::size_t i = 0; i < piece.size();) {
            while (i < piece.size() && uk_space(piece[i])) ++i;
            std::size_t j = i;
            while (j < piece.size() && !uk_space(piece[j])) ++j;
            if (j > i) {
                if (n == 8) return uk_fail(r, uk_parse_error::syntax, piece);
                words[n++] = piece.substr(i, j - i);
            }
            i = j;
        }
        if (n < 2) return uk_fail(r, uk_parse_error::syntax, piece);
        if (n > 2) return uk_fail(r, words[0] == "raw" ? uk_parse_error::raw : uk_parse_error::keyword, piece);
        if (r.n == uk_max_params) return uk_fail(r, uk_parse_error::too_many, piece);
        uk_param p;
        p.type = words[n - 2];
        p.name = words[n - 1];
        p.output = output;
        if (p.type.size() == 1 && uk_alpha(p.type[0])) p.letter = p.type[0];
        else if ((p.dtype = uk_dtype_named(p.type)) < 0) return uk_fail(r, uk_parse_error::unknown_type, piece);
        if (!uk_identifier(p.name)) return uk_fail(r, uk_parse_error::bad_name, piece);
        if (p.name == "i" || p.name.substr(0, 4) == "gnd_") return uk_fail(r, uk_parse_error::reserved_name, piece);
        for (int k = 0; k < r.n; ++k)
            if (r.p[k].name == p.name) return uk_fail(r, uk_parse_error::duplicate, p.name);
        r.p[r.n++] = p;
        if (comma == std::string_view::npos) return true;
        list.remove_prefix(comma + 1);
    }
}

constexpr uk_params uk_parse(std::string_view in, std::string_view out) {
    uk_params r;
    if (!uk_parse_list(r, in, false)) return r;
    r.n_in = r.n;
    if (!uk_parse_list(r, out, true)) return r;
    if (r.n == r.n_in) {
        uk_fail(r, uk_parse_error::no_output, out);
        return r;
    }
    for (int k = 0; k < r.n; ++k)  // a parameter named like a placeholder would hide its typedef
        for (int j = 0; j < r.n; ++j)
            if (r.p[j].letter && r.p[k].name.size() == 1 && r.p[k].name[0] == r.p[j].letter) {
                uk_fail(r, uk_parse_error::placeholder_name, r.p[k].name);
                return r;
            }
    return r;
}

inline std::string uk_parse_message(const uk_params& r, std::string_view kernel) {
    const std::string at(r.error_at), head = std::string(kernel) + ": ";
    switch (r.error) {
        case uk_parse_error::none: return {};
        case uk_parse_error::syntax: return head + "syntax error in parameter '" + at + "': expected 'type name'";
        case uk_parse_error::unknown_type:
            return head + "unknown type in parameter '" + at + "': use a dtype name (" + uk_dtype_names() +
                   ") or one letter as a type placeholder";
        case uk_parse_error::raw:
            return head + "'raw' parameters are not supported ('" + at + "'); index arrays freely in a gpu::raw_kernel";
        case uk_parse_error::keyword: return head + "unknown keyword in parameter '" + at + "'";
        case uk_parse_error::bad_name: return head + "parameter '" + at + "' does not end with a C++ identifier";
        case uk_parse_error::reserved_name:
            return head + "parameter '" + at + "': 'i' (the element index) and names starting with 'gnd_' are reserved";
        case uk_parse_error::duplicate: return head + "duplicate parameter name '" + at + "'";
        case uk_parse_error::too_many: return head + "more than " + std::to_string(uk_max_params) + " parameters";
        case uk_parse_error::no_output: return head + "an element-wise kernel needs at least one output parameter";
        case uk_parse_error::placeholder_name:
            return head + "parameter name '" + at + "' is also used as a type placeholder";
    }
    return head + "bad parameter list";
}

// ---- argument signatures and type resolution -------------------------------------------------

// Per argument: its dtype, with uk_scalar_bit for a C++ scalar (else a gpu::ndarray).
inline constexpr std::uint8_t uk_scalar_bit = 0x80;

struct uk_signature {
    std::uint8_t code[uk_max_params] = {};
    int n = 0;
    friend constexpr bool operator==(const uk_signature& a, const uk_signature& b) {
        if (a.n != b.n) return false;
        for (int k = 0; k < a.n; ++k)
            if (a.code[k] != b.code[k]) return false;
        return true;
    }
};

template <class A>
constexpr std::uint8_t uk_code() {
    if constexpr (is_ndarray_arg_v<A>) return static_cast<std::uint8_t>(dtype_of_v<typename A::value_type>);
    else return static_cast<std::uint8_t>(static_cast<std::uint8_t>(scalar_dtype<A>()) | uk_scalar_bit);
}

template <class... Args>
constexpr uk_signature uk_signature_of() {
    uk_signature s;
    static_assert(sizeof...(Args) <= uk_max_params, "too many kernel arguments");
    ((s.code[s.n++] = uk_code<Args>()), ...);
    return s;
}

enum class uk_type_error { none, output_scalar, mismatch, conflict };

struct uk_resolution {
    std::uint8_t dtype[uk_max_params] = {};  // each parameter's type
    uk_type_error error = uk_type_error::none;
    int param = -1, other = -1;  // the parameter at fault; the one that bound its placeholder
};

// CuPy's rule: arrays must have their parameter's dtype exactly; a placeholder is bound by the
// first array that uses it (outputs, then inputs), else by the first scalar; scalars convert.
constexpr uk_resolution uk_resolve(const uk_params& P, const uk_signature& s) {
    uk_resolution r;
    int bound[128] = {}, from[128] = {};
    for (int c = 0; c < 128; ++c) bound[c] = -1;
    for (int k = 0; k < P.n; ++k)  // a fallback for every parameter, so that types exist even on error
        r.dtype[k] = static_cast<std::uint8_t>(P.p[k].dtype >= 0 ? P.p[k].dtype : (s.code[k] & ~uk_scalar_bit));
    auto bind = [&](int k, int d) {
        const uk_param& p = P.p[k];
        if (p.dtype >= 0) {
            if (d != p.dtype) return r.error = uk_type_error::mismatch, r.param = k, false;
            return true;
        }
        const int c = static_cast<unsigned char>(p.letter);
        if (bound[c] < 0) return bound[c] = d, from[c] = k, true;
        if (bound[c] != d) return r.error = uk_type_error::conflict, r.param = k, r.other = from[c], false;
        return true;
    };
    for (int k = P.n_in; k < P.n; ++k) {
        if (s.code[k] & uk_scalar_bit) return r.error = uk_type_error::output_scalar, r.param = k, r;
        if (!bind(k, s.code[k])) return r;
    }
    for (int k = 0; k < P.n_in; ++k)
        if (!(s.code[k] & uk_scalar_bit) && !bind(k, s.code[k])) return r;
    for (int k = 0; k < P.n_in; ++k) {
        const int c = static_cast<unsigned char>(P.p[k].letter);
        if ((s.code[k] & uk_scalar_bit) && P.p[k].dtype < 0 && bound[c] < 0)
            bound[c] = s.code[k] & ~uk_scalar_bit, from[c] = k;
    }
    for (int k = 0; k < P.n; ++k)
        if (P.p[k].dtype < 0) r.dtype[k] = static_cast<std::uint8_t>(bound[static_cast<unsigned char>(P.p[k].letter)]);
    return r;
}

inline std::string uk_param_text(const uk_param& p) { return std::string(p.type) + " " + std::string(p.name); }

inline std::string uk_arg_text(std::uint8_t code) {
    const std::string d(name_of(static_cast<dtype>(code & ~uk_scalar_bit)));
    return (code & uk_scalar_bit) ? "a " + d + " scalar" : "an array of dtype " + d;
}

inline std::string uk_type_message(const uk_params& P, const uk_signature& s, const uk_resolution& r,
                                   std::string_view kernel) {
    const std::string head = std::string(kernel) + ": ";
    const uk_param& p = P.p[r.param];
    switch (r.error) {
        case uk_type_error::output_scalar:
            return head + "output parameter '" + uk_param_text(p) + "' needs a gpu::ndarray, got " + uk_arg_text(s.code[r.param]);
        case uk_type_error::mismatch:
            return head + "type mismatch: parameter '" + uk_param_text(p) + "' got " + uk_arg_text(s.code[r.param]);
        case uk_type_error::conflict:
            return head + "type placeholder " + std::string(1, p.letter) + " is " +
                   std::string(name_of(static_cast<dtype>(s.code[r.other] & ~uk_scalar_bit))) + " (from '" +
                   uk_param_text(P.p[r.other]) + "') but '" + uk_param_text(p) + "' got " + uk_arg_text(s.code[r.param]);
        case uk_type_error::none: break;
    }
    return head + "bad argument types";
}

// ---- the kernel templates --------------------------------------------------------------------

// Which template a launch needs; shapes, strides and scalars are arguments.
struct uk_variant {
    bool strided = false;
    bool idx64 = false;
    int rank = 1;  // collapsed rank (strided)

    int slot() const { return strided ? 2 + 2 * (rank - 1) + (idx64 ? 1 : 0) : (idx64 ? 1 : 0); }
    static constexpr int n_slots = 2 + 2 * max_ndim;

    std::string name_expression(const std::string& functor) const {
        const std::string I = idx64 ? "long long" : "int";
        if (!strided) return "gnd::uk_flat<" + functor + ", " + I + ">";
        return "gnd::uk_strided<" + functor + ", " + I + ", " + std::to_string(rank) + ">";
    }
};

// Elements per thread of uk_flat, and per grid-stride step of uk_strided.
inline constexpr int uk_items_per_thread = 4;

// F: the functor of a user kernel (uk_state::functor_source): F::n array operands (in parameter order),
// F::regs the values of its input arrays, load(regs&, offsets) reads them, run(regs, offsets, i)
// runs the operation on element i, writing the outputs at their offsets.
inline constexpr const char uk_kernels_source[] = R"(
namespace gnd {
template <class F, class I>
__global__ void __launch_bounds__(256) uk_flat(const F f, const I n) {
  constexpr int U = 4;  /* uk_items_per_thread */
  const I base = (I)blockIdx.x * (I)(blockDim.x * U) + (I)threadIdx.x;
  I o[F::n];
  if (base + (I)blockDim.x * (U - 1) < n) {
    typename F::regs r[U];
#pragma unroll
    for (int u = 0; u < U; ++u) {
#pragma unroll
      for (int k = 0; k < F::n; ++k) o[k] = base + (I)u * blockDim.x;
      f.load(r[u], o);
    }
#pragma unroll
    for (int u = 0; u < U; ++u) {
      const I g = base + (I)u * blockDim.x;
#pragma unroll
      for (int k = 0; k < F::n; ++k) o[k] = g;
      f.run(r[u], o, (long long)g);
    }
  } else {
    for (int u = 0; u < U; ++u) {
      const I g = base + (I)u * blockDim.x;
      if (g < n) {
        for (int k = 0; k < F::n; ++k) o[k] = g;
        typename F::regs r;
        f.load(r, o);
        f.run(r, o, (long long)g);
      }
    }
  }
}

/* Offsets of every operand of the element with C-order index g. */
template <class F, class I, int R>
GND_FN void uk_offsets(I* o, I g, const strides_of<I, R, F::n>& st, const dims<I, R>& shape) {
  typedef typename uint_of<sizeof(I)>::type U;
#pragma unroll
  for (int k = 0; k < F::n; ++k) o[k] = 0;
  U rem = (U)g;
#pragma unroll
  for (int d = R - 1; d >= 0; --d) {
    const I c = d ? (I)(rem % (U)shape.v[d]) : (I)rem;
    if (d) rem /= (U)shape.v[d];
#pragma unroll
    for (int k = 0; k < F::n; ++k) o[k] += c * st.v[k].v[d];
  }
}

template <class F, class I, int R>
__global__ void __launch_bounds__(256) uk_strided(const F f, const strides_of<I, R, F::n> st, const dims<I, R> shape, const I n) {
  constexpr int U = 4;  /* uk_items_per_thread, a grid stride apart */
  const I step = (I)gridDim.x * blockDim.x;
  for (I g0 = (I)blockIdx.x * blockDim.x + threadIdx.x; g0 < n; g0 += step * U) {
    I o[U][F::n];
    typename F::regs r[U];
#pragma unroll
    for (int u = 0; u < U; ++u)
      if ((I)u * step < n - g0) {
        uk_offsets<F>(o[u], g0 + (I)u * step, st, shape);
        f.load(r[u], o[u]);
      }
#pragma unroll
    for (int u = 0; u < U; ++u)
      if ((I)u * step < n - g0) f.run(r[u], o[u], (long long)(g0 + (I)u * step));
  }
}
}  // namespace gnd
)";

inline const char* uk_cuda_name(int d) { return cuda_name_of(static_cast<dtype>(d)).data(); }

// The dtype names as typedefs for the user's code ("typedef short int16; ..."). Those of the
// 2-byte floats and complex types only where the kernel's dtypes (`used`, n of them) or the
// user's text name them: kernel_unit adds their definitions only to sources that name them, so a
// float32 kernel's source, and its cold compile, stay as they were.
inline std::string uk_dtype_typedefs(std::string_view text, const std::uint8_t* used, int n) {
    std::string s;
    for (int d = 0; d < n_dtypes; ++d) {
        const dtype t = static_cast<dtype>(d);
        const std::string_view name = name_of(t), cuda = cuda_name_of(t);
        if (name == cuda) continue;  // bool
        bool needed = (!is_half(t) && !is_complex(t)) || text.find(name) != std::string_view::npos;
        for (int k = 0; k < n && !needed; ++k) needed = used[k] == d;
        if (needed) s += "typedef " + std::string(cuda) + " " + std::string(name) + "; ";
    }
    return s;
}

// ---- per-object state ------------------------------------------------------------------------

// One argument signature of one kernel object: its validated types and, per variant, the slot of
// the one cache (found once through slot_for, then kept here).
struct uk_entry {
    uk_signature sig;
    uk_resolution res;
    mutable std::atomic<kernel_slot*> slots[uk_variant::n_slots] = {};
    uk_entry* next = nullptr;
};

struct uk_state {
    std::string in, out, operation, name, preamble, what;
    std::vector<std::string> options;
    uk_params params;
    std::mutex m;
    std::atomic<uk_entry*> entries{nullptr};  // a list that only grows; entries never move

    uk_state() = default;
    uk_state(const uk_state&) = delete;
    uk_state& operator=(const uk_state&) = delete;
    ~uk_state() {
        for (uk_entry* e = entries.load(); e;) {
            uk_entry* next = e->next;
            delete e;
            e = next;
        }
    }

    // The entry of signature s: a walk of a short list on a hit; validation on a miss, which
    // throws gpu::type_error for arguments the parameters do not accept.
    const uk_entry& entry(const uk_signature& s) {
        for (const uk_entry* e = entries.load(std::memory_order_acquire); e; e = e->next)
            if (e->sig == s) return *e;
        std::lock_guard<std::mutex> lock(m);
        for (const uk_entry* e = entries.load(std::memory_order_acquire); e; e = e->next)
            if (e->sig == s) return *e;
        const uk_resolution r = uk_resolve(params, s);
        if (r.error != uk_type_error::none) throw type_error(uk_type_message(params, s, r, name));
        auto* e = new uk_entry;
        e->sig = s;
        e->res = r;
        e->next = entries.load(std::memory_order_relaxed);
        entries.store(e, std::memory_order_release);
        return *e;
    }

    // The functor: one struct named after the kernel, holding the array pointers then the scalars
    // (as the launch packs them), the loads of the inputs and the operation.
    std::string functor_source(const uk_entry& e) const {
        const uk_params& P = params;
        auto type = [&](int k) { return std::string(uk_cuda_name(e.res.dtype[k])); };
        auto array = [&](int k) { return !(e.sig.code[k] & uk_scalar_bit); };
        int operand[uk_max_params] = {}, n_arrays = 0;
        for (int k = 0; k < P.n; ++k) operand[k] = array(k) ? n_arrays++ : -1;
        std::string f = "struct " + name + " {\n";
        f += "  " + uk_dtype_typedefs(operation + preamble, e.res.dtype, P.n) + "\n";
        f += "  static constexpr int n = " + std::to_string(n_arrays) + ";\n";
        for (int k = 0; k < P.n; ++k)
            if (array(k)) f += "  " + std::string(P.p[k].output ? "" : "const ") + type(k) + "* p" + std::to_string(k) + ";\n";
        for (int k = 0; k < P.n; ++k)
            if (!array(k)) f += "  " + type(k) + " c" + std::to_string(k) + ";\n";
        f += "  struct regs {";
        for (int k = 0; k < P.n_in; ++k)
            if (array(k)) f += " " + type(k) + " a" + std::to_string(k) + ";";
        f += " };\n  template <class gnd_I> GND_FN void load(regs& gnd_r, const gnd_I* gnd_o) const {\n";
        for (int k = 0; k < P.n_in; ++k)
            if (array(k))
                f += "    gnd_r.a" + std::to_string(k) + " = this->p" + std::to_string(k) + "[gnd_o[" +
                     std::to_string(operand[k]) + "]];\n";
        f += "  }\n  template <class gnd_I> GND_FN void run(const regs& gnd_r, const gnd_I* gnd_o, const long long i) const {\n";
        std::string letters;
        for (int k = 0; k < P.n; ++k)
            if (P.p[k].letter && letters.find(P.p[k].letter) == std::string::npos) {
                letters += P.p[k].letter;
                f += "    typedef " + type(k) + " " + std::string(1, P.p[k].letter) + ";\n";
            }
        for (int k = 0; k < P.n; ++k) {
            const std::string K = std::to_string(k), nm(P.p[k].name);
            if (P.p[k].output) f += "    " + type(k) + "& " + nm + " = this->p" + K + "[gnd_o[" + std::to_string(operand[k]) + "]];\n";
            else if (array(k)) f += "    const " + type(k) + " " + nm + " = gnd_r.a" + K + ";\n";
            else f += "    const " + type(k) + " " + nm + " = this->c" + K + ";\n";
        }
        f += "    (void)i; (void)gnd_r; (void)gnd_o;\n#line 1 \"" + name + " operation\"\n" + operation + "\n;\n  }\n};\n";
        return f;
    }

    kernel_source source(const uk_entry& e, const uk_variant& v) const {
        kernel_source src;
        const user_macro_lines macros = user_macros(options);
        src.code = macros.undefine + kernel_unit({}, uk_kernels_source + macros.define + preamble + "\n" + functor_source(e));
        src.entry = v.name_expression(name);
        src.name_expression = true;
        src.options = user_kernel_options(options);
        src.minimal = false;  // user code may use any of the CUDA builtins
        src.what = what;
        return src;
    }

    // The slot of entry e's variant v in the one cache, keyed by everything its source depends on.
    kernel_slot& slot(const uk_entry& e, const uk_variant& v) {
        auto& cell = e.slots[v.slot()];
        if (kernel_slot* s = cell.load(std::memory_order_acquire)) return *s;
        std::string key = "elementwise\n" + name + "\n" + in + "\n" + out + "\n" + operation + "\n" + preamble + "\n" +
                          joined_options(options) + "\n";
        for (int k = 0; k < e.sig.n; ++k) key += static_cast<char>(e.sig.code[k] + 1);
        key += "\n" + v.name_expression(name);
        kernel_slot& s = slot_for(key);
        cell.store(&s, std::memory_order_release);
        return s;
    }
};

inline std::shared_ptr<uk_state> make_uk_state(std::string in, std::string out, std::string operation, std::string name,
                                               std::string preamble, std::vector<std::string> options) {
    auto s = std::make_shared<uk_state>();
    s->in = std::move(in);
    s->out = std::move(out);
    s->operation = std::move(operation);
    s->name = std::move(name);
    s->preamble = std::move(preamble);
    s->options = std::move(options);
    s->what = "elementwise kernel '" + s->name + "'";
    if (!uk_identifier(s->name) || s->name.substr(0, 3) == "gnd")
        throw value_error("elementwise kernel name '" + s->name + "' must be a C++ identifier not starting with 'gnd'");
    s->params = uk_parse(s->in, s->out);  // views into the strings above, which stay put
    if (s->params.error != uk_parse_error::none) throw value_error(uk_parse_message(s->params, s->name));
    return s;
}

// ---- calls -----------------------------------------------------------------------------------

template <class A>
inline constexpr bool uk_valid_arg_v = is_ndarray_arg_v<A> || is_cpp_scalar_v<A>;

template <class... Args>
inline constexpr int uk_array_count_v = (0 + ... + (is_ndarray_arg_v<Args> ? 1 : 0));

inline void uk_check_count(const uk_state& s, int given, bool allocating) {
    const uk_params& P = s.params;
    const int n_out = P.n - P.n_in;
    if (allocating) {
        if (n_out != 1)
            throw type_error(s.name + ": call<T>() makes one output, but the kernel has " + std::to_string(n_out) +
                             " output parameters; pass the outputs as arrays");
        if (given != P.n_in)
            throw type_error(s.name + ".call() takes " + std::to_string(P.n_in) + " input argument" +
                             (P.n_in == 1 ? "" : "s") + " but " + std::to_string(given) + (given == 1 ? " was" : " were") +
                             " given");
    } else if (given != P.n) {
        throw type_error(s.name + "() takes " + std::to_string(P.n) + " arguments (" + std::to_string(P.n_in) + " input" +
                         (P.n_in == 1 ? "" : "s") + ", " + std::to_string(n_out) + " output" + (n_out == 1 ? "" : "s") +
                         ") but " + std::to_string(given) + (given == 1 ? " was" : " were") + " given");
    }
}

// The executor of the arrays among args (none if there are none); mixing is a device_error.
template <class... Args>
std::optional<executor> uk_arrays_executor(const Args&... args) {
    std::optional<executor> where;
    int device = -1;
    auto visit = [&](const auto& a) {
        if constexpr (is_ndarray_arg_v<std::remove_cvref_t<decltype(a)>>) {
            if (where && a.where() != *where)
                throw device_error(std::string("operands live on different executors (") + to_string(*where) + " and " +
                                   to_string(a.where()) + "); move them with gpu::asnumpy / gpu::asarray first");
            if (where && *where == executor::cuda) check_same_device(device, a.device());
            where = a.where();
            device = a.device();
        }
    };
    (visit(args), ...);
    return where;
}

[[noreturn]] inline void uk_cuda_only(const uk_state& s) {
    throw device_error(s.what + " is CUDA source only; define it with GPU_ND_ELEMENTWISE_KERNEL to run it on the host "
                                "executor");
}

// The broadcast shape of the inputs (the first n_in arguments).
template <class... Args>
shape_t uk_input_shape(int n_in, const Args&... args) {
    shape_t shape;
    int k = 0;
    auto visit = [&](const auto& a) {
        if constexpr (is_ndarray_arg_v<std::remove_cvref_t<decltype(a)>>)
            if (k < n_in) shape = broadcast_shapes(shape, a.shape());
        ++k;
    };
    (visit(args), ...);
    return shape;
}

// The iteration space of a call with every argument given: NumPy's broadcast of the inputs to
// the outputs' shape, each array's strides broadcast to it, axes collapsed (never reordered: the
// index i is the C-order index). K = the number of array arguments.
template <int K>
struct uk_geometry {
    shape_t shape;                    // collapsed, rank >= 1
    std::array<strides_t, K> st;      // collapsed strides per array argument
    std::int64_t size = 0;
};

template <int K, class... Args>
uk_geometry<K> uk_geometry_of(const uk_state& s, const Args&... args) {
    const int n_in = s.params.n_in;
    const shape_t in_shape = uk_input_shape(n_in, args...);
    shape_t shape = in_shape;
    int k = 0;
    auto widen = [&](const auto& a) {
        if constexpr (is_ndarray_arg_v<std::remove_cvref_t<decltype(a)>>)
            if (k >= n_in) shape = broadcast_shapes(shape, a.shape());
        ++k;
    };
    (widen(args), ...);
    k = 0;
    auto check_out = [&](const auto& a) {
        if constexpr (is_ndarray_arg_v<std::remove_cvref_t<decltype(a)>>)
            if (k >= n_in && !(a.shape() == shape))
                throw shape_error(s.name + ": non-broadcastable output operand with shape " + to_string(a.shape()) +
                                  " doesn't match the broadcast shape " + to_string(shape));
        ++k;
    };
    (check_out(args), ...);
    uk_geometry<K> g;
    g.shape = shape;
    g.size = size_of(shape);
    int j = 0;
    auto strides = [&](const auto& a) {
        if constexpr (is_ndarray_arg_v<std::remove_cvref_t<decltype(a)>>) g.st[j++] = broadcast_strides(shape, a.shape(), a.strides());
    };
    (strides(args), ...);
    collapse_axes(g.shape, g.st);
    return g;
}

// Calls f(value) with a scalar converted to dtype d (NumPy's astype rules), as the dtype's C++
// type (std::complex has gnd::complex's layout).
template <class S, class F>
void uk_with_scalar(int d, const S& v, F&& f) {
    visit_dtype(static_cast<dtype>(d), [&](auto t) { f(gnd::cast<typename decltype(t)::type>(v)); });
}

template <class I, int K, class... Args>
void uk_launch(uk_state& s, const uk_entry& e, const uk_geometry<K>& g, const uk_variant& v, const Args&... args) {
    constexpr std::size_t functor_bytes = 16 * sizeof...(Args);
    kernel_args<functor_bytes + 8 * (K + 1) * max_ndim + 32, 4> a;
    a.template push_struct<functor_bytes>([&](auto& f) {
        auto pointers = [&](const auto& x) {
            if constexpr (is_ndarray_arg_v<std::remove_cvref_t<decltype(x)>>) f.add(static_cast<const void*>(x.data()));
        };
        (pointers(args), ...);
        int k = 0;
        auto scalars = [&](const auto& x) {
            if constexpr (!is_ndarray_arg_v<std::remove_cvref_t<decltype(x)>>)
                uk_with_scalar(e.res.dtype[k], x, [&](auto c) { f.add(c); });
            ++k;
        };
        (scalars(args), ...);
    });
    if (v.strided) {
        a.template push_strides<I>(g.st, v.rank);
        a.template push_dims<I>(g.shape);
    }
    a.push(static_cast<I>(g.size));
    const cudaKernel_t kernel = get_kernel(s.slot(e, v), [&] { return s.source(e, v); });
    const unsigned blocks = v.strided ? blocks_for(ceil_div(g.size, uk_items_per_thread))
                                      : blocks_for(g.size, std::int64_t{block_threads} * uk_items_per_thread, INT32_MAX);
    launch(kernel, {.gx = blocks}, a.argv, s.what.c_str(), args...);
}

// Runs a validated call (every argument given) on the GPU.
template <class... Args>
void uk_run_cuda(uk_state& s, const uk_entry& e, const Args&... args) {
    constexpr int K = uk_array_count_v<Args...>;
    const uk_geometry<K> g = uk_geometry_of<K>(s, args...);
    if (g.size == 0) return;
    uk_variant v;
    v.rank = g.shape.size();
    bool contiguous = v.rank == 1;
    for (int k = 0; k < K && contiguous; ++k) contiguous = g.st[k][0] == 1;
    v.strided = !contiguous;
    v.idx64 = needs_64bit_index({g.size});
    for (int k = 0; k < K && !v.idx64; ++k) v.idx64 = needs_64bit_index({reach(g.shape, g.st[k])});
    if (v.idx64) uk_launch<long long>(s, e, g, v, args...);
    else uk_launch<int>(s, e, g, v, args...);
}

// A kernel with no host definition, for uk_call.
struct uk_no_host {};

// operator(): every argument given. Host: uk_no_host, or the uk_host_runner of a definition.
template <class Host, class... Args>
void uk_call(uk_state& s, const Host& host, const Args&... args) {
    static_assert((uk_valid_arg_v<Args> && ...),
                  "element-wise kernel arguments are gpu::ndarray or C++ scalars: arithmetic, gpu::float16, "
                  "gpu::bfloat16 or std::complex (evaluate an expression with gpu::eval first)");
    uk_check_count(s, static_cast<int>(sizeof...(Args)), false);
    static constexpr uk_signature sig = uk_signature_of<Args...>();
    const uk_entry& e = s.entry(sig);
    if constexpr (uk_array_count_v<Args...> > 0) {  // else the outputs were scalars: entry() threw
        const executor where = *uk_arrays_executor(args...);
        if (where == executor::cuda) return uk_run_cuda(s, e, args...);
        if constexpr (std::is_same_v<Host, uk_no_host>) uk_cuda_only(s);
        else host.run(s, args...);
    }
}

// call<O>(inputs...): the one output made with the inputs' broadcast shape.
template <class O, class Host, class... Args>
ndarray<O> uk_call_alloc(uk_state& s, const Host& host, const Args&... inputs) {
    static_assert((uk_valid_arg_v<Args> && ...),
                  "element-wise kernel arguments are gpu::ndarray or C++ scalars: arithmetic, gpu::float16, "
                  "gpu::bfloat16 or std::complex (evaluate an expression with gpu::eval first)");
    static_assert(is_dtype_v<O>,
                  "call<T>: T must be a dtype's C++ type (bool, std::int8_t ... double, gpu::float16, gpu::bfloat16, "
                  "std::complex<float>, std::complex<double>)");
    uk_check_count(s, static_cast<int>(sizeof...(Args)), true);
    static constexpr uk_signature sig = uk_signature_of<Args..., ndarray<O>>();
    const uk_entry& e = s.entry(sig);
    const executor where = uk_arrays_executor(inputs...).value_or(current_executor());
    if constexpr (std::is_same_v<Host, uk_no_host>)
        if (where != executor::cuda) uk_cuda_only(s);
    ndarray<O> out(uk_input_shape(s.params.n_in, inputs...), where);
    if (where == executor::cuda) uk_run_cuda(s, e, inputs..., out);
    else if constexpr (!std::is_same_v<Host, uk_no_host>) host.run(s, inputs..., out);
    return out;
}

}  // namespace gpu::detail

namespace gpu {

// A user element-wise kernel from CUDA C++ text (CuPy's ElementwiseKernel). Copies share the
// compiled kernels. It runs on CUDA arrays only; GPU_ND_ELEMENTWISE_KERNEL defines one that also
// runs on the host executor.
class elementwise_kernel {
public:
    // in_params / out_params: "float32 x, T y" / "T z"; operation: the body run per element;
    // preamble: code placed before the kernel (device functions, #include); options: NVRTC's.
    elementwise_kernel(std::string in_params, std::string out_params, std::string operation, std::string name = "kernel",
                       std::string preamble = "", std::vector<std::string> options = {})
        : s_(detail::make_uk_state(std::move(in_params), std::move(out_params), std::move(operation), std::move(name),
                                   std::move(preamble), std::move(options))) {}

    // k(inputs..., outputs...): inputs broadcast to the outputs' shape.
    template <class... Args>
    void operator()(const Args&... args) const {
        detail::uk_call(*s_, detail::uk_no_host{}, args...);
    }

    // k.call<T>(inputs...): the one output, of dtype T, made with the inputs' broadcast shape.
    template <class O, class... Args>
    ndarray<O> call(const Args&... inputs) const {
        return detail::uk_call_alloc<O>(*s_, detail::uk_no_host{}, inputs...);
    }

    const std::string& name() const noexcept { return s_->name; }
    const std::string& in_params() const noexcept { return s_->in; }
    const std::string& out_params() const noexcept { return s_->out; }
    const std::string& operation() const noexcept { return s_->operation; }
    const std::string& preamble() const noexcept { return s_->preamble; }
    const std::vector<std::string>& options() const noexcept { return s_->options; }
    int nin() const noexcept { return s_->params.n_in; }
    int nout() const noexcept { return s_->params.n - s_->params.n_in; }
    int nargs() const noexcept { return s_->params.n; }

    detail::uk_state& detail_state() const noexcept { return *s_; }

private:
    std::shared_ptr<detail::uk_state> s_;
};

namespace detail {

// The source the cache compiles for arguments of these C++ types in variant v (tests compile it
// without a GPU).
template <class... Args>
kernel_source elementwise_kernel_source(const elementwise_kernel& k, const uk_variant& v) {
    uk_state& s = k.detail_state();
    return s.source(s.entry(uk_signature_of<Args...>()), v);
}

// ---- one definition for both executors (GPU_ND_ELEMENTWISE_KERNEL) ---------------------------

// The type a definition's host code computes with for values of dtype type T: T, except that
// complex values are gnd::complex, the kernels' type (textbook product, Smith's quotient, NumPy's
// functions), not std::complex, so both executors run the same arithmetic. gpu::float16 and
// gpu::bfloat16 are the kernels' gnd types already.
template <class T>
struct uk_host_type {
    using type = T;
};
template <class F>
struct uk_host_type<std::complex<F>> {
    using type = gnd::complex<F>;
};

// What the host code of a definition sees besides its parameters: NumPy's dtype names as types
// (as the kernel's typedefs), and the math functions a kernel calls unqualified (CUDA declares
// them globally; here they are members, found before any other name, that call std's or, for
// gnd::complex, its own, found by argument-dependent lookup as in a kernel).
struct uk_host_scope {
    using int8 = std::int8_t;
    using int16 = std::int16_t;
    using int32 = std::int32_t;
    using int64 = std::int64_t;
    using uint8 = std::uint8_t;
    using uint16 = std::uint16_t;
    using uint32 = std::uint32_t;
    using uint64 = std::uint64_t;
    using float32 = float;
    using float64 = double;
    using float16 = gpu::float16;
    using bfloat16 = gpu::bfloat16;
    using complex64 = gnd::complex<float>;
    using complex128 = gnd::complex<double>;
#define GPU_ND_UK_MATH1(F)  \
    template <class X>      \
    static auto F(X x) {    \
        using std::F;       \
        return F(x);        \
    }
#define GPU_ND_UK_MATH2(F)      \
    template <class X, class Y> \
    static auto F(X x, Y y) {   \
        using std::F;           \
        return F(x, y);         \
    }
    GPU_ND_UK_MATH1(abs) GPU_ND_UK_MATH1(fabs) GPU_ND_UK_MATH1(sqrt) GPU_ND_UK_MATH1(cbrt) GPU_ND_UK_MATH1(exp)
    GPU_ND_UK_MATH1(exp2) GPU_ND_UK_MATH1(expm1) GPU_ND_UK_MATH1(log) GPU_ND_UK_MATH1(log2) GPU_ND_UK_MATH1(log10)
    GPU_ND_UK_MATH1(log1p) GPU_ND_UK_MATH1(sin) GPU_ND_UK_MATH1(cos) GPU_ND_UK_MATH1(tan) GPU_ND_UK_MATH1(asin)
    GPU_ND_UK_MATH1(acos) GPU_ND_UK_MATH1(atan) GPU_ND_UK_MATH1(sinh) GPU_ND_UK_MATH1(cosh) GPU_ND_UK_MATH1(tanh)
    GPU_ND_UK_MATH1(asinh) GPU_ND_UK_MATH1(acosh) GPU_ND_UK_MATH1(atanh) GPU_ND_UK_MATH1(erf) GPU_ND_UK_MATH1(erfc)
    GPU_ND_UK_MATH1(floor) GPU_ND_UK_MATH1(ceil) GPU_ND_UK_MATH1(round) GPU_ND_UK_MATH1(trunc) GPU_ND_UK_MATH1(rint)
    GPU_ND_UK_MATH1(isnan) GPU_ND_UK_MATH1(isinf) GPU_ND_UK_MATH1(isfinite) GPU_ND_UK_MATH1(signbit)
    GPU_ND_UK_MATH2(pow) GPU_ND_UK_MATH2(atan2) GPU_ND_UK_MATH2(fmod) GPU_ND_UK_MATH2(fmin) GPU_ND_UK_MATH2(fmax)
    GPU_ND_UK_MATH2(hypot) GPU_ND_UK_MATH2(copysign)
#undef GPU_ND_UK_MATH1
#undef GPU_ND_UK_MATH2
    template <class X, class Y, class Z>
    static auto fma(X x, Y y, Z z) { return std::fma(x, y, z); }
    // CUDA's min and max take real arithmetic types only: so do these, so that a body compiles on
    // both executors or on neither.
    template <class X, class Y>
    static auto min(X x, Y y) {
        using C = std::common_type_t<X, Y>;
        static_assert(std::is_arithmetic_v<C>, "min / max take real numbers, as CUDA's (float16: float32(x))");
        return C(y) < C(x) ? C(y) : C(x);
    }
    template <class X, class Y>
    static auto max(X x, Y y) {
        using C = std::common_type_t<X, Y>;
        static_assert(std::is_arithmetic_v<C>, "min / max take real numbers, as CUDA's (float16: float32(x))");
        return C(x) < C(y) ? C(y) : C(x);
    }
};

struct uk_unbound;  // the type of a letter no parameter uses

// The types a definition's host code is instantiated with for arguments of these C++ types: the
// same resolution as the run-time check (which has already passed when this code runs).
template <class Text, class... Args>
struct uk_binding {
    static constexpr uk_params params = uk_parse(Text::in(), Text::out());
    static constexpr uk_resolution res = uk_resolve(params, uk_signature_of<Args...>());

    static constexpr int first_with(char L) {
        for (int k = 0; k < params.n; ++k)
            if (params.p[k].letter == L) return k;
        return -1;
    }
    // A placeholder's type is that of its first parameter (the same for all once resolved).
    static constexpr int type_code(int K) {
        return params.p[K].dtype >= 0 ? params.p[K].dtype : res.dtype[first_with(params.p[K].letter)];
    }
    template <int K>
    using param_type = typename uk_host_type<type_of_t<static_cast<dtype>(type_code(K))>>::type;
    template <char L, int K = first_with(L)>
    struct letter_of {
        using type = param_type<K>;
    };
    template <char L>
    struct letter_of<L, -1> {
        using type = uk_unbound;
    };
    template <char L>
    using letter = typename letter_of<L>::type;
};

// Member access by position (structured bindings of a definition's host struct).
template <int N, class H, class F>
void uk_members(H& h, F&& f) {
#define GPU_ND_UK_BIND(COUNT, ...)           \
    if constexpr (N == COUNT) {              \
        auto& [__VA_ARGS__] = h;             \
        f(__VA_ARGS__);                      \
    }
    GPU_ND_UK_BIND(1, a0)
    GPU_ND_UK_BIND(2, a0, a1)
    GPU_ND_UK_BIND(3, a0, a1, a2)
    GPU_ND_UK_BIND(4, a0, a1, a2, a3)
    GPU_ND_UK_BIND(5, a0, a1, a2, a3, a4)
    GPU_ND_UK_BIND(6, a0, a1, a2, a3, a4, a5)
    GPU_ND_UK_BIND(7, a0, a1, a2, a3, a4, a5, a6)
    GPU_ND_UK_BIND(8, a0, a1, a2, a3, a4, a5, a6, a7)
    GPU_ND_UK_BIND(9, a0, a1, a2, a3, a4, a5, a6, a7, a8)
    GPU_ND_UK_BIND(10, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9)
    GPU_ND_UK_BIND(11, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10)
    GPU_ND_UK_BIND(12, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11)
    GPU_ND_UK_BIND(13, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12)
    GPU_ND_UK_BIND(14, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13)
    GPU_ND_UK_BIND(15, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14)
    GPU_ND_UK_BIND(16, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15)
#undef GPU_ND_UK_BIND
}
inline constexpr int uk_max_host_params = 16;

// The host side of a definition: the operation compiled as C++ (the struct the definition's
// factory makes for a binding) run over the elements in C-order, on the same collapsed axes as
// the kernel. Inputs are const members, outputs members loaded from and stored to the arrays.
template <class Text, class Factory>
struct uk_host_runner {
    Factory factory;

    template <class... Args>
    void run(const uk_state& s, const Args&... args) const {
        using B = uk_binding<Text, Args...>;
        // Unreachable for a wrong argument count (checked before, at run time, as for
        // elementwise_kernel), so such a call is not instantiated.
        if constexpr (sizeof...(Args) != B::params.n || uk_array_count_v<Args...> == 0) return;
        else run_checked<B>(s, args...);
    }

    template <class B, class... Args>
    void run_checked(const uk_state& s, const Args&... args) const {
        using H = std::remove_pointer_t<decltype(factory(B{}))>;
        constexpr int K = uk_array_count_v<Args...>;
        const uk_geometry<K> g = uk_geometry_of<K>(s, args...);
        if (g.size == 0) return;
        run_loop<B, H, K>(g, std::index_sequence_for<Args...>{}, args...);
    }

    template <class B, class H, int K, std::size_t... I, class... Args>
    static void run_loop(const uk_geometry<K>& g, std::index_sequence<I...>, const Args&... args) {
        constexpr int n_in = B::params.n_in;
        // The array argument (0..K-1) each parameter reads, or -1 for a scalar.
        constexpr std::array<int, sizeof...(Args)> operand = [] {
            std::array<int, sizeof...(Args)> o{};
            int j = 0, k = 0;
            ((o[k++] = is_ndarray_arg_v<Args> ? j++ : -1), ...);
            return o;
        }();
        const int r = g.shape.size();
        std::array<std::int64_t, K + 1> offs{};
        shape_t index = dims::filled(r, 0);
        const std::int64_t inner = g.shape[r - 1];
        std::int64_t i = 0;
        for (;;) {
            for (std::int64_t t = 0; t < inner; ++t, ++i) {
                H h{{}, value<typename B::template param_type<I>, operand[I]>(args, offs)...};
                h.gnd_run(i);
                uk_members<sizeof...(Args)>(h, [&](auto&... m) {
                    (store<(static_cast<int>(I) >= n_in), operand[I]>(m, args, offs), ...);
                });
                for (int k = 0; k < K; ++k) offs[k] += g.st[k][r - 1];
            }
            for (int k = 0; k < K; ++k) offs[k] -= inner * g.st[k][r - 1];
            int d = r - 2;
            for (; d >= 0; --d) {
                for (int k = 0; k < K; ++k) offs[k] += g.st[k][d];
                if (++index[d] < g.shape[d]) break;
                for (int k = 0; k < K; ++k) offs[k] -= g.shape[d] * g.st[k][d];
                index[d] = 0;
            }
            if (d < 0) return;
        }
    }

    // A parameter's value: the array element at its offset (of the parameter's dtype: only
    // std::complex becomes gnd::complex), or the scalar converted.
    template <class P, int J, class A, std::size_t N>
    static P value(const A& a, const std::array<std::int64_t, N>& offs) {
        if constexpr (J >= 0) return gnd::cast<P>(a.data()[offs[J]]);
        else return gnd::cast<P>(a);
    }

    template <bool Output, int J, class M, class A, std::size_t N>
    static void store(const M& m, const A& a, const std::array<std::int64_t, N>& offs) {
        if constexpr (Output && J >= 0) a.data()[offs[J]] = gnd::cast<typename A::value_type>(m);
    }
};

// A kernel defined once for both executors. Called like elementwise_kernel: CUDA arrays run the
// kernel compiled from the operation's text, host-executor arrays run the same operation
// compiled as C++.
template <class Text, class Factory>
class elementwise_definition {
    static constexpr uk_params params = uk_parse(Text::in(), Text::out());
    static_assert(params.error != uk_parse_error::syntax, "GPU_ND_ELEMENTWISE_KERNEL: a parameter is not 'type name'");
    static_assert(params.error != uk_parse_error::unknown_type,
                  "GPU_ND_ELEMENTWISE_KERNEL: parameter types are dtype names (bool, int8 ... float64, float16, "
                  "bfloat16, complex64, complex128) or one capital letter (a type placeholder)");
    static_assert(params.error == uk_parse_error::none, "GPU_ND_ELEMENTWISE_KERNEL: bad parameter list");
    static_assert(params.n <= uk_max_host_params, "GPU_ND_ELEMENTWISE_KERNEL: at most 16 parameters");

public:
    explicit elementwise_definition(Factory f)
        : kernel_(Text::in(), Text::out(), Text::body(), Text::name()), host_{f} {}

    template <class... Args>
    void operator()(const Args&... args) const {
        detail::uk_call(kernel_.detail_state(), host_, args...);
    }

    template <class O, class... Args>
    ndarray<O> call(const Args&... inputs) const {
        return detail::uk_call_alloc<O>(kernel_.detail_state(), host_, inputs...);
    }

    // The CUDA side, an ordinary elementwise_kernel.
    const elementwise_kernel& kernel() const noexcept { return kernel_; }
    const std::string& name() const noexcept { return kernel_.name(); }

private:
    elementwise_kernel kernel_;
    uk_host_runner<Text, Factory> host_;
};

template <class Text, class Factory>
elementwise_definition<Text, Factory> make_elementwise_definition(Factory f) {
    return elementwise_definition<Text, Factory>(f);
}

}  // namespace detail
}  // namespace gpu

// ---- the macro -----------------------------------------------------------------------------------

#define GPU_ND_UK_STRING(...) #__VA_ARGS__
#define GPU_ND_UK_UNPAREN(...) __VA_ARGS__
#define GPU_ND_UK_PARENS ()
#define GPU_ND_UK_EXPAND(...) GPU_ND_UK_EXPAND3(GPU_ND_UK_EXPAND3(GPU_ND_UK_EXPAND3(GPU_ND_UK_EXPAND3(__VA_ARGS__))))
#define GPU_ND_UK_EXPAND3(...) GPU_ND_UK_EXPAND2(GPU_ND_UK_EXPAND2(GPU_ND_UK_EXPAND2(GPU_ND_UK_EXPAND2(__VA_ARGS__))))
#define GPU_ND_UK_EXPAND2(...) GPU_ND_UK_EXPAND1(GPU_ND_UK_EXPAND1(GPU_ND_UK_EXPAND1(GPU_ND_UK_EXPAND1(__VA_ARGS__))))
#define GPU_ND_UK_EXPAND1(...) __VA_ARGS__
// "Q type name;" for each "type name" of a list.
#define GPU_ND_UK_MEMBERS(Q, LIST) GPU_ND_UK_MEMBERS_I(Q, GPU_ND_UK_UNPAREN LIST)
#define GPU_ND_UK_MEMBERS_I(Q, ...) __VA_OPT__(GPU_ND_UK_EXPAND(GPU_ND_UK_MEMBER_STEP(Q, __VA_ARGS__)))
#define GPU_ND_UK_MEMBER_STEP(Q, first, ...) Q first; __VA_OPT__(GPU_ND_UK_MEMBER_AGAIN GPU_ND_UK_PARENS(Q, __VA_ARGS__))
#define GPU_ND_UK_MEMBER_AGAIN() GPU_ND_UK_MEMBER_STEP
#define GPU_ND_UK_LETTER(BINDING, LTR) using LTR [[maybe_unused]] = typename BINDING::template letter<#LTR[0]>;
#define GPU_ND_UK_LETTERS(BINDING)                                                                                 \
    GPU_ND_UK_LETTER(BINDING, A) GPU_ND_UK_LETTER(BINDING, B) GPU_ND_UK_LETTER(BINDING, C)                         \
    GPU_ND_UK_LETTER(BINDING, D) GPU_ND_UK_LETTER(BINDING, E) GPU_ND_UK_LETTER(BINDING, F)                         \
    GPU_ND_UK_LETTER(BINDING, G) GPU_ND_UK_LETTER(BINDING, H) GPU_ND_UK_LETTER(BINDING, I)                         \
    GPU_ND_UK_LETTER(BINDING, J) GPU_ND_UK_LETTER(BINDING, K) GPU_ND_UK_LETTER(BINDING, L)                         \
    GPU_ND_UK_LETTER(BINDING, M) GPU_ND_UK_LETTER(BINDING, N) GPU_ND_UK_LETTER(BINDING, O)                         \
    GPU_ND_UK_LETTER(BINDING, P) GPU_ND_UK_LETTER(BINDING, Q) GPU_ND_UK_LETTER(BINDING, R)                         \
    GPU_ND_UK_LETTER(BINDING, S) GPU_ND_UK_LETTER(BINDING, T) GPU_ND_UK_LETTER(BINDING, U)                         \
    GPU_ND_UK_LETTER(BINDING, V) GPU_ND_UK_LETTER(BINDING, W) GPU_ND_UK_LETTER(BINDING, X)                         \
    GPU_ND_UK_LETTER(BINDING, Y) GPU_ND_UK_LETTER(BINDING, Z)

// GPU_ND_ELEMENTWISE_KERNEL(name, (in params), (out params), operation...) defines `name`, an
// element-wise kernel whose operation is written once: its text is the CUDA kernel's (as for
// gpu::elementwise_kernel) and the same tokens are compiled here as C++ for the host executor.
// Parameters as elementwise_kernel's; type placeholders are one capital letter. The operation
// may use its parameters, `i`, the placeholders, the dtype names as types and the usual math
// functions (sqrt, exp, pow, min, max, ...); not CUDA-only functions or device variables.
// Usable at namespace or block scope.
#define GPU_ND_ELEMENTWISE_KERNEL(NAME, IN, OUT, ...)                                                              \
    struct NAME##_gnd_text {                                                                                       \
        static constexpr const char* name() { return #NAME; }                                                      \
        static constexpr const char* in() { return GPU_ND_UK_STRING IN; }                                          \
        static constexpr const char* out() { return GPU_ND_UK_STRING OUT; }                                        \
        static constexpr const char* body() { return #__VA_ARGS__; }                                               \
    };                                                                                                             \
    const auto NAME = ::gpu::detail::make_elementwise_definition<NAME##_gnd_text>([](auto gnd_binding) {          \
        using gnd_binding_t = decltype(gnd_binding);                                                               \
        GPU_ND_UK_LETTERS(gnd_binding_t)                                                                           \
        struct gnd_host : ::gpu::detail::uk_host_scope {                                                           \
            GPU_ND_UK_MEMBERS(const, IN)                                                                           \
            GPU_ND_UK_MEMBERS(, OUT)                                                                               \
            void gnd_run([[maybe_unused]] long long i) { __VA_ARGS__; }                                            \
        };                                                                                                         \
        return static_cast<gnd_host*>(nullptr);                                                                    \
    })
