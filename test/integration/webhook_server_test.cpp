// The webhook receiver on real sockets: WebhookHandler inside a hand-written Beast server, and
// WebhookServer over HTTP and HTTPS on loopback, driven by raw Beast clients (keep-alive,
// limits, timeouts, the connection bound, graceful stop). End-to-end deliveries from
// revolut-mock are in webhook_delivery_test.cpp.

#include "crypto/x509.hpp"
#include "support/raw_https.hpp"
#include "support/run_async.hpp"

#include <revolut/error.hpp>
#include <revolut/webhook/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using namespace std::chrono_literals;
using namespace revolut::webhook;
using revolut::test::run_async;
using tcp = asio::ip::tcp;

constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);
const std::string secret = "wsk_integration_receiver_secret";

std::string transaction_created(const std::string& id) {
    const std::string at = revolut::format_timestamp(
        std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now()));
    return R"({"event":"TransactionCreated","timestamp":")" + at + R"(","data":{"id":")" + id +
           R"(","type":"topup","state":"completed","created_at":")" + at +
           R"(","updated_at":")" + at + R"(","legs":[{"leg_id":"l-1","account_id":"a-1",)"
           R"("amount":25,"currency":"GBP"}]}})";
}

HttpRequest signed_request(const std::string& body, const std::string& key = secret,
                           std::string target = "/revolut/webhook") {
    HttpRequest request{http::verb::post, target, 11};
    request.set(http::field::host, "127.0.0.1");
    const std::string ts = format_request_timestamp(
        std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now()));
    request.set(timestamp_header, ts);
    request.set(signature_header, sign_payload(key, ts, body));
    request.set(http::field::content_type, "application/json");
    request.body() = body;
    request.prepare_payload();
    return request;
}

asio::awaitable<void> sleep_for(std::chrono::milliseconds d) {
    asio::steady_timer t(co_await asio::this_coro::executor, d);
    co_await t.async_wait(asio::use_awaitable);
}

// A handler recording transaction ids; `delay` makes each call take that long.
struct Recorder {
    std::vector<std::string> ids;
    std::chrono::milliseconds delay{0};
    int started = 0;

    WebhookHandler make(std::vector<std::string> secrets = {secret}) {
        WebhookHandler handler(std::move(secrets));
        handler.on_transaction_created([this](const TransactionCreated& t) -> asio::awaitable<void> {
            ++started;
            if (delay > 0ms) co_await sleep_for(delay);
            ids.push_back(t.id);
        });
        return handler;
    }
};

// One plain TCP connection speaking HTTP/1.1 with Beast.
class PlainClient {
public:
    PlainClient(asio::any_io_executor executor, std::uint16_t port) : stream_(executor), port_(port) {}

    asio::awaitable<void> connect() {
        stream_.expires_after(5s);
        co_await stream_.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_),
                                       asio::use_awaitable);
    }

    asio::awaitable<std::pair<boost::system::error_code, HttpResponse>> try_send(HttpRequest request) {
        stream_.expires_after(5s);
        auto [write_ec, written] = co_await http::async_write(stream_, request, nothrow);
        HttpResponse response;
        if (write_ec) co_return std::pair{write_ec, std::move(response)};
        auto [read_ec, read] = co_await http::async_read(stream_, buffer_, response, nothrow);
        co_return std::pair{read_ec, std::move(response)};
    }

    asio::awaitable<HttpResponse> send(HttpRequest request) {
        auto [ec, response] = co_await try_send(std::move(request));
        if (ec) throw boost::system::system_error(ec, "plain http request");
        co_return std::move(response);
    }

    asio::awaitable<boost::system::error_code> write_raw(std::string bytes) {
        stream_.expires_after(5s);
        auto [ec, n] = co_await asio::async_write(stream_, asio::buffer(bytes), nothrow);
        co_return ec;
    }

    // Reads one response without sending anything (after write_raw), within `wait`.
    asio::awaitable<std::pair<boost::system::error_code, HttpResponse>> read(std::chrono::milliseconds wait) {
        stream_.expires_after(wait);
        HttpResponse response;
        auto [ec, n] = co_await http::async_read(stream_, buffer_, response, nothrow);
        co_return std::pair{ec, std::move(response)};
    }

    // Bytes received and not yet read (a read that times out would close the stream).
    std::size_t available() {
        boost::system::error_code ec;
        return stream_.socket().available(ec);
    }

    // What ended the connection within `wait` (eof: closed; beast::error::timeout: still open).
    asio::awaitable<boost::system::error_code> wait_for_close(std::chrono::milliseconds wait) {
        stream_.expires_after(wait);
        char byte = 0;
        auto [ec, n] = co_await stream_.async_read_some(asio::buffer(&byte, 1), nothrow);
        if (!ec && n > 0) co_return asio::error::message_size;
        co_return ec;
    }

private:
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::uint16_t port_;
};

// A throwaway CA and a leaf for 127.0.0.1 (the emulator's issue_certificate does the same for
// the end-to-end tests).
struct TestCertificate {
    std::string ca_pem, chain_pem, key_pem;
    TestCertificate() {
        using namespace revolut::detail;
        const std::string ca_key = generate_rsa_private_key_pem();
        ca_pem = make_ca_certificate_pem(ca_key, "receiver test CA", std::chrono::days(1));
        key_pem = generate_rsa_private_key_pem();
        chain_pem = make_leaf_certificate_pem(key_pem, ca_key, ca_pem, {"127.0.0.1", "localhost"},
                                              std::chrono::days(1));
    }
};

const TestCertificate& certificate() {
    static const TestCertificate c;
    return c;
}

WebhookServerOptions fast_options() {
    WebhookServerOptions o;
    o.path = "/revolut/webhook";
    o.stop_timeout = 2s;
    return o;
}

}  // namespace

TEST_CASE("WebhookHandler drops into a hand-written Beast server", "[webhook-server]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Recorder recorder;
        WebhookHandler handler = recorder.make();

        // The application's own server: accept, read, hand the request over, write.
        tcp::acceptor acceptor(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
        auto serve_one_connection = [&]() -> asio::awaitable<void> {
            beast::tcp_stream stream(co_await acceptor.async_accept(asio::use_awaitable));
            beast::flat_buffer buffer;
            for (;;) {
                HttpRequest request;
                auto [ec, n] = co_await http::async_read(stream, buffer, request, nothrow);
                if (ec) break;
                HttpResponse response = co_await handler.handle(request);
                co_await http::async_write(stream, response, asio::use_awaitable);
                if (!response.keep_alive()) break;
            }
        };
        asio::co_spawn(ioc, serve_one_connection(), asio::detached);

        PlainClient client(ioc.get_executor(), acceptor.local_endpoint().port());
        co_await client.connect();
        HttpResponse ok = co_await client.send(signed_request(transaction_created("own-1")));
        CHECK(ok.result() == http::status::ok);
        HttpResponse bad = co_await client.send(signed_request(transaction_created("own-2"), "wsk_wrong"));
        CHECK(bad.result() == http::status::unauthorized);
        CHECK(recorder.ids == std::vector<std::string>{"own-1"});
    });
}

TEST_CASE("WebhookServer over HTTP: deliveries on one keep-alive connection", "[webhook-server]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Recorder recorder;
        WebhookServer server(ioc.get_executor(), recorder.make(), fast_options());
        server.start();
        CHECK(server.port() != 0);
        CHECK(server.url() == "http://127.0.0.1:" + std::to_string(server.port()) + "/revolut/webhook");
        CHECK_FALSE(server.is_tls());

        PlainClient client(ioc.get_executor(), server.port());
        co_await client.connect();
        for (int i = 0; i < 3; ++i) {
            HttpResponse r = co_await client.send(signed_request(transaction_created("k" + std::to_string(i))));
            CHECK(r.result() == http::status::ok);
            CHECK(r.keep_alive());
        }
        HttpResponse rejected = co_await client.send(signed_request(transaction_created("x"), "wsk_wrong"));
        CHECK(rejected.result() == http::status::unauthorized);
        HttpResponse elsewhere =
            co_await client.send(signed_request(transaction_created("y"), secret, "/other?x=1"));
        CHECK(elsewhere.result() == http::status::not_found);
        HttpResponse with_query =
            co_await client.send(signed_request(transaction_created("k3"), secret, "/revolut/webhook?a=b"));
        CHECK(with_query.result() == http::status::ok);

        // `Expect: 100-continue` (curl sends it for larger bodies): told to go on, then served.
        HttpRequest expecting = signed_request(transaction_created("k4"));
        expecting.set(http::field::expect, "100-continue");
        std::ostringstream wire;
        wire << expecting;
        const std::string text = wire.str();
        const std::size_t header_end = text.find("\r\n\r\n") + 4;
        const auto header_ec = co_await client.write_raw(text.substr(0, header_end));
        CHECK_FALSE(header_ec);
        auto [continue_ec, go_on] = co_await client.read(2s);
        CHECK_FALSE(continue_ec);
        CHECK(go_on.result() == http::status::continue_);
        const auto body_ec = co_await client.write_raw(text.substr(header_end));
        CHECK_FALSE(body_ec);
        auto [final_ec, final_response] = co_await client.read(2s);
        CHECK_FALSE(final_ec);
        CHECK(final_response.result() == http::status::ok);

        CHECK(recorder.ids == std::vector<std::string>{"k0", "k1", "k2", "k3", "k4"});
        const WebhookServerStats s = server.stats();
        CHECK(s.connections_accepted == 1);
        CHECK(s.requests == 7);
        CHECK(s.verified == 5);
        CHECK(s.handled == 5);
        CHECK(s.rejected == 2);
        co_await server.stop();
    });
}

TEST_CASE("WebhookServer over HTTPS, certificate as PEM text and as files", "[webhook-server]") {
    const bool from_files = GENERATE(false, true);
    const auto dir = std::filesystem::temp_directory_path() / "revolut-webhook-server-test";
    WebhookServerOptions options = fast_options();
    if (from_files) {
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "chain.pem") << certificate().chain_pem;
        std::ofstream(dir / "key.pem") << certificate().key_pem;
        options.certificate_chain_file = dir / "chain.pem";
        options.private_key_file = dir / "key.pem";
    } else {
        options.certificate_chain_pem = certificate().chain_pem;
        options.private_key_pem = certificate().key_pem;
    }
    run_async([&](asio::io_context& ioc) -> asio::awaitable<void> {
        Recorder recorder;
        WebhookServer server(ioc.get_executor(), recorder.make(), options);
        server.start();
        CHECK(server.is_tls());
        CHECK(server.url().starts_with("https://127.0.0.1:"));

        revolut::test::RawHttpsClient client(ioc.get_executor(), certificate().ca_pem, server.port());
        co_await client.connect();
        HttpResponse first = co_await client.send(signed_request(transaction_created("tls-1")));
        HttpResponse second = co_await client.send(signed_request(transaction_created("tls-2")));
        CHECK(first.result() == http::status::ok);
        CHECK(second.result() == http::status::ok);
        CHECK(recorder.ids == std::vector<std::string>{"tls-1", "tls-2"});
        CHECK(server.stats().connections_accepted == 1);
        co_await client.close();
        co_await server.stop();
    });
    std::filesystem::remove_all(dir);
}

TEST_CASE("WebhookServer refuses bad TLS options without echoing the key", "[webhook-server]") {
    asio::io_context ioc;
    auto code_and_text = [&](WebhookServerOptions options) -> std::pair<revolut::Errc, std::string> {
        try {
            WebhookServer server(ioc.get_executor(), WebhookHandler({secret}), std::move(options));
        } catch (const revolut::Error& e) {
            return {static_cast<revolut::Errc>(e.code().value()), e.what()};
        }
        return {revolut::Errc{}, {}};
    };
    WebhookServerOptions half;
    half.certificate_chain_pem = certificate().chain_pem;
    CHECK(code_and_text(half).first == revolut::Errc::invalid_argument);

    WebhookServerOptions garbage;
    garbage.certificate_chain_pem = certificate().chain_pem;
    garbage.private_key_pem = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1ieXRlcw==\n-----END PRIVATE KEY-----\n";
    const auto [code, text] = code_and_text(garbage);
    CHECK(code == revolut::Errc::invalid_argument);
    CHECK(text.find("c2VjcmV0") == std::string::npos);

    WebhookServerOptions mismatched;  // a key that is not the certificate's
    mismatched.certificate_chain_pem = certificate().chain_pem;
    mismatched.private_key_pem = revolut::detail::generate_rsa_private_key_pem();
    CHECK(code_and_text(mismatched).first == revolut::Errc::invalid_argument);
}

TEST_CASE("WebhookServer answers an oversized body with 413 without calling the handler",
          "[webhook-server]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Recorder recorder;
        WebhookServerOptions options = fast_options();
        options.body_limit = 1024;
        WebhookServer server(ioc.get_executor(), recorder.make(), options);
        server.start();

        // A body that is actually sent, over the limit.
        PlainClient sent(ioc.get_executor(), server.port());
        co_await sent.connect();
        auto [ec, too_big] = co_await sent.try_send(signed_request(transaction_created(std::string(2000, 'x'))));
        CHECK_FALSE(ec);
        CHECK(too_big.result() == http::status::payload_too_large);
        CHECK_FALSE(too_big.keep_alive());
        const auto closed = co_await sent.wait_for_close(3s);
        CHECK(closed == asio::error::eof);

        // Only announced: refused on the header, before any body byte.
        PlainClient announced(ioc.get_executor(), server.port());
        co_await announced.connect();
        const auto write_ec = co_await announced.write_raw(
            "POST /revolut/webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n");
        CHECK_FALSE(write_ec);
        auto [read_ec, refused] = co_await announced.read(3s);
        CHECK_FALSE(read_ec);
        CHECK(refused.result() == http::status::payload_too_large);

        CHECK(recorder.ids.empty());
        CHECK(server.stats().too_large == 2);
        co_await server.stop();
    });
}

TEST_CASE("WebhookServer drops a client that trickles its header slower than the timeout",
          "[webhook-server]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Recorder recorder;
        WebhookServerOptions options = fast_options();
        options.header_timeout = 300ms;
        options.idle_timeout = 5s;
        WebhookServer server(ioc.get_executor(), recorder.make(), options);
        server.start();

        // An idle keep-alive connection is not "slow": it may wait up to idle_timeout.
        PlainClient idle(ioc.get_executor(), server.port());
        co_await idle.connect();
        co_await sleep_for(600ms);
        HttpResponse after_idle = co_await idle.send(signed_request(transaction_created("idle")));
        CHECK(after_idle.result() == http::status::ok);

        // One header byte every 100 ms: the header is not complete 300 ms after its first byte.
        PlainClient slow(ioc.get_executor(), server.port());
        co_await slow.connect();
        const std::string header = "POST /revolut/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: aaaaaaaa\r\n";
        const auto started = std::chrono::steady_clock::now();
        boost::system::error_code write_ec;
        for (char c : header) {
            write_ec = co_await slow.write_raw(std::string(1, c));
            if (write_ec) break;
            co_await sleep_for(100ms);
            if (std::chrono::steady_clock::now() - started > 2s) break;
        }
        const auto closed = co_await slow.wait_for_close(2s);
        CHECK((closed == asio::error::eof || closed == asio::error::connection_reset || write_ec));
        CHECK(std::chrono::steady_clock::now() - started < 2s);
        CHECK(server.stats().timeouts == 1);
        CHECK(recorder.ids == std::vector<std::string>{"idle"});
        co_await server.stop();
    });
}

TEST_CASE("WebhookServer serves at most max_connections, the next waits in the backlog",
          "[webhook-server]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Recorder recorder;
        WebhookServerOptions options = fast_options();
        options.max_connections = 1;
        WebhookServer server(ioc.get_executor(), recorder.make(), options);
        server.start();

        auto first = std::make_unique<PlainClient>(ioc.get_executor(), server.port());
        co_await first->connect();
        HttpResponse r1 = co_await first->send(signed_request(transaction_created("first")));
        CHECK(r1.result() == http::status::ok);

        // The kernel completes the second connect, but the server does not accept it yet.
        PlainClient second(ioc.get_executor(), server.port());
        co_await second.connect();
        const auto write_ec = co_await second.write_raw([] {
            HttpRequest r = signed_request(transaction_created("second"));
            std::ostringstream out;
            out << r;
            return out.str();
        }());
        CHECK_FALSE(write_ec);
        co_await sleep_for(400ms);
        CHECK(second.available() == 0);  // no answer yet
        CHECK(server.stats().connections_accepted == 1);
        CHECK(server.stats().connections_active == 1);

        first.reset();  // closes the first connection: its slot goes to the second
        auto [ec, late] = co_await second.read(3s);
        CHECK_FALSE(ec);
        CHECK(late.result() == http::status::ok);
        CHECK(recorder.ids == std::vector<std::string>{"first", "second"});
        CHECK(server.stats().connections_accepted == 2);
        co_await server.stop();
    });
}

TEST_CASE("WebhookServer::stop lets a handler in flight finish, closes idle connections",
          "[webhook-server]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Recorder recorder;
        recorder.delay = 300ms;
        WebhookServer server(ioc.get_executor(), recorder.make(), fast_options());
        server.start();
        const std::uint16_t port = server.port();

        PlainClient idle(ioc.get_executor(), port);
        co_await idle.connect();
        PlainClient busy(ioc.get_executor(), port);
        co_await busy.connect();
        std::optional<std::pair<boost::system::error_code, HttpResponse>> in_flight;
        asio::co_spawn(ioc, busy.try_send(signed_request(transaction_created("in-flight"))),
                       [&](std::exception_ptr, std::pair<boost::system::error_code, HttpResponse> r) {
                           in_flight = std::move(r);
                       });
        co_await sleep_for(100ms);
        CHECK(recorder.started == 1);

        const auto stop_started = std::chrono::steady_clock::now();
        co_await server.stop();
        const auto stop_took = std::chrono::steady_clock::now() - stop_started;
        CHECK(stop_took >= 150ms);  // waited for the handler
        CHECK(stop_took < 2s);      // not for stop_timeout
        REQUIRE(in_flight);
        CHECK_FALSE(in_flight->first);
        CHECK(in_flight->second.result() == http::status::ok);
        CHECK_FALSE(in_flight->second.keep_alive());  // Connection: close
        CHECK(recorder.ids == std::vector<std::string>{"in-flight"});
        const auto idle_end = co_await idle.wait_for_close(1s);
        CHECK(idle_end == asio::error::eof);

        // Nothing listens any more.
        PlainClient late(ioc.get_executor(), port);
        bool refused = false;
        try {
            co_await late.connect();
        } catch (const boost::system::system_error&) {
            refused = true;
        }
        CHECK(refused);
    });
}

TEST_CASE("WebhookServer::stop is bounded by stop_timeout", "[webhook-server]") {
    run_async([](asio::io_context& ioc) -> asio::awaitable<void> {
        Recorder recorder;
        recorder.delay = 1s;
        WebhookServerOptions options = fast_options();
        options.stop_timeout = 200ms;
        WebhookServer server(ioc.get_executor(), recorder.make(), options);
        server.start();

        PlainClient busy(ioc.get_executor(), server.port());
        co_await busy.connect();
        std::optional<boost::system::error_code> outcome;
        asio::co_spawn(ioc, busy.try_send(signed_request(transaction_created("hangs"))),
                       [&](std::exception_ptr, std::pair<boost::system::error_code, HttpResponse> r) {
                           outcome = r.first;
                       });
        co_await sleep_for(100ms);
        const auto stop_started = std::chrono::steady_clock::now();
        co_await server.stop();
        const auto stop_took = std::chrono::steady_clock::now() - stop_started;
        CHECK(stop_took >= 150ms);
        CHECK(stop_took < 1s);
        co_await sleep_for(100ms);
        REQUIRE(outcome);
        CHECK(*outcome);  // the connection was closed without a response
        co_await sleep_for(1s);  // let the handler's coroutine finish before the test ends
    });
}
