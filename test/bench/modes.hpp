#pragma once
// The benchmark modes of revolut_bench; each returns its results as a JSON object.

#include "workloads.hpp"

#include <boost/json/object.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace revolut::bench {

struct ThroughputOptions {
    int reps = 5;
    double seconds = 1.0;  ///< measured window per run
    double warmup = 0.25;  ///< after every worker's first call, before the window
    std::vector<std::size_t> concurrency{1, 16, 256};
    std::vector<Workload> workloads{Workload::list_webhooks, Workload::list_transactions,
                                    Workload::create_webhook};
    bool run_raw = true;     ///< false: client only (profiling)
    bool run_client = true;  ///< false: raw only
};

/// Workloads 1-3 at each concurrency, client and raw, `reps` times.
boost::json::object run_throughput(const ThroughputOptions& options);
/// Time to first response from a cold start, and on a second connection with and without
/// TLS session resumption; checks the client's pool resumes.
boost::json::object run_startup(int samples);
/// RSS per in-flight get_all_webhooks call with `calls` calls in flight.
boost::json::object run_memory(std::size_t calls, std::size_t max_connections);
/// Heap allocations per call (operator new + OpenSSL's allocator) for each workload.
boost::json::object run_allocations(std::size_t calls);
/// `calls` sequential calls of one workload and variant (raw or client), callgrind
/// instrumentation on around them only (see allocations.cpp).
boost::json::object run_profile(Workload w, bool raw, std::size_t calls);
/// Webhook receive path: signature verification and event parsing, events per second.
boost::json::object run_webhook_verify(double seconds);
/// Merges results files into one JSON, a Markdown section and gnuplot data. `meta` (commit,
/// load averages, duration of the run...) is recorded as given.
int run_report(const std::vector<std::string>& inputs, const std::map<std::string, std::string>& meta,
               const std::string& json_out, const std::string& markdown_out,
               const std::string& plot_data_out);

}  // namespace revolut::bench
