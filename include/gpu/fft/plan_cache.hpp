#pragma once
// The FFT plan caches: one small least-recently-used list type, used for the host executor's
// plans (process-wide: a host plan is immutable once made) and for cuFFT plans (one list per
// thread and device: a cuFFT plan holds its stream and work area, so two threads must not share
// one). A hit is a linear search of at most `plan_cache_size()` keys: no hashing, no allocation.
//
// The limit (number of plans per list, CuPy's default 16) and clearing are process-wide, as
// CuPy's cupy.fft.config.get_plan_cache(): plan_cache_clear() bumps a generation number that
// every list compares on its next use, so each thread destroys its own cuFFT plans.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace gpu::fft {

namespace detail {
struct plan_cache_settings {
    std::atomic<std::size_t> size{16};
    std::atomic<std::uint64_t> generation{0};
};
inline plan_cache_settings& cache_settings() {
    static plan_cache_settings s;
    return s;
}
}  // namespace detail

// Plans kept per cache (per thread and device for cuFFT; the host executor's list is shared).
inline std::size_t plan_cache_size() { return detail::cache_settings().size.load(std::memory_order_relaxed); }
inline void set_plan_cache_size(std::size_t n) { detail::cache_settings().size.store(n, std::memory_order_relaxed); }
// Drops every cached plan (each thread's cuFFT plans are destroyed on that thread's next FFT).
inline void plan_cache_clear() { detail::cache_settings().generation.fetch_add(1, std::memory_order_relaxed); }

namespace detail {

// Most recent last. `drop` releases a value that leaves the list (nullptr: its destructor does).
template <class Key, class Value>
class lru_list {
public:
    using drop_fn = void (*)(Value&);
    explicit lru_list(drop_fn drop = nullptr) : drop_(drop) {}
    lru_list(const lru_list&) = delete;
    lru_list& operator=(const lru_list&) = delete;
    ~lru_list() { clear(); }

    // The value of `key`, or nullptr. A hit moves to the back.
    Value* find(const Key& key) {
        sync_generation();
        for (std::size_t i = 0; i < items_.size(); ++i)
            if (items_[i].first == key) {
                if (i + 1 != items_.size()) {
                    auto hit = std::move(items_[i]);
                    items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
                    items_.push_back(std::move(hit));
                }
                return &items_.back().second;
            }
        return nullptr;
    }
    // Inserts a key that find missed, evicting the oldest past the limit (the newest plan is
    // always kept, even with a limit of 0, since the caller is about to use it); the reference
    // stays valid until the next insert or clear.
    Value& insert(const Key& key, Value v) {
        sync_generation();
        const std::size_t limit = plan_cache_size();
        while (!items_.empty() && items_.size() >= (limit ? limit : 1)) {
            if (drop_) drop_(items_.front().second);
            items_.erase(items_.begin());
        }
        items_.emplace_back(key, std::move(v));
        return items_.back().second;
    }
    void clear() {
        if (drop_)
            for (auto& it : items_) drop_(it.second);
        items_.clear();
    }
    std::size_t count() const { return items_.size(); }
    template <class Fn>
    void for_each(Fn&& fn) {
        for (auto& [k, v] : items_) fn(k, v);
    }

private:
    void sync_generation() {
        const std::uint64_t g = cache_settings().generation.load(std::memory_order_relaxed);
        if (g == generation_) return;
        generation_ = g;
        clear();
    }
    std::vector<std::pair<Key, Value>> items_;
    drop_fn drop_;
    std::uint64_t generation_ = cache_settings().generation.load(std::memory_order_relaxed);
};

}  // namespace detail
}  // namespace gpu::fft
