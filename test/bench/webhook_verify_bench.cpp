// Webhook receive path throughput on one thread: signature verification, event parsing, and
// both, for a ~600-byte TransactionCreated body. Also counts heap allocations per operation
// (C++ operator new and OpenSSL's allocator).
//
//   cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DREVOLUT_BUILD_BENCHMARKS=ON
//   cmake --build build-bench --target revolut_bench_webhook_verify
//   build-bench/test/bench/revolut_bench_webhook_verify [seconds-per-case [case-name]]

#include <revolut/webhook/events.hpp>
#include <revolut/webhook/verify.hpp>

#include <openssl/crypto.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace {

std::atomic<std::size_t> allocations{0};

void* counting_malloc(std::size_t n, const char*, int) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    return std::malloc(n);
}
void* counting_realloc(void* p, std::size_t n, const char*, int) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    return std::realloc(p, n);
}
void counting_free(void* p, const char*, int) { std::free(p); }

// Shaped like the spec's failed-event example of a TransactionCreated (649 bytes).
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

const char* only = nullptr;  // run just the case with this name

// CPU time of this thread: on a busy machine, time spent preempted is not ours.
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

template <class F>
void run(const char* name, double seconds, F&& f) {
    if (only != nullptr && std::string_view(only) != name) return;
    using clock = std::chrono::steady_clock;
    for (int i = 0; i < 1000; ++i) f();  // warm-up: caches, the per-thread HMAC context
    std::size_t iterations = 0;
    const std::size_t allocs_before = allocations.load();
    const double cpu_start = thread_cpu_seconds();
    const auto start = clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    auto now = start;
    while (now < deadline) {
        for (int i = 0; i < 1000; ++i) f();
        iterations += 1000;
        now = clock::now();
    }
    const double cpu = thread_cpu_seconds() - cpu_start;
    const double wall = std::chrono::duration<double>(now - start).count();
    const auto n = static_cast<double>(iterations);
    const double allocs = static_cast<double>(allocations.load() - allocs_before) / n;
    std::printf("%-16s %10.0f events/s (CPU) %8.1f ns/event | %10.0f events/s (wall) | %4.1f allocs/event\n",
                name, n / cpu, cpu * 1e9 / n, n / wall, allocs);
}

}  // namespace

void* operator new(std::size_t n) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

int main(int argc, char** argv) {
    // Before any other OpenSSL call, so that every OpenSSL allocation is counted.
    CRYPTO_set_mem_functions(counting_malloc, counting_realloc, counting_free);
    const double seconds = argc > 1 ? std::atof(argv[1]) : 2.0;
    if (argc > 2) only = argv[2];

    const std::vector<std::string> secrets{"wsk_r59a4HfWVAKycbCaNO1RvgCJec02gRd8",
                                           "wsk_RotatedSecretStillValidForAWhile"};
    const std::string timestamp = revolut::webhook::format_request_timestamp(
        std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now()));
    // As during a rotation: two signatures, the receiver holds the new secret only.
    const std::string signature = revolut::webhook::sign_payload(secrets[0], timestamp, body) +
                                  "," + revolut::webhook::sign_payload(secrets[1], timestamp, body);
    const std::vector<std::string> receiver_secrets{secrets[1]};

    std::printf("body: %zu bytes TransactionCreated; signature header: 2 signatures; 1 secret\n",
                body.size());
    std::size_t sink = 0;
    run("verify", seconds, [&] {
        auto ec = revolut::webhook::verify_signature(body, signature, timestamp, receiver_secrets);
        if (ec) std::abort();
        sink += 1;
    });
    run("parse", seconds, [&] {
        const revolut::webhook::Event e = revolut::webhook::parse_event(body);
        sink += e.data.index();
    });
    run("verify + parse", seconds, [&] {
        auto ec = revolut::webhook::verify_signature(body, signature, timestamp, receiver_secrets);
        if (ec) std::abort();
        const revolut::webhook::Event e = revolut::webhook::parse_event(body);
        sink += e.data.index();
    });
    std::printf("(checksum %zu)\n", sink);
}
