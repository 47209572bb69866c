// Token refresh without sockets: the token endpoint is a coroutine the test controls.
#include "auth/token_endpoint.hpp"
#include "auth/token_source.hpp"

#include <revolut/error.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <map>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;

namespace {

Timestamp now() { return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()); }

Credentials credentials(Timestamp access_expiry) {
    Credentials c;
    c.certificate.public_pem = "-----BEGIN CERTIFICATE-----";
    c.certificate.private_pem = "-----BEGIN PRIVATE KEY-----";
    c.certificate.expiration_dt = now() + std::chrono::days(365);
    c.client_assert_jwt.jwt = "header.claims.signature";
    c.client_assert_jwt.expiration_dt = now() + std::chrono::days(365);
    c.tokens.access_token = "old-access";
    c.tokens.refresh_token = "the-refresh-token";
    c.tokens.access_token_expiration_dt = access_expiry;
    c.tokens.refresh_token_expiration_dt = now() + std::chrono::days(90);
    return c;
}

std::map<std::string, std::string> form_fields(const std::string& form) {
    std::map<std::string, std::string> fields;
    // Decoded by hand, as a form parser would: '&' pairs, '=' splits, %XX escapes, '+' is space.
    auto decode = [](std::string_view text) {
        std::string out;
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '%' && i + 2 < text.size() + 0) {
                out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
                i += 2;
            } else {
                out += text[i] == '+' ? ' ' : text[i];
            }
        }
        return out;
    };
    std::string_view rest = form;
    while (!rest.empty()) {
        auto pair = rest.substr(0, rest.find('&'));
        rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
        auto eq = pair.find('=');
        REQUIRE(eq != std::string_view::npos);
        fields[decode(pair.substr(0, eq))] = decode(pair.substr(eq + 1));
    }
    return fields;
}

// A token endpoint that answers after a short delay and counts its calls.
struct FakeEndpoint {
    explicit FakeEndpoint(asio::io_context& context) : ioc(context) {}
    asio::io_context& ioc;
    int calls = 0;
    std::vector<std::string> forms;
    std::optional<unsigned> fail_status;

    auth::TokenSource::RequestToken function() {
        return [this](std::string form) -> asio::awaitable<auth::TokenResponse> {
            ++calls;
            forms.push_back(form);
            asio::steady_timer t(ioc, 20ms);
            co_await t.async_wait(asio::use_awaitable);
            if (fail_status)
                co_return auth::parse_token_response(*fail_status,
                                                     R"({"error":"invalid_grant","error_description":"refresh token revoked"})");
            co_return auth::parse_token_response(200, R"({"access_token":"new-access","token_type":"bearer","expires_in":2399})");
        };
    }
};

struct Saved {
    int count = 0;
    std::optional<Credentials> last;
    auth::TokenSource::Persist function() {
        return [this](const Credentials& c) -> asio::awaitable<void> {
            ++count;
            last = c;
            co_return;
        };
    }
};

}  // namespace

TEST_CASE("token endpoint forms carry the grant, the refresh token and the client assertion", "[auth][token]") {
    auto refresh = form_fields(auth::refresh_token_form("rt/+=", "a.b.c"));
    CHECK(refresh["grant_type"] == "refresh_token");
    CHECK(refresh["refresh_token"] == "rt/+=");
    CHECK(refresh["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    CHECK(refresh["client_assertion"] == "a.b.c");
    auto code = form_fields(auth::authorization_code_form("oa_code", "client-1", "x.y.z"));
    CHECK(code["grant_type"] == "authorization_code");
    CHECK(code["code"] == "oa_code");
    CHECK(code["client_id"] == "client-1");
    CHECK(code["client_assertion"] == "x.y.z");
}

TEST_CASE("token responses parse, and refusals carry status and Revolut's error", "[auth][token]") {
    auto ok = auth::parse_token_response(200, R"({"access_token":"A","token_type":"bearer","expires_in":2399,"refresh_token":"R"})");
    CHECK(ok.access_token == "A");
    CHECK(ok.expires_in == 2399s);
    CHECK(ok.refresh_token == "R");
    try {
        auth::parse_token_response(401, R"({"error":"invalid_client","error_description":"bad assertion"})");
        FAIL("accepted");
    } catch (const ApiError& e) {
        CHECK(e.code() == Errc::token_refresh_failed);
        CHECK(e.status() == 401);
        CHECK(e.api_message() == "invalid_client: bad assertion");
    }
    CHECK_THROWS_AS(auth::parse_token_response(200, R"({"token_type":"bearer"})"), ApiError);
    CHECK_THROWS_AS(auth::parse_token_response(200, "<html>"), ApiError);
    CHECK_THROWS_AS(auth::parse_token_response(200, R"({"access_token":"A","expires_in":-5})"), ApiError);
}

TEST_CASE("a valid access token is used without a refresh", "[auth][token]") {
    asio::io_context ioc;
    FakeEndpoint endpoint(ioc);
    Saved saved;
    auto source = std::make_shared<auth::TokenSource>(ioc.get_executor(), credentials(now() + 10min),
                                                      endpoint.function(), saved.function());
    std::string token;
    asio::co_spawn(ioc, source->bearer_token(), [&](std::exception_ptr e, std::string t) {
        REQUIRE_FALSE(e);
        token = t;
    });
    ioc.run();
    CHECK(token == "old-access");
    CHECK(endpoint.calls == 0);
}

TEST_CASE("1,000 concurrent calls with an expired token share one refresh", "[auth][token][single-flight]") {
    asio::io_context ioc;
    FakeEndpoint endpoint(ioc);
    Saved saved;
    // Expires in 30 s: inside the one-minute margin, so it counts as expired.
    auto source = std::make_shared<auth::TokenSource>(ioc.get_executor(), credentials(now() + 30s),
                                                      endpoint.function(), saved.function());
    std::map<std::string, int> tokens;
    int failures = 0;
    for (int i = 0; i < 1000; ++i)
        asio::co_spawn(ioc, source->bearer_token(), [&](std::exception_ptr e, std::string t) {
            if (e) ++failures;
            else ++tokens[t];
        });
    ioc.run();
    CHECK(endpoint.calls == 1);
    CHECK(source->refreshes() == 1);
    CHECK(failures == 0);
    CHECK(tokens.size() == 1);
    CHECK(tokens["new-access"] == 1000);
    REQUIRE(saved.count == 1);
    CHECK(saved.last->tokens.access_token == "new-access");
    CHECK(saved.last->tokens.refresh_token == "the-refresh-token");
    CHECK(saved.last->tokens.access_token_expiration_dt > now() + 39min);
    auto form = form_fields(endpoint.forms.at(0));
    CHECK(form["refresh_token"] == "the-refresh-token");
    CHECK(form["client_assertion"] == "header.claims.signature");
}

TEST_CASE("a failed refresh fails every waiting call and saves nothing", "[auth][token]") {
    asio::io_context ioc;
    FakeEndpoint endpoint(ioc);
    endpoint.fail_status = 400;
    Saved saved;
    auto source = std::make_shared<auth::TokenSource>(ioc.get_executor(), credentials(now() - 1h),
                                                      endpoint.function(), saved.function());
    std::vector<boost::system::error_code> errors;
    for (int i = 0; i < 50; ++i)
        asio::co_spawn(ioc, source->bearer_token(),
                       [&](std::exception_ptr e, std::string) { errors.push_back(error_code_of(e)); });
    ioc.run();
    CHECK(endpoint.calls == 1);
    REQUIRE(errors.size() == 50);
    for (auto& ec : errors) CHECK(ec == Errc::token_refresh_failed);
    CHECK(saved.count == 0);
}

TEST_CASE("a 401 refreshes once per rejected token", "[auth][token]") {
    asio::io_context ioc;
    FakeEndpoint endpoint(ioc);
    Saved saved;
    auto source = std::make_shared<auth::TokenSource>(ioc.get_executor(), credentials(now() + 10min),
                                                      endpoint.function(), saved.function());
    std::vector<std::string> tokens;
    for (int i = 0; i < 10; ++i)
        asio::co_spawn(ioc, source->token_after_rejection("old-access"),
                       [&](std::exception_ptr e, std::string t) {
                           REQUIRE_FALSE(e);
                           tokens.push_back(t);
                       });
    ioc.run();
    CHECK(endpoint.calls == 1);
    CHECK(tokens == std::vector<std::string>(10, "new-access"));
    // A late rejection of the old token is answered with the new one, no second refresh.
    ioc.restart();
    asio::co_spawn(ioc, source->token_after_rejection("old-access"),
                   [&](std::exception_ptr, std::string t) { CHECK(t == "new-access"); });
    ioc.run();
    CHECK(endpoint.calls == 1);
}

TEST_CASE("expired long-term credentials fail at once without a round trip", "[auth][token]") {
    struct Case { const char* name; void (*expire)(Credentials&); };
    for (auto c : {Case{"certificate", [](Credentials& x) { x.certificate.expiration_dt = now() - 1s; }},
                   Case{"client-assertion JWT", [](Credentials& x) { x.client_assert_jwt.expiration_dt = now() - 1s; }},
                   Case{"refresh token", [](Credentials& x) { x.tokens.refresh_token_expiration_dt = now() - 1s; }}}) {
        INFO(c.name);
        asio::io_context ioc;
        FakeEndpoint endpoint(ioc);
        Saved saved;
        auto creds = credentials(now() + 10min);
        c.expire(creds);
        auto source = std::make_shared<auth::TokenSource>(ioc.get_executor(), creds, endpoint.function(),
                                                          saved.function());
        std::optional<std::string> message;
        asio::co_spawn(ioc, source->bearer_token(), [&](std::exception_ptr e, std::string) {
            try {
                if (e) std::rethrow_exception(e);
            } catch (const Error& error) {
                CHECK(error.code() == Errc::reauthentication_required);
                message = error.what();
            }
        });
        ioc.run();
        REQUIRE(message);
        CHECK(message->find(c.name) != std::string::npos);
        CHECK(message->find("revolut auth-manual") != std::string::npos);
        CHECK(endpoint.calls == 0);
    }
}
