// `revolut_bench report`: merges the modes' JSON into one file, writes the Markdown section
// docs/benchmarks.md shows (tables and the targets, met or missed, with numbers) and
// the data gnuplot draws.

#include "modes.hpp"

#include "measure.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>

#include <sys/utsname.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace revolut::bench {

namespace json = boost::json;

namespace {

std::string format(const char* f, ...) __attribute__((format(printf, 1, 2)));
std::string format(const char* f, ...) {
    char buf[1024];
    va_list args;
    va_start(args, f);
    std::vsnprintf(buf, sizeof buf, f, args);
    va_end(args);
    return buf;
}

double num(const json::value& v, std::string_view key) { return v.at(key).to_number<double>(); }

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("model name", 0) == 0) {
            auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    }
    return "unknown CPU";
}

json::object machine(const std::map<std::string, std::string>& meta) {
    json::object m;
    m["cpu"] = cpu_model();
    m["online_cpus"] = sysconf(_SC_NPROCESSORS_ONLN);
    utsname u{};
    uname(&u);
    m["kernel"] = std::string(u.sysname) + " " + u.release;
    m["compiler"] = "GCC " __VERSION__;
    for (const auto& [key, value] : meta) m[key] = value;
    return m;
}

const char* mark(bool met) { return met ? "met" : "**missed**"; }

struct Writer {
    std::string out;
    void line(const std::string& s = {}) { out += s + "\n"; }
};

void throughput_section(Writer& w, const json::object& t) {
    const auto& config = t.at("config");
    w.line(format("### Throughput and latency (medians of %d repetitions of %.1f s each)",
                  static_cast<int>(num(config, "reps")), num(config, "seconds")));
    w.line();
    w.line("Client and raw baseline interleaved in one run. *ratio* = client / raw; *CPU/call* is the "
           "benchmark thread's CPU time per call (client or raw), *server busy* the emulator thread's "
           "share of a core (near 1.0: the emulator, not the caller, limits throughput).");
    w.line();
    w.line("| workload | c | raw calls/s | client calls/s | ratio | raw p50 µs | client p50 µs | raw p99 µs | "
           "client p99 µs | p99 overhead µs | raw CPU/call µs | client CPU/call µs | server busy (raw/client) |");
    w.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const auto& row : t.at("summary").as_array()) {
        const auto& raw = row.at("raw");
        const auto& client = row.at("client");
        w.line(format("| %s | %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.0f | %.0f | %+.0f | %.1f | %.1f | %.2f / %.2f |",
                      row.at("workload").as_string().c_str(), static_cast<int>(num(row, "concurrency")),
                      num(raw, "throughput"), num(client, "throughput"), num(row, "ratio_throughput"),
                      num(raw, "p50_us"), num(client, "p50_us"), num(raw, "p99_us"), num(client, "p99_us"),
                      num(row, "p99_overhead_us"), num(raw, "client_cpu_us_per_call"),
                      num(client, "client_cpu_us_per_call"), num(raw, "server_cpu_busy"),
                      num(client, "server_cpu_busy")));
    }
    w.line();
}

void startup_section(Writer& w, const json::object& s) {
    w.line(format("### Time to first response (medians of %d samples, ms)", static_cast<int>(num(s, "samples"))));
    w.line();
    const auto& c = s.at("client");
    const auto& r = s.at("raw");
    const auto& pool = s.at("client_pool_check");
    w.line("| | raw | client |");
    w.line("|---|---:|---:|");
    w.line(format("| cold start: create, connect, full TLS handshake, first response | %.2f | %.2f |",
                  num(r.at("cold_first_response"), "median_ms"), num(c.at("cold_first_response"), "median_ms")));
    w.line(format("| second connection, TLS session resumed | %.2f | %.2f |",
                  num(r.at("second_connection_resumed"), "median_ms"), num(c.at("second_connection"), "median_ms")));
    w.line(format("| second connection, full handshake (reference) | %.2f | — |",
                  num(r.at("second_connection_full_handshake"), "median_ms")));
    w.line();
    w.line(format("Resumption: the raw baseline resumed %.0f%% of its second connections; the client's pool "
                  "opened %.0f connections one after another and resumed %.0f of them (SSL_session_reused).",
                  100 * num(r, "resumed_fraction"), num(pool, "connections_opened"), num(pool, "connections_resumed")));
    w.line();
}

void allocations_section(Writer& w, const json::object& a) {
    w.line("### Heap allocations per call (operator new + OpenSSL allocator, calling thread)");
    w.line();
    w.line("| workload | raw allocs | client allocs | raw bytes | client bytes |");
    w.line("|---|---:|---:|---:|---:|");
    for (const auto& row : a.at("workloads").as_array()) {
        w.line(format("| %s | %.1f | %.1f | %.0f | %.0f |", row.at("workload").as_string().c_str(),
                      num(row, "raw_allocations_per_call"), num(row, "client_allocations_per_call"),
                      num(row, "raw_bytes_per_call"), num(row, "client_bytes_per_call")));
    }
    w.line();
}

void memory_section(Writer& w, const json::object& m) {
    w.line("### Memory per in-flight call");
    w.line();
    w.line(format("%.0f get_all_webhooks calls in flight on one client (max_connections %.0f, the emulator "
                  "holding every answer): **%.1f KiB RSS per call** (%.0f bytes), %.0f bytes of heap per call.",
                  num(m, "calls_in_flight"), num(m, "max_connections"), num(m, "rss_per_call_bytes") / 1024,
                  num(m, "rss_per_call_bytes"), num(m, "heap_per_call_bytes")));
    w.line();
}

void webhook_section(Writer& w, const json::object& h) {
    w.line(format("### Webhook receive path (%.0f-byte TransactionCreated, one thread)", num(h, "body_bytes")));
    w.line();
    w.line("| case | events/s (CPU time) | ns/event | allocs/event |");
    w.line("|---|---:|---:|---:|");
    for (const auto& row : h.at("cases").as_array()) {
        w.line(format("| %s | %.0f | %.0f | %.1f |", row.at("case").as_string().c_str(),
                      num(row, "events_per_cpu_second"), num(row, "ns_per_event"), num(row, "allocations_per_event")));
    }
    w.line();
}

void targets_section(Writer& w, const json::object& merged) {
    w.line("### Targets");
    w.line();
    w.line("| target | measured | |");
    w.line("|---|---|---|");
    if (const auto* t = merged.if_contains("throughput")) {
        for (const auto& row : t->at("summary").as_array()) {
            const std::string workload(row.at("workload").as_string());
            const int c = static_cast<int>(num(row, "concurrency"));
            const double ratio = num(row, "ratio_throughput");
            if (c == 16 || c == 256) {
                const double goal = workload == "transactions_1000" ? 0.95 : 0.90;
                w.line(format("| %s c=%d throughput ≥ %.2f × raw | %.2f × | %s |", workload.c_str(), c, goal, ratio,
                              mark(ratio >= goal)));
            }
            if (c == 1) {
                const double overhead = num(row, "p99_overhead_us");
                w.line(format("| %s c=1 p99 overhead ≤ 50 µs | %+.0f µs | %s |", workload.c_str(), overhead,
                              mark(overhead <= 50)));
            }
        }
        double worst = 0;
        for (const auto& row : t->at("summary").as_array())
            worst = std::max(worst, num(row, "client_max_handshakes_per_connection"));
        w.line(format("| at most one TLS handshake per pooled connection per run | %.2f handshakes per connection (worst run) | %s |",
                      worst, mark(worst <= 1.0)));
    }
    if (const auto* s = merged.if_contains("startup")) {
        const auto& pool = s->at("client_pool_check");
        const double resumed = num(pool, "connections_resumed");
        w.line(format("| TLS session resumed on reconnect | %.0f of %.0f reconnections | %s |", resumed,
                      num(pool, "connections_opened") - 1, mark(resumed >= num(pool, "connections_opened") - 1)));
    }
    if (const auto* m = merged.if_contains("memory")) {
        const double kib = num(*m, "rss_per_call_bytes") / 1024;
        w.line(format("| ≤ 16 KiB RSS per in-flight call at %.0f calls | %.1f KiB | %s |", num(*m, "calls_in_flight"),
                      kib, mark(kib <= 16)));
    }
    if (const auto* a = merged.if_contains("allocations")) {
        for (const auto& row : a->at("workloads").as_array()) {
            if (row.at("workload") != "get_all_webhooks") continue;
            w.line(format("| allocations per get_all_webhooks call: report and reduce | %.1f (raw %.1f) | reported |",
                          num(row, "client_allocations_per_call"), num(row, "raw_allocations_per_call")));
        }
    }
    w.line();
}

std::string plot_data(const json::object& throughput) {
    std::string out;
    std::string current;
    for (const auto& row : throughput.at("summary").as_array()) {
        const std::string workload(row.at("workload").as_string());
        if (workload != current) {
            if (!current.empty()) out += "\n\n";
            out += "# " + workload + ": concurrency raw client (calls/s)\n";
            current = workload;
        }
        out += format("%d %.1f %.1f\n", static_cast<int>(num(row, "concurrency")), num(row.at("raw"), "throughput"),
                      num(row.at("client"), "throughput"));
    }
    return out;
}

void write_text(const std::string& path, const std::string& text) {
    if (path.empty()) return;
    std::ofstream out(path);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int run_report(const std::vector<std::string>& inputs, const std::map<std::string, std::string>& meta,
               const std::string& json_out, const std::string& markdown_out, const std::string& plot_data_out) {
    json::object merged;
    merged["machine"] = machine(meta);
    for (const auto& path : inputs) {
        std::ifstream in(path);
        std::stringstream text;
        text << in.rdbuf();
        auto value = json::parse(text.str());
        const std::string mode(value.at("mode").as_string());
        merged[mode] = std::move(value);
    }

    Writer w;
    const auto& m = merged.at("machine");
    std::string when = m.as_object().contains("date") ? std::string(m.at("date").as_string()) : "";
    w.line(format("_Measured %s on %s (%d CPUs online), %s, %s. Load average (1 min) %s at the start, %s at the end; "
                  "commit %s._",
                  when.c_str(), m.at("cpu").as_string().c_str(), static_cast<int>(num(m, "online_cpus")),
                  m.at("kernel").as_string().c_str(), m.at("compiler").as_string().c_str(),
                  meta.count("load_start") ? meta.at("load_start").c_str() : "?",
                  meta.count("load_end") ? meta.at("load_end").c_str() : "?",
                  meta.count("commit") ? meta.at("commit").c_str() : "?"));
    w.line();
    targets_section(w, merged);
    if (const auto* t = merged.if_contains("throughput")) throughput_section(w, t->as_object());
    if (const auto* s = merged.if_contains("startup")) startup_section(w, s->as_object());
    if (const auto* a = merged.if_contains("allocations")) allocations_section(w, a->as_object());
    if (const auto* mm = merged.if_contains("memory")) memory_section(w, mm->as_object());
    if (const auto* h = merged.if_contains("webhook")) webhook_section(w, h->as_object());

    write_json(json_out, merged);
    write_text(markdown_out, w.out);
    if (const auto* t = merged.if_contains("throughput")) write_text(plot_data_out, plot_data(t->as_object()));
    return 0;
}

}  // namespace revolut::bench
