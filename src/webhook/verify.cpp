// Webhook signature verification: HMAC-SHA256 over "v1." + timestamp + "." + body.
//
// Speed: OpenSSL 3's HMAC copies the key and re-derives the inner/outer pad states on every
// keyed init. Each thread therefore caches one keyed EVP_MAC_CTX per recently used secret; a
// verification re-initialises the cached context without a key (which reuses the pad states)
// and feeds the three pieces of the signed payload without concatenating them. Candidate
// signatures are hex-decoded into a stack array and compared with CRYPTO_memcmp. Our code
// allocates nothing once warm; OpenSSL 3.0 itself still duplicates a digest context on
// re-init and on final (two malloc/free pairs per HMAC), unavoidable through EVP_MAC.
//
// Security: the cache holds secrets only as OpenSSL's keyed contexts plus a copy used to
// recognise them, cleansed on eviction and at thread exit. Nothing here logs or reports a
// secret; errors carry codes only.

#include <revolut/webhook/verify.hpp>

#include <revolut/error.hpp>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>

namespace revolut::webhook {
namespace {

constexpr std::size_t digest_size = 32;  // SHA-256
constexpr std::size_t max_signatures = 16;
using Digest = std::array<unsigned char, digest_size>;

// ---- keyed HMAC contexts, cached per thread --------------------------------------------------

class MacCache {
public:
    MacCache() {
        mac_ = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    }
    ~MacCache() {
        for (Entry& e : entries_) clear(e);
        EVP_MAC_free(mac_);
    }
    MacCache(const MacCache&) = delete;
    MacCache& operator=(const MacCache&) = delete;

    // A context keyed with `key`, ready for EVP_MAC_update; nullptr if OpenSSL failed.
    EVP_MAC_CTX* begin(std::string_view key) noexcept {
        if (mac_ == nullptr) return nullptr;
        for (Entry& e : entries_) {
            if (e.ctx != nullptr && e.key_size == key.size() &&
                std::memcmp(e.key, key.data(), key.size()) == 0) {
                // No key: re-initialise, keeping the pad states derived from the key.
                return EVP_MAC_init(e.ctx, nullptr, 0, nullptr) == 1 ? e.ctx : nullptr;
            }
        }
        Entry& e = entries_[next_];
        next_ = (next_ + 1) % entries_.size();
        clear(e);
        e.ctx = EVP_MAC_CTX_new(mac_);
        if (e.ctx == nullptr) return nullptr;
        char digest_name[] = "SHA256";
        const OSSL_PARAM params[] = {
            OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
            OSSL_PARAM_construct_end()};
        e.key = static_cast<unsigned char*>(OPENSSL_malloc(key.size() + 1));
        if (e.key == nullptr ||
            EVP_MAC_init(e.ctx, reinterpret_cast<const unsigned char*>(key.data()), key.size(),
                         params) != 1) {
            clear(e);
            return nullptr;
        }
        std::memcpy(e.key, key.data(), key.size());
        e.key_size = key.size();
        return e.ctx;
    }

private:
    struct Entry {
        EVP_MAC_CTX* ctx = nullptr;
        unsigned char* key = nullptr;
        std::size_t key_size = 0;
    };
    static void clear(Entry& e) noexcept {
        EVP_MAC_CTX_free(e.ctx);
        if (e.key != nullptr) OPENSSL_clear_free(e.key, e.key_size + 1);
        e = Entry{};
    }

    EVP_MAC* mac_ = nullptr;
    // Up to 3 secrets are active per webhook; 8 covers a receiver serving a few webhooks.
    std::array<Entry, 8> entries_{};
    std::size_t next_ = 0;
};

bool hmac_sha256(std::string_view key, std::string_view timestamp, std::string_view body,
                 Digest& out) noexcept {
    thread_local MacCache cache;
    EVP_MAC_CTX* ctx = cache.begin(key);
    if (ctx == nullptr) return false;
    auto update = [ctx](std::string_view s) {
        return EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(s.data()), s.size()) == 1;
    };
    std::size_t len = 0;
    return update("v1.") && update(timestamp) && update(".") && update(body) &&
           EVP_MAC_final(ctx, out.data(), &len, out.size()) == 1 && len == out.size();
}

// ---- header parsing ---------------------------------------------------------------------------

bool is_ows(char c) noexcept { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
    return s;
}

// Hex digit values, not_hex for anything else. A table rather than range tests: the candidate's
// digits are random, so range-test branches would mispredict; the validity test below is
// always taken the same way for genuine traffic.
constexpr unsigned char not_hex = 0xFF;
constexpr std::array<unsigned char, 256> hex_values = [] {
    std::array<unsigned char, 256> t{};
    for (auto& v : t) v = not_hex;
    for (int c = 0; c < 10; ++c) t['0' + c] = static_cast<unsigned char>(c);
    for (int c = 0; c < 6; ++c) {
        t['a' + c] = static_cast<unsigned char>(10 + c);
        t['A' + c] = static_cast<unsigned char>(10 + c);
    }
    return t;
}();

bool decode_hex(std::string_view hex, Digest& out) noexcept {
    if (hex.size() != 2 * digest_size) return false;
    const auto* p = reinterpret_cast<const unsigned char*>(hex.data());
    for (std::size_t i = 0; i < digest_size; ++i) {
        const unsigned hi = hex_values[p[2 * i]];
        const unsigned lo = hex_values[p[2 * i + 1]];
        if ((hi | lo) > 0x0F) return false;  // either is not_hex
        out[i] = static_cast<unsigned char>(hi << 4 | lo);
    }
    return true;
}

struct Candidates {
    std::array<Digest, max_signatures> digests;
    std::size_t count = 0;
};

// Fills `c` with the decoded v1 signatures of a Revolut-Signature value.
Errc parse_signature_header(std::string_view header, Candidates& c) noexcept {
    header = trim(header);
    if (header.empty()) return Errc::signature_header_missing;
    std::size_t items = 0;
    bool other_versions = false;
    while (true) {
        const std::size_t comma = header.find(',');
        const std::string_view item = trim(header.substr(0, comma));
        if (++items > max_signatures) return Errc::signature_header_malformed;
        const std::size_t eq = item.find('=');
        if (eq == std::string_view::npos) return Errc::signature_header_malformed;
        const std::string_view version = item.substr(0, eq);
        const std::string_view value = item.substr(eq + 1);
        if (version.size() < 2 || version[0] != 'v' ||
            version.find_first_not_of("0123456789", 1) != std::string_view::npos || value.empty())
            return Errc::signature_header_malformed;
        if (version == "v1") {
            if (!decode_hex(value, c.digests[c.count])) return Errc::signature_header_malformed;
            ++c.count;
        } else {
            other_versions = true;  // a future scheme: ignored next to v1, refused alone
        }
        if (comma == std::string_view::npos) break;
        header.remove_prefix(comma + 1);
    }
    if (c.count == 0)
        return other_versions ? Errc::unsupported_signature_version
                              : Errc::signature_header_malformed;
    return Errc{};
}

// Timestamp check; `timestamp` is already trimmed.
Errc check_timestamp(std::string_view timestamp, const VerifyOptions& options) noexcept {
    if (timestamp.empty()) return Errc::signature_header_malformed;
    for (char ch : timestamp)
        if (ch < '0' || ch > '9') return Errc::signature_header_malformed;
    // Digits only. More than 15 digits is past the year 33000: out of any tolerance, and
    // keeping to 15 digits keeps the microsecond arithmetic below far from overflow.
    const std::string_view significant = timestamp.substr(
        std::min(timestamp.find_first_not_of('0'), timestamp.size()));
    if (significant.size() > 15) return Errc::timestamp_out_of_tolerance;
    std::int64_t ms = 0;
    std::from_chars(significant.data(), significant.data() + significant.size(), ms);

    Timestamp now;
    try {
        now = options.clock ? options.clock()
                            : std::chrono::floor<std::chrono::microseconds>(
                                  std::chrono::system_clock::now());
    } catch (...) {
        return Errc::invalid_argument;  // the documented contract is a clock that cannot throw
    }
    const std::int64_t sent_us = ms * 1000;
    std::int64_t diff_us = 0;
    if (__builtin_sub_overflow(now.time_since_epoch().count(), sent_us, &diff_us))
        return Errc::timestamp_out_of_tolerance;
    if (diff_us < 0) {
        if (diff_us == std::numeric_limits<std::int64_t>::min())
            return Errc::timestamp_out_of_tolerance;
        diff_us = -diff_us;
    }
    const auto tolerance_us =
        std::chrono::duration_cast<std::chrono::microseconds>(options.tolerance).count();
    return diff_us <= tolerance_us ? Errc{} : Errc::timestamp_out_of_tolerance;
}

}  // namespace

std::string sign_payload(std::string_view secret, std::string_view timestamp,
                         std::string_view body) {
    if (secret.empty())
        throw Error(make_error_code(Errc::invalid_argument), "webhook signing secret is empty");
    Digest d;
    if (!hmac_sha256(secret, timestamp, body, d))
        throw Error(make_error_code(boost::system::errc::not_enough_memory),
                    "OpenSSL HMAC-SHA256 failed");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "v1=";
    out.reserve(3 + 2 * digest_size);
    for (unsigned char b : d) {
        out += hex[b >> 4];
        out += hex[b & 0xF];
    }
    return out;
}

std::string format_request_timestamp(Timestamp t) {
    return std::to_string(
        std::chrono::floor<std::chrono::milliseconds>(t).time_since_epoch().count());
}

boost::system::error_code verify_signature(std::string_view body,
                                           std::string_view signature_header,
                                           std::string_view timestamp_header,
                                           std::span<const std::string> secrets,
                                           const VerifyOptions& options) noexcept {
    bool any_secret = false;
    for (const std::string& s : secrets) any_secret = any_secret || !s.empty();
    if (!any_secret) return make_error_code(Errc::invalid_argument);

    Candidates candidates;
    if (const Errc e = parse_signature_header(signature_header, candidates); e != Errc{})
        return make_error_code(e);

    const std::string_view timestamp = trim(timestamp_header);
    if (const Errc e = check_timestamp(timestamp, options); e != Errc{}) return make_error_code(e);

    // Every (secret, signature) pair is compared; the result is only read at the end.
    unsigned matched = 0;
    for (const std::string& secret : secrets) {
        if (secret.empty()) continue;
        Digest expected;
        if (!hmac_sha256(secret, timestamp, body, expected))
            return make_error_code(boost::system::errc::not_enough_memory);
        for (std::size_t i = 0; i < candidates.count; ++i)
            matched |= static_cast<unsigned>(
                CRYPTO_memcmp(expected.data(), candidates.digests[i].data(), digest_size) == 0);
        OPENSSL_cleanse(expected.data(), expected.size());
    }
    return matched != 0 ? boost::system::error_code{} : make_error_code(Errc::signature_mismatch);
}

void verify_signature_or_throw(std::string_view body, std::string_view signature_header,
                               std::string_view timestamp_header,
                               std::span<const std::string> secrets,
                               const VerifyOptions& options) {
    if (auto ec = verify_signature(body, signature_header, timestamp_header, secrets, options))
        throw Error(ec, "webhook signature verification failed");
}

}  // namespace revolut::webhook
