// Views on an image: crop, flip and transpose without copying, and a 5-point Laplacian stencil
// written with shifted slices, as a NumPy user would:
//
//   lap = img[:-2, 1:-1] + img[2:, 1:-1] + img[1:-1, :-2] + img[1:-1, 2:] - 4 * img[1:-1, 1:-1]
//
// Every result is checked against a plain loop over the host copy of the image.
#include <gpu/ndarray.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <vector>

namespace {

using gpu::none;
using gpu::slice;

int failures = 0;

void check(bool ok, const char* what) {
    std::printf("%-44s %s\n", what, ok ? "ok" : "MISMATCH");
    failures += ok ? 0 : 1;
}

}  // namespace

int main() {
    constexpr std::int64_t h = 480, w = 640;
    std::vector<float> pixels(h * w);
    for (std::int64_t y = 0; y < h; ++y)
        for (std::int64_t x = 0; x < w; ++x)
            pixels[y * w + x] = std::sin(0.05f * static_cast<float>(x)) * std::cos(0.03f * static_cast<float>(y));
    auto px = [&](std::int64_t y, std::int64_t x) { return pixels[y * w + x]; };

    const gpu::ndarray<float> img = gpu::asarray(pixels, {h, w});
    std::cout << "executor: " << gpu::to_string(img.where()) << ", image " << gpu::to_string(img.shape()) << "\n";

    // Crop rows 100..299 and every second column of 200..599: a view, no copy.
    const auto crop = img(slice(100, 300), slice(200, 600, 2));
    {
        const auto r = gpu::asnumpy(crop);
        bool ok = crop.buffer() == img.buffer() && r.shape() == gpu::shape_t{200, 200};
        for (std::int64_t y = 0; y < 200 && ok; ++y)
            for (std::int64_t x = 0; x < 200 && ok; ++x) ok = r(y, x) == px(100 + y, 200 + 2 * x);
        check(ok, "crop img[100:300, 200:600:2] (a view)");
    }

    // Mirror left-right with a negative step, and transpose: views too.
    {
        const auto r = gpu::asnumpy(img(gpu::colon, slice(none, none, -1)));
        bool ok = true;
        for (std::int64_t y = 0; y < h && ok; ++y)
            for (std::int64_t x = 0; x < w && ok; ++x) ok = r(y, x) == px(y, w - 1 - x);
        check(ok, "mirror img[:, ::-1]");
    }
    {
        const auto t = img.T();
        const auto r = gpu::asnumpy(t);
        bool ok = t.buffer() == img.buffer() && r.shape() == gpu::shape_t{w, h};
        for (std::int64_t x = 0; x < w && ok; ++x)
            for (std::int64_t y = 0; y < h && ok; ++y) ok = r(x, y) == px(y, x);
        check(ok, "transpose img.T");
    }

    // The Laplacian of the interior, one fused kernel over five shifted views.
    const auto inner = slice(1, -1);
    const gpu::ndarray<float> lap = img(slice(none, -2), inner) + img(slice(2, none), inner) +
                                    img(inner, slice(none, -2)) + img(inner, slice(2, none)) - 4 * img(inner, inner);
    {
        const auto r = gpu::asnumpy(lap);
        bool ok = r.shape() == gpu::shape_t{h - 2, w - 2};
        for (std::int64_t y = 1; y < h - 1 && ok; ++y)
            for (std::int64_t x = 1; x < w - 1 && ok; ++x) {
                const float expect = px(y - 1, x) + px(y + 1, x) + px(y, x - 1) + px(y, x + 1) - 4 * px(y, x);
                ok = std::fabs(r(y - 1, x - 1) - expect) <= 1e-5f;
            }
        check(ok, "5-point Laplacian from shifted slices");
    }

    // Write through a view: black out a border of 8 pixels on a copy of the image.
    {
        gpu::ndarray<float> framed = img.copy();
        framed(slice(none, 8)) = 0.f;
        framed(slice(-8, none)) = 0.f;
        framed(gpu::colon, slice(none, 8)) = 0.f;
        framed(gpu::colon, slice(-8, none)) = 0.f;
        const auto r = gpu::asnumpy(framed);
        bool ok = true;
        for (std::int64_t y = 0; y < h && ok; ++y)
            for (std::int64_t x = 0; x < w && ok; ++x) {
                const bool border = y < 8 || y >= h - 8 || x < 8 || x >= w - 8;
                ok = r(y, x) == (border ? 0.f : px(y, x));
            }
        check(ok, "border written through four views");
    }

    if (failures) {
        std::fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    std::cout << "all checks passed\n";
    return 0;
}
