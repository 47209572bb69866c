// Fuzzes webhook signature verification (the Revolut-Signature and Revolut-Request-Timestamp
// headers and the body, all attacker-controlled on a public webhook endpoint).
// Input: secret \0 second secret \0 Revolut-Signature \0 Revolut-Request-Timestamp \0 body.
// Invariants: only documented codes come back; what sign_payload makes verifies; a signature
// with one digit changed does not; the throwing variant agrees with the code.

#include "fuzz_support.hpp"

#include <revolut/error.hpp>
#include <revolut/webhook/verify.hpp>

#include <array>
#include <chrono>
#include <string>

namespace {

using namespace revolut;
using revolut::fuzz::Fields;

// 2023-11-14T22:13:20Z, fixed so every run judges timestamps alike.
constexpr std::int64_t now_ms = 1'700'000'000'000;

bool documented(const boost::system::error_code& ec) {
    if (!ec) return true;
    if (ec.category() != revolut::category()) return false;
    switch (static_cast<Errc>(ec.value())) {
        case Errc::invalid_argument:
        case Errc::signature_header_missing:
        case Errc::signature_header_malformed:
        case Errc::unsupported_signature_version:
        case Errc::timestamp_out_of_tolerance:
        case Errc::signature_mismatch: return true;
        default: return false;
    }
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Fields in(data, size);
    const std::array<std::string, 2> secrets{std::string(in.next()), std::string(in.next())};
    const std::string_view signature = in.next();
    const std::string_view timestamp = in.next();
    const std::string_view body = in.rest();

    webhook::VerifyOptions options;
    options.clock = [] { return Timestamp(std::chrono::milliseconds(now_ms)); };

    const auto ec = webhook::verify_signature(body, signature, timestamp, secrets, options);
    FUZZ_CHECK(documented(ec));
    try {
        webhook::verify_signature_or_throw(body, signature, timestamp, secrets, options);
        FUZZ_CHECK(!ec);
    } catch (const Error& e) {
        FUZZ_CHECK(e.code() == ec);
        // The message never carries a secret.
        for (std::size_t i = 0; i < secrets.size(); ++i) {
            if (std::string_view(e.what()).find(secrets[i]) == std::string_view::npos) continue;
            auto other = secrets;
            other[i] = revolut::fuzz::rotated(secrets[i]);
            try {
                webhook::verify_signature_or_throw(body, signature, timestamp, other, options);
            } catch (const Error& again) {
                FUZZ_CHECK(!revolut::fuzz::echoes(e.what(), secrets[i], again.what(), other[i]));
            }
        }
    }

    // Round trip: a header made by sign_payload verifies when the timestamp is current.
    if (secrets[0].empty() || !all_digits(timestamp) || timestamp.size() > 15) return 0;
    const std::string good = webhook::sign_payload(secrets[0], timestamp, body);
    const std::array<std::string, 1> one{secrets[0]};
    const bool current = std::stoll(std::string(timestamp)) >= now_ms - 300'000 &&
                         std::stoll(std::string(timestamp)) <= now_ms + 300'000;
    const auto good_ec = webhook::verify_signature(body, good, timestamp, one, options);
    FUZZ_CHECK(current ? !good_ec : good_ec == Errc::timestamp_out_of_tolerance);
    if (!current) return 0;
    // Next to other items (a rotated secret's signature, a future version) it still verifies.
    const auto listed = webhook::verify_signature(body, "v2=abc, " + good + " ,v1=" + std::string(64, '0'),
                                                  timestamp, one, options);
    FUZZ_CHECK(!listed);
    // One hex digit changed: refused.
    std::string bad = good;
    bad.back() = bad.back() == '0' ? '1' : '0';
    FUZZ_CHECK(webhook::verify_signature(body, bad, timestamp, one, options) ==
               Errc::signature_mismatch);
    return 0;
}
