// Boolean masks (a[mask], a[mask] = v) and nonzero / argwhere / flatnonzero / count_nonzero /
// one-argument where, against NumPy's values (worked out by hand from NumPy's definitions), on
// every executor: several dtypes, empty, all-true and all-false masks, 0-d arrays, transposed,
// reversed and broadcast (stride 0) inputs built with the view constructor, inputs large enough
// for many GPU blocks, and NumPy's error messages.
#include "support.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace {

using gpu_test::as;
using gpu_test::expect_values;
using gpu_test::make;
using gpu_test::make_bool;
using gpu_test::message_of;
using gpu_test::values_of;
using gpu_test::view;

template <class T>
class MaskNonzero : public ::testing::Test {};
TYPED_TEST_SUITE(MaskNonzero, gpu_test::sample_dtypes, gpu_test::dtype_names);

TYPED_TEST(MaskNonzero, SelectAndAssign) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<T>(as<T>({1, 0, 3, 4, 0, 6}), {2, 3});
        const auto m = make_bool({1, 0, 1, 0, 0, 1}, {2, 3});
        gpu::ndarray<T> s = a[m];
        EXPECT_EQ(s.shape(), (gpu::shape_t{3}));
        EXPECT_EQ(s.where(), ex);
        expect_values(values_of(s), as<T>({1, 3, 6}));
        expect_values(values_of(a[make_bool({1, 1, 1, 1, 1, 1}, {2, 3})].eval()), as<T>({1, 0, 3, 4, 0, 6}));
        EXPECT_EQ(a[make_bool({0, 0, 0, 0, 0, 0}, {2, 3})].eval().shape(), (gpu::shape_t{0}));

        auto b = a.copy();
        b[m] = make<T>(as<T>({0, 1, 0}));
        expect_values(values_of(b), as<T>({0, 0, 1, 4, 0, 0}));
        b[m] = 1;
        expect_values(values_of(b), as<T>({1, 0, 1, 4, 0, 1}));
        b[m] = make<T>(as<T>({0}));  // one value broadcasts
        expect_values(values_of(b), as<T>({0, 0, 0, 4, 0, 0}));
    }
}

TYPED_TEST(MaskNonzero, NonzeroFamily) {
    using T = TypeParam;
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const auto a = make<T>(as<T>({0, 1, 0, 2, 0, 3}), {2, 3});
        const auto nz = gpu::nonzero(a);
        ASSERT_EQ(nz.size(), 2u);
        expect_values(values_of(nz[0]), {0, 1, 1});
        expect_values(values_of(nz[1]), {1, 0, 2});
        EXPECT_EQ(nz[1].shape(), (gpu::shape_t{3}));
        EXPECT_TRUE(nz[1].is_contiguous());
        const auto w = gpu::where(a);
        expect_values(values_of(w[1]), {1, 0, 2});
        const auto aw = gpu::argwhere(a);
        EXPECT_EQ(aw.shape(), (gpu::shape_t{3, 2}));
        expect_values(values_of(aw), {0, 1, 1, 0, 1, 2});
        expect_values(values_of(gpu::flatnonzero(a)), {1, 3, 5});
        EXPECT_EQ(gpu::count_nonzero(a), 3);
        const auto zeros = make<T>(as<T>({0, 0, 0, 0}), {2, 2});
        EXPECT_EQ(gpu::count_nonzero(zeros), 0);
        EXPECT_EQ(gpu::argwhere(zeros).shape(), (gpu::shape_t{0, 2}));
        EXPECT_EQ(gpu::nonzero(zeros)[1].shape(), (gpu::shape_t{0}));
    }
}

TEST(Mask, ExpressionsAsMasksAndValues) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = make<std::int32_t>({5, -1, 7, -3, 0});
        expect_values(values_of(a[a > 0].eval()), {5, 7});
        a[a < 0] = 0;
        expect_values(values_of(a), {5, 0, 7, 0, 0});
        const auto b = make<std::int32_t>({10, 20});
        a[a > 6] = b(gpu::slice(1, 2)) * 2;  // one value: 40
        expect_values(values_of(a), {5, 0, 40, 0, 0});
        a[a == 0] = make<std::int32_t>({1, 2, 3}).astype<double>() + 0.5;  // 1.5 2.5 3.5, truncated
        expect_values(values_of(a), {5, 1, 40, 2, 3});
        // a[mask] = other[mask2]: the selection is written.
        auto c = make<std::int32_t>({1, 2, 3, 4});
        const auto d = make<std::int32_t>({9, 8, 7, 6});
        c[make_bool({1, 0, 0, 1}, {4})] = d[make_bool({0, 1, 1, 0}, {4})];
        expect_values(values_of(c), {8, 2, 3, 7});
    }
}

TEST(Mask, ScalarAndValueConversions) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = make<std::int32_t>({1, 2, 3});
        const auto m = make_bool({1, 0, 1}, {3});
        a[m] = 2.7;  // truncated as NumPy's setitem casts
        expect_values(values_of(a), {2, 2, 2});
        a[m] = make<double>({-1.5, 9.9});
        expect_values(values_of(a), {-1, 2, 9});
        a[m] = make<std::int64_t>({4}, gpu::shape_t{});  // 0-d
        expect_values(values_of(a), {4, 2, 4});
        auto f = make<float>({1.f, 2.f, 3.f});
        f[m] = std::numeric_limits<double>::infinity();
        EXPECT_TRUE(std::isinf(values_of(f)[0]));
        auto i8 = make<std::int8_t>({1, 2, 3});
        EXPECT_EQ(message_of<gpu::overflow_error>([&] { i8[m] = 300; }), "Python integer 300 out of bounds for int8");
        auto u8 = make<std::uint8_t>({1, 2, 3});
        EXPECT_EQ(message_of<gpu::overflow_error>([&] { u8[m] = -1; }), "Python integer -1 out of bounds for uint8");
        auto bl = make<bool>({false, false, false});
        bl[m] = 5;  // non-zero is True
        expect_values(values_of(bl), {true, false, true});
    }
}

TEST(Mask, ViewsAndZeroD) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto base = make<std::int32_t>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {3, 4});
        const auto t = view(base, {4, 3}, {1, 4}, 0);  // transpose: rows 0 4 8 / 1 5 9 / 2 6 10 / 3 7 11
        const auto mt = make_bool({1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0, 1}, {4, 3});
        expect_values(values_of(t[mt].eval()), {0, 5, 9, 3, 11});
        // The mask itself transposed: mask2.T where mask2 (3, 4) is row-major below.
        const auto m2 = make_bool({1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1}, {3, 4});
        expect_values(values_of(t[view(m2, {4, 3}, {1, 4}, 0)].eval()), {0, 5, 3, 11});
        // Broadcast mask (stride 0 along axis 0): [[1,0,1,0]] * 3 over base.
        const auto row = make_bool({1, 0, 1, 0}, {4});
        expect_values(values_of(base[view(row, {3, 4}, {0, 1}, 0)].eval()), {0, 2, 4, 6, 8, 10});
        // Writing through the transposed view: selected elements of t in t's C order.
        t[mt] = make<std::int32_t>({-1, -2, -3, -4, -5});
        expect_values(values_of(base), {-1, 1, 2, -4, 4, -2, 6, 7, 8, -3, 10, -5});
        // A reversed view.
        auto r = make<double>({1, 2, 3, 4, 5});
        const auto rev = view(r, {5}, {-1}, 4);  // 5 4 3 2 1
        expect_values(values_of(rev[make_bool({1, 1, 0, 0, 1}, {5})].eval()), {5.0, 4.0, 1.0});
        rev[make_bool({1, 0, 0, 1, 0}, {5})] = make<double>({50, 20});
        expect_values(values_of(r), {1.0, 20.0, 3.0, 4.0, 50.0});
        // Values that are a view of the array are read before any write.
        auto s = make<std::int32_t>({1, 2, 3, 4});
        s[make_bool({1, 1, 0, 0}, {4})] = view(s, {2}, {1}, 2);
        expect_values(values_of(s), {3, 4, 3, 4});
        // 0-d: a[True] has shape (1,), a[False] shape (0,).
        auto z = make<float>({7.f}, gpu::shape_t{});
        const auto yes = make_bool({1}, gpu::shape_t{}), no = make_bool({0}, gpu::shape_t{});
        expect_values(values_of(z[yes].eval()), {7.f});
        EXPECT_EQ(z[no].eval().shape(), (gpu::shape_t{0}));
        z[yes] = make<float>({3.f}, {1});
        expect_values(values_of(z), {3.f});
        z[no] = 9.f;
        expect_values(values_of(z), {3.f});
        // Empty arrays.
        const auto e = make<std::int32_t>({}, {0, 3});
        const auto em = make_bool({}, {0, 3});
        EXPECT_EQ(e[em].eval().shape(), (gpu::shape_t{0}));
        e[em] = make<std::int32_t>({});
        e[em] = 5;
    }
}

TEST(Mask, ManyBlocks) {
    // Sizes that are not multiples of the block or chunk, so the GPU's two-pass compaction
    // spans many blocks with partial tiles.
    for (const std::int64_t n : {std::int64_t{100003}, std::int64_t{4097}, std::int64_t{255}}) {
        std::vector<std::int32_t> v(static_cast<std::size_t>(n));
        std::vector<std::uint8_t> mb(static_cast<std::size_t>(n));
        std::vector<std::int32_t> picked, scattered;
        std::vector<std::int64_t> flat;
        for (std::int64_t i = 0; i < n; ++i) {
            v[i] = static_cast<std::int32_t>(i);
            mb[i] = (i % 7 == 3 || (i / 1000) % 5 == 0) ? 1 : 0;
        }
        scattered = v;
        std::int64_t k = 0;
        std::vector<std::int32_t> values;
        for (std::int64_t i = 0; i < n; ++i)
            if (mb[i]) {
                picked.push_back(v[i]);
                flat.push_back(i);
                values.push_back(static_cast<std::int32_t>(-k - 1));
                scattered[i] = static_cast<std::int32_t>(-k - 1);
                ++k;
            }
        GPU_TEST_FOR_EACH_EXECUTOR(ex) {
            SCOPED_TRACE("n = " + std::to_string(n));
            auto a = make<std::int32_t>(v);
            const auto m = make_bool(mb, {n});
            expect_values(values_of(a[m].eval()), picked);
            expect_values(values_of(gpu::flatnonzero(m)), flat);
            EXPECT_EQ(gpu::count_nonzero(m), k);
            expect_values(values_of(gpu::nonzero(a % 7 == 3)[0]), values_of(gpu::flatnonzero(a % 7 == 3)));
            a[m] = make<std::int32_t>(values);
            expect_values(values_of(a), scattered);
        }
    }
}

TEST(Nonzero, FloatsViewsAndZeroD) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const auto f = make<double>({0.0, -0.0, nan, 1.5});
        expect_values(values_of(gpu::flatnonzero(f)), {2, 3});  // NaN is non-zero, -0.0 is not
        EXPECT_EQ(gpu::count_nonzero(f), 2);
        // A 3-D transposed view: base (2, 3, 2) with axes reversed -> (2, 3, 2) view.
        const auto base = make<std::int16_t>({0, 1, 0, 0, 2, 0, 0, 0, 3, 0, 0, 4}, {2, 3, 2});
        const auto t = view(base, {2, 3, 2}, {1, 2, 6}, 0);  // t[i,j,k] = base[k,j,i]
        const auto aw = gpu::argwhere(t);
        // Non-zero base elements: (0,0,1)=1, (0,2,0)=2, (1,1,0)=3, (1,2,1)=4 -> t coords reversed.
        EXPECT_EQ(aw.shape(), (gpu::shape_t{4, 3}));
        expect_values(values_of(aw), {0, 1, 1, 0, 2, 0, 1, 0, 0, 1, 2, 1});
        const auto nz = gpu::nonzero(t);
        ASSERT_EQ(nz.size(), 3u);
        expect_values(values_of(nz[0]), {0, 0, 1, 1});
        expect_values(values_of(nz[1]), {1, 2, 0, 2});
        expect_values(values_of(nz[2]), {1, 0, 0, 1});
        // Broadcast input (stride 0): the row [0, 5, 0] repeated twice.
        const auto row = make<std::uint8_t>({0, 5, 0});
        expect_values(values_of(gpu::argwhere(view(row, {2, 3}, {0, 1}, 0))), {0, 1, 1, 1});
        // Reversed.
        expect_values(values_of(gpu::flatnonzero(view(row, {3}, {-1}, 2))), {1});
        // 0-d: nonzero is an error; argwhere gives (count, 0); flatnonzero and count work.
        const auto s = make<std::int32_t>({5}, gpu::shape_t{});
        EXPECT_EQ(message_of<gpu::value_error>([&] { gpu::nonzero(s); }),
                  "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead. If the "
                  "context of this error is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.");
        EXPECT_EQ(gpu::argwhere(s).shape(), (gpu::shape_t{1, 0}));
        EXPECT_EQ(gpu::argwhere(make<std::int32_t>({0}, gpu::shape_t{})).shape(), (gpu::shape_t{0, 0}));
        expect_values(values_of(gpu::flatnonzero(s)), {0});
        EXPECT_EQ(gpu::count_nonzero(s), 1);
        // Empty.
        EXPECT_EQ(gpu::count_nonzero(make<float>({})), 0);
        EXPECT_EQ(gpu::flatnonzero(make<float>({})).shape(), (gpu::shape_t{0}));
        EXPECT_EQ(gpu::argwhere(make<float>({}, {0, 2})).shape(), (gpu::shape_t{0, 2}));
    }
}

TEST(Mask, Errors) {
    GPU_TEST_FOR_EACH_EXECUTOR(ex) {
        auto a = make<std::int32_t>({1, 2, 3});
        EXPECT_EQ(message_of<gpu::index_error>([&] { gpu::ndarray<std::int32_t> r = a[make_bool({1, 0}, {2})]; }),
                  "boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding "
                  "boolean axis is 2");
        const auto m2 = make<std::int32_t>({1, 2, 3, 4, 5, 6}, {2, 3});
        EXPECT_EQ(message_of<gpu::index_error>([&] { m2[make_bool({1, 0, 1, 0, 1, 0, 1, 0}, {2, 4})] = 0; }),
                  "boolean index did not match indexed array along axis 1; size of axis is 3 but size of corresponding "
                  "boolean axis is 4");
        EXPECT_EQ(message_of<gpu::index_error>([&] { a[make_bool({1, 0, 1}, {1, 3})].eval(); }),
                  "too many indices for array: array is 1-dimensional, but 2 were indexed");
        const auto m = make_bool({1, 0, 1}, {3});
        EXPECT_EQ(message_of<gpu::value_error>([&] { a[m] = make<std::int32_t>({1, 2, 3}); }),
                  "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where "
                  "the mask is true");
        EXPECT_EQ(message_of<gpu::value_error>([&] { a[m] = make<std::int32_t>({}); }),
                  "NumPy boolean array indexing assignment cannot assign 0 input values to the 2 output values where "
                  "the mask is true");
        EXPECT_EQ(message_of<gpu::value_error>([&] { a[make_bool({0, 0, 0}, {3})] = make<std::int32_t>({1, 2}); }),
                  "NumPy boolean array indexing assignment cannot assign 2 input values to the 0 output values where "
                  "the mask is true");
        EXPECT_EQ(message_of<gpu::type_error>([&] { a[m] = make<std::int32_t>({1, 2}, {1, 2}); }),
                  "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has 2 "
                  "dimensions");
        expect_values(values_of(a), {1, 2, 3});  // nothing was written
    }
}

}  // namespace
