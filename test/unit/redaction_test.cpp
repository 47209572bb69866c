// The redactor on the shapes the client logs: JSON bodies, token forms, headers, free text.
// Every case checks both that the secret is gone and that the rest is kept.
#include "logging/redaction.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace revolut::logging;

namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// A JWT-shaped value and a PEM key made up for these tests.
const std::string jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJleGFtcGxlLmNvbSJ9.c2lnbmF0dXJlLWJ5dGVz";
const std::string pem =
    "-----BEGIN PRIVATE KEY-----\nTUlJRXZRSUJBREFOQmdrcWhraUc5dzBCQVFFRkFBU0NCS2N3\n-----END PRIVATE KEY-----\n";

}  // namespace

TEST_CASE("JSON: secret fields are masked at any depth, the rest kept byte for byte", "[unit][redaction]") {
    std::string body = R"({"access_token":"oa_sand_AAA111","token_type":"bearer","expires_in":2399,)"
                       R"("refresh_token":"oa_sand_BBB222","nested":{"signing_secret":"wsk_CCC333",)"
                       R"("amount":10.10,"list":[{"client_assertion":")" + jwt + R"("}]}})";
    auto out = redact_json(body);
    for (auto secret : {"AAA111", "BBB222", "CCC333", "eyJ"}) {
        INFO(secret);
        CHECK_FALSE(contains(out, secret));
    }
    CHECK(contains(out, R"("access_token":"[REDACTED]")"));
    CHECK(contains(out, R"("expires_in":2399)"));
    CHECK(contains(out, R"("amount":10.10)"));  // exact digits, not re-serialised
    CHECK(contains(out, R"("token_type":"bearer")"));
}

TEST_CASE("JSON: a secret object or array value is masked whole", "[unit][redaction]") {
    auto out = redact_json(R"({"private_key":{"pem":"x","d":[1,2]},"id":"k1"})");
    CHECK(out == R"({"private_key":"[REDACTED]","id":"k1"})");
}

TEST_CASE("JSON: card PAN and CVV are masked", "[unit][redaction]") {
    auto out = redact_json(R"({"pan":"4111111111111111","cvv":"123","expiry":"12/29","cardholder_name":"A B"})");
    CHECK_FALSE(contains(out, "4111111111111111"));
    CHECK_FALSE(contains(out, "\"123\""));
    CHECK(contains(out, "cardholder_name"));
}

TEST_CASE("JSON: an error code number is kept, an authorization code string is masked", "[unit][redaction]") {
    CHECK(redact_json(R"({"code":3040,"message":"Not found"})") == R"({"code":3040,"message":"Not found"})");
    CHECK(redact_json(R"({"code":"oa_code_XYZ"})") == R"({"code":"[REDACTED]"})");
}

TEST_CASE("JSON: secret-shaped values under ordinary names are masked too", "[unit][redaction]") {
    auto out = redact_json(R"({"note":")" + jwt + R"(","key":"-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----","x":"\nwsk_DDD444"})");
    CHECK_FALSE(contains(out, "eyJ"));
    CHECK_FALSE(contains(out, "AAAA"));
    CHECK_FALSE(contains(out, "DDD444"));
    CHECK(contains(out, R"("note":)"));
}

TEST_CASE("JSON: truncated or invalid JSON is still redacted", "[unit][redaction]") {
    auto out = redact_json(R"({"refresh_token":"oa_sand_EEE555", "access_token": "oa_sand_FFF)");
    CHECK_FALSE(contains(out, "EEE555"));
    CHECK_FALSE(contains(out, "FFF"));
    CHECK(redact_json("not json at all") == "not json at all");
}

TEST_CASE("forms: the token endpoint's secret fields are masked", "[unit][redaction]") {
    auto out = redact_form("grant_type=authorization_code&code=oa_code_GGG666&client_id=cid_1"
                           "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                           "&client_assertion=" + jwt + "&refresh%5Ftoken=HHH777");
    CHECK_FALSE(contains(out, "GGG666"));
    CHECK_FALSE(contains(out, "eyJ"));
    CHECK_FALSE(contains(out, "HHH777"));  // percent-encoded field names are recognised
    CHECK(contains(out, "grant_type=authorization_code"));
    CHECK(contains(out, "client_id=cid_1"));
    CHECK(contains(out, "code=[REDACTED]"));
}

TEST_CASE("headers: credentials are masked, the scheme kept", "[unit][redaction]") {
    CHECK(redact_header("Authorization", "Bearer oa_sand_III888") == "Bearer [REDACTED]");
    CHECK(redact_header("authorization", "opaque") == "[REDACTED]");
    CHECK(redact_header("Cookie", "session=abc") == "[REDACTED]");
    CHECK(redact_header("Revolut-Signature", "v1=abcdef") == "[REDACTED]");
    CHECK(redact_header("Content-Type", "application/json") == "application/json");
}

TEST_CASE("text: PEM blocks, JWTs, bearer tokens and Revolut secrets are masked", "[unit][redaction]") {
    auto out = redact_text("key:\n" + pem + "jwt " + jwt + " header Authorization: Bearer opaque-token-JJJ999 "
                           "secret wsk_KKK000, token oa_prod_LLL111. done");
    for (auto secret : {"TUlJ", "eyJ", "JJJ999", "KKK000", "LLL111"}) {
        INFO(secret);
        CHECK_FALSE(contains(out, secret));
    }
    CHECK(contains(out, "[REDACTED PEM]"));
    CHECK(contains(out, "Bearer [REDACTED]"));
    CHECK(contains(out, "done"));
    // A PEM block cut off before its END line is masked to the end.
    CHECK(redact_text("x -----BEGIN PRIVATE KEY-----\nMMM") == "x [REDACTED PEM]");
}

TEST_CASE("text: ordinary words that merely contain 'eyJ' or dots are kept", "[unit][redaction]") {
    CHECK(redact_text("keyJar version 1.2.3") == "keyJar version 1.2.3");
    CHECK(redact_text("<html>Bad gateway</html>") == "<html>Bad gateway</html>");
}

TEST_CASE("bodies: the content type picks the redactor, long bodies are cut after redaction", "[unit][redaction]") {
    CHECK(redact_body(R"({"access_token":"x"})", "application/json; charset=utf-8") == R"({"access_token":"[REDACTED]"})");
    CHECK(redact_body(R"({"access_token":"x"})", "") == R"({"access_token":"[REDACTED]"})");  // sniffed
    CHECK(redact_body("refresh_token=x&a=b", "application/x-www-form-urlencoded") == "refresh_token=[REDACTED]&a=b");
    auto long_body = redact_body(std::string(100, 'a'), "text/plain", 10);
    CHECK(long_body == "aaaaaaaaaa... [90 more bytes]");
}
