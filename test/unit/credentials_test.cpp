#include "credentials_test_support.hpp"

#include "crypto/base64.hpp"

#include <revolut/credentials.hpp>
#include <revolut/error.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using namespace std::chrono;
using Catch::Matchers::Contains;
using revolut::Credentials;
using revolut::Errc;
using revolut_test::error_of;
using revolut_test::mentions_none_of;
using revolut_test::read_fixture;

namespace {

namespace json = boost::json;

revolut::Timestamp utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0, int us = 0) {
    return time_point_cast<microseconds>(sys_days{year{y} / month{m} / day{d}}) + hours{hh} +
           minutes{mm} + seconds{ss} + microseconds{us};
}

// Fake tokens and the test-only key material of the fixtures.
struct FixtureSecrets {
    std::string access = "oa_sand_fake-access-token-for-tests";
    std::string refresh = "oa_sand_fake-refresh-token-for-tests";
    std::string jwt = read_fixture("openssl_made_assertion.jwt");
    std::string key_pem = read_fixture("test_key.pem");
    std::string key_b64 = revolut::detail::base64_encode(key_pem);
    std::string cert_b64 = revolut::detail::base64_encode(read_fixture("test_cert.pem"));

    bool absent_from(std::string_view text) const {
        // Middle chunks: the starts of PEM, base64 and JWT text look alike everywhere.
        return mentions_none_of(text, {access, refresh, std::string_view(jwt).substr(100, 24),
                                       std::string_view(key_pem).substr(300, 24),
                                       std::string_view(key_b64).substr(300, 24),
                                       std::string_view(cert_b64).substr(300, 24)});
    }
};

Credentials sample_credentials() {
    Credentials c;
    c.certificate.public_pem = read_fixture("test_cert.pem");
    c.certificate.private_pem = read_fixture("test_key.pem");
    c.certificate.expiration_dt = utc(2031, 2, 3, 4, 5, 6, 7);
    c.client_assert_jwt.jwt = read_fixture("openssl_made_assertion.jwt");
    c.client_assert_jwt.expiration_dt = utc(2031, 2, 3, 4, 5, 6);
    c.tokens.access_token = "fake-access \"quoted\" back\\slash\nnewline\x01 caf\xC3\xA9 \xF0\x9F\x98\x80";
    c.tokens.refresh_token = "fake-refresh-token";
    c.tokens.token_type = "bearer";
    c.tokens.access_token_expiration_dt = utc(2024, 5, 1, 12, 34, 56, 123456);
    c.tokens.refresh_token_expiration_dt = utc(2024, 7, 30, 12, 34, 56, 500000);
    return c;
}

bool same(const Credentials& a, const Credentials& b) {
    return a.certificate.public_pem == b.certificate.public_pem &&
           a.certificate.private_pem == b.certificate.private_pem &&
           a.certificate.expiration_dt == b.certificate.expiration_dt &&
           a.client_assert_jwt.jwt == b.client_assert_jwt.jwt &&
           a.client_assert_jwt.expiration_dt == b.client_assert_jwt.expiration_dt &&
           a.tokens.access_token == b.tokens.access_token && a.tokens.refresh_token == b.tokens.refresh_token &&
           a.tokens.token_type == b.tokens.token_type &&
           a.tokens.access_token_expiration_dt == b.tokens.access_token_expiration_dt &&
           a.tokens.refresh_token_expiration_dt == b.tokens.refresh_token_expiration_dt;
}

const std::vector<std::string> all_fields = {
    "certificate.public",         "certificate.private",
    "certificate.expiration_dt",  "client_assert_jwt.jwt",
    "client_assert_jwt.expiration_dt", "tokens.access_token",
    "tokens.refresh_token",       "tokens.token_type",
    "tokens.access_token_expiration_dt", "tokens.refresh_token_expiration_dt",
};

json::object& section_of(json::object& root, const std::string& field) {
    return root.at(field.substr(0, field.find('.'))).as_object();
}
std::string leaf_of(const std::string& field) { return field.substr(field.find('.') + 1); }

}  // namespace

TEST_CASE("a credentials file written during pyrevolut's auth-manual loads with offsets applied",
          "[credentials]") {
    Credentials c = revolut::parse_credentials(read_fixture("pendulum_offsets_creds.json"));
    CHECK(c.certificate.public_pem == read_fixture("test_cert.pem"));
    CHECK(c.certificate.private_pem == read_fixture("test_key.pem"));
    CHECK(c.certificate.expiration_dt == utc(2030, 1, 1));
    CHECK(c.client_assert_jwt.jwt == read_fixture("openssl_made_assertion.jwt"));
    CHECK(c.client_assert_jwt.expiration_dt == utc(2030, 1, 1));  // written as 02:00+02:00
    CHECK(c.tokens.access_token == "oa_sand_fake-access-token-for-tests");
    CHECK(c.tokens.refresh_token == "oa_sand_fake-refresh-token-for-tests");
    CHECK(c.tokens.token_type == "bearer");
    CHECK(c.tokens.access_token_expiration_dt == utc(2024, 5, 1, 12, 34, 56, 123456));
    CHECK(c.tokens.refresh_token_expiration_dt == utc(2024, 7, 30, 12, 34, 56, 123456));  // +02:00
}

TEST_CASE("a file pyrevolut's save_creds wrote is reproduced byte for byte", "[credentials]") {
    std::string original = read_fixture("pydantic_saved_creds.json");
    Credentials c = revolut::parse_credentials(original);
    CHECK(c.tokens.access_token_expiration_dt == utc(2024, 5, 1, 12, 34, 56, 123456));
    CHECK(revolut::serialize_credentials(c) == original);
}

TEST_CASE("credentials we write parse back equal", "[credentials]") {
    Credentials original = sample_credentials();
    Credentials again = revolut::parse_credentials(revolut::serialize_credentials(original));
    CHECK(same(original, again));
}

TEST_CASE("our output keeps pyrevolut's field names, nesting and encodings", "[credentials]") {
    Credentials original = sample_credentials();
    std::string text = revolut::serialize_credentials(original);

    // Python's json.dump(ensure_ascii=True) output: printable ASCII plus line breaks.
    for (char ch : text) {
        auto u = static_cast<unsigned char>(ch);
        CHECK(((u >= 0x20 && u < 0x7f) || u == '\n'));
    }
    CHECK_THAT(text, Contains(R"(\"quoted\" back\\slash\nnewline\u0001 caf\u00e9 \ud83d\ude00)"));

    // pyrevolut's models forbid extra fields: exactly these keys, all strings.
    json::object root = json::parse(text).as_object();
    std::set<std::string> sections;
    for (auto& member : root) sections.insert(std::string(member.key()));
    CHECK(sections == std::set<std::string>{"certificate", "client_assert_jwt", "tokens"});
    std::set<std::string> fields;
    for (auto& section : root) {
        for (auto& member : section.value().as_object()) {
            CHECK(member.value().is_string());
            fields.insert(std::string(section.key()) + "." + std::string(member.key()));
        }
    }
    CHECK(fields == std::set<std::string>(all_fields.begin(), all_fields.end()));

    // Certificate parts are the base64 of the PEM text.
    auto& cert = root.at("certificate").as_object();
    CHECK(revolut::detail::base64_decode(cert.at("public").as_string()) == original.certificate.public_pem);
    CHECK(revolut::detail::base64_decode(cert.at("private").as_string()) == original.certificate.private_pem);
    // Date-times are ISO 8601 with a UTC designator, as pydantic writes them.
    CHECK(cert.at("expiration_dt").as_string() == "2031-02-03T04:05:06.000007Z");
    CHECK(root.at("client_assert_jwt").at("expiration_dt").as_string() == "2031-02-03T04:05:06Z");
    CHECK(root.at("tokens").at("refresh_token_expiration_dt").as_string() == "2024-07-30T12:34:56.500000Z");
}

TEST_CASE("serializing refuses text that is not UTF-8 and names the field", "[credentials]") {
    Credentials c = sample_credentials();
    c.tokens.refresh_token = "fake-\xC3(-token";
    auto e = error_of([&] { revolut::serialize_credentials(c); });
    CHECK(e.code == Errc::credentials);
    CHECK_THAT(e.what, Contains("'tokens.refresh_token'"));
    CHECK_THAT(e.what, !Contains("fake-"));
}

TEST_CASE("inline credentials take JSON text or its base64", "[credentials]") {
    std::string text = read_fixture("pendulum_offsets_creds.json");
    Credentials expected = revolut::parse_credentials(text);

    SECTION("JSON text, surrounding whitespace allowed") {
        CHECK(same(revolut::parse_inline_credentials("\n  " + text + "\n"), expected));
    }
    SECTION("base64 on one line") {
        CHECK(same(revolut::parse_inline_credentials(revolut::detail::base64_encode(text)), expected));
    }
    SECTION("base64 wrapped at 76 columns, as the base64 tool writes it") {
        std::string encoded = revolut::detail::base64_encode(text), wrapped;
        for (std::size_t i = 0; i < encoded.size(); i += 76) wrapped += encoded.substr(i, 76) + "\n";
        CHECK(same(revolut::parse_inline_credentials(wrapped), expected));
    }
    SECTION("anything else is refused without echoing it") {
        for (std::string bad : {std::string(""), std::string("   "), std::string("not-json-SECRETISH!"),
                                revolut::detail::base64_encode("SECRETISH plain text"),
                                revolut::detail::base64_encode("[\"SECRETISH\"]")}) {
            INFO("case length " << bad.size());
            auto e = error_of([&] { revolut::parse_inline_credentials(bad); });
            CHECK(e.code == Errc::credentials);
            CHECK_THAT(e.what, Contains("inline credentials"));
            CHECK_THAT(e.what, Contains("revolut auth-manual"));
            CHECK_THAT(e.what, !Contains("SECRETISH"));
        }
    }
    SECTION("errors inside base64 credentials still name the field") {
        json::object root = json::parse(text).as_object();
        root.at("tokens").as_object().erase("refresh_token");
        auto e = error_of([&] {
            revolut::parse_inline_credentials(revolut::detail::base64_encode(json::serialize(root)));
        });
        CHECK(e.code == Errc::credentials);
        CHECK_THAT(e.what, Contains("'tokens.refresh_token' is missing"));
    }
}

TEST_CASE("every missing field is reported by name, with no value in the message", "[credentials]") {
    const FixtureSecrets secrets;
    const json::object fixture = json::parse(read_fixture("pendulum_offsets_creds.json")).as_object();

    for (const std::string& field : all_fields) {
        INFO(field);
        json::object root = fixture;
        section_of(root, field).erase(leaf_of(field));
        auto e = error_of([&] { revolut::parse_credentials(json::serialize(root)); });
        CHECK(e.code == Errc::credentials);
        CHECK_THAT(e.what, Contains("field '" + field + "' is missing"));
        CHECK_THAT(e.what, Contains("run `revolut auth-manual`"));
        CHECK(secrets.absent_from(e.what));
    }
    for (const char* section : {"certificate", "client_assert_jwt", "tokens"}) {
        INFO(section);
        json::object root = fixture;
        root.erase(section);
        auto e = error_of([&] { revolut::parse_credentials(json::serialize(root)); });
        CHECK(e.code == Errc::credentials);
        CHECK_THAT(e.what, Contains("field '" + std::string(section) + "' is missing"));
        CHECK(secrets.absent_from(e.what));
    }
}

TEST_CASE("every malformed field is reported by name, never by value", "[credentials]") {
    const FixtureSecrets secrets;
    const json::object fixture = json::parse(read_fixture("pendulum_offsets_creds.json")).as_object();
    struct Case {
        std::string field;
        json::value value;
        std::string problem;
    };
    const std::string not_pem = revolut::detail::base64_encode("SECRETISH but no PEM block");
    auto str = [](std::string_view text) { return json::value(json::string(text)); };
    std::vector<Case> cases = {
        {"certificate.public", str("SECRETISH!not*base64"), "is not base64"},
        {"certificate.private", str(not_pem), "is not the base64 of a PEM block"},
        {"certificate.private", str(secrets.key_pem), "is not base64"},  // raw PEM instead of its base64
        {"certificate.public", json::value(42), "must be a string"},
        {"certificate.expiration_dt", str("SECRETISH-2024"), "is not an ISO-8601 date-time"},
        {"certificate.expiration_dt", json::value(1714566896), "must be a string"},
        {"client_assert_jwt.jwt", json::value(json::array{"SECRETISH"}), "must be a string"},
        {"client_assert_jwt.jwt", str(""), "is empty"},
        {"client_assert_jwt.expiration_dt", str("2024-02-30T00:00:00+00:00"), "is not an ISO-8601 date-time"},
        {"tokens.access_token", json::value(json::object{{"SECRETISH", 1}}), "must be a string"},
        {"tokens.access_token", json::value(nullptr), "is missing"},
        {"tokens.refresh_token", str(""), "is empty"},
        {"tokens.token_type", json::value(true), "must be a string"},
        {"tokens.access_token_expiration_dt", str("2024-05-01T12:34:56+SECRETISH"), "is not an ISO-8601 date-time"},
        {"tokens.refresh_token_expiration_dt", str(""), "is empty"},
    };
    for (const Case& c : cases) {
        INFO(c.field << " " << c.problem);
        json::object root = fixture;
        section_of(root, c.field)[leaf_of(c.field)] = c.value;
        auto e = error_of([&] { revolut::parse_credentials(json::serialize(root)); });
        CHECK(e.code == Errc::credentials);
        CHECK_THAT(e.what, Contains("field '" + c.field + "' " + c.problem));
        CHECK_THAT(e.what, !Contains("SECRETISH"));
        CHECK(secrets.absent_from(e.what));
    }

    SECTION("a section that is not an object") {
        json::object root = fixture;
        root["tokens"] = json::array{secrets.access};
        auto e = error_of([&] { revolut::parse_credentials(json::serialize(root)); });
        CHECK_THAT(e.what, Contains("field 'tokens' must be an object"));
        CHECK(secrets.absent_from(e.what));
    }
    SECTION("not a JSON object, or not JSON at all") {
        for (std::string bad : {std::string("[]"), std::string("\"SECRETISH\""), std::string(""),
                                std::string("{\"tokens\": SECRETISH}"),
                                read_fixture("pendulum_offsets_creds.json").substr(0, 500)}) {
            auto e = error_of([&] { revolut::parse_credentials(bad); });
            CHECK(e.code == Errc::credentials);
            CHECK_THAT(e.what, Contains("revolut auth-manual"));
            CHECK_THAT(e.what, !Contains("SECRETISH"));
            CHECK(secrets.absent_from(e.what));
        }
    }
}

TEST_CASE("credentials parsing accepts what pyrevolut's reader accepts", "[credentials]") {
    json::object root = json::parse(read_fixture("pendulum_offsets_creds.json")).as_object();
    SECTION("a date-time without offset is UTC, as pendulum reads it") {
        root["tokens"].as_object()["access_token_expiration_dt"] = "2024-05-01T12:34:56.5";
        CHECK(revolut::parse_credentials(json::serialize(root)).tokens.access_token_expiration_dt ==
              utc(2024, 5, 1, 12, 34, 56, 500000));
    }
    SECTION("negative offsets and fractions of any length") {
        root["tokens"].as_object()["access_token_expiration_dt"] = "2024-05-01T07:04:56.1234567-05:30";
        CHECK(revolut::parse_credentials(json::serialize(root)).tokens.access_token_expiration_dt ==
              utc(2024, 5, 1, 12, 34, 56, 123456));
    }
    SECTION("fields we do not know are ignored") {
        root["tokens"].as_object()["scope"] = "READ";
        root["comment"] = "hand-edited";
        CHECK_NOTHROW(revolut::parse_credentials(json::serialize(root)));
    }
    SECTION("a UTF-8 byte-order mark") {
        CHECK_NOTHROW(revolut::parse_credentials("\xEF\xBB\xBF" + json::serialize(root)));
    }
}

TEST_CASE("the access token counts as expired from one minute before its expiry", "[credentials]") {
    Credentials c = sample_credentials();
    const auto exp = utc(2024, 5, 1, 12, 0, 0);
    c.tokens.access_token_expiration_dt = exp;
    // pyrevolut: expiration - 1 minute < now.
    CHECK_FALSE(c.access_token_expired(exp - 2min));
    CHECK_FALSE(c.access_token_expired(exp - 1min));
    CHECK(c.access_token_expired(exp - 1min + 1us));
    CHECK(c.access_token_expired(exp));
    CHECK(c.access_token_expired(exp + 1h));
}

TEST_CASE("re-authentication is needed once the certificate, JWT or refresh token has expired",
          "[credentials]") {
    Credentials c = sample_credentials();
    const auto later = utc(2030, 1, 1);
    const auto edge = utc(2025, 6, 1, 8, 0, 0);
    c.certificate.expiration_dt = later;
    c.client_assert_jwt.expiration_dt = later;
    c.tokens.refresh_token_expiration_dt = later;
    c.tokens.access_token_expiration_dt = utc(2000, 1, 1);  // an expired access token is refreshed, not fatal
    CHECK_FALSE(c.needs_reauthentication(edge));

    SECTION("certificate") { c.certificate.expiration_dt = edge; }
    SECTION("client-assertion JWT") { c.client_assert_jwt.expiration_dt = edge; }
    SECTION("refresh token") { c.tokens.refresh_token_expiration_dt = edge; }
    // Expired strictly after the instant, as pyrevolut compares (`expiration_dt < now`).
    CHECK_FALSE(c.needs_reauthentication(edge));
    CHECK(c.needs_reauthentication(edge + 1us));
    CHECK(c.needs_reauthentication(later + 1us));
}
