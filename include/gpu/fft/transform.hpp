#pragma once
// The transform engine under every gpu::fft function: the input made ready in one element-wise
// pass (cropped or zero-padded to the transform lengths, converted to the compute dtype, the
// norm factor folded in, an expression evaluated straight into it), then complex-to-complex,
// real-to-complex or complex-to-real transforms over a set of axes, on either executor.
//
//   GPU: cuFFT (cufft_plans.hpp). The axes go to one plan in groups of up to three, laid out
//     with cuFFT's advanced layout (embeddings, element stride, batch distance), so a strided
//     or transposed array, a cropped view or a non-trailing axis is read in place; batch axes
//     that do not merge into one become a short loop of executions of the same plan. Only a
//     layout cuFFT cannot describe (negative strides, a long loop) is copied first, once.
//   host: host_fft.hpp, one axis at a time, line by line in double.
//
// NumPy's irfft ignores the imaginary parts of the zero-frequency term and (n even) of the
// Nyquist term; both executors do too. Complex-to-real inputs are always a private copy (cuFFT's
// C2R overwrites its input).
#include <algorithm>
#include <complex>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "gpu/containers/ndarray.hpp"
#include "gpu/exec/eval.hpp"
#include "gpu/expr/operators.hpp"
#include "gpu/fft/args.hpp"
#include "gpu/fft/cufft_plans.hpp"
#include "gpu/fft/host_fft.hpp"
#include "gpu/kernel/launch.hpp"
#include "gpu/views/reshape.hpp"
#include "gpu/views/transpose.hpp"

namespace gpu::fft::detail {

using gpu::detail::as_node;

template <class E>
using value_t = typename decltype(as_node(std::declval<const E&>()))::value_type;

// a's elements [start, stop) along axis, as a view.
template <class V>
ndarray<V> axis_range(const ndarray<V>& a, int axis, std::int64_t start, std::int64_t stop) {
    shape_t s = a.shape();
    s[axis] = stop - start;
    return gpu::detail::view_of(a, s, a.strides(), a.offset() + start * a.strides()[axis]);
}

// The leading part of a (shape `s`, each extent at most a's), as a view.
template <class V>
ndarray<V> leading_view(const ndarray<V>& a, const shape_t& s) {
    return gpu::detail::view_of(a, s, a.strides(), a.offset());
}

template <class V>
struct real_part {
    using type = V;
};
template <class F>
struct real_part<std::complex<F>> {
    using type = F;
};

template <class V>
struct prepared {
    ndarray<V> a;
    bool fresh = false;  // a new C-contiguous array (a transform may run in place on it)
};

// The input of a transform: `e` cropped or zero-padded to `want`, as V, times `fct`. A plain V
// array that needs neither padding nor scaling (nor a private copy) is used as it is (a view
// when cropped); everything else is one element-wise pass into a new array (plus zeroing the
// padded slabs).
template <class V, class E>
prepared<V> prepare(const E& e, const shape_t& want, double fct, bool need_private) {
    const auto node = as_node(e);
    const shape_t have = node.shape();
    bool pad = false, crop = false;
    shape_t common = want;
    for (int d = 0; d < want.size(); ++d) {
        pad |= want[d] > have[d];
        crop |= want[d] < have[d];
        common[d] = std::min(want[d], have[d]);
    }
    using F = typename real_part<V>::type;
    if constexpr (is_ndarray_v<E> && std::is_same_v<value_t<E>, V>) {
        if (!pad && fct == 1.0 && !need_private) return {crop ? leading_view(e, want) : e, false};
    }
    prepared<V> p{ndarray<V>(want, gpu::detail::executor_of(node)), true};
    if (p.a.size() == 0) return p;
    for (int d = 0; d < want.size(); ++d)
        if (want[d] > have[d]) axis_range(p.a, d, have[d], want[d]).assign(0);
    ndarray<V> head = pad ? leading_view(p.a, common) : p.a;
    if (size_of(common) == 0) return p;
    auto write = [&](const auto& src) {
        if (fct == 1.0) head.assign(gpu::astype<V>(src));
        else head.assign(gpu::astype<V>(src) * static_cast<F>(fct));
    };
    if constexpr (is_ndarray_v<E>) {
        write(crop ? leading_view(e, common) : e);
    } else if (crop) {
        write(leading_view(gpu::eval(e), common));  // an expression cannot be sliced: evaluate it first
    } else {
        write(e);
    }
    return p;
}

// ---------------------------------------------------------------------------------------------
// Host executor: one axis at a time, each line gathered into double, transformed, scattered.
// ---------------------------------------------------------------------------------------------

// Calls fn(src_line, dst_line) for every line along `axis` (src and dst agree on other axes).
template <class S, class D, class Fn>
void for_each_line(const ndarray<S>& src, const ndarray<D>& dst, int axis, Fn&& fn) {
    const shape_t& sh = dst.shape();
    const int nd = sh.size();
    for (int d = 0; d < nd; ++d)
        if (d != axis && sh[d] == 0) return;
    dims idx = dims::filled(nd, 0);
    for (;;) {
        std::int64_t so = 0, dof = 0;
        for (int d = 0; d < nd; ++d) so += idx[d] * src.strides()[d], dof += idx[d] * dst.strides()[d];
        fn(src.data() + so, dst.data() + dof);
        int d = nd - 1;
        for (; d >= 0; --d) {
            if (d == axis) continue;
            if (++idx[d] < sh[d]) break;
            idx[d] = 0;
        }
        if (d < 0) return;
    }
}

enum class kind { c2c, r2c, c2r };

// One axis on the host: c2c (src, dst complex), r2c (src real), c2r (dst real, length n).
template <class S, class D>
void host_axis(kind k, const ndarray<S>& src, const ndarray<D>& dst, int axis, bool forward) {
    const std::int64_t n = k == kind::r2c ? src.shape()[axis] : dst.shape()[axis];
    const std::int64_t in_len = src.shape()[axis], out_len = dst.shape()[axis];
    const std::int64_t ss = src.strides()[axis], ds = dst.strides()[axis];
    const auto plan = host_plan_for(n);
    std::vector<cd> buf(static_cast<std::size_t>(n)), scratch(static_cast<std::size_t>(plan->scratch_size()));
    for_each_line(src, dst, axis, [&](const S* in, D* out) {
        if (k == kind::c2r) {
            // The Hermitian completion NumPy's irfft assumes, from the first n/2 + 1 terms.
            buf[0] = cd(static_cast<double>(std::real(in[0])), 0.0);
            for (std::int64_t j = 1; j < in_len && j <= n / 2; ++j) {
                const cd x(static_cast<double>(std::real(in[j * ss])), static_cast<double>(std::imag(in[j * ss])));
                buf[j] = (2 * j == n) ? cd(x.real(), 0.0) : x;
                if (2 * j != n) buf[n - j] = std::conj(x);
            }
        } else {
            for (std::int64_t j = 0; j < n; ++j) {
                if constexpr (gpu::detail::is_std_complex<S>::value)
                    buf[j] = cd(static_cast<double>(in[j * ss].real()), static_cast<double>(in[j * ss].imag()));
                else
                    buf[j] = cd(static_cast<double>(in[j * ss]), 0.0);
            }
        }
        host_transform(*plan, buf.data(), scratch.data(), forward);
        for (std::int64_t j = 0; j < out_len; ++j) {
            if constexpr (gpu::detail::is_std_complex<D>::value) {
                using F = typename D::value_type;
                out[j * ds] = D(static_cast<F>(buf[j].real()), static_cast<F>(buf[j].imag()));
            } else {
                out[j * ds] = static_cast<D>(buf[j].real());
            }
        }
    });
}

// ---------------------------------------------------------------------------------------------
// GPU: cuFFT groups of up to three axes in advanced layout.
// ---------------------------------------------------------------------------------------------

template <class F>
constexpr cufftType cufft_type(kind k) {
    constexpr bool d = std::is_same_v<F, double>;
    return k == kind::c2c ? (d ? CUFFT_Z2Z : CUFFT_C2C) : k == kind::r2c ? (d ? CUFFT_D2Z : CUFFT_R2C) : (d ? CUFFT_Z2D : CUFFT_C2R);
}

// Executions of one plan whose batch axes did not merge into one: at most this many, else copy.
inline constexpr std::int64_t max_plan_loop = 64;

struct cufft_layout {
    cufft_key key;
    shape_t loop;             // outer batch axes run as a loop of executions
    strides_t loop_in, loop_out;
};

// The advanced layout of a transform over `axes` (outermost first) of src -> dst, or false.
inline bool plan_layout(const shape_t& ish, const strides_t& ist, const shape_t& osh, const strides_t& ost,
                        const dims& axes, const long long* n, cufft_layout& L) {
    const int r = axes.size();
    cufft_key& k = L.key;
    k.rank = r;
    for (int j = 0; j < r; ++j) {
        const int a = static_cast<int>(axes[j]);
        if (ist[a] <= 0 || ost[a] <= 0) return false;
        k.n[j] = n[j];
        k.inembed[j] = ish[a];
        k.onembed[j] = osh[a];
    }
    k.istride = ist[axes[r - 1]];
    k.ostride = ost[axes[r - 1]];
    for (int j = r - 1; j >= 1; --j) {
        const std::int64_t si = ist[axes[j - 1]], sj = ist[axes[j]], so = ost[axes[j - 1]], soj = ost[axes[j]];
        if (si % sj || so % soj) return false;
        if (si / sj < ish[axes[j]] || so / soj < osh[axes[j]]) return false;
        k.inembed[j] = si / sj;
        k.onembed[j] = so / soj;
    }
    // The batch: every other axis of extent > 1, ordered by output stride, merged where both
    // layouts allow.
    struct bax {
        std::int64_t ext, si, so;
    };
    bax b[max_ndim], m[max_ndim];  // fixed arrays: no allocation per call
    int nb = 0, nm = 0;
    for (int d = 0; d < ish.size(); ++d) {
        bool t = false;
        for (std::int64_t a : axes) t |= a == d;
        if (!t && ish[d] > 1) {
            if (ist[d] <= 0 || ost[d] <= 0) return false;
            b[nb++] = {ish[d], ist[d], ost[d]};
        }
    }
    std::sort(b, b + nb, [](const bax& x, const bax& y) { return x.so > y.so; });
    for (int i = 0; i < nb; ++i) {
        const bax& x = b[i];
        if (nm && m[nm - 1].si == x.si * x.ext && m[nm - 1].so == x.so * x.ext) m[nm - 1] = {m[nm - 1].ext * x.ext, x.si, x.so};
        else m[nm++] = x;
    }
    k.batch = 1;
    k.idist = k.istride * k.inembed[0];
    for (int j = 1; j < r; ++j) k.idist *= k.inembed[j];
    k.odist = k.ostride * k.onembed[0];
    for (int j = 1; j < r; ++j) k.odist *= k.onembed[j];
    L.loop = shape_t{};
    L.loop_in = strides_t{};
    L.loop_out = strides_t{};
    if (nm == 0) return true;
    int pick = 0;  // the longest batch axis goes to cuFFT, the others loop
    for (int i = 1; i < nm; ++i)
        if (m[i].ext > m[pick].ext) pick = i;
    k.batch = m[pick].ext;
    k.idist = m[pick].si;
    k.odist = m[pick].so;
    std::int64_t count = 1;
    for (int i = 0; i < nm; ++i)
        if (i != pick) {
            L.loop.push_back(m[i].ext);
            L.loop_in.push_back(m[i].si);
            L.loop_out.push_back(m[i].so);
            count *= m[i].ext;
        }
    return count <= max_plan_loop;
}

// One cuFFT plan over `axes` (outermost first; for r2c / c2r the last is the halved axis, of
// logical length n_last). Returns false (nothing done) when the layout does not fit cuFFT.
template <class S, class D>
bool cufft_group(kind kd, const ndarray<S>& src, const ndarray<D>& dst, const dims& axes, std::int64_t n_last,
                 bool forward) {
    using Fr = typename real_part<S>::type;
    long long n[3];
    for (int j = 0; j < axes.size(); ++j) n[j] = dst.shape()[axes[j]];
    if (kd != kind::c2c) n[axes.size() - 1] = n_last;
    cufft_layout L;
    if (!plan_layout(src.shape(), src.strides(), dst.shape(), dst.strides(), axes, n, L)) return false;
    // cuFFT refuses (CUFFT_INVALID_VALUE) a real array not aligned to a complex element: the
    // base and every looped execution's start must be.
    if (kd != kind::c2c) {
        const bool real_src = kd == kind::r2c;
        const void* base = real_src ? static_cast<const void*>(src.data()) : static_cast<const void*>(dst.data());
        if (reinterpret_cast<std::uintptr_t>(base) % (2 * sizeof(Fr))) return false;
        for (std::int64_t st : real_src ? L.loop_in : L.loop_out)
            if (st % 2) return false;
    }
    L.key.type = cufft_type<Fr>(kd);
    const cufft_plan& plan = cufft_plan_for(L.key);
    gpu::detail::note_stream_use(src), gpu::detail::note_stream_use(dst);
    const cufft_call call(plan);
    dims idx = dims::filled(L.loop.size(), 0);
    for (;;) {
        std::int64_t oi = 0, oo = 0;
        for (int d = 0; d < L.loop.size(); ++d) oi += idx[d] * L.loop_in[d], oo += idx[d] * L.loop_out[d];
        cufft_exec(call, L.key.type, src.data() + oi, dst.data() + oo, forward);
        int d = L.loop.size() - 1;
        for (; d >= 0; --d) {
            if (++idx[d] < L.loop[d]) break;
            idx[d] = 0;
        }
        if (d < 0) break;
    }
    if (gpu::detail::sync_launches() && !gpu::detail::capturing_now()) gpu::detail::cuda_check(cudaStreamSynchronize(gpu::detail::current_stream()), "fft (cuFFT)");
    return true;
}

// cufft_group, copying first when cuFFT cannot read the layout: src is copied with `axes` moved
// last (C-contiguous), transformed into a temporary of that order, copied into dst.
template <class S, class D>
void cufft_group_or_copy(kind kd, const ndarray<S>& src, const ndarray<D>& dst, const dims& axes, std::int64_t n_last,
                         bool forward) {
    if (cufft_group(kd, src, dst, axes, n_last, forward)) return;
    const int nd = src.ndim(), r = axes.size();
    dims perm;
    for (int d = 0; d < nd; ++d) {
        bool t = false;
        for (std::int64_t a : axes) t |= a == d;
        if (!t) perm.push_back(d);
    }
    for (std::int64_t a : axes) perm.push_back(a);
    const ndarray<S> s2 = src.transpose(perm).copy();
    shape_t dsh;
    for (std::int64_t p : perm) dsh.push_back(dst.shape()[p]);
    ndarray<D> d2(dsh, executor::cuda);
    dims last;
    for (int j = nd - r; j < nd; ++j) last.push_back(j);
    if (!cufft_group(kd, s2, d2, last, n_last, forward)) throw error("fft: no cuFFT layout for a contiguous array (a bug)");
    dst.transpose(perm).assign(d2);
}

// ---------------------------------------------------------------------------------------------
// The transforms over a set of axes (unique, normalized), on the executor of the arrays.
// ---------------------------------------------------------------------------------------------

// Axes ordered by dst stride, outermost first (dst is always C-contiguous: by axis number),
// length-1 axes dropped (their transform is the identity).
template <class D>
dims ordered_axes(const ndarray<D>& dst, const dims& axes) {
    dims r;
    for (int d = 0; d < dst.ndim(); ++d)
        for (std::int64_t a : axes)
            if (a == d && dst.shape()[d] > 1) r.push_back(d);
    return r;
}

// src -> dst (the same array for in place), complex to complex.
template <class C>
void c2c(const ndarray<C>& src, ndarray<C> dst, const dims& axes, bool forward) {
    const dims ax = ordered_axes(dst, axes);
    if (dst.size() == 0) return;
    if (ax.empty()) {
        if (src.data() != dst.data()) dst.assign(src);
        return;
    }
    if (dst.where() == executor::host) {
        for (int j = ax.size() - 1; j >= 0; --j) host_axis(kind::c2c, j == ax.size() - 1 ? src : dst, dst, static_cast<int>(ax[j]), forward);
        return;
    }
    // Groups of three from the innermost axis: the first reads src, the others work in place.
    bool first = true;
    for (int end = ax.size(); end > 0; end -= 3) {
        const int begin = std::max(0, end - 3);
        dims g;
        for (int j = begin; j < end; ++j) g.push_back(ax[j]);
        cufft_group_or_copy(kind::c2c, first ? src : dst, dst, g, 0, forward);
        first = false;
    }
}

// Real src -> complex dst; `axes` in NumPy's order, the last one halved (dst length n/2 + 1).
template <class F>
void r2c(const ndarray<F>& src, const ndarray<std::complex<F>>& dst, const dims& axes) {
    if (dst.size() == 0) return;
    const int h = static_cast<int>(axes[axes.size() - 1]);
    dims others;
    for (int j = 0; j + 1 < axes.size(); ++j) others.push_back(axes[j]);
    if (dst.where() == executor::host) {
        host_axis(kind::r2c, src, dst, h, true);
        c2c(dst, dst, others, true);
        return;
    }
    if (src.shape()[h] == 1) {  // one point: its transform is itself (and cuFFT wants n >= 2)
        gpu::ndarray<std::complex<F>>(dst).assign(gpu::astype<std::complex<F>>(src));
        return c2c(dst, dst, others, true);
    }
    // All axes in one plan when the halved axis is the innermost of them in src.
    dims all = ordered_axes(dst, others);
    all.push_back(h);
    bool inner = all.size() <= 3;
    for (int j = 0; j + 1 < all.size() && inner; ++j) inner = src.strides()[all[j]] > src.strides()[h];
    if (inner && all.size() > 1 && cufft_group(kind::r2c, src, dst, all, src.shape()[h], true)) return;
    cufft_group_or_copy(kind::r2c, src, dst, dims{h}, src.shape()[h], true);
    c2c(dst, dst, others, true);
}

// Complex src (private: overwritten) -> real dst; inverse over the other axes first, then the
// halved axis, as NumPy's irfftn.
template <class F>
void c2r(const ndarray<std::complex<F>>& src, const ndarray<F>& dst, const dims& axes) {
    if (dst.size() == 0) return;
    const int h = static_cast<int>(axes[axes.size() - 1]);
    dims others;
    for (int j = 0; j + 1 < axes.size(); ++j) others.push_back(axes[j]);
    c2c(src, src, others, false);
    if (dst.where() == executor::host) return host_axis(kind::c2r, src, dst, h, false);
    const std::int64_t n = dst.shape()[h];
    if (n == 1) {  // one point: the real part of the zero-frequency term
        gpu::ndarray<F>(dst).assign(gpu::real(axis_range(src, h, 0, 1)));
        return;
    }
    // What the host's Hermitian completion does: the imaginary parts cuFFT must not see.
    axis_range(src, h, 0, 1).imag().assign(0);
    if (n % 2 == 0 && n / 2 < src.shape()[h]) axis_range(src, h, n / 2, n / 2 + 1).imag().assign(0);
    cufft_group_or_copy(kind::c2r, src, dst, dims{h}, n, false);
}

}  // namespace gpu::fft::detail
