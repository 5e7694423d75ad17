// Layouts: every dtype over 0-d, empty, broadcast, transposed, stepped, reversed, stride-0,
// mixed and high-rank operands, checked against a hand-written loop over NumPy's semantics
// (broadcasting with size-1 stretching, views addressed as offset + sum(index * stride)).
// Each body runs once per available executor (host always, cuda when present) and the GPU
// must give exactly what the host executor gives.
#include "support.hpp"

#include <algorithm>
#include <functional>
#include <cstdint>
#include <numeric>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

using gpu_test::host_values;
using gpu_test::make;
using gpu_test::same_on_every_executor;
using gpu_test::view;

// ---- values ---------------------------------------------------------------------------------

// Deterministic, exactly representable values of every dtype (no overflow under + for small i).
template <class T>
T val(std::int64_t i) {
    if constexpr (std::is_same_v<T, bool>) return i % 3 == 1;
    else if constexpr (std::is_floating_point_v<T>) return static_cast<T>(i % 17) * T(0.5) - T(3);
    else if constexpr (std::is_signed_v<T>) return static_cast<T>(i % 23 - 11);
    else return static_cast<T>(i % 29);
}

template <class T>
std::vector<T> vals(std::int64_t n, std::int64_t seed) {
    std::vector<T> v;
    for (std::int64_t i = 0; i < n; ++i) v.push_back(val<T>(i * 7 + seed));
    return v;
}

// NumPy's add: bools or, integers wrap, floats add.
template <class T>
T np_add(T x, T y) {
    if constexpr (std::is_same_v<T, bool>) return x || y;
    else return static_cast<T>(x + y);
}

// ---- the reference: a strided view over host values ----------------------------------------

template <class T>
struct ref_view {
    std::vector<T> base;
    gpu::shape_t shape;
    gpu::strides_t strides;
    std::int64_t offset = 0;

    // The element at output multi-index `idx` of a broadcast result of rank idx.size().
    T at(const std::vector<std::int64_t>& idx) const {
        const int shift = static_cast<int>(idx.size()) - shape.size();
        std::int64_t pos = offset;
        for (int d = 0; d < shape.size(); ++d) {
            const std::int64_t i = shape[d] == 1 ? 0 : idx[shift + d];
            pos += i * strides[d];
        }
        return base.at(static_cast<std::size_t>(pos));
    }
};

template <class T>
ref_view<T> ref_contiguous(const std::vector<T>& values, const gpu::shape_t& shape) {
    return {values, shape, gpu::c_strides(shape), 0};
}

// NumPy's broadcasting rule, written out again independently of the library.
inline gpu::shape_t ref_broadcast(const gpu::shape_t& a, const gpu::shape_t& b) {
    const int n = std::max(a.size(), b.size());
    std::vector<std::int64_t> out(static_cast<std::size_t>(n), 1);
    for (int i = 0; i < n; ++i) {
        const int ia = i - (n - a.size()), ib = i - (n - b.size());
        const std::int64_t ea = ia >= 0 ? a[ia] : 1, eb = ib >= 0 ? b[ib] : 1;
        out[static_cast<std::size_t>(i)] = ea == 1 ? eb : ea;
    }
    return gpu::shape_t(out);
}

// Calls f(idx) for every multi-index of `shape` in row-major order.
template <class F>
void for_each_index(const gpu::shape_t& shape, F&& f) {
    std::vector<std::int64_t> idx(static_cast<std::size_t>(shape.size()), 0);
    if (gpu::size_of(shape) == 0) return;
    for (;;) {
        f(idx);
        int d = shape.size() - 1;
        for (; d >= 0; --d) {
            if (++idx[static_cast<std::size_t>(d)] < shape[d]) break;
            idx[static_cast<std::size_t>(d)] = 0;
        }
        if (d < 0) return;
    }
}

template <class R, class T, class U, class F>
std::vector<R> ref_binary(const ref_view<T>& a, const ref_view<U>& b, F f) {
    std::vector<R> out;
    for_each_index(ref_broadcast(a.shape, b.shape), [&](const auto& idx) { out.push_back(f(a.at(idx), b.at(idx))); });
    return out;
}

template <class T>
std::vector<T> ref_values(const ref_view<T>& a) {
    std::vector<T> out;
    for_each_index(a.shape, [&](const auto& idx) { out.push_back(a.at(idx)); });
    return out;
}

// The binary operation every layout case runs: one that is not commutative, so swapped operands
// show, and whose result keeps the dtype: a - b (integers wrap), and a > b for bool (NumPy has
// no boolean subtract). One expression type per dtype keeps this translation unit quick to compile.
template <class T>
auto binary_op(const gpu::ndarray<T>& a, const gpu::ndarray<T>& b) {
    if constexpr (std::is_same_v<T, bool>) return a > b;
    else return a - b;
}

template <class T>
T np_binary_op(T x, T y) {
    if constexpr (std::is_same_v<T, bool>) return x > y;
    else return static_cast<T>(x - y);
}

// What both executors return for one binary case: the values, shape and layout of the result.
template <class T>
struct binary_result {
    std::vector<T> values;
    std::vector<std::int64_t> shape;
    bool contiguous = false;
    friend bool operator==(const binary_result&, const binary_result&) = default;
};

// (make_operands is a std::function so that this body is instantiated once per dtype, not once
// per call site: it keeps the translation unit quick to compile.)
template <class T>
using operand_maker = std::function<std::pair<gpu::ndarray<T>, gpu::ndarray<T>>()>;

// Runs binary_op(a, b) on every executor, on operands rebuilt there by `make_operands`, and
// checks it against the reference loop over the reference views.
template <class T>
void check_binary(const ref_view<T>& ra, const ref_view<T>& rb, const operand_maker<T>& make_operands) {
    const gpu::shape_t expect_shape = ref_broadcast(ra.shape, rb.shape);
    const auto got = same_on_every_executor([&] {
        auto [a, b] = make_operands();
        EXPECT_EQ(a.shape(), ra.shape);
        EXPECT_EQ(b.shape(), rb.shape);
        binary_result<T> r;
        gpu::ndarray<T> z = binary_op(a, b);
        r.values = host_values(z);
        r.shape = z.shape().to_vector();
        r.contiguous = z.is_contiguous() && z.strides() == gpu::c_strides(z.shape());
        return r;
    });
    EXPECT_EQ(got.shape, expect_shape.to_vector());
    EXPECT_TRUE(got.contiguous);
    EXPECT_EQ(got.values, (ref_binary<T>(ra, rb, [](T x, T y) { return np_binary_op(x, y); })));
}

// Two contiguous operands of the given shapes.
template <class T>
void check_contiguous_pair(const gpu::shape_t& sa, const gpu::shape_t& sb) {
    SCOPED_TRACE("shapes " + gpu::to_string(sa) + " and " + gpu::to_string(sb));
    const auto va = vals<T>(gpu::size_of(sa), 1), vb = vals<T>(gpu::size_of(sb), 5);
    check_binary<T>(ref_contiguous(va, sa), ref_contiguous(vb, sb),
                    [&] { return std::pair{make(va, sa), make(vb, sb)}; });
}

template <class T>
class Layouts : public ::testing::Test {};

using layout_types = ::testing::Types<std::int8_t, std::int32_t, std::int64_t, std::uint8_t, std::uint64_t, float,
                                      double, bool>;
TYPED_TEST_SUITE(Layouts, layout_types);

}  // namespace

// ---- 0-d and empty --------------------------------------------------------------------------

TYPED_TEST(Layouts, ZeroDim) {
    using T = TypeParam;
    check_contiguous_pair<T>({}, {});
    check_contiguous_pair<T>({}, {3});
    check_contiguous_pair<T>({2, 3}, {});
    const auto got = same_on_every_executor([] {
        auto a = make<T>({val<T>(4)}, {});
        EXPECT_EQ(a.ndim(), 0);
        EXPECT_EQ(a.size(), 1);
        EXPECT_TRUE(a.is_contiguous());
        auto c = gpu::eval(a);
        EXPECT_EQ(c.ndim(), 0);
        return host_values(c);
    });
    EXPECT_EQ(got, std::vector<T>{val<T>(4)});
}

TYPED_TEST(Layouts, Empty) {
    using T = TypeParam;
    check_contiguous_pair<T>({0}, {0});
    check_contiguous_pair<T>({3, 0}, {3, 0});
    check_contiguous_pair<T>({3, 0}, {0});      // (3,0) + (0,) -> (3,0)
    check_contiguous_pair<T>({3, 1}, {0});      // (3,1) + (0,) -> (3,0)
    check_contiguous_pair<T>({0}, {1});         // (0,) + (1,) -> (0,)
    check_contiguous_pair<T>({2, 0, 4}, {4});   // size 0 with a non-zero trailing axis
    check_contiguous_pair<T>({0}, {});          // (0,) + () -> (0,)
    same_on_every_executor([] {
        gpu::ndarray<T> e(gpu::shape_t{3, 0});
        EXPECT_EQ(e.size(), 0);
        EXPECT_EQ(e.nbytes(), 0u);
        EXPECT_TRUE(e.is_contiguous());
        auto h = gpu::asnumpy(e);
        EXPECT_EQ(h.shape(), (gpu::shape_t{3, 0}));
        EXPECT_EQ(h.size(), 0);
        auto c = e.copy();
        EXPECT_EQ(c.shape(), (gpu::shape_t{3, 0}));
        e.assign(val<T>(1));  // writing nothing is fine
        return 0;
    });
}

// ---- broadcasting ---------------------------------------------------------------------------

TYPED_TEST(Layouts, Broadcasting) {
    using T = TypeParam;
    check_contiguous_pair<T>({3, 1}, {4});
    check_contiguous_pair<T>({4}, {3, 1});
    check_contiguous_pair<T>({2, 3, 4}, {3, 1});
    check_contiguous_pair<T>({3, 1}, {2, 3, 4});
    check_contiguous_pair<T>({1}, {5});
    check_contiguous_pair<T>({5}, {1});
    check_contiguous_pair<T>({2, 1, 4}, {1, 3, 1});
    check_contiguous_pair<T>({1, 1}, {1});
    check_contiguous_pair<T>({5, 1, 3}, {5, 7, 1});
    check_contiguous_pair<T>({2, 3}, {2, 3});
}

// Inner axes of 32 and 64 elements: the strided kernel moves 16-byte vectors along them (rows
// broadcast over a matrix, and columns broadcast along rows, replicated into vectors). A row
// starting one element in is misaligned and takes the element-wise path.
TYPED_TEST(Layouts, BroadcastVectorizedRows) {
    using T = TypeParam;
    check_contiguous_pair<T>({37, 64}, {64});
    check_contiguous_pair<T>({64}, {37, 64});
    check_contiguous_pair<T>({37, 1}, {37, 64});
    check_contiguous_pair<T>({5, 6, 32}, {6, 32});
    check_contiguous_pair<T>({5, 1, 32}, {5, 6, 1});
    const auto base = vals<T>(65, 3), m = vals<T>(37 * 64, 4);
    check_binary<T>(ref_contiguous(m, {37, 64}), ref_view<T>{base, {64}, {1}, 1}, [&] {
        return std::pair{gpu_test::make(m, {37, 64}), gpu_test::view(gpu_test::make(base, {65}), {64}, {1}, 1)};
    });
}

// ---- non-contiguous views -------------------------------------------------------------------

TYPED_TEST(Layouts, TransposedView) {
    using T = TypeParam;
    const auto base = vals<T>(12, 2);  // a (3,4) array; its transpose is (4,3) with strides (1,4)
    const ref_view<T> t{base, {4, 3}, {1, 4}, 0};
    const auto other = vals<T>(12, 9);
    const auto row = vals<T>(3, 4);
    // transposed + contiguous, contiguous + transposed, transposed + transposed, transposed + row
    check_binary<T>(t, ref_contiguous(other, {4, 3}), [&] {
        return std::pair{view(make(base, {3, 4}), {4, 3}, {1, 4}, 0), make(other, {4, 3})};
    });
    check_binary<T>(ref_contiguous(other, {4, 3}), t, [&] {
        return std::pair{make(other, {4, 3}), view(make(base, {3, 4}), {4, 3}, {1, 4}, 0)};
    });
    check_binary<T>(t, t, [&] {
        auto a = view(make(base, {3, 4}), {4, 3}, {1, 4}, 0);
        return std::pair{a, a};
    });
    check_binary<T>(t, ref_contiguous(row, {3}), [&] {
        return std::pair{view(make(base, {3, 4}), {4, 3}, {1, 4}, 0), make(row, {3})};
    });
    const auto got = same_on_every_executor([&] {
        auto v = view(make(base, {3, 4}), {4, 3}, {1, 4}, 0);
        EXPECT_FALSE(v.is_contiguous());
        auto c = v.copy();
        EXPECT_TRUE(c.is_contiguous());
        EXPECT_EQ(c.strides(), (gpu::strides_t{3, 1}));
        return host_values(c);
    });
    EXPECT_EQ(got, ref_values(t));
}

// Transposed operands large enough for the shared-memory tiled kernel (both extents >= 16),
// with extents that leave partial tiles, a reversed transposed view, two transposed operands,
// and a transposed destination (the layout is reordered so the output is walked in memory order).
TYPED_TEST(Layouts, TransposedTiles) {
    using T = TypeParam;
    const auto base = vals<T>(37 * 50, 2);  // (37,50) contiguous; its transpose is (50,37), strides (1,50)
    const ref_view<T> t{base, {50, 37}, {1, 50}, 0};
    const ref_view<T> t_rev{base, {50, 37}, {-1, 50}, 49};  // a.T[::-1]
    const auto other = vals<T>(50 * 37, 9);
    check_binary<T>(t, ref_contiguous(other, {50, 37}), [&] {
        return std::pair{view(make(base, {37, 50}), {50, 37}, {1, 50}, 0), make(other, {50, 37})};
    });
    check_binary<T>(ref_contiguous(other, {50, 37}), t_rev, [&] {
        return std::pair{make(other, {50, 37}), view(make(base, {37, 50}), {50, 37}, {-1, 50}, 49)};
    });
    check_binary<T>(t, t_rev, [&] {
        auto a = make(base, {37, 50});
        return std::pair{view(a, {50, 37}, {1, 50}, 0), view(a, {50, 37}, {-1, 50}, 49)};
    });
    // out.T[...] = other: the destination is the transposed view.
    const auto got = same_on_every_executor([&] {
        gpu::ndarray<T> out({37, 50});
        view(out, {50, 37}, {1, 50}, 0) = make(other, {50, 37});
        return host_values(out);
    });
    std::vector<T> expect(other.size());
    for (std::size_t i = 0; i < 50; ++i)
        for (std::size_t j = 0; j < 37; ++j) expect[j * 50 + i] = other[i * 37 + j];
    EXPECT_EQ(got, expect);
}

TYPED_TEST(Layouts, SteppedView) {
    using T = TypeParam;
    const auto base = vals<T>(11, 3);
    const ref_view<T> s{base, {5}, {2}, 1};  // base[1::2]
    const auto other = vals<T>(5, 8);
    check_binary<T>(s, ref_contiguous(other, {5}),
                    [&] { return std::pair{view(make(base, {11}), {5}, {2}, 1), make(other, {5})}; });
    check_binary<T>(ref_contiguous(other, {5}), s,
                    [&] { return std::pair{make(other, {5}), view(make(base, {11}), {5}, {2}, 1)}; });
    // A 2-D step on both axes: base (4,6)[::2, 1::2] has shape (2,3), strides (12,2), offset 1.
    const auto base2 = vals<T>(24, 6);
    const ref_view<T> s2{base2, {2, 3}, {12, 2}, 1};
    const auto col = vals<T>(2, 1);
    check_binary<T>(s2, ref_contiguous(col, {2, 1}), [&] {
        return std::pair{view(make(base2, {4, 6}), {2, 3}, {12, 2}, 1), make(col, {2, 1})};
    });
    // A column of a matrix: base (4,6)[:, 2] has shape (4,), stride 6.
    const ref_view<T> column{base2, {4}, {6}, 2};
    check_binary<T>(column, ref_contiguous(other, {1}), [&] {
        return std::pair{view(make(base2, {4, 6}), {4}, {6}, 2), make(std::vector<T>{other[0]}, {1})};
    });
}

TYPED_TEST(Layouts, ReversedView) {
    using T = TypeParam;
    const auto base = vals<T>(6, 4);
    const ref_view<T> r{base, {6}, {-1}, 5};  // base[::-1]
    const auto other = vals<T>(6, 2);
    check_binary<T>(r, ref_contiguous(other, {6}),
                    [&] { return std::pair{view(make(base, {6}), {6}, {-1}, 5), make(other, {6})}; });
    check_binary<T>(r, r, [&] {
        auto v = view(make(base, {6}), {6}, {-1}, 5);
        return std::pair{v, v};
    });
    // base (3,4)[:, ::-1] and base (3,4)[::-1, ::-2]
    const auto base2 = vals<T>(12, 1);
    const ref_view<T> r2{base2, {3, 4}, {4, -1}, 3};
    const ref_view<T> r3{base2, {3, 2}, {-4, -2}, 11};
    const auto row = vals<T>(4, 3);
    check_binary<T>(r2, ref_contiguous(row, {4}), [&] {
        return std::pair{view(make(base2, {3, 4}), {3, 4}, {4, -1}, 3), make(row, {4})};
    });
    check_binary<T>(r3, ref_contiguous(other, {3, 2}), [&] {
        auto full = make(base2, {3, 4});
        return std::pair{view(full, {3, 2}, {-4, -2}, 11), make(std::vector<T>(other.begin(), other.end()), {3, 2})};
    });
    const auto got = same_on_every_executor([&] { return host_values(view(make(base, {6}), {6}, {-1}, 5)); });
    EXPECT_EQ(got, std::vector<T>(base.rbegin(), base.rend()));
}

TYPED_TEST(Layouts, BroadcastView) {
    using T = TypeParam;
    const auto base = vals<T>(4, 7);
    const ref_view<T> rows{base, {3, 4}, {0, 1}, 0};  // np.broadcast_to(base, (3,4))
    const ref_view<T> cols{base, {4, 3}, {1, 0}, 0};  // np.broadcast_to(base[:, None], (4,3))
    const ref_view<T> one{base, {5}, {0}, 2};         // np.broadcast_to(base[2], (5,))
    const auto other = vals<T>(12, 3);
    check_binary<T>(rows, ref_contiguous(other, {3, 4}), [&] {
        return std::pair{view(make(base, {4}), {3, 4}, {0, 1}, 0), make(other, {3, 4})};
    });
    check_binary<T>(ref_contiguous(other, {4, 3}), cols, [&] {
        return std::pair{make(other, {4, 3}), view(make(base, {4}), {4, 3}, {1, 0}, 0)};
    });
    check_binary<T>(one, ref_contiguous(other, {5}), [&] {
        return std::pair{view(make(base, {4}), {5}, {0}, 2),
                         make(std::vector<T>(other.begin(), other.begin() + 5), {5})};
    });
    // Two stride-0 views of one buffer broadcasting against each other: (3,4) and (3,1).
    check_binary<T>(rows, ref_view<T>{base, {3, 1}, {1, 0}, 1}, [&] {
        auto b = make(base, {4});
        return std::pair{view(b, {3, 4}, {0, 1}, 0), view(b, {3, 1}, {1, 0}, 1)};
    });
    same_on_every_executor([&] {
        auto v = view(make(base, {4}), {3, 4}, {0, 1}, 0);
        EXPECT_FALSE(v.is_contiguous());
        auto c = v.copy();
        EXPECT_TRUE(c.is_contiguous());
        EXPECT_EQ(host_values(c), ref_values(rows));
        return 0;
    });
}

TYPED_TEST(Layouts, MixedContiguousAndStrided) {
    using T = TypeParam;
    const auto base_t = vals<T>(12, 1), base_c = vals<T>(12, 2), base_r = vals<T>(3, 3), base_s = vals<T>(25, 4);
    const ref_view<T> t{base_t, {4, 3}, {1, 4}, 0};
    const ref_view<T> c = ref_contiguous(base_c, {4, 3});
    const ref_view<T> r{base_r, {3}, {1}, 0};
    const ref_view<T> s{base_s, {4, 3}, {-6, 2}, 19};  // base (5,5)[3::-1, 1::2][:, :3] flattened strides
    // One fused expression: contiguous + transposed + row + stepped/reversed.
    std::vector<T> expect;
    for_each_index(gpu::shape_t{4, 3}, [&](const auto& idx) {
        expect.push_back(np_add(np_add(np_add(c.at(idx), t.at(idx)), r.at(idx)), s.at(idx)));
    });
    const auto got = same_on_every_executor([&] {
        auto ct = make(base_c, {4, 3});
        auto tt = view(make(base_t, {3, 4}), {4, 3}, {1, 4}, 0);
        auto rt = make(base_r, {3});
        auto st = view(make(base_s, {25}), {4, 3}, {-6, 2}, 19);
        gpu::ndarray<T> z = ct + tt + rt + st;
        EXPECT_EQ(z.shape(), (gpu::shape_t{4, 3}));
        EXPECT_TRUE(z.is_contiguous());
        return host_values(z);
    });
    EXPECT_EQ(got, expect);
}

// ---- high rank ------------------------------------------------------------------------------

TYPED_TEST(Layouts, HighRankContiguous) {
    using T = TypeParam;
    check_contiguous_pair<T>({2, 3, 1, 2, 2, 3}, {2, 3, 1, 2, 2, 3});                          // rank 6
    check_contiguous_pair<T>({2, 3, 1, 2, 2, 3}, {3, 1, 1, 3});                                // rank 6 + 4
    check_contiguous_pair<T>({2, 1, 2, 1, 3, 1, 2, 1, 1, 2}, {1, 3, 1, 2, 1, 1, 1, 2});        // rank 10
    check_contiguous_pair<T>({2, 1, 2, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 1, 1, 3}, {3});           // rank 16 + 1
    check_contiguous_pair<T>({1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2},
                             {2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1});                // rank 16 outer
    check_contiguous_pair<T>(gpu::shape_t(std::vector<std::int64_t>(16, 1)), {});             // rank 16, 1 element
}

// Reversing the axis order of a rank-n array of extent 2 gives strides that no two adjacent
// axes can merge, so the strided kernel really runs at rank n.
TYPED_TEST(Layouts, HighRankTransposed) {
    using T = TypeParam;
    for (int rank : {6, 9, 16}) {
        SCOPED_TRACE("rank " + std::to_string(rank));
        const gpu::shape_t shape = gpu::dims::filled(rank, 2);
        const std::int64_t n = gpu::size_of(shape);
        const gpu::strides_t cs = gpu::c_strides(shape);
        const std::vector<std::int64_t> cv = cs.to_vector();
        const gpu::strides_t ts(cv.rbegin(), cv.rend());
        const auto base = vals<T>(n, 3), other = vals<T>(n, 11);
        const ref_view<T> t{base, shape, ts, 0};
        check_binary<T>(t, ref_contiguous(other, shape), [&] {
            return std::pair{view(make(base, shape), shape, ts, 0), make(other, shape)};
        });
        // Transposed against a broadcast of rank 1 (the last axis) and its reverse.
        const auto small = vals<T>(2, 5);
        check_binary<T>(t, ref_view<T>{small, {2}, {-1}, 1}, [&] {
            return std::pair{view(make(base, shape), shape, ts, 0), view(make(small, {2}), {2}, {-1}, 1)};
        });
    }
}

// ---- copies ---------------------------------------------------------------------------------

TYPED_TEST(Layouts, CopyIsDeep) {
    using T = TypeParam;
    const auto v = vals<T>(6, 1);
    const auto got = same_on_every_executor([&] {
        auto a = make(v, {2, 3});
        auto shared = a;  // shares the buffer
        auto c = a.copy();
        EXPECT_NE(c.buffer(), a.buffer());
        EXPECT_EQ(shared.buffer(), a.buffer());
        EXPECT_EQ(c.shape(), a.shape());
        c.assign(val<T>(5));
        EXPECT_EQ(host_values(c), std::vector<T>(6, val<T>(5)));
        // gpu::eval of an array is also a deep copy.
        auto e = gpu::eval(a);
        EXPECT_NE(e.buffer(), a.buffer());
        e.assign(val<T>(2));
        return std::pair{host_values(a), host_values(shared)};
    });
    EXPECT_EQ(got.first, v);
    EXPECT_EQ(got.second, v);
}

// ---- 64-bit indexing (GPU only) -------------------------------------------------------------

// 2^31 + 5 uint8 elements per array (about 2 GiB each): a 32-bit index would wrap before the
// marked elements near 2^31 and at the end.
TEST(LayoutsLarge, SixtyFourBitIndexing) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "needs a CUDA device (about 4 GiB of device memory)";
    gpu::executor_scope scope(gpu::executor::cuda);
    const std::int64_t n = (std::int64_t{1} << 31) + 5;
    const std::int64_t at = (std::int64_t{1} << 31) - 4;  // the 8 elements around 2^31
    gpu::ndarray<std::uint8_t> x(gpu::shape_t{n});
    x.assign(std::uint8_t{7});
    // Mark 8 elements across the 2^31 boundary and the last one.
    gpu::ndarray<std::uint8_t>(x.buffer(), {8}, {1}, at)
        .assign(gpu::asarray<std::uint8_t>({10, 11, 12, 13, 14, 15, 16, 17}));
    gpu::ndarray<std::uint8_t>(x.buffer(), {1}, {1}, n - 1).assign(std::uint8_t{100});
    gpu::ndarray<std::uint8_t> y = x + 1;
    ASSERT_EQ(y.size(), n);
    auto near = gpu::asnumpy(gpu::ndarray<std::uint8_t>(y.buffer(), {8}, {1}, at));
    EXPECT_EQ(near.to_vector(), (std::vector<std::uint8_t>{11, 12, 13, 14, 15, 16, 17, 18}));
    auto before = gpu::asnumpy(gpu::ndarray<std::uint8_t>(y.buffer(), {4}, {1}, at - 4));
    EXPECT_EQ(before.to_vector(), (std::vector<std::uint8_t>{8, 8, 8, 8}));
    auto tail = gpu::asnumpy(gpu::ndarray<std::uint8_t>(y.buffer(), {5}, {1}, n - 5));  // from 2^31
    EXPECT_EQ(tail.to_vector(), (std::vector<std::uint8_t>{15, 16, 17, 18, 101}));
    auto head = gpu::asnumpy(gpu::ndarray<std::uint8_t>(y.buffer(), {4}, {1}, 0));
    EXPECT_EQ(head.to_vector(), (std::vector<std::uint8_t>{8, 8, 8, 8}));
}

// The strided kernel with 64-bit indices: a reversed view over 2^31 + 5 elements plus a
// broadcast scalar-like operand.
TEST(LayoutsLarge, SixtyFourBitIndexingStrided) {
    if (!gpu::cuda_available()) GTEST_SKIP() << "needs a CUDA device (about 4 GiB of device memory)";
    gpu::executor_scope scope(gpu::executor::cuda);
    const std::int64_t n = (std::int64_t{1} << 31) + 5;
    gpu::ndarray<std::uint8_t> x(gpu::shape_t{n});
    x.assign(std::uint8_t{1});
    gpu::ndarray<std::uint8_t>(x.buffer(), {3}, {1}, 0).assign(gpu::asarray<std::uint8_t>({20, 21, 22}));
    gpu::ndarray<std::uint8_t>(x.buffer(), {3}, {1}, n - 3).assign(gpu::asarray<std::uint8_t>({30, 31, 32}));
    const gpu::ndarray<std::uint8_t> rev(x.buffer(), {n}, {-1}, n - 1);  // x[::-1]
    const auto one = gpu::asarray<std::uint8_t>({2});
    gpu::ndarray<std::uint8_t> y = rev + one;
    ASSERT_EQ(y.size(), n);
    EXPECT_EQ(gpu::asnumpy(gpu::ndarray<std::uint8_t>(y.buffer(), {4}, {1}, 0)).to_vector(),
              (std::vector<std::uint8_t>{34, 33, 32, 3}));
    EXPECT_EQ(gpu::asnumpy(gpu::ndarray<std::uint8_t>(y.buffer(), {4}, {1}, n - 4)).to_vector(),
              (std::vector<std::uint8_t>{3, 24, 23, 22}));
    const std::int64_t mid = (std::int64_t{1} << 31) - 2;
    EXPECT_EQ(gpu::asnumpy(gpu::ndarray<std::uint8_t>(y.buffer(), {4}, {1}, mid)).to_vector(),
              (std::vector<std::uint8_t>{3, 3, 3, 3}));
}
