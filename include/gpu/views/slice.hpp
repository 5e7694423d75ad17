#pragma once
// The index tokens of basic indexing, spelled after Python so that NumPy's a[1, 0:10:2, None, ...]
// reads a(1, gpu::slice(0, 10, 2), gpu::newaxis, gpu::ellipsis):
//   gpu::slice() is `:`, gpu::slice(stop) is `:stop`, gpu::slice(start, stop[, step]) is
//   `start:stop[:step]`, as Python's slice(); gpu::none is an omitted bound (Python's None), so
//   gpu::slice(gpu::none, gpu::none, -1) is `::-1` and gpu::slice(2, gpu::none) is `2:`;
//   gpu::newaxis is gpu::none, as np.newaxis is None; gpu::ellipsis is `...`; gpu::colon is `:` (the name gpu::all is kept for the reduction, np.all).
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

#include "gpu/core/axis.hpp"  // gpu::none, gpu::newaxis

namespace gpu {

// Python's Ellipsis (`...`): as many full slices as the other indices leave axes.
struct ellipsis_t {
    explicit constexpr ellipsis_t() = default;
};
inline constexpr ellipsis_t ellipsis{};

namespace detail {
template <class>
inline constexpr bool dependent_false_v = false;
}  // namespace detail

// Python's slice object. Bounds are integers of any integral type or gpu::none; they are not
// checked here: indexing clips them to an axis as slice.indices() does, and rejects a zero step.
class slice {
public:
    // One bound: an integer or gpu::none.
    class bound {
    public:
        constexpr bound(none_t) noexcept {}  // NOLINT(google-explicit-constructor): gpu::slice(gpu::none, 3)
        template <std::integral I>
        constexpr bound(I v) noexcept  // NOLINT(google-explicit-constructor): gpu::slice(1, 3)
            : value_(saturate(v)), given_(true) {}
        template <class X>
            requires(!std::integral<X> && !std::same_as<X, none_t>)
        constexpr bound(X) noexcept {  // NOLINT(google-explicit-constructor): only here to explain
            static_assert(detail::dependent_false_v<X>,
                          "gpu::slice: slice indices must be integers or gpu::none (Python's TypeError "
                          "'slice indices must be integers or None')");
        }

        constexpr bool given() const noexcept { return given_; }
        constexpr std::int64_t value() const noexcept { return value_; }

    private:
        // Unsigned values above int64's range clip to its maximum: no axis is that long, so a
        // bound there means the same as any bound past the end.
        template <class I>
        static constexpr std::int64_t saturate(I v) noexcept {
            if constexpr (std::is_unsigned_v<I> && sizeof(I) >= sizeof(std::int64_t))
                if (v > static_cast<I>(std::numeric_limits<std::int64_t>::max()))
                    return std::numeric_limits<std::int64_t>::max();
            return static_cast<std::int64_t>(v);
        }

        std::int64_t value_ = 0;
        bool given_ = false;
    };

    constexpr slice() noexcept = default;                                    // `:`
    constexpr explicit slice(bound stop) noexcept : stop_(stop) {}           // `:stop`
    constexpr slice(bound start, bound stop) noexcept : start_(start), stop_(stop) {}  // `start:stop`
    constexpr slice(bound start, bound stop, bound step) noexcept             // `start:stop:step`
        : start_(start), stop_(stop), step_(step) {}

    constexpr bound start() const noexcept { return start_; }
    constexpr bound stop() const noexcept { return stop_; }
    constexpr bound step() const noexcept { return step_; }

private:
    bound start_{none}, stop_{none}, step_{none};
};

// `:`, a whole axis.
inline constexpr slice colon{};

}  // namespace gpu
