// Access-token refresh against revolut-mock's token endpoint over real TLS.
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace revolut;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using revolut::test::options_for;
using revolut::test::run_async;

namespace {

Timestamp now() { return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()); }

// Credentials the emulator accepts, whose access token we already consider expired.
Credentials expired_access(mock::Server& server) {
    auto creds = server.issue_credentials();
    creds.tokens.access_token_expiration_dt = now() - 1min;
    return creds;
}

std::filesystem::path scratch_dir() {
    auto dir = std::filesystem::temp_directory_path() / ("revolut-refresh-" + Uuid::random().to_string());
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace

TEST_CASE("1,000 concurrent calls with an expired token make one refresh request", "[integration][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto creds = expired_access(server);
        auto old_token = creds.tokens.access_token;
        std::optional<Credentials> saved;
        int saves = 0;
        auto options = options_for(server, creds);
        options.save_creds = [&](const Credentials& c) -> asio::awaitable<void> {
            ++saves;
            saved = c;
            co_return;
        };
        options.request_timeout = 60s;
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        auto requests_before = server.stats().token_requests;
        int ok = 0, failed = 0;
        for (int i = 0; i < 1000; ++i)
            client.webhooks().get_all_webhooks([&](std::exception_ptr e, auto) { (e ? failed : ok)++; });
        co_await client.close();
        CHECK(ok == 1000);
        CHECK(failed == 0);
        CHECK(server.stats().token_requests - requests_before == 1);
        CHECK(saves == 1);
        REQUIRE(saved);
        CHECK(saved->tokens.access_token != old_token);
        CHECK(saved->tokens.access_token_expiration_dt > now() + 30min);
        CHECK(saved->tokens.refresh_token == creds.tokens.refresh_token);
    }, 120s);
}

TEST_CASE("a 401 on a call refreshes once and retries once", "[integration][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto creds = server.issue_credentials();
        AsyncClient client(ioc.get_executor(), options_for(server, creds));
        co_await client.open();
        co_await client.webhooks().get_all_webhooks();
        server.revoke_access_token(creds.tokens.access_token);  // still "valid" by its expiry
        auto before = server.stats().token_requests;
        auto hooks = co_await client.webhooks().get_all_webhooks();
        CHECK(hooks.empty());
        CHECK(server.stats().token_requests - before == 1);
        co_await client.close();
    });
}

TEST_CASE("a refused refresh fails the call with the endpoint's error and saves nothing", "[integration][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto creds = expired_access(server);
        server.revoke_refresh_token(creds.tokens.refresh_token);
        int saves = 0;
        auto options = options_for(server, creds);
        options.save_creds = [&](const Credentials&) -> asio::awaitable<void> {
            ++saves;
            co_return;
        };
        AsyncClient client(ioc.get_executor(), options);
        co_await client.open();
        auto requests_before = server.stats().token_requests;
        std::vector<std::string> messages;
        for (int i = 0; i < 2; ++i) {
            try {
                co_await client.webhooks().get_all_webhooks();
                FAIL("call succeeded with a revoked refresh token");
            } catch (const ApiError& e) {
                CHECK(e.code() == Errc::token_refresh_failed);
                CHECK(e.status() == 401);
                CHECK_FALSE(e.api_message().empty());
                messages.push_back(e.what());
            }
        }
        // A 401 from the token endpoint is not retried in a loop: one request per call.
        CHECK(server.stats().token_requests - requests_before == 2);
        CHECK(saves == 0);
        for (const auto& m : messages) {
            CHECK(m.find(creds.tokens.refresh_token) == std::string::npos);
            CHECK(m.find(creds.tokens.access_token) == std::string::npos);
            CHECK(m.find(creds.client_assert_jwt.jwt) == std::string::npos);
        }
        co_await client.close();
    });
}

TEST_CASE("a refresh through a short-lived token keeps calls working", "[integration][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::ServerOptions short_tokens;
        short_tokens.access_token_lifetime = 60s;  // no longer than the client's one-minute margin
        mock::Server server(ioc.get_executor(), short_tokens);
        server.start();
        AsyncClient client(ioc.get_executor(), options_for(server, expired_access(server)));
        co_await client.open();
        for (int i = 0; i < 3; ++i) co_await client.webhooks().get_all_webhooks();
        // Each new token lives 60 s: within the margin at once, so every call refreshes first.
        CHECK(server.stats().token_refreshes == 3);
        co_await client.close();
    });
}

TEST_CASE("refreshed credentials are written back to the creds file, 0600", "[integration][token]") {
    auto dir = scratch_dir();
    auto path = dir / "creds.json";
    run_async([&](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto creds = expired_access(server);
        save_credentials_file(path, creds);
        auto options = options_for(server, creds);
        options.creds = std::monostate{};
        options.creds_loc = path.string();
        AsyncClient client(ioc.get_executor(), options);
        co_await client.session([&]() -> asio::awaitable<void> { co_await client.webhooks().get_all_webhooks(); });
        auto reloaded = load_credentials_file(path);
        CHECK(reloaded.tokens.access_token != creds.tokens.access_token);
        CHECK_FALSE(reloaded.access_token_expired(now()));
        CHECK(reloaded.tokens.refresh_token == creds.tokens.refresh_token);
        CHECK(reloaded.certificate.private_pem == creds.certificate.private_pem);
        struct stat st {};
        REQUIRE(::stat(path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
    });
    std::filesystem::remove_all(dir);
}

TEST_CASE("credentials can come from the user's own store", "[integration][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto creds = server.issue_credentials();
        auto options = options_for(server, creds);
        options.creds = std::monostate{};
        options.creds_loc = "/nonexistent/never-read.json";
        int loads = 0;
        options.load_creds = [&]() -> asio::awaitable<Credentials> {
            ++loads;
            co_return creds;
        };
        AsyncClient client(ioc.get_executor(), options);
        co_await client.session([&]() -> asio::awaitable<void> { co_await client.webhooks().get_all_webhooks(); });
        CHECK(loads == 1);
    });
}

TEST_CASE("expired long-term credentials fail before any request", "[integration][token]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        mock::Server server(ioc.get_executor());
        server.start();
        auto creds = server.issue_credentials();
        creds.tokens.refresh_token_expiration_dt = now() - 1s;
        AsyncClient client(ioc.get_executor(), options_for(server, creds));
        co_await client.open();
        auto before = server.stats().requests;
        try {
            co_await client.webhooks().get_all_webhooks();
            FAIL("call went ahead with an expired refresh token");
        } catch (const Error& e) {
            CHECK(e.code() == Errc::reauthentication_required);
            CHECK(std::string(e.what()).find("revolut auth-manual") != std::string::npos);
        }
        CHECK(server.stats().requests == before);
        co_await client.close();
    });
}
