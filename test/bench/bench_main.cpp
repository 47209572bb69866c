// revolut_bench: the client against the raw Beast/OpenSSL limit, plus startup, memory,
// allocation and webhook-receive figures. `test/bench/run.sh` runs every mode and writes
// docs/benchmarks.md; run a mode alone while working on the hot path:
//
//   revolut_bench throughput [--reps N] [--seconds S] [--warmup S] [--concurrency 1,16,256]
//                            [--workloads get_all_webhooks,transactions_1000,create_webhook]
//                            [--variants raw,client]
//   revolut_bench startup [--samples N]
//   revolut_bench memory [--calls N] [--connections N]
//   revolut_bench allocations [--calls N]
//   revolut_bench profile [--workload W] [--variant client|raw] [--calls N]   (under callgrind)
//   revolut_bench webhook [--seconds S]
//   revolut_bench report --json OUT --markdown OUT --plot-data OUT [--meta-KEY VALUE] IN.json...
//
// Every mode but report prints its JSON to stdout (or to --out FILE), progress to stderr.

#include "alloc_counter.hpp"
#include "measure.hpp"
#include "modes.hpp"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace revolut::bench {

void write_json(const std::string& path, const boost::json::object& result) {
    const std::string text = boost::json::serialize(result) + "\n";
    if (path.empty() || path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return;
    }
    std::ofstream out(path);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace revolut::bench

namespace {

using namespace revolut::bench;

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> parts;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) parts.push_back(part);
    return parts;
}

Workload workload_named(const std::string& name) {
    for (Workload w : {Workload::list_webhooks, Workload::list_transactions, Workload::create_webhook})
        if (name == name_of(w)) return w;
    throw std::invalid_argument("unknown workload " + name);
}

int usage() {
    std::fprintf(stderr, "usage: revolut_bench throughput|startup|memory|allocations|profile|webhook|report [options]"
                         " (see the comment at the top of test/bench/bench_main.cpp)\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    // Before anything touches OpenSSL, so that all of its allocations are counted.
    count_openssl_allocations();
    if (argc < 2) return usage();
    const std::string mode = argv[1];
    std::map<std::string, std::string> options;
    std::vector<std::string> inputs;
    for (int i = 2; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) == 0 && i + 1 < argc) options[arg.substr(2)] = argv[++i];
        else inputs.push_back(arg);
    }
    auto get = [&](const std::string& key, const std::string& fallback) {
        auto it = options.find(key);
        return it == options.end() ? fallback : it->second;
    };
    try {
        boost::json::object result;
        if (mode == "throughput") {
            ThroughputOptions o;
            o.reps = std::stoi(get("reps", "5"));
            o.seconds = std::stod(get("seconds", "1.0"));
            o.warmup = std::stod(get("warmup", "0.25"));
            if (options.count("concurrency")) {
                o.concurrency.clear();
                for (const auto& c : split(options["concurrency"])) o.concurrency.push_back(std::stoul(c));
            }
            if (options.count("workloads")) {
                o.workloads.clear();
                for (const auto& w : split(options["workloads"])) o.workloads.push_back(workload_named(w));
            }
            if (options.count("variants")) {
                const auto variants = split(options["variants"]);
                o.run_raw = std::find(variants.begin(), variants.end(), "raw") != variants.end();
                o.run_client = std::find(variants.begin(), variants.end(), "client") != variants.end();
            }
            result = run_throughput(o);
        } else if (mode == "startup") {
            result = run_startup(std::stoi(get("samples", "20")));
        } else if (mode == "memory") {
            result = run_memory(std::stoul(get("calls", "10000")), std::stoul(get("connections", "16")));
        } else if (mode == "allocations") {
            result = run_allocations(std::stoul(get("calls", "2000")));
        } else if (mode == "profile") {
            result = run_profile(workload_named(get("workload", "get_all_webhooks")), get("variant", "client") == "raw",
                                 std::stoul(get("calls", "2000")));
        } else if (mode == "webhook") {
            result = run_webhook_verify(std::stod(get("seconds", "1.0")));
        } else if (mode == "report") {
            std::map<std::string, std::string> meta;
            for (const auto& [key, value] : options)
                if (key.rfind("meta-", 0) == 0) meta[key.substr(5)] = value;
            return run_report(inputs, meta, get("json", ""), get("markdown", ""), get("plot-data", ""));
        } else {
            return usage();
        }
        write_json(get("out", "-"), result);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "revolut_bench %s failed: %s\n", mode.c_str(), e.what());
        return 1;
    }
}
