// Fuzzes the credentials file reader (pyrevolut's creds.json; also inline credentials, JSON or
// base64). Input: the file's bytes.
// Invariants: a failure is Errc::credentials and its message quotes no value from the file
// (they are secrets); what parses serializes to a file that parses back to the same
// credentials; inline credentials read the same whether given as JSON or as base64.

#include "fuzz_support.hpp"

#include "crypto/base64.hpp"

#include <revolut/credentials.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <optional>
#include <string>
#include <vector>

namespace {

using namespace revolut;
namespace json = boost::json;

// Every string value of the document: any of them may be a secret.
void collect_strings(const json::value& v, std::vector<std::string>& out) {
    if (const auto* s = v.if_string()) {
        out.emplace_back(*s);
    } else if (const auto* a = v.if_array()) {
        for (const auto& e : *a) collect_strings(e, out);
    } else if (const auto* o = v.if_object()) {
        for (const auto& kv : *o) collect_strings(kv.value(), out);
    }
}

void replace_strings(json::value& v, std::string_view from, std::string_view to) {
    if (auto* s = v.if_string()) {
        if (*s == from) *s = to;
    } else if (auto* a = v.if_array()) {
        for (auto& e : *a) replace_strings(e, from, to);
    } else if (auto* o = v.if_object()) {
        for (auto& kv : *o) replace_strings(kv.value(), from, to);
    }
}

bool same(const Credentials& a, const Credentials& b) {
    return a.certificate.public_pem == b.certificate.public_pem &&
           a.certificate.private_pem == b.certificate.private_pem &&
           a.certificate.expiration_dt == b.certificate.expiration_dt &&
           a.client_assert_jwt.jwt == b.client_assert_jwt.jwt &&
           a.client_assert_jwt.expiration_dt == b.client_assert_jwt.expiration_dt &&
           a.tokens.access_token == b.tokens.access_token &&
           a.tokens.refresh_token == b.tokens.refresh_token &&
           a.tokens.token_type == b.tokens.token_type &&
           a.tokens.access_token_expiration_dt == b.tokens.access_token_expiration_dt &&
           a.tokens.refresh_token_expiration_dt == b.tokens.refresh_token_expiration_dt;
}

template <class F>
std::optional<Credentials> attempt(std::string_view text, F parse) {
    try {
        return parse(text);
    } catch (const Error& e) {
        FUZZ_CHECK(e.code() == Errc::credentials);
        // The message quotes no value of the file.
        json::error_code ec;
        const json::value doc = json::parse(text, ec);
        if (ec) return std::nullopt;
        std::vector<std::string> values;
        collect_strings(doc, values);
        for (const auto& value : values) {
            if (std::string_view(e.what()).find(value) == std::string_view::npos) continue;
            const std::string other = revolut::fuzz::rotated(value);
            json::value changed = doc;
            replace_strings(changed, value, other);
            try {
                (void)parse(json::serialize(changed));
            } catch (const Error& again) {
                FUZZ_CHECK(!revolut::fuzz::echoes(e.what(), value, again.what(), other));
            }
        }
        return std::nullopt;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);

    const auto creds = attempt(text, [](std::string_view t) { return parse_credentials(t); });
    const auto inline_json = attempt(text, [](std::string_view t) { return parse_inline_credentials(t); });
    const auto inline_base64 = attempt(text, [](std::string_view t) {
        return parse_inline_credentials(detail::base64_encode(t));
    });
    if (const auto start = text.find_first_not_of(" \t\r\n"); start != text.npos && text[start] == '{') {
        FUZZ_CHECK(inline_json.has_value() == inline_base64.has_value());
        if (inline_json) FUZZ_CHECK(same(*inline_json, *inline_base64));
    }
    if (!creds) return 0;

    // The writer's output reads back identically (what we save, we and pyrevolut can load).
    // (It throws only for strings that are not UTF-8, which a parsed JSON file cannot hold;
    // the PEM parts may be any bytes but are written base64-encoded.)
    const std::string written = serialize_credentials(*creds);
    const auto again = attempt(written, [](std::string_view t) { return parse_credentials(t); });
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(same(*creds, *again));
    return 0;
}
