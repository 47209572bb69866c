#pragma once
// Small measuring helpers shared by the benchmark modes.

#include <boost/json/object.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <ctime>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace revolut::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_between(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double>(b - a).count();
}

/// CPU seconds of the calling thread (time preempted by other processes is not counted).
inline double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

/// The q-quantile (0..1) by nearest rank; 0 for no samples. Reorders `v`.
inline double quantile(std::vector<double>& v, double q) {
    if (v.empty()) return 0;
    auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(v.size())));
    rank = std::clamp<std::size_t>(rank, 1, v.size()) - 1;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(rank), v.end());
    return v[rank];
}

inline double median(std::vector<double> v) { return quantile(v, 0.5); }

/// Resident set size of this process in bytes, from /proc/self/statm.
inline std::size_t rss_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::size_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

/// The 1-minute load average, the machine's business while we measure.
inline double load_average() {
    std::ifstream in("/proc/loadavg");
    double one = 0;
    in >> one;
    return one;
}

/// Where a mode writes its results.
void write_json(const std::string& path, const boost::json::object& result);

}  // namespace revolut::bench
