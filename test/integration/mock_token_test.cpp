// revolut-mock's token endpoint (POST /api/1.0/auth/token) over real TLS: both grants, every
// refusal with its status and OAuth error body (never echoing a secret), single-use codes and
// access-token lifetimes.

#include "crypto/base64.hpp"
#include "crypto/jwt.hpp"
#include "crypto/x509.hpp"
#include "support/raw_https.hpp"
#include "support/run_async.hpp"

#include <revolut/error.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json.hpp>

#include <catch2/catch.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <string>
#include <vector>

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;
using namespace std::chrono_literals;
using revolut::Timestamp;
using revolut::mock::Server;
using revolut::mock::ServerOptions;
using revolut::test::form_encode;
using revolut::test::json_of;
using revolut::test::MockHarness;
using revolut::test::RawHttpsClient;
using revolut::test::RawResponse;
using revolut::test::run_async;

const std::string token_path = "/api/1.0/auth/token";
const std::string webhooks = "/api/2.0/webhooks";
constexpr std::string_view jwt_bearer = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

Timestamp now() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
}

// An API client as its owner sets it up: a key and a self-signed certificate to upload.
struct TestClient {
    std::string id;
    std::string key_pem;
    std::string certificate_pem;

    std::string assertion(std::string issuer = "example.com",
                          Timestamp expires = now() + std::chrono::hours(1)) const {
        return revolut::detail::make_client_assertion(key_pem, id, issuer, expires);
    }
};

TestClient make_client(std::string id) {
    TestClient client;
    client.id = std::move(id);
    client.key_pem = revolut::detail::generate_rsa_private_key_pem();
    revolut::detail::CertificateSubject subject;
    subject.common_name = client.id.empty() ? "client" : client.id;
    client.certificate_pem = revolut::detail::make_self_signed_certificate_pem(
        client.key_pem, subject, std::chrono::days(30));
    return client;
}

// An RS256 JWT with exactly `claims`, for assertions make_client_assertion would not make.
std::string sign_jwt(const std::string& key_pem, const json::object& claims) {
    const std::string header = R"({"alg":"RS256","typ":"JWT"})";
    std::string token = revolut::detail::base64url_encode(header) + "." +
                        revolut::detail::base64url_encode(json::serialize(claims));
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size())), BIO_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    REQUIRE(key);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t size = 0;
    REQUIRE(EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1);
    REQUIRE(EVP_DigestSign(ctx.get(), nullptr, &size,
                           reinterpret_cast<const unsigned char*>(token.data()), token.size()) == 1);
    std::string signature(size, '\0');
    REQUIRE(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                           reinterpret_cast<const unsigned char*>(token.data()), token.size()) == 1);
    signature.resize(size);
    return token + "." + revolut::detail::base64url_encode(signature);
}

std::string refresh_form(std::string_view refresh_token, std::string_view assertion) {
    return form_encode({{"grant_type", "refresh_token"},
                        {"refresh_token", refresh_token},
                        {"client_assertion_type", jwt_bearer},
                        {"client_assertion", assertion}});
}

// As pyrevolut sends it, with the literal "client_id" as client_id.
std::string code_form(std::string_view code, std::string_view assertion,
                      std::string_view client_id = "client_id") {
    return form_encode({{"grant_type", "authorization_code"},
                        {"code", code},
                        {"client_id", client_id},
                        {"client_assertion_type", jwt_bearer},
                        {"client_assertion", assertion}});
}

asio::awaitable<RawResponse> post_token(RawHttpsClient& client, std::string form) {
    co_return co_await client.send(client.make_form_request(token_path, std::move(form)));
}

// An OAuth refusal: status, {"error", "error_description"}, and none of `secrets` in it.
void require_oauth_error(const RawResponse& response, unsigned status, const std::string& error,
                         const std::vector<std::string>& secrets = {}) {
    INFO(response.body());
    REQUIRE(response.result_int() == status);
    REQUIRE(response[http::field::content_type] == "application/json");
    CHECK(response[http::field::cache_control] == "no-store");
    const auto body = json_of(response).as_object();
    CHECK(body.at("error").as_string() == error);
    CHECK_FALSE(body.at("error_description").as_string().empty());
    CHECK(body.size() == 2);
    for (const auto& secret : secrets) {
        REQUIRE_FALSE(secret.empty());
        CHECK(response.body().find(secret) == std::string::npos);
    }
}

std::string str(const json::value& v) {
    return std::string(v.as_string());
}

asio::awaitable<unsigned> status_with_token(RawHttpsClient& client, const std::string& token) {
    auto response = co_await client.send(client.make_request(http::verb::get, webhooks, token));
    co_return response.result_int();
}

asio::awaitable<void> sleep_for(std::chrono::milliseconds d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

}  // namespace

TEST_CASE("the refresh_token grant issues an access token the API accepts", "[mock][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        const auto creds = h.server.issue_credentials();

        auto response = co_await post_token(
            h.client, refresh_form(creds.tokens.refresh_token, creds.client_assert_jwt.jwt));
        INFO(response.body());
        REQUIRE(response.result_int() == 200);
        CHECK(response[http::field::cache_control] == "no-store");
        const auto body = json_of(response).as_object();
        CHECK(body.size() == 3);  // no refresh_token: the old one stays in use
        CHECK(str(body.at("token_type")) == "bearer");
        CHECK(body.at("expires_in").as_int64() == 40 * 60);
        const auto access = str(body.at("access_token"));
        CHECK(access != creds.tokens.access_token);
        CHECK(access.starts_with("oa_sand_"));

        const auto with_new = co_await status_with_token(h.client, access);
        CHECK(with_new == 200);
        const auto with_old = co_await status_with_token(h.client, creds.tokens.access_token);
        CHECK(with_old == 200);  // still valid until it expires

        // The refresh token can be used again.
        auto again = co_await post_token(
            h.client, refresh_form(creds.tokens.refresh_token, creds.client_assert_jwt.jwt));
        CHECK(again.result_int() == 200);
        const auto stats = h.server.stats();
        CHECK(stats.token_requests == 2);
        CHECK(stats.token_refreshes == 2);
    });
}

TEST_CASE("the authorization_code grant exchanges a single-use code for both tokens",
          "[mock][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        const auto client = make_client("client-one");
        h.server.register_client_with_id(client.id, client.certificate_pem);
        const auto code = h.server.issue_authorization_code(client.id);
        CHECK(code != h.server.issue_authorization_code(client.id));

        auto response = co_await post_token(h.client, code_form(code, client.assertion()));
        INFO(response.body());
        REQUIRE(response.result_int() == 200);
        const auto body = json_of(response).as_object();
        CHECK(body.size() == 4);
        CHECK(str(body.at("token_type")) == "bearer");
        CHECK(body.at("expires_in").as_int64() == 40 * 60);
        const auto access = str(body.at("access_token"));
        const auto refresh = str(body.at("refresh_token"));
        CHECK(access != refresh);
        const auto status = co_await status_with_token(h.client, access);
        CHECK(status == 200);

        // The new refresh token works with the client's assertions.
        auto refreshed = co_await post_token(h.client, refresh_form(refresh, client.assertion()));
        CHECK(refreshed.result_int() == 200);

        // Single use: the same code again is refused, and echoed nowhere.
        auto reused = co_await post_token(h.client, code_form(code, client.assertion()));
        require_oauth_error(reused, 401, "invalid_grant", {code});

        // The real client ID is accepted as client_id too; another one is not.
        const auto second = h.server.issue_authorization_code(client.id);
        auto named = co_await post_token(h.client, code_form(second, client.assertion(), client.id));
        CHECK(named.result_int() == 200);
        const auto third = h.server.issue_authorization_code(client.id);
        auto mismatched =
            co_await post_token(h.client, code_form(third, client.assertion(), "someone-else"));
        require_oauth_error(mismatched, 401, "invalid_client", {third});
        CHECK(h.server.stats().token_refreshes == 1);
    });
}

TEST_CASE("a client registered with its redirect URI must assert that issuer", "[mock][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        auto client = make_client("");
        client.id = h.server.register_client(client.certificate_pem, "https://app.example/callback");
        CHECK(client.id.size() >= 20);

        const auto first = h.server.issue_authorization_code(client.id);
        auto right = co_await post_token(
            h.client, code_form(first, client.assertion("https://app.example/callback")));
        CHECK(right.result_int() == 200);

        const auto second = h.server.issue_authorization_code(client.id);
        const auto wrong_issuer = client.assertion("elsewhere.example");
        auto wrong = co_await post_token(h.client, code_form(second, wrong_issuer));
        require_oauth_error(wrong, 401, "invalid_client", {second, wrong_issuer});
    });
}

TEST_CASE("malformed requests and unknown grants are refused with 400", "[mock][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        const auto creds = h.server.issue_credentials();
        const auto& refresh = creds.tokens.refresh_token;
        const auto& jwt = creds.client_assert_jwt.jwt;
        const std::vector<std::string> secrets{refresh, jwt};
        auto& c = h.client;

        // JSON instead of a form.
        auto as_json = c.make_request(http::verb::post, token_path, {},
                                      R"({"grant_type":"refresh_token"})");
        const auto json_body = co_await c.send(as_json);
        require_oauth_error(json_body, 400, "invalid_request");

        const std::vector<std::string> malformed{
            "grant_type=refresh_token&refresh_token=%zz",  // bad escape
            "grant_type=refresh_token&refresh_token=%4",   // truncated escape
            "grant_type&refresh_token=x",                  // no '='
            "grant_type=refresh_token&grant_type=refresh_token",  // repeated
            "refresh_token=x",                                    // no grant_type
        };
        for (const auto& form : malformed) {
            INFO(form);
            const auto refused = co_await post_token(c, form);
            require_oauth_error(refused, 400, "invalid_request");
        }
        const auto password = form_encode({{"grant_type", "password"}, {"username", "u"}});
        const auto password_grant = co_await post_token(c, password);
        require_oauth_error(password_grant, 400, "unsupported_grant_type");

        const auto no_token = form_encode({{"grant_type", "refresh_token"},
                                           {"client_assertion_type", jwt_bearer},
                                           {"client_assertion", jwt}});
        const auto without_token = co_await post_token(c, no_token);
        require_oauth_error(without_token, 400, "invalid_request", secrets);
        const auto no_assertion =
            form_encode({{"grant_type", "refresh_token"}, {"refresh_token", refresh}});
        const auto without_assertion = co_await post_token(c, no_assertion);
        require_oauth_error(without_assertion, 400, "invalid_request", secrets);
        const auto no_code = form_encode({{"grant_type", "authorization_code"},
                                          {"client_assertion_type", jwt_bearer},
                                          {"client_assertion", jwt}});
        const auto without_code = co_await post_token(c, no_code);
        require_oauth_error(without_code, 400, "invalid_request", secrets);

        // '+' is a space: the token is not the one issued.
        const auto plus = "grant_type=refresh_token&refresh_token=" + refresh +
                          "+&client_assertion_type=" + form_encode({{"x", jwt_bearer}}).substr(2) +
                          "&client_assertion=" + jwt;
        const auto spaced_token = co_await post_token(c, plus);
        require_oauth_error(spaced_token, 401, "invalid_grant", secrets);

        CHECK(h.server.stats().token_requests == malformed.size() + 6);
        CHECK(h.server.stats().token_refreshes == 0);
        // The endpoint needs no bearer token, and other methods are not allowed.
        const auto get = co_await c.send(c.make_request(http::verb::get, token_path));
        CHECK(get.result_int() == 405);
    });
}

TEST_CASE("bad client assertions are refused with 401 invalid_client, echoing nothing",
          "[mock][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        const auto client = make_client("client-a");
        h.server.register_client_with_id(client.id, client.certificate_pem);
        const auto stranger = make_client("client-a");  // same ID, another key
        const auto unknown = make_client("client-unknown");
        const auto creds = h.server.issue_credentials();
        const auto code = h.server.issue_authorization_code(client.id);
        auto& c = h.client;

        auto claims = [&](std::string aud) {
            return json::object{{"iss", "example.com"},
                                {"sub", client.id},
                                {"aud", std::move(aud)},
                                {"exp", std::chrono::duration_cast<std::chrono::seconds>(
                                            (now() + std::chrono::hours(1)).time_since_epoch())
                                            .count()}};
        };
        const std::vector<std::pair<const char*, std::string>> assertions{
            {"not a JWT", "not-a-jwt"},
            {"signed by another key", stranger.assertion()},
            {"for an unknown client", unknown.assertion()},
            {"expired", client.assertion("example.com", now() - std::chrono::minutes(1))},
            {"for another audience", sign_jwt(client.key_pem, claims("https://example.com"))},
        };
        for (const auto& [what, assertion] : assertions) {
            INFO(what);
            auto by_code = co_await post_token(c, code_form(code, assertion));
            require_oauth_error(by_code, 401, "invalid_client", {code, assertion});
            auto by_refresh =
                co_await post_token(c, refresh_form(creds.tokens.refresh_token, assertion));
            require_oauth_error(by_refresh, 401, "invalid_client",
                                {creds.tokens.refresh_token, assertion});
        }
        // The right audience with the same signer is accepted: only `aud` was wrong above.
        auto good = co_await post_token(
            c, code_form(code, sign_jwt(client.key_pem, claims("https://revolut.com"))));
        CHECK(good.result_int() == 200);

        const auto wrong_type = form_encode({{"grant_type", "refresh_token"},
                                             {"refresh_token", creds.tokens.refresh_token},
                                             {"client_assertion_type", "urn:example:other"},
                                             {"client_assertion", creds.client_assert_jwt.jwt}});
        const auto other_type = co_await post_token(c, wrong_type);
        require_oauth_error(other_type, 401, "invalid_client",
                            {creds.tokens.refresh_token, creds.client_assert_jwt.jwt});
        CHECK(h.server.stats().token_refreshes == 0);
    });
}

TEST_CASE("unknown, revoked, foreign or expired refresh tokens and codes are invalid_grant",
          "[mock][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        ServerOptions options;
        options.authorization_code_lifetime = 0s;  // every code has expired when it arrives
        MockHarness h(ioc, options);
        co_await h.client.connect();
        const auto mine = h.server.issue_credentials();
        const auto theirs = h.server.issue_credentials();
        const auto& jwt = mine.client_assert_jwt.jwt;
        auto& c = h.client;

        const std::string made_up = "oa_sand_madeup";
        const auto made_up_token = co_await post_token(c, refresh_form(made_up, jwt));
        require_oauth_error(made_up_token, 401,
                            "invalid_grant", {made_up, jwt});
        // Another client's refresh token does not work with my assertion.
        const auto foreign_token = co_await post_token(c, refresh_form(theirs.tokens.refresh_token, jwt));
        require_oauth_error(foreign_token,
                            401, "invalid_grant", {theirs.tokens.refresh_token, jwt});

        h.server.revoke_refresh_token(mine.tokens.refresh_token);
        const auto revoked_token = co_await post_token(c, refresh_form(mine.tokens.refresh_token, jwt));
        require_oauth_error(revoked_token,
                            401, "invalid_grant", {mine.tokens.refresh_token, jwt});
        h.server.revoke_refresh_token("never-issued");  // a no-op

        const auto client = make_client("client-b");
        h.server.register_client_with_id(client.id, client.certificate_pem);
        const auto expired = h.server.issue_authorization_code(client.id);
        const auto expired_code = co_await post_token(c, code_form(expired, client.assertion()));
        require_oauth_error(expired_code, 401,
                            "invalid_grant", {expired});
        const auto unknown_code = co_await post_token(c, code_form("oa_code_unknown", client.assertion()));
        require_oauth_error(unknown_code,
                            401, "invalid_grant");
        CHECK(h.server.stats().token_refreshes == 0);
    });
}

TEST_CASE("a code presented by another client is refused and stays usable by its owner",
          "[mock][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        MockHarness h(ioc);
        co_await h.client.connect();
        const auto owner = make_client("owner");
        const auto other = make_client("other");
        h.server.register_client_with_id(owner.id, owner.certificate_pem);
        h.server.register_client_with_id(other.id, other.certificate_pem);
        const auto code = h.server.issue_authorization_code(owner.id);

        auto stolen = co_await post_token(h.client, code_form(code, other.assertion()));
        require_oauth_error(stolen, 401, "invalid_grant", {code});
        auto own = co_await post_token(h.client, code_form(code, owner.assertion()));
        CHECK(own.result_int() == 200);
    });
}

TEST_CASE("access tokens expire after access_token_lifetime, revoked ones at once",
          "[mock][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        ServerOptions options;
        options.access_token_lifetime = 1s;
        MockHarness h(ioc, options);
        co_await h.client.connect();
        const auto creds = h.server.issue_credentials();
        CHECK(creds.tokens.access_token_expiration_dt <= now() + 1s);

        auto refreshed = co_await post_token(
            h.client, refresh_form(creds.tokens.refresh_token, creds.client_assert_jwt.jwt));
        REQUIRE(refreshed.result_int() == 200);
        CHECK(json_of(refreshed).at("expires_in").as_int64() == 1);
        const auto access = str(json_of(refreshed).at("access_token"));
        const auto fresh = co_await status_with_token(h.client, access);
        CHECK(fresh == 200);

        co_await sleep_for(1100ms);
        auto expired = co_await h.client.send(h.client.make_request(http::verb::get, webhooks, access));
        CHECK(expired.result_int() == 401);
        CHECK(json_of(expired).at("code").as_int64() == 1000);
        CHECK(expired.body().find(access) == std::string::npos);
        const auto issued_expired = co_await status_with_token(h.client, creds.tokens.access_token);
        CHECK(issued_expired == 401);

        // A refresh brings access back; revoking the new token ends it before its expiry.
        auto again = co_await post_token(
            h.client, refresh_form(creds.tokens.refresh_token, creds.client_assert_jwt.jwt));
        const auto renewed = str(json_of(again).at("access_token"));
        const auto before_revoke = co_await status_with_token(h.client, renewed);
        CHECK(before_revoke == 200);
        h.server.revoke_access_token(renewed);
        const auto after_revoke = co_await status_with_token(h.client, renewed);
        CHECK(after_revoke == 401);
        // Tokens added with add_access_token never expire.
        const auto harness_token = co_await status_with_token(h.client, MockHarness::token);
        CHECK(harness_token == 200);
    });
}

TEST_CASE("register_client and issue_authorization_code refuse bad input", "[mock][token]") {
    asio::io_context ioc;
    Server server(ioc.get_executor());
    const auto client = make_client("x");
    const std::string broken = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    CHECK_THROWS_AS(server.register_client_with_id("id", "not a certificate"), revolut::Error);
    CHECK_THROWS_AS(server.register_client_with_id("", client.certificate_pem), revolut::Error);
    CHECK_THROWS_AS(server.register_client_with_id("id", broken), revolut::Error);
    CHECK_THROWS_AS(server.register_client("not a certificate", "https://app.example/cb"), revolut::Error);
    CHECK_THROWS_AS(server.register_client(broken, "https://app.example/cb"), revolut::Error);
    CHECK_THROWS_AS(server.register_client(client.certificate_pem, "   "), revolut::Error);
    CHECK_THROWS_AS(server.issue_authorization_code("nobody"), revolut::Error);
    server.register_client_with_id("id", client.certificate_pem);
    CHECK_FALSE(server.issue_authorization_code("id").empty());
    auto assigned = server.register_client(client.certificate_pem, "https://app.example/cb");
    CHECK(assigned.size() == 43);
    CHECK_FALSE(server.issue_authorization_code(assigned).empty());
}
