// Transfers and accessors: gpu::asarray from vectors, pointers, spans, nested initializer lists
// and host_arrays; gpu::asnumpy (also of non-contiguous views and into caller memory);
// host_array's and ndarray's accessors; and std::ostream << ndarray against NumPy's str().
// Every body runs once per available executor (host always, cuda when present).
#include "support.hpp"

#include <array>
#include <cstdint>
#include <numeric>
#include <span>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

namespace {

using gpu_test::host_values;
using gpu_test::same_on_every_executor;

// host_array -> std::vector through the iterators (host_array<bool>::to_vector is broken, see
// HostArrayBoolToVector below).
template <class T>
std::vector<T> elements(const gpu::host_array<T>& h) {
    return std::vector<T>(h.begin(), h.end());
}

template <class T>
T val(std::int64_t i) {
    if constexpr (std::is_same_v<T, bool>) return i % 3 == 1;
    else if constexpr (std::is_floating_point_v<T>) return static_cast<T>(i) * T(0.25) - T(2);
    else if constexpr (std::is_signed_v<T>) return static_cast<T>(i % 100 - 50);
    else return static_cast<T>(i % 200);
}

template <class T>
std::vector<T> vals(std::int64_t n) {
    std::vector<T> v;
    for (std::int64_t i = 0; i < n; ++i) v.push_back(val<T>(i * 3 + 1));
    return v;
}

template <class T>
std::string str(const T& a) {
    std::ostringstream os;
    os << a;
    return os.str();
}

template <class T>
class Transfer : public ::testing::Test {};

using transfer_types = ::testing::Types<bool, std::int8_t, std::int16_t, std::int32_t, std::int64_t, std::uint8_t,
                                        std::uint16_t, std::uint32_t, std::uint64_t, float, double>;
TYPED_TEST_SUITE(Transfer, transfer_types);

}  // namespace

// ---- asarray / asnumpy round trips, every dtype ---------------------------------------------

TYPED_TEST(Transfer, FromVector) {
    using T = TypeParam;
    const auto v = vals<T>(7);  // std::vector<bool> for bool
    const auto got = same_on_every_executor([&] {
        gpu::ndarray<T> a = gpu::asarray(v);
        EXPECT_EQ(a.shape(), (gpu::shape_t{7}));
        EXPECT_EQ(a.where(), gpu::current_executor());
        EXPECT_TRUE(a.is_contiguous());
        gpu::ndarray<T> b = gpu::asarray(v, {7, 1});
        EXPECT_EQ(b.shape(), (gpu::shape_t{7, 1}));
        EXPECT_EQ(host_values(b), v);
        return host_values(a);
    });
    EXPECT_EQ(got, v);
}

TYPED_TEST(Transfer, FromVectorWithShape) {
    using T = TypeParam;
    const auto v = vals<T>(24);
    const auto got = same_on_every_executor([&] {
        gpu::ndarray<T> a = gpu::asarray(v, {2, 3, 4});
        EXPECT_EQ(a.shape(), (gpu::shape_t{2, 3, 4}));
        EXPECT_EQ(a.strides(), (gpu::strides_t{12, 4, 1}));
        const auto h = gpu::asnumpy(a);
        EXPECT_EQ(h.shape(), a.shape());
        EXPECT_EQ(h(1, 2, 3), v[23]);
        EXPECT_EQ(h(0, 1, 2), v[6]);
        return elements(h);
    });
    EXPECT_EQ(got, v);
}

TYPED_TEST(Transfer, FromPointerAndSpan) {
    using T = TypeParam;
    if constexpr (std::is_same_v<T, bool>) {
        const bool raw[6] = {true, false, false, true, true, false};
        const std::vector<bool> expect(raw, raw + 6);
        const auto got = same_on_every_executor([&] {
            auto a = gpu::asarray(raw, {2, 3});
            EXPECT_EQ(a.shape(), (gpu::shape_t{2, 3}));
            auto b = gpu::asarray(std::span<const bool>(raw, 6), {3, 2});
            EXPECT_EQ(b.shape(), (gpu::shape_t{3, 2}));
            EXPECT_EQ(host_values(b), expect);
            return host_values(a);
        });
        EXPECT_EQ(got, expect);
    } else {
        std::vector<T> v = vals<T>(6);
        const auto got = same_on_every_executor([&] {
            auto a = gpu::asarray(v.data(), {2, 3});
            EXPECT_EQ(a.shape(), (gpu::shape_t{2, 3}));
            auto b = gpu::asarray(std::span<T>(v), {3, 2});  // mutable span
            EXPECT_EQ(b.shape(), (gpu::shape_t{3, 2}));
            EXPECT_EQ(host_values(b), v);
            auto c = gpu::asarray(std::span<const T>(v.data(), 6), {6});
            EXPECT_EQ(host_values(c), v);
            auto d = gpu::asarray(std::span<const T>(v.data(), 1), {});  // 0-d
            EXPECT_EQ(d.ndim(), 0);
            EXPECT_EQ(host_values(d), std::vector<T>{v[0]});
            // A copy, not a wrap: later changes to the host memory do not reach the array.
            const T saved = v[0];
            v[0] = v[1];
            EXPECT_EQ(host_values(a)[0], saved);
            v[0] = saved;
            return host_values(a);
        });
        EXPECT_EQ(got, v);
    }
}

TYPED_TEST(Transfer, HostArrayRoundTrip) {
    using T = TypeParam;
    const auto v = vals<T>(12);
    gpu::host_array<T> h(gpu::shape_t{3, 4});
    for (std::int64_t i = 0; i < 12; ++i) h[i] = v[static_cast<std::size_t>(i)];
    same_on_every_executor([&] {
        gpu::ndarray<T> a = gpu::asarray(h);
        EXPECT_EQ(a.shape(), h.shape());
        const gpu::host_array<T> back = gpu::asnumpy(a);
        EXPECT_EQ(back.shape(), (gpu::shape_t{3, 4}));
        EXPECT_EQ(back.size(), 12);
        EXPECT_EQ(elements(back), v);
        EXPECT_NE(back.data(), h.data());
        return 0;
    });
}

TYPED_TEST(Transfer, AsnumpyOfNonContiguousViews) {
    using T = TypeParam;
    const auto v = vals<T>(12);  // a (3,4) array
    const auto got = same_on_every_executor([&] {
        auto a = gpu::asarray(v, {3, 4});
        std::vector<std::vector<T>> out;
        // a.T: (4,3), strides (1,4)
        const gpu::ndarray<T> t(a.buffer(), {4, 3}, {1, 4}, 0);
        // a[:, 1::2]: (3,2), strides (4,2), offset 1
        const gpu::ndarray<T> s(a.buffer(), {3, 2}, {4, 2}, 1);
        // a[::-1, ::-1]: (3,4), strides (-4,-1), offset 11
        const gpu::ndarray<T> r(a.buffer(), {3, 4}, {-4, -1}, 11);
        // np.broadcast_to(a[1], (2,4)): strides (0,1), offset 4
        const gpu::ndarray<T> b(a.buffer(), {2, 4}, {0, 1}, 4);
        for (const auto* view : {&t, &s, &r, &b}) {
            EXPECT_FALSE(view->is_contiguous());
            const auto h = gpu::asnumpy(*view);
            EXPECT_EQ(h.shape(), view->shape());
            EXPECT_EQ(h.strides(), gpu::c_strides(view->shape()));
            out.push_back(elements(h));
        }
        return out;
    });
    auto at = [&](int i, int j) { return v[static_cast<std::size_t>(4 * i + j)]; };
    std::vector<T> t, s, r, b;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 3; ++j) t.push_back(at(j, i));
    for (int i = 0; i < 3; ++i)
        for (int j = 1; j < 4; j += 2) s.push_back(at(i, j));
    for (int i = 2; i >= 0; --i)
        for (int j = 3; j >= 0; --j) r.push_back(at(i, j));
    for (int k = 0; k < 2; ++k)
        for (int j = 0; j < 4; ++j) b.push_back(at(1, j));
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[0], t);
    EXPECT_EQ(got[1], s);
    EXPECT_EQ(got[2], r);
    EXPECT_EQ(got[3], b);
}

TYPED_TEST(Transfer, AsnumpyIntoCallerMemory) {
    using T = TypeParam;
    using S = std::conditional_t<std::is_same_v<T, bool>, std::uint8_t, T>;  // storage for bool
    const auto v = vals<T>(6);
    same_on_every_executor([&] {
        auto a = gpu::asarray(v, {2, 3});
        std::vector<S> storage(6);
        std::span<T> out(reinterpret_cast<T*>(storage.data()), storage.size());
        gpu::asnumpy(a, out);
        EXPECT_EQ(std::vector<T>(out.begin(), out.end()), v);
        // From a transposed view: logical order.
        const gpu::ndarray<T> t(a.buffer(), {3, 2}, {1, 3}, 0);
        gpu::asnumpy(t, out);
        const std::vector<T> expect_t{v[0], v[3], v[1], v[4], v[2], v[5]};
        EXPECT_EQ(std::vector<T>(out.begin(), out.end()), expect_t);
        // A size mismatch throws and leaves the memory alone.
        std::vector<S> small(5, S{});
        EXPECT_THROW(gpu::asnumpy(a, std::span<T>(reinterpret_cast<T*>(small.data()), small.size())), gpu::value_error);
        std::vector<S> big(7, S{});
        EXPECT_THROW(gpu::asnumpy(a, std::span<T>(reinterpret_cast<T*>(big.data()), big.size())), gpu::value_error);
        EXPECT_EQ(big, std::vector<S>(7, S{}));
        return 0;
    });
}

// ---- nested initializer lists ---------------------------------------------------------------

TEST(TransferNested, OneToFourLevels) {
    same_on_every_executor([] {
        auto a1 = gpu::asarray<int>({1, 2, 3});
        EXPECT_EQ(a1.shape(), (gpu::shape_t{3}));
        EXPECT_EQ(host_values(a1), (std::vector<int>{1, 2, 3}));

        auto a2 = gpu::asarray<int>({{1, 2, 3}, {4, 5, 6}});
        EXPECT_EQ(a2.shape(), (gpu::shape_t{2, 3}));
        EXPECT_EQ(host_values(a2), (std::vector<int>{1, 2, 3, 4, 5, 6}));
        EXPECT_EQ(gpu::asnumpy(a2)(1, 0), 4);

        auto a3 = gpu::asarray<int>({{{1, 2}, {3, 4}, {5, 6}}, {{7, 8}, {9, 10}, {11, 12}}});
        EXPECT_EQ(a3.shape(), (gpu::shape_t{2, 3, 2}));
        std::vector<int> iota12(12);
        std::iota(iota12.begin(), iota12.end(), 1);
        EXPECT_EQ(host_values(a3), iota12);

        auto a4 = gpu::asarray<std::int64_t>({{{{1}, {2}}, {{3}, {4}}, {{5}, {6}}}});
        EXPECT_EQ(a4.shape(), (gpu::shape_t{1, 3, 2, 1}));
        EXPECT_EQ(host_values(a4), (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6}));

        auto d = gpu::asarray<double>({{1.5, 2.0}, {-3.25, 4.0}});
        EXPECT_EQ(d.shape(), (gpu::shape_t{2, 2}));
        EXPECT_EQ(host_values(d), (std::vector<double>{1.5, 2.0, -3.25, 4.0}));

        auto b = gpu::asarray<bool>({{true, false, true}, {false, false, true}});
        EXPECT_EQ(b.shape(), (gpu::shape_t{2, 3}));
        EXPECT_EQ(host_values(b), (std::vector<bool>{true, false, true, false, false, true}));

        auto u = gpu::asarray<std::uint8_t>({{0, 255}, {7, 128}});
        EXPECT_EQ(host_values(u), (std::vector<std::uint8_t>{0, 255, 7, 128}));

        // The element type is deduced from the braces too.
        auto deduced = gpu::asarray({{1, 2}, {3, 4}});
        static_assert(std::is_same_v<decltype(deduced), gpu::ndarray<int>>);
        EXPECT_EQ(deduced.shape(), (gpu::shape_t{2, 2}));
        auto deduced_f = gpu::asarray({1.0f, 2.5f});
        static_assert(std::is_same_v<decltype(deduced_f), gpu::ndarray<float>>);
        EXPECT_EQ(host_values(deduced_f), (std::vector<float>{1.0f, 2.5f}));

        // One-element lists of lists: shape (1,1), and a (3,1) column.
        EXPECT_EQ(gpu::asarray<int>({{7}}).shape(), (gpu::shape_t{1, 1}));
        auto col = gpu::asarray<float>({{1.0f}, {2.0f}, {3.0f}});
        EXPECT_EQ(col.shape(), (gpu::shape_t{3, 1}));
        EXPECT_EQ(host_values(col), (std::vector<float>{1, 2, 3}));
        return 0;
    });
}

// Ragged nesting is rejected, as np.array([[1, 2, 3], [4, 5]]) is.
TEST(TransferNested, RaggedThrowsValueError) {
    const std::string prefix = "setting an array element with a sequence. The requested array has an inhomogeneous shape";
    same_on_every_executor([&] {
        try {
            (void)gpu::asarray<int>({{1, 2, 3}, {4, 5}});
            ADD_FAILURE() << "no exception for a ragged list";
        } catch (const gpu::value_error& e) {
            EXPECT_EQ(std::string(e.what()).rfind(prefix, 0), 0u) << e.what();
            EXPECT_NE(std::string(e.what()).find("after 1 dimensions"), std::string::npos) << e.what();
        }
        try {
            (void)gpu::asarray<int>({{{1, 2}, {3, 4}}, {{5, 6}, {7}}});
            ADD_FAILURE() << "no exception for a ragged list";
        } catch (const gpu::value_error& e) {
            EXPECT_NE(std::string(e.what()).find("after 2 dimensions"), std::string::npos) << e.what();
        }
        EXPECT_THROW((void)gpu::asarray<int>({{{1, 2}, {3, 4}}, {{5, 6}}}), gpu::value_error);
        EXPECT_THROW((void)gpu::asarray<int>({{1}, {2, 3}}), gpu::value_error);
        return 0;
    });
}

// NumPy 2.x's full message also names the shape found so far:
//   >>> np.array([[1, 2, 3], [4, 5]])
//   ValueError: setting an array element with a sequence. The requested array has an
//   inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.
// (the tuple is printed with Python's repr: "(2,)", "(2, 2)").
TEST(TransferNested, RaggedMessageMatchesNumPy) {
    try {
        (void)gpu::asarray<int>({{1, 2, 3}, {4, 5}});
        ADD_FAILURE() << "no exception for a ragged list";
    } catch (const gpu::value_error& e) {
        EXPECT_STREQ(e.what(),
                     "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 "
                     "dimensions. The detected shape was (2,) + inhomogeneous part.");
    }
    try {
        (void)gpu::asarray<int>({{{1, 2}, {3, 4}}, {{5, 6}, {7}}});
        ADD_FAILURE() << "no exception for a ragged list";
    } catch (const gpu::value_error& e) {
        EXPECT_STREQ(e.what(),
                     "setting an array element with a sequence. The requested array has an inhomogeneous shape after 2 "
                     "dimensions. The detected shape was (2, 2) + inhomogeneous part.");
    }
}

TEST(TransferErrors, CountMismatch) {
    same_on_every_executor([] {
        const std::vector<float> five(5, 1.0f);
        try {
            (void)gpu::asarray(five, {2, 3});
            ADD_FAILURE() << "no exception";
        } catch (const gpu::value_error& e) {
            EXPECT_STREQ(e.what(), "cannot reshape array of size 5 into shape (2,3)");
        }
        EXPECT_THROW((void)gpu::asarray(std::span<const float>(five), {6}), gpu::value_error);
        EXPECT_THROW((void)gpu::asarray(std::vector<bool>(3, true), {4}), gpu::value_error);
        EXPECT_THROW((void)gpu::asarray(five, {}), gpu::value_error);  // 0-d holds one element
        EXPECT_NO_THROW((void)gpu::asarray(std::vector<float>{}, {0, 3}));
        return 0;
    });
}

// ---- std::vector<bool> ----------------------------------------------------------------------

TEST(TransferBool, VectorOfBool) {
    const std::vector<bool> v{true, false, true, true, false};
    const auto got = same_on_every_executor([&] {
        auto a = gpu::asarray(v);
        static_assert(std::is_same_v<decltype(a), gpu::ndarray<bool>>);
        EXPECT_EQ(a.nbytes(), 5u);
        const auto h = gpu::asnumpy(a);
        EXPECT_EQ(h.size(), 5);
        EXPECT_TRUE(h[0]);
        EXPECT_FALSE(h[1]);
        EXPECT_TRUE(h(-1) == false);
        return elements(h);
    });
    EXPECT_EQ(got, v);
}

// host_array<T>::to_vector() is `return {begin(), end()};`. For T = bool that brace-initializes a
// std::vector<bool> from an initializer_list<bool> of the two pointers (g++ warns "narrowing
// conversion ... from 'const bool*' to 'bool'"; clang rejects it: "type 'const bool *' cannot be
// narrowed to 'bool' in initializer list"), so with g++ it returns {true, true} (two non-null
// pointers) whatever the array holds. (Not called under clang, so this file still compiles there.)
// LIBRARY BUG in containers/host_array.hpp: to_vector() should be
// `return std::vector<T>(begin(), end());`. (tests/support.hpp's values_of relies on it.)
TEST(TransferBool, HostArrayBoolToVector) {
#if defined(__clang__)
    ADD_FAILURE() << "host_array<bool>::to_vector() does not compile with clang (narrowing in a braced list)";
#else
    same_on_every_executor([] {
        auto a = gpu::asarray(std::vector<bool>{false, true, false, false, true});
        EXPECT_EQ(gpu::asnumpy(a).to_vector(), (std::vector<bool>{false, true, false, false, true}));
        auto e = gpu::asarray(std::vector<bool>{});
        EXPECT_EQ(gpu::asnumpy(e).to_vector(), std::vector<bool>{});
        return 0;
    });
#endif
}

// ---- host_array accessors -------------------------------------------------------------------

TEST(HostArray, Accessors) {
    const std::vector<int> v{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    gpu::host_array<int> r(gpu::shape_t{3, 4}, std::span<const int>(v));
    EXPECT_EQ(r.shape(), (gpu::shape_t{3, 4}));
    EXPECT_EQ(r.ndim(), 2);
    EXPECT_EQ(r.size(), 12);
    EXPECT_EQ(r.nbytes(), 48u);
    EXPECT_EQ(r.strides(), (gpu::strides_t{4, 1}));
    EXPECT_EQ(r.dtype(), gpu::dtype::int32);
    static_assert(std::is_same_v<gpu::host_array<int>::value_type, int>);
    ASSERT_NE(r.data(), nullptr);
    EXPECT_EQ(r.data()[5], 5);
    EXPECT_EQ(r[7], 7);
    EXPECT_EQ(r(0, 0), 0);
    EXPECT_EQ(r(2, 3), 11);
    EXPECT_EQ(r(1, 2), 6);
    EXPECT_EQ(r(-1, -1), 11);  // negative indices count from the end
    EXPECT_EQ(r(-3, 0), 0);
    EXPECT_EQ(r(1, -4), 4);
    EXPECT_EQ(r.end() - r.begin(), 12);
    EXPECT_EQ(std::accumulate(r.begin(), r.end(), 0), 66);
    EXPECT_EQ(r.to_vector(), v);
    EXPECT_EQ(static_cast<std::int64_t>(r.span().size()), 12);
    r(1, 1) = 100;  // writable
    EXPECT_EQ(r[5], 100);
    const auto& cr = r;
    EXPECT_EQ(cr(1, 1), 100);
    EXPECT_EQ(cr(-2, -3), 100);

    gpu::host_array<double> scalar(gpu::shape_t{});
    EXPECT_EQ(scalar.size(), 1);
    EXPECT_EQ(scalar.ndim(), 0);
    scalar() = 2.5;
    EXPECT_EQ(scalar[0], 2.5);

    gpu::host_array<float> empty;
    EXPECT_EQ(empty.shape(), (gpu::shape_t{0}));
    EXPECT_EQ(empty.size(), 0);
    EXPECT_EQ(empty.begin(), empty.end());
}

// Large host arrays start on a 2 MiB boundary (huge pages where the kernel allows them); copies
// and moves keep their values.
TEST(HostArray, LargeArraysAreHugePageAligned) {
    const std::int64_t n = std::int64_t{3} << 20;  // 12 MiB of float32
    gpu::host_array<float> a(gpu::shape_t{n});
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(a.data()) % (std::uintptr_t{2} << 20), 0u);
    for (std::int64_t i = 0; i < n; ++i) a[i] = static_cast<float>(i);
    gpu::host_array<float> b = a;
    gpu::host_array<float> c = std::move(a);
    EXPECT_EQ(b[n - 1], static_cast<float>(n - 1));
    EXPECT_EQ(c[12345], 12345.0f);
    gpu::host_array<std::uint8_t> small(gpu::shape_t{100});  // small ones come from operator new
    EXPECT_NE(small.data(), nullptr);
}

TEST(HostArray, IndexErrors) {
    gpu::host_array<int> r(gpu::shape_t{3, 4});
    auto message = [](auto&& f) { return gpu_test::message_of<gpu::index_error>(f); };
    EXPECT_EQ(message([&] { (void)r(5, 0); }), "index 5 is out of bounds for axis 0 with size 3");
    EXPECT_EQ(message([&] { (void)r(3, 0); }), "index 3 is out of bounds for axis 0 with size 3");
    EXPECT_EQ(message([&] { (void)r(-4, 0); }), "index -4 is out of bounds for axis 0 with size 3");
    EXPECT_EQ(message([&] { (void)r(0, 4); }), "index 4 is out of bounds for axis 1 with size 4");
    EXPECT_EQ(message([&] { (void)r(0, -5); }), "index -5 is out of bounds for axis 1 with size 4");
    EXPECT_EQ(message([&] { (void)r(0, 0, 0); }),
              "too many indices for array: array is 2-dimensional, but 3 were indexed");
    const gpu::host_array<int>& cr = r;
    EXPECT_THROW((void)cr(3, 0), gpu::index_error);
    gpu::host_array<int> one(gpu::shape_t{3});
    EXPECT_EQ(message([&] { (void)one(5); }), "index 5 is out of bounds for axis 0 with size 3");
    // index_error is a gpu::error.
    EXPECT_THROW((void)one(3), gpu::error);
}

// ---- ndarray accessors ----------------------------------------------------------------------

TEST(NdarrayAccessors, ShapeSizeStrides) {
    same_on_every_executor([] {
        static_assert(std::is_same_v<gpu::ndarray<float>::value_type, float>);
        static_assert(std::is_same_v<gpu::ndarray<bool>::value_type, bool>);
        static_assert(gpu::ndarray<std::uint16_t>::dtype() == gpu::dtype::uint16);
        gpu::ndarray<float> a(gpu::shape_t{2, 3});
        EXPECT_EQ(a.shape(), (gpu::shape_t{2, 3}));
        EXPECT_EQ(a.ndim(), 2);
        EXPECT_EQ(a.size(), 6);
        EXPECT_EQ(a.nbytes(), 24u);
        EXPECT_EQ(a.itemsize(), 4u);
        EXPECT_EQ(a.strides(), (gpu::strides_t{3, 1}));
        EXPECT_EQ(a.offset(), 0);
        EXPECT_TRUE(a.is_contiguous());
        EXPECT_EQ(a.dtype(), gpu::dtype::float32);
        EXPECT_EQ(a.where(), gpu::current_executor());
        EXPECT_NE(a.data(), nullptr);

        gpu::ndarray<std::int64_t> b(gpu::shape_t{4, 1, 5});
        EXPECT_EQ(b.nbytes(), 160u);
        EXPECT_EQ(b.strides(), (gpu::strides_t{5, 5, 1}));
        EXPECT_EQ(b.dtype(), gpu::dtype::int64);

        gpu::ndarray<double> z(gpu::shape_t{});
        EXPECT_EQ(z.ndim(), 0);
        EXPECT_EQ(z.size(), 1);
        EXPECT_EQ(z.nbytes(), 8u);
        EXPECT_TRUE(z.strides().empty());
        EXPECT_TRUE(z.is_contiguous());

        gpu::ndarray<std::uint8_t> e(gpu::shape_t{3, 0, 2});
        EXPECT_EQ(e.size(), 0);
        EXPECT_EQ(e.nbytes(), 0u);
        EXPECT_TRUE(e.is_contiguous());

        gpu::ndarray<float> d;  // default: empty 1-D
        EXPECT_EQ(d.shape(), (gpu::shape_t{0}));
        EXPECT_EQ(d.size(), 0);
        EXPECT_EQ(gpu::asnumpy(d).size(), 0);
        return 0;
    });
}

TEST(NdarrayAccessors, ViewsAndContiguity) {
    same_on_every_executor([] {
        auto a = gpu::asarray<int>({{0, 1, 2, 3}, {4, 5, 6, 7}, {8, 9, 10, 11}});
        const auto& buf = a.buffer();
        const gpu::ndarray<int> t(buf, {4, 3}, {1, 4}, 0);
        EXPECT_FALSE(t.is_contiguous());
        EXPECT_EQ(t.strides(), (gpu::strides_t{1, 4}));
        EXPECT_EQ(t.buffer(), a.buffer());
        EXPECT_EQ(t.where(), a.where());
        const gpu::ndarray<int> row(buf, {4}, {1}, 4);  // a[1]
        EXPECT_TRUE(row.is_contiguous());
        EXPECT_EQ(row.offset(), 4);
        EXPECT_EQ(row.data(), a.data() + 4);
        EXPECT_EQ(host_values(row), (std::vector<int>{4, 5, 6, 7}));
        const gpu::ndarray<int> stepped(buf, {6}, {2}, 0);
        EXPECT_FALSE(stepped.is_contiguous());
        const gpu::ndarray<int> reversed(buf, {12}, {-1}, 11);
        EXPECT_FALSE(reversed.is_contiguous());
        const gpu::ndarray<int> bcast(buf, {3, 4}, {0, 1}, 0);
        EXPECT_FALSE(bcast.is_contiguous());
        // Size-1 axes may have any stride (NumPy's flags agree).
        const gpu::ndarray<int> odd(buf, {1, 4}, {99, 1}, 8);
        EXPECT_TRUE(odd.is_contiguous());
        EXPECT_EQ(host_values(odd), (std::vector<int>{8, 9, 10, 11}));
        const gpu::ndarray<int> col1(buf, {3, 1}, {1, 42}, 0);
        EXPECT_TRUE(col1.is_contiguous());
        EXPECT_EQ(host_values(col1), (std::vector<int>{0, 1, 2}));
        // An empty view reads back as empty, whatever its strides.
        const gpu::ndarray<int> none(buf, {0, 3}, {7, 5}, 0);
        EXPECT_EQ(gpu::asnumpy(none).shape(), (gpu::shape_t{0, 3}));
        EXPECT_EQ(gpu::asnumpy(none).size(), 0);
        return 0;
    });
}

// NumPy marks every array with a zero extent C-contiguous, whatever its strides:
//   >>> np.lib.stride_tricks.as_strided(np.zeros(12, np.int32), (0, 3), (28, 20)).flags.c_contiguous
//   True
// LIBRARY BUG (minor) in ndarray::is_contiguous (containers/ndarray.hpp): it walks the axes from
// the last one and returns false at the first non-unit stride (axis 1 here, stride 5) before it
// reaches the zero extent of axis 0; it should return true as soon as size() == 0.
TEST(NdarrayAccessors, EmptyViewIsContiguous) {
    auto a = gpu::asarray<int>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    EXPECT_TRUE((gpu::ndarray<int>(a.buffer(), {0, 3}, {7, 5}, 0).is_contiguous()));
    EXPECT_TRUE((gpu::ndarray<int>(a.buffer(), {2, 0}, {1, 3}, 0).is_contiguous()));  // zero last: passes today
    EXPECT_TRUE((gpu::ndarray<int>(a.buffer(), {0, 2, 2}, {1, 1, 2}, 0).is_contiguous()));
}

TEST(NdarrayAccessors, AsnumpyOfExpression) {
    const auto got = same_on_every_executor([] {
        auto a = gpu::asarray<int>({1, 2, 3});
        auto b = gpu::asarray<int>({10, 20, 30});
        const gpu::host_array<int> h = gpu::asnumpy(a * b + 1);
        EXPECT_EQ(h.shape(), (gpu::shape_t{3}));
        return elements(h);
    });
    EXPECT_EQ(got, (std::vector<int>{11, 41, 91}));
}

// ---- printing, as NumPy's str() ---------------------------------------------------------------

TEST(Printing, NdarrayLikeNumPyStr) {
    same_on_every_executor([] {
        EXPECT_EQ(str(gpu::asarray<int>({1, 2, 3})), "[1 2 3]");
        EXPECT_EQ(str(gpu::asarray<double>({{1.5, 2.0}, {3.0, 4.0}})), "[[1.5 2. ]\n [3.  4. ]]");
        EXPECT_EQ(str(gpu::asarray<int>({-1, 10, 3})), "[-1 10  3]");
        EXPECT_EQ(str(gpu::asarray<std::uint8_t>({0, 255})), "[  0 255]");
        EXPECT_EQ(str(gpu::asarray<std::int8_t>({-128, 5})), "[-128    5]");
        EXPECT_EQ(str(gpu::asarray<bool>({true, false})), "[ True False]");
        EXPECT_EQ(str(gpu::asarray<float>({0.1f, 1.0f})), "[0.1 1. ]");
        EXPECT_EQ(str(gpu::asarray<int>({{{0, 1}, {2, 3}}, {{4, 5}, {6, 7}}})),
                  "[[[0 1]\n  [2 3]]\n\n [[4 5]\n  [6 7]]]");
        EXPECT_EQ(str(gpu::asarray<int>({{1, 2, 3}})), "[[1 2 3]]");
        // 0-d arrays print as their scalar; empty arrays as [].
        EXPECT_EQ(str(gpu::asarray(std::vector<int>{5}, {})), "5");
        EXPECT_EQ(str(gpu::asarray(std::vector<double>{2.0}, {})), "2.0");
        EXPECT_EQ(str(gpu::ndarray<float>(gpu::shape_t{0})), "[]");
        EXPECT_EQ(str(gpu::ndarray<float>(gpu::shape_t{2, 0})), "[]");
        // Views print in logical order: a.T of [[1, 2, 3], [4, 5, 6]].
        auto a = gpu::asarray<int>({{1, 2, 3}, {4, 5, 6}});
        EXPECT_EQ(str(gpu::ndarray<int>(a.buffer(), {3, 2}, {1, 3}, 0)), "[[1 4]\n [2 5]\n [3 6]]");
        EXPECT_EQ(str(gpu::ndarray<int>(a.buffer(), {3}, {-1}, 5)), "[6 5 4]");
        // More than 1000 elements are summarized: print(np.arange(2000)).
        std::vector<std::int64_t> big(2000);
        std::iota(big.begin(), big.end(), 0);
        EXPECT_EQ(str(gpu::asarray(big)), "[   0    1    2 ... 1997 1998 1999]");
        return 0;
    });
}
