// Cold-compile cost of the library's kernels, measured without a GPU, for any tree of the
// library (the current one or an older checkout): build this file once per tree (run.sh does),
// then
//   compile_time gen DIR        writes the translation units of the measured kernels to DIR
//                               (<name>.cu, <name>.entry: the kernel or name expression,
//                               <name>.opts: the tree's NVRTC options) and prints the median
//                               host-side times of a kernel-cache miss and of a disk-cache hit
//                               (everything but NVRTC and the GPU load);
//   compile_time nvrtc [--runs N] [--opts "A B"] [--regs] DIR...
//                               times NVRTC (source to cubin, as the library calls it) on the
//                               kernels of each DIR, alternating between the DIRs run by run so
//                               a busy machine disturbs all of them alike, and prints the
//                               median (and min) per kernel and DIR. --opts replaces the
//                               options written by gen (same options for every tree), --add
//                               appends options (e.g. --time=FILE for NVRTC's phase times),
//                               --only SUBSTR keeps the kernels so named; the times are process
//                               CPU time (a shared machine disturbs them less), or with --wall
//                               wall time; --regs prints ptxas's register and shared-memory use.
// The nvrtc mode uses no header of the library, so one build of it serves every tree.
// See tools/compile_time/run.sh.
#include <nvrtc.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#if defined(COMPILE_TIME_GEN)
#include <gpu/ndarray.hpp>
#include <gpu/random/random.hpp>
#if __has_include(<gpu/kernel/head.hpp>)
#define TREE_KERNEL_RUNTIME 1  // include/gpu/kernel/: kernel_source, name expressions, compiled_for
#include <gpu/kernel/cache.hpp>
#else
#define TREE_KERNEL_RUNTIME 0  // include/gpu/jit/: generated extern "C" gnd_kernel strings
#include <gpu/jit/kernel_cache.hpp>
#endif
#endif

namespace fs = std::filesystem;
using clk = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_text(const fs::path& p, const std::string& s) {
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out << s;
}

std::vector<std::string> split_ws(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> v;
    for (std::string w; in >> w;) v.push_back(w);
    return v;
}

// Median wall milliseconds of `runs` calls of f (after one warm-up call).
double time_ms(int runs, const std::function<void()>& f) {
    f();
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
        const auto a = clk::now();
        f();
        t.push_back(std::chrono::duration<double, std::milli>(clk::now() - a).count());
    }
    return median(t);
}

// ---- nvrtc mode --------------------------------------------------------------------------------

struct unit {
    std::string name, code, entry;
    bool name_expression = false;
    std::vector<std::string> opts;
};

void check(nvrtcResult r, const char* what) {
    if (r != NVRTC_SUCCESS) {
        std::fprintf(stderr, "%s: %s\n", what, nvrtcGetErrorString(r));
        std::exit(2);
    }
}

// CPU milliseconds of the process (all threads): unlike wall time, not inflated while other jobs
// hold the cores of a shared machine.
double cpu_ms() {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

bool use_cpu_time = true;

// One compile as the library does it (create, name expression, compile, cubin, lowered name);
// returns its CPU (or wall) milliseconds, and NVRTC's log in *log when asked.
double compile_once(const unit& u, const std::vector<std::string>& opts, std::string* log = nullptr,
                    std::size_t* cubin_size = nullptr) {
    const auto a = clk::now();
    const double c0 = cpu_ms();
    nvrtcProgram prog;
    check(nvrtcCreateProgram(&prog, u.code.c_str(), "gpu_ndarray_kernel.cu", 0, nullptr, nullptr), "nvrtcCreateProgram");
    if (u.name_expression) check(nvrtcAddNameExpression(prog, u.entry.c_str()), "nvrtcAddNameExpression");
    std::vector<const char*> argv;
    for (const auto& o : opts) argv.push_back(o.c_str());
    const nvrtcResult res = nvrtcCompileProgram(prog, static_cast<int>(argv.size()), argv.data());
    if (res != NVRTC_SUCCESS || log) {
        std::size_t n = 0;
        nvrtcGetProgramLogSize(prog, &n);
        std::string l(n, '\0');
        if (n) nvrtcGetProgramLog(prog, l.data());
        if (res != NVRTC_SUCCESS) {
            std::fprintf(stderr, "%s does not compile:\n%s\n", u.name.c_str(), l.c_str());
            std::exit(2);
        }
        *log = l;
    }
    std::size_t size = 0;
    check(nvrtcGetCUBINSize(prog, &size), "nvrtcGetCUBINSize");
    std::vector<char> cubin(size);
    check(nvrtcGetCUBIN(prog, cubin.data()), "nvrtcGetCUBIN");
    if (cubin_size) *cubin_size = size;
    if (u.name_expression) {
        const char* lowered = nullptr;
        check(nvrtcGetLoweredName(prog, u.entry.c_str(), &lowered), "nvrtcGetLoweredName");
    }
    nvrtcDestroyProgram(&prog);
    if (use_cpu_time) return cpu_ms() - c0;
    return std::chrono::duration<double, std::milli>(clk::now() - a).count();
}

std::vector<unit> load_units(const fs::path& dir) {
    std::vector<unit> units;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".cu") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        unit u;
        u.name = f.stem().string();
        u.code = read_text(f);
        fs::path p = f;
        const std::string entry = read_text(p.replace_extension(".entry"));
        u.name_expression = entry.rfind("expr ", 0) == 0;
        u.entry = entry.substr(entry.find(' ') + 1);
        while (!u.entry.empty() && u.entry.back() == '\n') u.entry.pop_back();
        u.opts = split_ws(read_text(p.replace_extension(".opts")));
        units.push_back(u);
    }
    return units;
}

int nvrtc_mode(int argc, char** argv) {
    int runs = 9;
    bool regs = false, have_opts = false;
    std::vector<std::string> opts, extra;
    std::string only;
    std::vector<fs::path> dirs;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
        else if (a == "--opts" && i + 1 < argc) opts = split_ws(argv[++i]), have_opts = true;
        else if (a == "--add" && i + 1 < argc) for (auto& o : split_ws(argv[++i])) extra.push_back(o);
        else if (a == "--only" && i + 1 < argc) only = argv[++i];
        else if (a == "--wall") use_cpu_time = false;
        else if (a == "--regs") regs = true;
        else dirs.emplace_back(a);
    }
    std::vector<std::vector<unit>> trees;
    for (const auto& d : dirs) {
        trees.push_back(load_units(d));
        auto& t = trees.back();
        if (!only.empty())
            t.erase(std::remove_if(t.begin(), t.end(), [&](const unit& u) { return u.name.find(only) == std::string::npos; }),
                    t.end());
        for (auto& u : t) u.opts.insert(u.opts.end(), extra.begin(), extra.end());
    }
    if (have_opts) opts.insert(opts.end(), extra.begin(), extra.end());
    // name -> per tree the times
    std::map<std::string, std::vector<std::vector<double>>> times;
    for (int r = -1; r < runs; ++r)  // run -1 warms NVRTC up (its first compile loads builtins)
        for (std::size_t t = 0; t < trees.size(); ++t)
            for (const auto& u : trees[t]) {
                const double ms = compile_once(u, have_opts ? opts : u.opts);
                auto& v = times[u.name];
                v.resize(trees.size());
                if (r >= 0) v[t].push_back(ms);
            }
    int major = 0, minor = 0;
    nvrtcVersion(&major, &minor);
    std::printf("NVRTC %d.%d, %d runs, median (min) %s ms%s\n", major, minor, runs, use_cpu_time ? "CPU" : "wall",
                have_opts ? "" : ", each tree's options");
    std::printf("%-26s", "kernel");
    for (const auto& d : dirs) std::printf(" %22s", d.filename().string().c_str());
    std::printf("  source bytes\n");
    for (const auto& [name, v] : times) {
        std::printf("%-26s", name.c_str());
        for (const auto& t : v) {
            if (t.empty()) { std::printf(" %22s", "-"); continue; }
            char cell[64];
            std::snprintf(cell, sizeof cell, "%.2f (%.2f)", median(t), *std::min_element(t.begin(), t.end()));
            std::printf(" %22s", cell);
        }
        std::printf(" ");
        for (const auto& tr : trees)
            for (const auto& u : tr)
                if (u.name == name) std::printf(" %zu", u.code.size());
        std::printf("\n");
    }
    if (regs) {
        std::printf("\nptxas -v (registers, shared memory) per kernel:\n");
        for (std::size_t t = 0; t < trees.size(); ++t)
            for (const auto& u : trees[t]) {
                std::vector<std::string> o = have_opts ? opts : u.opts;
                o.push_back("--ptxas-options=-v");
                std::string log;
                std::size_t cubin_size = 0;
                compile_once(u, o, &log, &cubin_size);
                std::printf("  %-12s %-24s cubin %zu bytes\n", dirs[t].filename().string().c_str(), u.name.c_str(), cubin_size);
                std::istringstream in(log);
                for (std::string line; std::getline(in, line);)
                    if (line.find("Used") != std::string::npos)
                        std::printf("  %-12s %-24s %s\n", dirs[t].filename().string().c_str(), u.name.c_str(),
                                    line.substr(line.find("Used")).c_str());
            }
    }
    return 0;
}

#if defined(COMPILE_TIME_GEN)
// ---- gen mode (built against one tree) ---------------------------------------------------------

namespace d = gpu::detail;

// The expression of the first-call benchmarks (bench/bench_elementwise.cpp) and a*x+y.
using tanh_expr = decltype(d::as_node(gpu::tanh(std::declval<gpu::ndarray<float>>()) * 3 + 1));
using axpy_expr = decltype(d::as_node(std::declval<float>() * std::declval<gpu::ndarray<float>>() +
                                      std::declval<gpu::ndarray<float>>()));
using sum_red = d::sum_reducer<float>;

d::kernel_variant ew_variant(const std::string& kind) {
    d::kernel_variant v;
    if (kind == "flat") v.vec = 4;
    if (kind == "strided") v.strided = true, v.rank = 2, v.vec = 4;
    if (kind == "tiled") v.tiled = true, v.rank = 2;
    return v;
}

d::reduce_variant sum_variant() {  // bench/bench_reductions.cpp's first_call_variant
    d::reduce_variant v;
    v.kind = d::reduce_variant::inner_block;
    v.vec = true;
    v.width = 4;
    return v;
}

struct generated {
    std::string name;
    std::function<std::string()> code;  // the translation unit
    std::string entry;                  // "expr <name expression>" or "kernel <symbol>"
};

#if TREE_KERNEL_RUNTIME
using source_t = d::kernel_source;
const std::string& code_of(const source_t& s) { return s.code; }
std::string entry_of(const source_t& s) { return (s.name_expression ? "expr " : "kernel ") + s.entry; }
template <class E> source_t ew_source(const d::kernel_variant& v) { return d::elementwise_kernel_source<E>(v); }
source_t sum_source() { return d::reduction_kernel_source<sum_red, tanh_expr>(sum_variant()); }
source_t sum_axpy_source() { return d::reduction_kernel_source<sum_red, axpy_expr>(sum_variant()); }
source_t randn_source() { return d::random_fill_kernel<d::gnd::normal_sampler, float, float>::source(); }
std::vector<std::string> tree_options(const d::compile_target& t, const source_t& s) {
    if constexpr (requires { d::nvrtc_options(t, s); }) return d::nvrtc_options(t, s);
    else return d::nvrtc_options(t, s.options);
}
// The disk-hit path without the GPU load: what compiled_for does before it returns.
std::size_t disk_hit(const std::function<source_t()>& make, const d::compile_target& t, d::disk_cache& c) {
    return d::compiled_for(make(), t, c).cubin.size();
}
#else
using source_t = std::string;
const std::string& code_of(const source_t& s) { return s; }
std::string entry_of(const source_t&) { return "kernel gnd_kernel"; }
template <class E> source_t ew_source(const d::kernel_variant& v) { return d::kernel_source<E>(v); }
source_t sum_source() { return d::reduction_source<sum_red, tanh_expr>(sum_variant()); }
source_t sum_axpy_source() { return d::reduction_source<sum_red, axpy_expr>(sum_variant()); }
source_t randn_source() { return d::random_fill_kernel<d::normal_sampler, float, float>::source(); }
std::vector<std::string> tree_options(const d::compile_target& t, const source_t&) { return d::nvrtc_options(t); }
// The disk-hit path without the GPU load: cubin_for's steps on a given cache.
std::size_t disk_hit(const std::function<source_t()>& make, const d::compile_target& t, d::disk_cache& c) {
    const std::string key = d::cache_key(make(), t);
    auto hit = c.load(key);
    if (!hit) {
        std::fprintf(stderr, "disk cache miss\n");
        std::exit(2);
    }
    return hit->size();
}
#endif

int gen_mode(const fs::path& dir, int runs) {
    fs::create_directories(dir);
    const d::compile_target target{9, 0};
    struct kernel {
        std::string name;
        std::function<source_t()> make;
    };
    const std::vector<kernel> kernels = {
        {"ew_tanh_flat", [] { return ew_source<tanh_expr>(ew_variant("flat")); }},
        {"ew_axpy_flat", [] { return ew_source<axpy_expr>(ew_variant("flat")); }},
        {"ew_axpy_strided", [] { return ew_source<axpy_expr>(ew_variant("strided")); }},
        {"ew_axpy_tiled", [] { return ew_source<axpy_expr>(ew_variant("tiled")); }},
        {"sum_tanh", sum_source},
        {"sum_axpy", sum_axpy_source},
        {"randn_f32", randn_source},
    };
    for (const auto& k : kernels) {
        const source_t s = k.make();
        std::string opts;  // the options the tree's compile_cubin passes for this source
        for (const auto& o : tree_options(target, s)) (opts += o) += ' ';
        write_text(dir / (k.name + ".cu"), code_of(s));
        write_text(dir / (k.name + ".entry"), entry_of(s) + "\n");
        write_text(dir / (k.name + ".opts"), opts + "\n");
    }

    // Host-side work, per kernel: the source; the disk-cache key; a miss's lookup (no file) and
    // store; a hit (source, key, file read and check, everything but cudaLibraryLoadData).
    const fs::path cache_dir = fs::temp_directory_path() / ("gpu_ndarray_compile_time." + std::to_string(::getpid()));
    fs::remove_all(cache_dir);
    d::disk_cache cache(cache_dir.string());
    d::disk_cache empty((cache_dir / "none").string());
    std::printf("host-side ms (median of %d)%*s %9s %9s %9s %9s %9s %9s\n", runs, 2, "", "source", "key", "miss_look",
                "store", "disk_hit", "key_bytes");
    for (const auto& k : kernels) {
        const std::string key = d::cache_key(k.make(), target);
        // The entry the tree's miss path stores (its real cubin), then its bytes for the store timing.
#if TREE_KERNEL_RUNTIME
        (void)d::compiled_for(k.make(), target, cache);
#else
        cache.store(key, d::compile_cubin(k.make(), target));
#endif
        const std::vector<char> payload = *cache.load(key);
        std::size_t sink = 0;
        const double src = time_ms(runs, [&] { sink += code_of(k.make()).size(); });
        const source_t s0 = k.make();
        const double key_ms = time_ms(runs, [&] { sink += d::cache_key(s0, target).size(); });
        const double miss = time_ms(runs, [&] { sink += empty.load(key) ? 1 : 0; });
        const double store = time_ms(runs, [&] { cache.store(key, payload); });
        const double hit = time_ms(runs, [&] { sink += disk_hit(k.make, target, cache); });
        std::printf("  %-26s %9.4f %9.4f %9.4f %9.4f %9.4f %9zu%s\n", k.name.c_str(), src, key_ms, miss, store, hit,
                    key.size(), sink ? "" : " ");
    }
    fs::remove_all(cache_dir);
    return 0;
}
#endif

}  // namespace

int main(int argc, char** argv) {
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "nvrtc") return nvrtc_mode(argc, argv);
#if defined(COMPILE_TIME_GEN)
    if (mode == "gen" && argc > 2) return gen_mode(argv[2], argc > 3 ? std::atoi(argv[3]) : 51);
#endif
    std::fprintf(stderr, "usage: %s gen DIR [RUNS] | nvrtc [--runs N] [--opts \"A B\"] [--regs] DIR...\n", argv[0]);
    return 2;
}
