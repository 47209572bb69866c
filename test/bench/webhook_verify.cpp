// Webhook receive path on one thread: signature verification, event parsing, and both, for
// a ~650-byte TransactionCreated body signed during a secret rotation (two signatures, the
// receiver holds the new secret only). Events per second of thread CPU time (on a busy
// machine, time spent preempted is not ours) and of wall time, and allocations per event.

#include "modes.hpp"

#include "alloc_counter.hpp"
#include "measure.hpp"

#include <revolut/webhook/events.hpp>
#include <revolut/webhook/verify.hpp>

#include <boost/json/array.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace revolut::bench {

namespace json = boost::json;

namespace {

// Shaped like the spec's failed-event example of a TransactionCreated.
const std::string body =
    R"({"event":"TransactionCreated","timestamp":"2024-03-05T10:11:12.345678Z","data":{)"
    R"("id":"65e6f0a1-0001-4000-8000-000000000001","type":"transfer","state":"pending",)"
    R"("request_id":"6a8b2ad9-d8b9-4348-9207-1c5737ccf11b","reference":"To John Doe",)"
    R"("created_at":"2024-03-05T10:11:12.232551Z","updated_at":"2024-03-05T10:11:12.232551Z",)"
    R"("legs":[{"leg_id":"65e6f0a1-0001-4000-0000-000000000001",)"
    R"("account_id":"05018b0d-e67c-4fec-bea6-415e9da9432c","counterparty":{)"
    R"("id":"7e18625a-3e6c-4d4f-8429-216c25309a5f","account_id":"ff29e658-f07f-4d81-bc0f-7ad0ff141357",)"
    R"("account_type":"external"},"amount":-1250.75,"fee":0.2,"currency":"GBP",)"
    R"("description":"To Acme Corp"}]}})";

template <class F>
json::object measure(const char* name, double seconds, F&& f) {
    for (int i = 0; i < 1000; ++i) f();  // warm-up: caches, the per-thread HMAC context
    std::size_t iterations = 0;
    const auto allocs_before = thread_allocations().count;
    const double cpu_start = thread_cpu_seconds();
    const auto start = Clock::now();
    const auto deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    auto now = start;
    while (now < deadline) {
        for (int i = 0; i < 1000; ++i) f();
        iterations += 1000;
        now = Clock::now();
    }
    const double cpu = thread_cpu_seconds() - cpu_start;
    const double wall = seconds_between(start, now);
    const auto n = static_cast<double>(iterations);
    json::object o;
    o["case"] = name;
    o["events_per_cpu_second"] = n / cpu;
    o["events_per_second"] = n / wall;
    o["ns_per_event"] = cpu * 1e9 / n;
    o["allocations_per_event"] = static_cast<double>(thread_allocations().count - allocs_before) / n;
    std::fprintf(stderr, "webhook %-16s %10.0f events/s (CPU) %8.1f ns/event | %10.0f events/s (wall) | %4.1f allocs/event\n",
                 name, n / cpu, cpu * 1e9 / n, n / wall, o["allocations_per_event"].as_double());
    return o;
}

}  // namespace

json::object run_webhook_verify(double seconds) {
    const std::vector<std::string> secrets{"wsk_r59a4HfWVAKycbCaNO1RvgCJec02gRd8",
                                           "wsk_RotatedSecretStillValidForAWhile"};
    const std::string timestamp = webhook::format_request_timestamp(
        std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now()));
    const std::string signature = webhook::sign_payload(secrets[0], timestamp, body) + "," +
                                  webhook::sign_payload(secrets[1], timestamp, body);
    const std::vector<std::string> receiver_secrets{secrets[1]};

    std::size_t sink = 0;
    json::array cases;
    cases.push_back(measure("verify", seconds, [&] {
        if (webhook::verify_signature(body, signature, timestamp, receiver_secrets)) std::abort();
        sink += 1;
    }));
    cases.push_back(measure("parse", seconds, [&] {
        const webhook::Event e = webhook::parse_event(body);
        sink += e.data.index();
    }));
    cases.push_back(measure("verify + parse", seconds, [&] {
        if (webhook::verify_signature(body, signature, timestamp, receiver_secrets)) std::abort();
        const webhook::Event e = webhook::parse_event(body);
        sink += e.data.index();
    }));
    json::object result;
    result["mode"] = "webhook";
    result["body_bytes"] = body.size();
    result["cases"] = std::move(cases);
    result["checksum"] = sink;
    result["load_average"] = load_average();
    return result;
}

}  // namespace revolut::bench
