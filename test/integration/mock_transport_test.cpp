// revolut-mock's transport and HTTP behaviour over real TLS on loopback: the bearer-token
// gate, issued credentials, HTTP rules, connection reuse, faults, limits, shutdown and the
// served certificate. Each test starts its own server.

#include "crypto/jwt.hpp"
#include "crypto/x509.hpp"
#include "support/raw_https.hpp"
#include "support/run_async.hpp"

#include <revolut/mock/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json.hpp>

#include <catch2/catch.hpp>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <filesystem>
#include <fstream>
#include <memory>

namespace {

namespace asio = boost::asio;
namespace http = boost::beast::http;
namespace json = boost::json;
using namespace std::chrono_literals;
using revolut::mock::Fault;
using revolut::mock::Server;
using revolut::mock::ServerOptions;
using revolut::test::json_of;
using revolut::test::RawHttpsClient;
using revolut::test::RawResponse;
using revolut::test::run_async;

const std::string token = revolut::test::MockHarness::token;
const std::string webhooks = "/api/2.0/webhooks";

std::uint16_t start_with_token(Server& server) {
    server.add_access_token(token);
    server.start();
    return server.port();
}

void require_error(const RawResponse& response, unsigned status, std::int64_t code) {
    INFO(response.body());
    REQUIRE(response.result_int() == status);
    REQUIRE(response[http::field::content_type] == "application/json");
    auto body = json_of(response).as_object();
    CHECK(body.at("code").as_int64() == code);
    CHECK(body.at("message").is_string());
}

// A started server and a client that trusts it.
struct Harness : revolut::test::MockHarness {
    using MockHarness::MockHarness;

    asio::awaitable<void> expect_error(unsigned status, std::int64_t code, http::verb method,
                                       std::string target, std::string body = {}) {
        INFO(http::to_string(method) << " " << target << " " << body);
        require_error(co_await call(method, target, body), status, code);
    }
};

revolut::Timestamp now() {
    return std::chrono::time_point_cast<std::chrono::microseconds>(
        std::chrono::system_clock::now());
}

// What Revolut checks of an uploaded certificate: it is self-signed and belongs to the key.
bool is_self_signed_for_key(const std::string& certificate_pem, const std::string& key_pem) {
    std::unique_ptr<BIO, decltype(&BIO_free)> cert_bio(
        BIO_new_mem_buf(certificate_pem.data(), static_cast<int>(certificate_pem.size())),
        BIO_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> key_bio(
        BIO_new_mem_buf(key_pem.data(), static_cast<int>(key_pem.size())), BIO_free);
    std::unique_ptr<X509, decltype(&X509_free)> cert(
        PEM_read_bio_X509(cert_bio.get(), nullptr, nullptr, nullptr), X509_free);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    REQUIRE(cert);
    REQUIRE(key);
    return X509_check_private_key(cert.get(), key.get()) == 1 &&
           X509_verify(cert.get(), key.get()) == 1 &&
           X509_NAME_cmp(X509_get_subject_name(cert.get()), X509_get_issuer_name(cert.get())) == 0;
}

asio::awaitable<void> sleep_for(std::chrono::milliseconds d) {
    asio::steady_timer timer(co_await asio::this_coro::executor, d);
    co_await timer.async_wait(asio::use_awaitable);
}

}  // namespace

TEST_CASE("API routes need a bearer token the server issued", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        auto& c = h.client;

        require_error(co_await c.send(c.make_request(http::verb::get, webhooks)), 401, 1000);
        require_error(co_await c.send(c.make_request(http::verb::get, webhooks, "wrong")), 401,
                      1000);
        auto basic = c.make_request(http::verb::get, webhooks);
        basic.set(http::field::authorization, "Basic " + token);
        require_error(co_await c.send(basic), 401, 1000);

        const auto with_token = co_await h.call(http::verb::get, webhooks);
        CHECK(with_token.result_int() == 200);

        const auto creds = h.server.issue_credentials();
        auto issued =
            co_await c.send(c.make_request(http::verb::get, webhooks, creds.tokens.access_token));
        CHECK(issued.result_int() == 200);
    });
}

TEST_CASE("issued credentials hold a self-signed certificate for their key and long expiries",
          "[mock]") {
    asio::io_context ioc;
    Server server(ioc.get_executor());
    const auto creds = server.issue_credentials();
    CHECK(creds.certificate.public_pem.starts_with("-----BEGIN CERTIFICATE-----"));
    CHECK(creds.certificate.private_pem.starts_with("-----BEGIN PRIVATE KEY-----"));
    CHECK(creds.tokens.token_type == "bearer");
    CHECK_FALSE(creds.tokens.access_token.empty());
    CHECK(creds.tokens.refresh_token != creds.tokens.access_token);
    const auto t = now();
    CHECK(creds.tokens.access_token_expiration_dt > t + 39min);
    CHECK(creds.tokens.access_token_expiration_dt <= t + 40min);
    CHECK(creds.tokens.refresh_token_expiration_dt > t + std::chrono::days(365));
    CHECK(creds.certificate.expiration_dt > t + std::chrono::days(365));
    CHECK(creds.client_assert_jwt.expiration_dt > t + std::chrono::days(365));
    // The client assertion is signed with the issued key, for the registered client.
    const auto claims = revolut::detail::verify_client_assertion(creds.client_assert_jwt.jwt,
                                                                 creds.certificate.public_pem, t);
    CHECK_FALSE(claims.sub.empty());
    CHECK(claims.aud == revolut::detail::client_assertion_audience);
    CHECK(is_self_signed_for_key(creds.certificate.public_pem, creds.certificate.private_pem));
    const auto other = server.issue_credentials();
    CHECK(other.tokens.access_token != creds.tokens.access_token);
    CHECK_FALSE(
        is_self_signed_for_key(other.certificate.public_pem, creds.certificate.private_pem));
}

TEST_CASE("HTTP rules: unknown path 404, wrong method 405 with Allow, Accept without JSON 406",
          "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        co_await h.expect_error(404, 404, http::verb::get, "/api/2.0/nothing");
        co_await h.expect_error(404, 404, http::verb::get, "/api/1.0/webhooks");

        auto put = co_await h.call(http::verb::put, webhooks);
        require_error(put, 405, 405);
        CHECK(put[http::field::allow] == "POST, GET");
        auto on_item =
            co_await h.call(http::verb::post, webhooks + "/" + revolut::Uuid::random().to_string());
        CHECK(on_item.result_int() == 405);
        CHECK(on_item[http::field::allow] == "GET, PATCH, DELETE");

        auto& c = h.client;
        auto html = c.make_request(http::verb::get, webhooks, token);
        html.set(http::field::accept, "text/html");
        require_error(co_await c.send(html), 406, 406);
        html.set(http::field::accept, "application/json;q=0, text/html");
        const auto refused_json = co_await c.send(html);
        CHECK(refused_json.result_int() == 406);
        html.set(http::field::accept, "text/html, */*;q=0.1");
        const auto wildcard = co_await c.send(html);
        CHECK(wildcard.result_int() == 200);
    });
}

TEST_CASE("one connection serves many requests: 100 calls, one TLS handshake", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        for (int i = 0; i < 100; ++i) {
            const auto response = co_await h.call(http::verb::get, webhooks);
            REQUIRE(response.result_int() == 200);
        }
        const auto stats = h.server.stats();
        CHECK(stats.connections_accepted == 1);
        CHECK(stats.tls_handshakes == 1);
        CHECK(stats.requests == 100);
    });
}

TEST_CASE("faults delay, replace or drop matching requests, as many times as asked", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();

        Fault slow;
        slow.delay = 300ms;
        slow.times = 1;
        h.server.set_fault(http::verb::get, webhooks, slow);
        auto started = std::chrono::steady_clock::now();
        const auto delayed = co_await h.call(http::verb::get, webhooks);
        CHECK(delayed.result_int() == 200);
        CHECK(std::chrono::steady_clock::now() - started >= 300ms);
        started = std::chrono::steady_clock::now();
        co_await h.call(http::verb::get, webhooks);
        CHECK(std::chrono::steady_clock::now() - started < 300ms);

        Fault busy;
        busy.status = 429;
        busy.body = R"({"code":3162,"message":"Too many requests"})";
        busy.headers = {{"Retry-After", "1"}};
        busy.times = 2;
        h.server.set_fault(http::verb::get, "/api/2.0/", busy);
        const auto other_route =
            co_await h.call(http::verb::post, webhooks, R"({"url":"https://x.example"})");
        CHECK(other_route.result_int() == 201);
        for (int i = 0; i < 2; ++i) {
            auto limited = co_await h.call(http::verb::get, webhooks);
            require_error(limited, 429, 3162);
            CHECK(limited[http::field::retry_after] == "1");
        }
        const auto after_limit = co_await h.call(http::verb::get, webhooks);
        CHECK(after_limit.result_int() == 200);

        Fault drop;
        drop.close_before_response = true;
        h.server.set_fault(http::verb::delete_, webhooks, drop);
        auto [ec, response] = co_await h.client.try_send(
            h.client.make_request(http::verb::delete_, webhooks + "/x", token));
        CHECK(ec);
        h.server.clear_faults();
        RawHttpsClient fresh(ioc.get_executor(), h.server.ca_certificate_pem(), h.port);
        co_await fresh.connect();
        auto after =
            co_await fresh.send(fresh.make_request(http::verb::delete_, webhooks + "/x", token));
        CHECK(after.result_int() == 404);
        CHECK(h.server.stats().tls_handshakes == 2);
    });
}

TEST_CASE("stop() closes an idle connection gracefully and stops accepting", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        const auto before_stop = co_await h.call(http::verb::get, webhooks);
        CHECK(before_stop.result_int() == 200);

        h.server.stop();
        h.server.stop();
        const auto closed_by = co_await h.client.wait_for_close(5s);
        CHECK(closed_by == asio::error::eof);  // TLS close_notify
        RawHttpsClient late(ioc.get_executor(), h.server.ca_certificate_pem(), h.port);
        auto [refused] =
            co_await asio::co_spawn(ioc, late.connect(), asio::as_tuple(asio::use_awaitable));
        CHECK(refused != nullptr);
    });
}

TEST_CASE("destroying the server with open connections frees everything", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        auto server = std::make_unique<Server>(ioc.get_executor());
        const auto port = start_with_token(*server);
        RawHttpsClient idle(ioc.get_executor(), server->ca_certificate_pem(), port);
        RawHttpsClient handshaken(ioc.get_executor(), server->ca_certificate_pem(), port);
        co_await idle.connect();
        co_await handshaken.connect();
        co_await handshaken.send(handshaken.make_request(http::verb::get, webhooks, token));
        server.reset();
        const auto idle_end = co_await idle.wait_for_close(5s);
        CHECK(idle_end != boost::beast::error::timeout);
        const auto handshaken_end = co_await handshaken.wait_for_close(5s);
        CHECK(handshaken_end != boost::beast::error::timeout);
    });
    // Destroyed before its io_context ever runs: the pending accept is simply dropped.
    asio::io_context ioc;
    Server server(ioc.get_executor());
    server.start();
}

TEST_CASE("connection limits: idle timeout and request body limit", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        ServerOptions options;
        options.idle_timeout = 200ms;
        options.body_limit = 1024;
        Harness h(ioc, options);
        co_await h.client.connect();
        auto big =
            co_await h.call(http::verb::post, webhooks,
                            R"({"url":"https://example.com/)" + std::string(2000, 'a') + "\"}");
        require_error(big, 413, 413);
        CHECK_FALSE(big.keep_alive());

        RawHttpsClient quiet(ioc.get_executor(), h.server.ca_certificate_pem(), h.port);
        co_await quiet.connect();
        co_await sleep_for(400ms);
        const auto quiet_end = co_await quiet.wait_for_close(2s);
        CHECK(quiet_end != boost::beast::error::timeout);
    });
}

TEST_CASE("the served certificate names exactly the configured hosts", "[mock]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        ServerOptions options;
        options.certificate_names = {"localhost"};
        Server server(ioc.get_executor(), options);
        server.start();
        RawHttpsClient by_name(ioc.get_executor(), server.ca_certificate_pem(), server.port(),
                               "localhost");
        co_await by_name.connect();
        RawHttpsClient by_ip(ioc.get_executor(), server.ca_certificate_pem(), server.port(),
                             "127.0.0.1");
        auto [rejected] =
            co_await asio::co_spawn(ioc, by_ip.connect(), asio::as_tuple(asio::use_awaitable));
        CHECK(rejected != nullptr);  // 127.0.0.1 is not among the names
    });
}

TEST_CASE("a certificate and key from files are served, their last certificate is the CA",
          "[mock]") {
    namespace x509 = revolut::detail;
    const auto ca_key = x509::generate_rsa_private_key_pem();
    const auto ca = x509::make_ca_certificate_pem(ca_key, "file CA", std::chrono::days(1));
    const auto key = x509::generate_rsa_private_key_pem();
    const auto leaf =
        x509::make_leaf_certificate_pem(key, ca_key, ca, {"127.0.0.1"}, std::chrono::days(1));
    const auto dir = std::filesystem::temp_directory_path();
    const auto cert_file = dir / ("revolut-mock-test-chain-" + revolut::Uuid::random().to_string());
    const auto key_file = dir / ("revolut-mock-test-key-" + revolut::Uuid::random().to_string());
    std::ofstream(cert_file) << leaf << ca;
    std::ofstream(key_file) << key;

    run_async([&](asio::io_context& ioc) -> asio::awaitable<void> {
        ServerOptions options;
        options.cert_file = cert_file;
        options.key_file = key_file;
        Harness h(ioc, options);
        CHECK(h.server.ca_certificate_pem() == ca);
        co_await h.client.connect();
        const auto from_file = co_await h.call(http::verb::get, webhooks);
        CHECK(from_file.result_int() == 200);
    });
    std::filesystem::remove(cert_file);
    std::filesystem::remove(key_file);
}
