#include <catch2/catch.hpp>

#include <revolut/error.hpp>
#include <revolut/webhook/verify.hpp>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>
#include <chrono>
#include <string>
#include <vector>

using namespace std::chrono_literals;
using revolut::Errc;
using revolut::Timestamp;
namespace webhook = revolut::webhook;

namespace {

// The documented algorithm, computed independently of the library: OpenSSL's one-shot HMAC()
// over the concatenated payload_to_sign "v1." + timestamp + "." + body, lower-case hex.
std::string reference_signature(const std::string& secret, const std::string& timestamp,
                                const std::string& body) {
    const std::string payload = "v1." + timestamp + "." + body;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
         reinterpret_cast<const unsigned char*>(payload.data()), payload.size(), md, &len);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "v1=";
    for (unsigned i = 0; i < len; ++i) {
        out += hex[md[i] >> 4];
        out += hex[md[i] & 0xF];
    }
    return out;
}

const std::string secret_a = "wsk_r59a4HfWVAKycbCaNO1RvgCJec02gRd8";
const std::string secret_b = "wsk_RotatedSecretStillValidForAWhile";
const std::string body =
    R"({"event":"PayoutLinkStateChanged","timestamp":"2023-05-09T16:36:42.360Z",)"
    R"("data":{"id":"0e1a8d4b-1d1e-457d-9f10-3e7007a82ea8","old_state":"active",)"
    R"("new_state":"processed"}})";
const std::string ts_text = "1683650202360";
const Timestamp ts{std::chrono::milliseconds{1683650202360}};

// A clock frozen at `now`.
webhook::VerifyOptions at(Timestamp now) {
    webhook::VerifyOptions o;
    o.clock = [now] { return now; };
    return o;
}

boost::system::error_code verify(const std::string& sig_header, const std::string& ts_header,
                                 const std::vector<std::string>& secrets,
                                 const std::string& b = body, Timestamp now = ts) {
    return webhook::verify_signature(b, sig_header, ts_header, secrets, at(now));
}

}  // namespace

TEST_CASE("sign_payload matches the documented algorithm", "[webhook-verify]") {
    // Known answer, computed with:
    //   printf 'v1.1683650202360.<body>' | openssl dgst -sha256 -hmac 'wsk_r59a4HfWVAKycbCaNO1RvgCJec02gRd8'
    CHECK(webhook::sign_payload(secret_a, ts_text, body) ==
          "v1=568d7de0595dc3d97842fce8641f017d43d2fd8d30be224a53a09d5ae09d0aed");
    CHECK(webhook::sign_payload(secret_a, ts_text, body) ==
          reference_signature(secret_a, ts_text, body));
    // Keys longer than SHA-256's block are hashed first; empty body; odd bytes in the body.
    const std::string long_key(200, 'k');
    CHECK(webhook::sign_payload(long_key, "1", "") == reference_signature(long_key, "1", ""));
    const std::string binary("\0\xff\r\n{}", 6);
    CHECK(webhook::sign_payload(secret_b, ts_text, binary) ==
          reference_signature(secret_b, ts_text, binary));
    // Alternating secrets exercises the per-thread context cache.
    for (int i = 0; i < 20; ++i) {
        const std::string& s = i % 2 ? secret_a : secret_b;
        CHECK(webhook::sign_payload(s, std::to_string(i), body) ==
              reference_signature(s, std::to_string(i), body));
    }
    CHECK_THROWS_AS(webhook::sign_payload("", ts_text, body), revolut::Error);
}

TEST_CASE("format_request_timestamp writes UNIX milliseconds", "[webhook-verify]") {
    CHECK(webhook::format_request_timestamp(ts) == ts_text);
    CHECK(webhook::format_request_timestamp(ts + 999us) == ts_text);
}

TEST_CASE("verify_signature accepts a valid signature", "[webhook-verify]") {
    const std::string sig = reference_signature(secret_a, ts_text, body);
    CHECK_FALSE(verify(sig, ts_text, {secret_a}));
    // Upper-case hex and surrounding whitespace are tolerated.
    std::string upper = sig;
    for (std::size_t i = 3; i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
    CHECK_FALSE(verify(upper, ts_text, {secret_a}));
    CHECK_FALSE(verify("  " + sig + "\t", " " + ts_text + " ", {secret_a}));
    CHECK_NOTHROW(webhook::verify_signature_or_throw(body, sig, ts_text,
                                                     std::vector<std::string>{secret_a}, at(ts)));
}

TEST_CASE("verify_signature accepts any matching signature among several", "[webhook-verify]") {
    const std::string good = reference_signature(secret_a, ts_text, body);
    const std::string other = reference_signature(secret_b, ts_text, body);
    CHECK_FALSE(verify(other + "," + good, ts_text, {secret_a}));
    CHECK_FALSE(verify(good + ", " + other, ts_text, {secret_a}));
    CHECK_FALSE(verify(other + " ,  " + good, ts_text, {secret_a}));
    CHECK(verify(other + "," + other, ts_text, {secret_a}) == Errc::signature_mismatch);
    // A future scheme next to v1 is ignored.
    CHECK_FALSE(verify("v2=somethingnew," + good, ts_text, {secret_a}));
}

TEST_CASE("verify_signature tries every secret while a rotated one is still valid",
          "[webhook-verify]") {
    const std::string by_old = reference_signature(secret_a, ts_text, body);
    const std::string by_new = reference_signature(secret_b, ts_text, body);
    // Receiver holds both secrets; Revolut sends either or both signatures.
    CHECK_FALSE(verify(by_old, ts_text, {secret_a, secret_b}));
    CHECK_FALSE(verify(by_new, ts_text, {secret_a, secret_b}));
    CHECK_FALSE(verify(by_old + "," + by_new, ts_text, {secret_b, secret_a}));
    // Once the old secret is dropped, only the new one's signature verifies.
    CHECK(verify(by_old, ts_text, {secret_b}) == Errc::signature_mismatch);
    // Empty secrets are ignored, never used as a key.
    CHECK_FALSE(verify(by_new, ts_text, {"", secret_b}));
    const std::string by_empty_key = reference_signature("", ts_text, body);
    CHECK(verify(by_empty_key, ts_text, {"", secret_b}) == Errc::signature_mismatch);
    CHECK(verify(by_empty_key, ts_text, {""}) == Errc::invalid_argument);
    CHECK(verify(by_new, ts_text, {}) == Errc::invalid_argument);
}

TEST_CASE("verify_signature rejects any change to the body or timestamp", "[webhook-verify]") {
    const std::string sig = reference_signature(secret_a, ts_text, body);
    std::string changed = body;
    changed[body.find("active") + 1] ^= 0x01;  // one byte
    CHECK(verify(sig, ts_text, {secret_a}, changed) == Errc::signature_mismatch);
    CHECK(verify(sig, ts_text, {secret_a}, body + " ") == Errc::signature_mismatch);
    CHECK(verify(sig, ts_text, {secret_a}, body.substr(1)) == Errc::signature_mismatch);
    // A different (in-tolerance) timestamp changes the signed payload too.
    CHECK(verify(sig, "1683650202361", {secret_a}) == Errc::signature_mismatch);
    // A flipped bit in the signature.
    std::string flipped = sig;
    flipped.back() = flipped.back() == '0' ? '1' : '0';
    CHECK(verify(flipped, ts_text, {secret_a}) == Errc::signature_mismatch);
    CHECK(verify(sig, ts_text, {secret_b}) == Errc::signature_mismatch);
}

TEST_CASE("verify_signature enforces the timestamp tolerance in both directions",
          "[webhook-verify]") {
    const std::string sig = reference_signature(secret_a, ts_text, body);
    // Exactly 5 minutes either side is accepted, 1 ms beyond is not.
    CHECK_FALSE(verify(sig, ts_text, {secret_a}, body, ts + 5min));
    CHECK_FALSE(verify(sig, ts_text, {secret_a}, body, ts - 5min));
    CHECK(verify(sig, ts_text, {secret_a}, body, ts + 5min + 1ms) ==
          Errc::timestamp_out_of_tolerance);
    CHECK(verify(sig, ts_text, {secret_a}, body, ts - 5min - 1ms) ==
          Errc::timestamp_out_of_tolerance);
    // Sub-millisecond clock readings count: 5 min + 1 µs is beyond.
    CHECK(verify(sig, ts_text, {secret_a}, body, ts + 5min + 1us) ==
          Errc::timestamp_out_of_tolerance);

    // A custom tolerance.
    webhook::VerifyOptions strict = at(ts + 2s);
    strict.tolerance = 1s;
    CHECK(webhook::verify_signature(body, sig, ts_text, std::vector<std::string>{secret_a},
                                    strict) == Errc::timestamp_out_of_tolerance);
    strict.tolerance = 2s;
    CHECK_FALSE(webhook::verify_signature(body, sig, ts_text,
                                          std::vector<std::string>{secret_a}, strict));

    // The default clock is the system clock: a fresh signature verifies, an old one does not.
    const std::string now_text = webhook::format_request_timestamp(
        std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now()));
    const std::vector<std::string> secrets{secret_a};
    CHECK_FALSE(webhook::verify_signature(body, reference_signature(secret_a, now_text, body),
                                          now_text, secrets));
    CHECK(webhook::verify_signature(body, sig, ts_text, secrets) ==
          Errc::timestamp_out_of_tolerance);

    // Far-away timestamps are out of tolerance, not errors of arithmetic.
    CHECK(verify(sig, "99999999999999999999999999", {secret_a}) == Errc::timestamp_out_of_tolerance);
    CHECK(verify(sig, "0", {secret_a}) == Errc::timestamp_out_of_tolerance);
    CHECK(verify(sig, ts_text, {secret_a}, body, Timestamp::min()) ==
          Errc::timestamp_out_of_tolerance);
    CHECK(verify(sig, ts_text, {secret_a}, body, Timestamp::max()) ==
          Errc::timestamp_out_of_tolerance);
    // Leading zeros are just digits.
    CHECK_FALSE(verify(reference_signature(secret_a, "0" + ts_text, body), "0" + ts_text,
                       {secret_a}));
}

TEST_CASE("verify_signature reports a missing signature header", "[webhook-verify]") {
    CHECK(verify("", ts_text, {secret_a}) == Errc::signature_header_missing);
    CHECK(verify("   ", ts_text, {secret_a}) == Errc::signature_header_missing);
}

TEST_CASE("verify_signature reports malformed signature headers", "[webhook-verify]") {
    const std::string sig = reference_signature(secret_a, ts_text, body);
    const std::string hex = sig.substr(3);
    for (const std::string& bad : {
             hex,                             // no version
             "v1" + hex,                      // no '='
             "v1=" + hex.substr(1),           // 63 hex digits
             "v1=" + hex + "0",               // 65 hex digits
             "v1=" + hex.substr(2) + "zz",    // not hex
             "v1=" + hex.substr(2) + " 0",    // inner space
             std::string("v1="),              // empty value
             "=" + hex,                       // empty version
             "V1=" + hex,                     // versions are lower-case
             "version1=" + hex,               // not v<digits>
             "v=" + hex,                      // no digits
             sig + ",",                       // trailing empty item
             "," + sig,                       // leading empty item
             sig + ",," + sig,                // empty item in the middle
             sig + ";" + sig,                 // wrong separator
             "v1:" + hex,                     // wrong assignment
             sig + ",v1=nothex",              // one good, one malformed
         }) {
        INFO(bad);
        CHECK(verify(bad, ts_text, {secret_a}) == Errc::signature_header_malformed);
    }
    // More signatures than any rotation produces.
    std::string many = sig;
    for (int i = 0; i < 16; ++i) many += "," + sig;
    CHECK(verify(many, ts_text, {secret_a}) == Errc::signature_header_malformed);
}

TEST_CASE("verify_signature reports unsupported versions", "[webhook-verify]") {
    const std::string hex = reference_signature(secret_a, ts_text, body).substr(3);
    CHECK(verify("v2=" + hex, ts_text, {secret_a}) == Errc::unsupported_signature_version);
    CHECK(verify("v0=" + hex + ",v3=abc", ts_text, {secret_a}) ==
          Errc::unsupported_signature_version);
}

TEST_CASE("verify_signature reports a missing or non-numeric timestamp as malformed",
          "[webhook-verify]") {
    const std::string sig = reference_signature(secret_a, ts_text, body);
    for (const std::string& bad :
         {std::string(), std::string("  "), std::string("-1683650202360"),
          std::string("+1683650202360"), std::string("1683650202.360"), std::string("1e12"),
          std::string("2023-05-09T16:36:42Z"), std::string("1683650202360x"),
          std::string("0x1F"), std::string("16836 50202360")}) {
        INFO(bad);
        CHECK(verify(sig, bad, {secret_a}) == Errc::signature_header_malformed);
    }
}

TEST_CASE("verify_signature_or_throw throws the code without the secret", "[webhook-verify]") {
    const std::vector<std::string> secrets{secret_a};
    try {
        webhook::verify_signature_or_throw(body, "v1=" + std::string(64, '0'), ts_text, secrets,
                                           at(ts));
        FAIL("expected an exception");
    } catch (const revolut::Error& e) {
        CHECK(e.code() == Errc::signature_mismatch);
        CHECK_THAT(e.what(), !Catch::Contains(secret_a));
        CHECK_THAT(e.what(), !Catch::Contains("r59a4"));
    }
}
