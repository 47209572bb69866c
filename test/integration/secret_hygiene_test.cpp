// Secret hygiene: every flow (open, calls, token refresh after a 401, a refused refresh,
// webhooks with signing secrets, rotation, the authorization-code exchange auth-manual
// makes, API errors, retries) runs against revolut-mock with logging at trace, the most
// verbose level. Then every captured log line and every exception message is scanned for
// every secret the flows used. The test also checks that the trace really carried the
// requests and responses, so it cannot pass by logging nothing.
#include "support/faults.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include "auth/token_endpoint.hpp"
#include "crypto/jwt.hpp"
#include "crypto/x509.hpp"
#include "http/transport.hpp"

#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using boost::beast::http::verb;
using revolut::test::run_async;

namespace {

// Everything a test run said: log lines and exception messages.
struct Capture {
    std::vector<std::string> lines;
    std::vector<std::string> secrets;

    LogSink sink() {
        return [this](LogLevel level, std::string_view line) {
            lines.push_back(std::string(to_string(level)) + ": " + std::string(line));
        };
    }

    void secret(const std::string& value) {
        REQUIRE(value.size() >= 8);  // a short "secret" would match by accident
        secrets.push_back(value);
    }

    // A PEM is a secret whole and line by line: a leaked fragment is still a leak.
    void pem_secret(const std::string& pem) {
        secret(pem);
        std::istringstream in(pem);
        for (std::string line; std::getline(in, line);)
            if (line.size() >= 16 && line.find("-----") == std::string::npos) secret(line);
    }

    // Runs `op`, expecting a failure; keeps its message.
    template <class Awaitable>
    asio::awaitable<boost::system::error_code> failure(Awaitable op) {
        try {
            co_await std::move(op);
        } catch (const std::exception& e) {
            lines.push_back(std::string("exception: ") + e.what());
            co_return error_code_of(std::current_exception());
        }
        FAIL("expected a failure");
        co_return boost::system::error_code{};
    }

    bool any_line_has(std::string_view part) const {
        return std::any_of(lines.begin(), lines.end(), [&](const auto& l) { return l.find(part) != std::string::npos; });
    }
};

Timestamp in_one_hour() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now() + 1h);
}

// What `revolut auth-manual` does after the browser consent: exchange the code for tokens at
// the token endpoint, through the library's transport, logged at trace.
asio::awaitable<void> authorization_code_flow(mock::Server& server, Capture& capture) {
    const std::string client_id = "hygiene-client";
    const auto key_pem = detail::generate_rsa_private_key_pem();
    detail::CertificateSubject subject;
    subject.common_name = client_id;
    server.register_client_with_id(client_id, detail::make_self_signed_certificate_pem(key_pem, subject, std::chrono::days(30)));
    const auto code = server.issue_authorization_code(client_id);
    const auto assertion = detail::make_client_assertion(key_pem, client_id, "example.com", in_one_hour());
    capture.pem_secret(key_pem);
    capture.secret(code);
    capture.secret(assertion);

    http::TlsSettings tls;
    tls.use_system_trust_store = false;
    tls.ca_pem = server.ca_certificate_pem();
    http::Transport transport(co_await asio::this_coro::executor, tls, http::BaseUrl::parse(server.base_url()),
                              http::PoolSettings{}, logging::Logger(capture.sink(), LogLevel::trace));
    auto tokens = co_await auth::request_token(transport, auth::authorization_code_form(code, client_id, assertion),
                                               "hygiene-test", std::chrono::seconds(10));
    capture.secret(tokens.access_token);
    REQUIRE(tokens.refresh_token);
    capture.secret(*tokens.refresh_token);
    // The code is single use: the refusal (an OAuth error) must not echo it either.
    auto reused = co_await capture.failure(auth::request_token(
        transport, auth::authorization_code_form(code, client_id, assertion), "hygiene-test", std::chrono::seconds(10)));
    CHECK(reused == Errc::token_refresh_failed);
    co_await transport.pool().close_idle(1s);
}

}  // namespace

TEST_CASE("no secret reaches a log line or an exception message, even at trace",
          "[integration][secret_hygiene]") {
    Capture capture;
    run_async([&](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        const auto creds = server.issue_credentials();
        capture.secret(creds.tokens.access_token);
        capture.secret(creds.tokens.refresh_token);
        capture.secret(creds.client_assert_jwt.jwt);
        capture.pem_secret(creds.certificate.private_pem);

        auto options = revolut::test::options_for(server, creds);
        options.log_sink = capture.sink();
        options.log_level = LogLevel::trace;
        options.retry.initial_backoff = 5ms;
        std::vector<Credentials> saved;
        options.save_creds = [&](const Credentials& c) -> asio::awaitable<void> {
            saved.push_back(c);
            co_return;
        };
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        auto hooks = client.webhooks();

        // Webhooks and their signing secrets: create, get, rotate, raw.
        auto created = co_await hooks.create_webhook("https://example.com/hygiene");
        capture.secret(created.signing_secret);
        auto fetched = co_await hooks.get_webhook(created.id);
        CHECK(fetched.signing_secret == created.signing_secret);
        auto rotated = co_await hooks.rotate_webhook_secret(created.id, std::chrono::seconds(3600));
        capture.secret(rotated.signing_secret);
        for (const auto& s : server.valid_signing_secrets(created.id)) capture.secret(s);
        co_await client.request(verb::get, "/2.0/webhooks/" + created.id.to_string());

        // A revoked access token: 401, refresh, resend.
        server.revoke_access_token(creds.tokens.access_token);
        co_await hooks.get_all_webhooks();
        REQUIRE(saved.size() == 1);
        capture.secret(saved.back().tokens.access_token);

        // API errors, and retries.
        auto missing = co_await capture.failure(hooks.get_webhook(Uuid::random()));
        CHECK(missing == Errc::not_found);
        server.set_fault(verb::get, "/api/2.0/webhooks", revolut::test::respond(503, R"({"code":9503,"message":"down"})"));
        co_await hooks.get_all_webhooks();
        auto invalid = co_await capture.failure(hooks.create_webhook("http://plain.example.com"));
        CHECK(invalid == Errc::invalid_argument);

        // A refused refresh: the refresh token is revoked, then so is the access token.
        server.revoke_refresh_token(creds.tokens.refresh_token);
        server.revoke_access_token(saved.back().tokens.access_token);
        auto refused = co_await capture.failure(hooks.get_all_webhooks());
        CHECK(refused == Errc::token_refresh_failed);
        co_await client.close();

        co_await authorization_code_flow(server, capture);
        server.stop();
    });

    // The trace really carried the wire: headers, bodies, token forms, retries, refreshes.
    CHECK(capture.lines.size() > 40);
    CHECK(capture.any_line_has("Authorization: Bearer [REDACTED]"));
    CHECK(capture.any_line_has(R"("signing_secret":"[REDACTED]")"));
    CHECK(capture.any_line_has("refresh_token=[REDACTED]"));
    CHECK(capture.any_line_has("client_assertion=[REDACTED]"));
    CHECK(capture.any_line_has("code=[REDACTED]"));
    CHECK(capture.any_line_has(R"("access_token":"[REDACTED]")"));
    CHECK(capture.any_line_has("retrying in"));
    CHECK(capture.any_line_has("access token refreshed"));
    CHECK(capture.any_line_has("exception: "));

    std::size_t leaks = 0;
    for (std::size_t s = 0; s < capture.secrets.size(); ++s)
        for (std::size_t l = 0; l < capture.lines.size(); ++l)
            if (capture.lines[l].find(capture.secrets[s]) != std::string::npos) {
                // Report where, never what: no secret reaches the test output either.
                UNSCOPED_INFO("secret #" << s << " leaked into captured line #" << l);
                ++leaks;
            }
    CHECK(leaks == 0);
}
