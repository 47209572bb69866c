// revolut-mock's scripted faults as they look on the wire: each fault, checked byte by byte
// with a bare TLS connection, plus when faults apply (times, after, probability), the TLS
// handshake failure and the --fault spec the executable accepts.

#include "mock/faults.hpp"
#include "support/faults.hpp"
#include "support/raw_https.hpp"
#include "support/run_async.hpp"

#include <revolut/error.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/asio/write.hpp>
#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include <ctime>
#include <string>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using namespace std::chrono_literals;
using revolut::mock::Fault;
using revolut::test::MockHarness;
using revolut::test::run_async;

const std::string webhooks = "/api/2.0/webhooks";

// Everything a server sent on one connection until it ended it, and how it ended.
struct Wire {
    std::string bytes;
    boost::system::error_code end;

    std::string header() const { return bytes.substr(0, bytes.find("\r\n\r\n") + 4); }
    std::string body() const { return bytes.substr(bytes.find("\r\n\r\n") + 4); }
    bool has_header_line(const std::string& line) const {
        return header().find("\r\n" + line + "\r\n") != std::string::npos;
    }
};

// Sends one request on a fresh TLS connection and reads raw bytes until the connection ends
// (or 5 s pass): no HTTP parser that would hide what was sent.
asio::awaitable<Wire> raw_exchange(revolut::mock::Server& server, http::verb method,
                                   const std::string& target, const std::string& body = {}) {
    auto executor = co_await asio::this_coro::executor;
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.add_certificate_authority(asio::buffer(server.ca_certificate_pem()));
    tls.set_verify_mode(asio::ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(executor, tls);
    auto& tcp = beast::get_lowest_layer(stream);
    tcp.expires_after(5s);
    co_await tcp.async_connect({asio::ip::make_address("127.0.0.1"), server.port()},
                               asio::use_awaitable);
    co_await stream.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
    http::request<http::string_body> request{method, target, 11};
    request.set(http::field::host, "127.0.0.1");
    request.set(http::field::authorization, std::string("Bearer ") + MockHarness::token);
    request.set(http::field::connection, "close");
    if (!body.empty()) {
        request.set(http::field::content_type, "application/json");
        request.body() = body;
    }
    request.prepare_payload();
    co_await http::async_write(stream, request, asio::use_awaitable);
    Wire wire;
    char chunk[16384];
    for (;;) {
        auto [ec, n] = co_await stream.async_read_some(asio::buffer(chunk),
                                                       asio::as_tuple(asio::use_awaitable));
        wire.bytes.append(chunk, n);
        if (ec) {
            wire.end = ec;
            break;
        }
    }
    co_return wire;
}

std::size_t content_length_of(const Wire& wire) {
    const auto header = wire.header();
    const auto at = header.find("Content-Length: ");
    REQUIRE(at != std::string::npos);
    return std::stoul(header.substr(at + 16));
}

bool is_json(const std::string& text) {
    boost::system::error_code ec;
    json::parse(text, ec);
    return !ec;
}

std::time_t parse_http_date(const std::string& text) {
    std::tm tm{};
    const char* end = strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
    REQUIRE(end != nullptr);
    CHECK(*end == '\0');
    return timegm(&tm);
}

// A started emulator with one webhook, so GET /api/2.0/webhooks has a body worth cutting.
struct Harness : MockHarness {
    using MockHarness::MockHarness;

    asio::awaitable<void> add_webhook() {
        const auto created = co_await call(http::verb::post, webhooks,
                                           R"({"url":"https://example.com/hooks/fault-test"})");
        REQUIRE(created.result_int() == 201);
    }
    asio::awaitable<std::size_t> webhook_count() {
        const auto listed = co_await call(http::verb::get, webhooks);
        REQUIRE(listed.result_int() == 200);
        co_return revolut::test::json_of(listed).as_array().size();
    }
};

}  // namespace

TEST_CASE("fault reset_mid_body: the route runs, half the body arrives, then a TCP reset",
          "[mock][faults]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        h.server.set_fault(http::verb::post, webhooks, revolut::test::reset_mid_body());
        const auto wire = co_await raw_exchange(h.server, http::verb::post, webhooks,
                                                R"({"url":"https://example.com/hooks/a"})");
        INFO(wire.bytes);
        CHECK(wire.bytes.starts_with("HTTP/1.1 201 "));
        const auto announced = content_length_of(wire);
        CHECK(wire.body().size() == announced / 2);
        CHECK(wire.end == asio::error::connection_reset);
        // It took effect: the webhook exists although its creation was never confirmed.
        const auto count = co_await h.webhook_count();
        CHECK(count == 1);
        CHECK(h.server.stats().faults_applied == 1);
    });
}

TEST_CASE("fault truncated_body: Content-Length promises more than is sent before a clean close",
          "[mock][faults]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();
        co_await h.add_webhook();
        h.server.set_fault(http::verb::get, webhooks, revolut::test::truncated_body());
        const auto wire = co_await raw_exchange(h.server, http::verb::get, webhooks);
        INFO(wire.bytes);
        CHECK(wire.bytes.starts_with("HTTP/1.1 200 "));
        const auto announced = content_length_of(wire);
        CHECK(announced > 10);
        CHECK(wire.body().size() == announced / 2);
        CHECK(wire.end == asio::error::eof);  // TLS close_notify: an orderly but early end
        // Used up: the same request is answered whole.
        const auto whole = co_await raw_exchange(h.server, http::verb::get, webhooks);
        CHECK(whole.body().size() == content_length_of(whole));
        CHECK(is_json(whole.body()));
    });
}

TEST_CASE("faults that change the answer: malformed JSON, wrong content type, oversized body",
          "[mock][faults]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();

        h.server.set_fault(http::verb::post, webhooks, revolut::test::malformed_json());
        const auto malformed = co_await h.call(http::verb::post, webhooks,
                                               R"({"url":"https://example.com/hooks/m"})");
        CHECK(malformed.result_int() == 201);
        CHECK(malformed[http::field::content_type] == "application/json");
        CHECK_FALSE(is_json(malformed.body()));
        const auto count = co_await h.webhook_count();
        CHECK(count == 1);  // the route ran

        h.server.set_fault(http::verb::get, webhooks, revolut::test::wrong_content_type("text/plain"));
        const auto mislabelled = co_await h.call(http::verb::get, webhooks);
        CHECK(mislabelled.result_int() == 200);
        CHECK(mislabelled[http::field::content_type] == "text/plain");
        CHECK(is_json(mislabelled.body()));

        h.server.set_fault(http::verb::get, webhooks, revolut::test::oversized_body(2 * 1024 * 1024));
        const auto big = co_await h.call(http::verb::get, webhooks);
        CHECK(big.result_int() == 200);
        CHECK(big.body().size() == 2 * 1024 * 1024);
        CHECK(is_json(big.body()));

        const auto normal = co_await h.call(http::verb::get, webhooks);
        CHECK(normal.body().size() < 1024);
        CHECK(h.server.stats().faults_applied == 3);
    });
}

TEST_CASE("fault answers: 429 with Retry-After in seconds or as an HTTP-date, 5xx HTML pages",
          "[mock][faults]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();

        h.server.set_fault(http::verb::get, webhooks, revolut::test::too_many_requests(2s));
        const auto seconds = co_await h.call(http::verb::get, webhooks);
        CHECK(seconds.result_int() == 429);
        CHECK(seconds[http::field::retry_after] == "2");
        CHECK(revolut::test::json_of(seconds).at("code").as_int64() == 3162);

        h.server.set_fault(http::verb::get, webhooks, revolut::test::too_many_requests(30s, true));
        const auto sent_at = std::time(nullptr);
        const auto dated = co_await h.call(http::verb::get, webhooks);
        CHECK(dated.result_int() == 429);
        const auto until = parse_http_date(std::string(dated[http::field::retry_after]));
        CHECK(until >= sent_at + 29);
        CHECK(until <= sent_at + 31);

        for (unsigned status : {500u, 503u}) {
            h.server.set_fault(http::verb::get, webhooks, revolut::test::html_error(status));
            const auto page = co_await h.call(http::verb::get, webhooks);
            CHECK(page.result_int() == status);
            CHECK(page[http::field::content_type] == "text/html; charset=utf-8");
            CHECK(page.body().starts_with("<!DOCTYPE html>"));
        }
        const auto after = co_await h.call(http::verb::get, webhooks);
        CHECK(after.result_int() == 200);
    });
}

TEST_CASE("faults apply after N requests, with a probability, then stop after `times`",
          "[mock][faults]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        co_await h.client.connect();

        Fault third = revolut::test::respond(503, R"({"code":503,"message":"busy"})");
        third.after = 2;
        h.server.set_fault(http::verb::get, webhooks, third);
        std::vector<unsigned> statuses;
        for (int i = 0; i < 4; ++i) statuses.push_back((co_await h.call(http::verb::get, webhooks)).result_int());
        CHECK(statuses == std::vector<unsigned>{200, 200, 503, 200});

        Fault sometimes = revolut::test::respond(503, R"({"code":503,"message":"busy"})");
        sometimes.times = std::numeric_limits<std::size_t>::max();
        sometimes.probability = 0.25;
        h.server.set_fault(http::verb::get, webhooks, sometimes);
        int failed = 0;
        for (int i = 0; i < 200; ++i) {
            if ((co_await h.call(http::verb::get, webhooks)).result_int() == 503) ++failed;
        }
        CHECK(failed > 25);
        CHECK(failed < 75);

        sometimes.probability = 0.5;
        sometimes.times = 3;
        h.server.set_fault(http::verb::get, webhooks, sometimes);
        failed = 0;
        for (int i = 0; i < 100; ++i) {
            if ((co_await h.call(http::verb::get, webhooks)).result_int() == 503) ++failed;
        }
        CHECK(failed == 3);

        Fault never = sometimes;
        never.probability = 0.0;
        h.server.set_fault(http::verb::get, webhooks, never);
        const auto untouched = co_await h.call(http::verb::get, webhooks);
        CHECK(untouched.result_int() == 200);
    });
}

TEST_CASE("a fault that cannot be applied is refused", "[mock][faults]") {
    asio::io_context ioc;
    revolut::mock::Server server(ioc.get_executor());
    Fault f;
    f.probability = 1.5;
    CHECK_THROWS_MATCHES(server.set_fault(http::verb::get, webhooks, f), revolut::Error,
                         Catch::Predicate<revolut::Error>([](const revolut::Error& e) {
                             return e.code() == revolut::Errc::invalid_argument;
                         }));
    f.probability = 1.0;
    f.reset_mid_body = true;
    f.truncated_body = true;
    CHECK_THROWS_AS(server.set_fault(http::verb::get, webhooks, f), revolut::Error);
}

TEST_CASE("fail_tls_handshakes: the next N connections get a handshake_failure alert",
          "[mock][faults]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Harness h(ioc);
        h.server.fail_tls_handshakes(2);
        for (int i = 0; i < 2; ++i) {
            revolut::test::RawHttpsClient refused(ioc.get_executor(), h.server.ca_certificate_pem(), h.port);
            auto [failure] = co_await asio::co_spawn(ioc, refused.connect(), asio::as_tuple(asio::use_awaitable));
            REQUIRE(failure != nullptr);
            try {
                std::rethrow_exception(failure);
            } catch (const boost::system::system_error& e) {
                INFO(e.what());
                CHECK(e.code().category() == asio::error::get_ssl_category());
                CHECK(std::string(e.what()).find("handshake failure") != std::string::npos);
            }
        }
        co_await h.client.connect();
        const auto works = co_await h.call(http::verb::get, webhooks);
        CHECK(works.result_int() == 200);
        const auto stats = h.server.stats();
        CHECK(stats.connections_accepted == 3);
        CHECK(stats.tls_handshakes == 1);
        CHECK(stats.faults_applied == 2);

        h.server.fail_tls_handshakes(5);
        h.server.clear_faults();  // clears the handshake failures too
        revolut::test::RawHttpsClient after_clear(ioc.get_executor(), h.server.ca_certificate_pem(), h.port);
        co_await after_clear.connect();
    });
}

TEST_CASE("fault specs given with --fault: effects, limits and refusals", "[mock][faults]") {
    using revolut::mock::parse_fault_spec;
    auto spec = parse_fault_spec("POST /api/1.0/transfer close_before_response times=1");
    CHECK(spec.method == http::verb::post);
    CHECK(spec.path_prefix == "/api/1.0/transfer");
    CHECK(spec.fault.close_before_response);
    CHECK(spec.fault.times == 1);

    spec = parse_fault_spec("GET /api/2.0/webhooks status=429 retry_after_date=2 after=3 probability=0.5 delay=1s");
    CHECK(spec.fault.status == 429u);
    CHECK(spec.fault.retry_after == std::chrono::seconds(2));
    CHECK(spec.fault.retry_after_http_date);
    CHECK(spec.fault.after == 3);
    CHECK(spec.fault.probability == 0.5);
    CHECK(spec.fault.delay == 1000ms);
    CHECK(spec.fault.times == std::numeric_limits<std::size_t>::max());
    CHECK(is_json(spec.fault.body));

    spec = parse_fault_spec("GET /api/1.0/accounts status=503 html");
    CHECK(spec.fault.content_type.starts_with("text/html"));
    CHECK(spec.fault.body.find("<html>") != std::string::npos);

    spec = parse_fault_spec("GET /api oversized_body=3MiB wrong_content_type=text/plain malformed_json");
    CHECK(spec.fault.oversized_body == 3u * 1024 * 1024);
    CHECK(spec.fault.wrong_content_type == "text/plain");
    CHECK(spec.fault.malformed_json);

    spec = parse_fault_spec("DELETE /api/2.0/webhooks/ reset_mid_body delay=250");
    CHECK(spec.fault.reset_mid_body);
    CHECK(spec.fault.delay == 250ms);
    CHECK(parse_fault_spec("GET / truncated_body").fault.truncated_body);

    spec = parse_fault_spec("tls_handshake_failure times=3");
    CHECK(spec.tls_handshake_failure);
    CHECK(spec.fault.times == 3);

    for (const char* bad : {"", "GET", "GET /api", "FETCH /api delay=1", "GET api delay=1",
                            "GET /api explode", "GET /api times=2", "GET /api delay=",
                            "GET /api delay=soon", "GET /api probability=2 delay=1",
                            "GET /api html", "GET /api status=42", "GET /api reset_mid_body truncated_body",
                            "tls_handshake_failure delay=1", "GET /api malformed_json=yes"}) {
        INFO(bad);
        CHECK_THROWS_AS(parse_fault_spec(bad), std::invalid_argument);
    }
}
