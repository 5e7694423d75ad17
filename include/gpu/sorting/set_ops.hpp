#pragma once
// NumPy's set routines, from the sort, unique and searchsorted of this family and the library's
// element-wise, mask and join operations (so both executors run the same steps):
//   gpu::isin(element, test_elements, invert = false)  bool, element's shape
//   gpu::union1d(a, b), intersect1d(a, b), setdiff1d(a, b), setxor1d(a, b)   sorted, 1-D
// Inputs are flattened. isin compares in the common dtype (searchsorted in the sorted test
// elements); the others take two arrays of one dtype. NaN is never equal to NaN here, as in
// NumPy's isin and intersect1d. intersect1d(a, b, return_indices = true) also gives the first
// positions of the common values in each input. Not yet: assume_unique.
#include <cstdint>
#include <optional>

#include "gpu/manip/join.hpp"
#include "gpu/sorting/searchsorted.hpp"
#include "gpu/sorting/sort.hpp"
#include "gpu/sorting/unique.hpp"

namespace gpu {

// np.isin(element, test_elements, invert=False).
template <expression E, expression F>
ndarray<bool> isin(const E& element, const F& test_elements, bool invert = false) {
    const auto a = detail::unique_operand(element);
    const auto t = detail::unique_operand(test_elements);
    ndarray<bool> out(a.shape(), a.where());
    if (t.size() == 0) {
        out.assign(invert);
        return out;
    }
    const auto s = gpu::sort(t, none);
    const ndarray<std::int64_t> pos = gpu::minimum(gpu::searchsorted(s, a), std::int64_t{t.size() - 1});
    const auto found = gpu::take(s, pos.reshape(shape_t{pos.size()})).reshape(a.shape());
    if (invert) out.assign(found != a);
    else out.assign(found == a);
    return out;
}

// np.union1d(a, b): the sorted values in either.
template <class T>
ndarray<T> union1d(const ndarray<T>& a, const ndarray<T>& b) {
    return gpu::unique(gpu::concatenate({a, b}, std::nullopt));
}

// np.intersect1d(a, b): the sorted values in both.
template <class T>
ndarray<T> intersect1d(const ndarray<T>& a, const ndarray<T>& b) {
    const ndarray<T> aux = gpu::sort(gpu::concatenate({gpu::unique(a), gpu::unique(b)}, std::nullopt));
    const std::int64_t n = aux.size();
    if (n < 2) return ndarray<T>(shape_t{0}, aux.where());
    const ndarray<T> head = aux(gpu::slice(0, n - 1));
    const ndarray<bool> same = aux(gpu::slice(1, n)) == head;
    return head[same];
}

template <class T>
struct intersect1d_result {
    ndarray<T> values;
    ndarray<std::int64_t> indices1, indices2;  // first positions in the flattened a and b
};

// np.intersect1d(a, b, return_indices=True).
template <class T>
intersect1d_result<T> intersect1d(const ndarray<T>& a, const ndarray<T>& b, bool return_indices) {
    intersect1d_result<T> r;
    if (!return_indices) {
        r.values = gpu::intersect1d(a, b);
        return r;
    }
    const auto ua = gpu::unique(a, true, false, false), ub = gpu::unique(b, true, false, false);
    const ndarray<T> aux = gpu::concatenate({ua.values, ub.values}, std::nullopt);
    const std::int64_t n = aux.size(), na = ua.values.size();
    if (n < 2) {
        r.values = ndarray<T>(shape_t{0}, aux.where());
        r.indices1 = r.indices2 = ndarray<std::int64_t>(shape_t{0}, aux.where());
        return r;
    }
    const ndarray<std::int64_t> perm = gpu::argsort(aux);
    const ndarray<T> s = gpu::take(aux, perm);
    const ndarray<bool> same = s(gpu::slice(1, n)) == s(gpu::slice(0, n - 1));
    r.values = ndarray<T>(s(gpu::slice(0, n - 1)))[same];
    const ndarray<std::int64_t> from_a = ndarray<std::int64_t>(perm(gpu::slice(0, n - 1)))[same];
    const ndarray<std::int64_t> from_b = ndarray<std::int64_t>(perm(gpu::slice(1, n)))[same];
    r.indices1 = gpu::take(ua.indices, from_a);
    r.indices2 = gpu::take(ub.indices, ndarray<std::int64_t>(from_b - na));
    return r;
}

// np.setdiff1d(a, b): the sorted unique values of a that are not in b.
template <class T>
ndarray<T> setdiff1d(const ndarray<T>& a, const ndarray<T>& b) {
    const ndarray<T> ua = gpu::unique(a);
    return ua[gpu::isin(ua, b, true)];
}

// np.setxor1d(a, b): the sorted values in exactly one of a and b.
template <class T>
ndarray<T> setxor1d(const ndarray<T>& a, const ndarray<T>& b) {
    const ndarray<T> aux = gpu::sort(gpu::concatenate({gpu::unique(a), gpu::unique(b)}, std::nullopt));
    const std::int64_t n = aux.size();
    if (n < 2) return aux;
    // flag[i]: aux[i] differs from aux[i - 1] (true at both ends); keep i when flag[i] && flag[i + 1].
    ndarray<bool> flag(shape_t{n + 1}, aux.where());
    flag(gpu::slice(0, 1)) = true;
    flag(gpu::slice(n, n + 1)) = true;
    flag(gpu::slice(1, n)) = aux(gpu::slice(1, n)) != aux(gpu::slice(0, n - 1));
    const ndarray<bool> keep = flag(gpu::slice(0, n)) && flag(gpu::slice(1, n + 1));
    return aux[keep];
}

}  // namespace gpu
