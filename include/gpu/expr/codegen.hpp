#pragma once
// The device functor of an expression type: the only kernel text that depends on the
// expression. Element-wise kernels (exec/elementwise_kernels.hpp) and reductions
// (reductions/kernels.hpp) are fixed templates over it, instantiated by NVRTC name expressions.
// Runs only on a kernel-cache miss, so building strings here costs nothing on the hot path.
//
// The functor `gnd_expr` of an expression with arrays 0..n-1 and scalars 0..m-1:
//   typedef R out_t;  static constexpr int n;        the value type and the array count
//   const T0* p0; ...; S0 c0; ...                     members: the arrays' first elements, then
//                                                     the scalars (the launch packs them so)
//   template <class I> out_t at(const I* o)           the element whose array k is at offset o[k]
//   template <int V> struct regs                      V consecutive values of every array
//   load<V>(regs&, const I* o, unsigned vmask)        array k moves as a vector from o[k] when bit
//                                                     k of vmask is set, else broadcasts p[o[k]]
//   eval<V>(const regs&, int j)                       element j of those V
//   template <int T> struct tile                      a T x (T + 1) shared tile per array
//   load_tile<T, P>(tile&, regs<1>* a, r0, c0, ...)   the tile at (r0, c0): arrays in mask into
//                                                     the shared tile, the others into a[0..P)
//   eval_tiled(const tile&, r, c, const regs<1>&, mask)   arrays in mask from tile[r][c], the
//                                                     others from the registers
// An index_leaf "array" has no memory: its value at offset o is o itself (as on the host).
#include <string>
#include <vector>

#include "gpu/core/dtype.hpp"
#include "gpu/core/inline.hpp"
#include "gpu/expr/nodes.hpp"

namespace gpu::detail {

// Collects what the expression's emit() declares: array and scalar parameters, and the scalar
// operations it calls (each defined once in the source).
struct source_builder {
    std::vector<std::string> array_types, scalar_types;
    std::vector<bool> index_arrays;  // true where the "array" is an index_leaf: no loads
    std::vector<const char*> op_sources;

    // Each returns the name the expression text uses: "v<k>" for array k, "c<j>" for scalar j.
    GPU_ND_INLINE std::string add_array(const char* type);
    GPU_ND_INLINE std::string add_index();
    GPU_ND_INLINE std::string add_scalar(const char* type);
    GPU_ND_INLINE void use_op(const char* source);
};

// The scalar operations an expression calls (shared texts, for kernel_unit) and its functor.
struct expression_text {
    std::string ops;
    std::string functor;
};

// The struct gnd_expr described at the top, for the arrays and scalars of `g`, whose value is
// `expr` converted to out_t.
GPU_ND_INLINE std::string functor_source(const source_builder& g, const std::string& expr, const std::string& out_t);

// The operations and functor of what an expression's emit() wrote into `g` and `expr`.
GPU_ND_INLINE expression_text expression_text_of(const source_builder& g, const std::string& expr, const char* out_t);

// The functor and operations of expression type E (its value type is out_t; a node whose value
// is not a dtype, as the two results of expr/multi_output.hpp, names it with out_name()).
template <class E>
expression_text expression_source() {
    source_builder g;
    std::string expr;
    E::emit(g, expr);
    if constexpr (requires { E::out_name(); }) return expression_text_of(g, expr, E::out_name());
    else return expression_text_of(g, expr, cuda_type_name<typename E::value_type>());
}

}  // namespace gpu::detail

#if !defined(GPU_NDARRAY_SEPARATE_COMPILATION)
#include "gpu/expr/codegen.ipp"
#endif
