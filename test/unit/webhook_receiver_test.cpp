// WebhookHandler::handle with requests signed here (sign_payload), no sockets: what is
// answered, and when the user's handler runs.
#include "support/run_async.hpp"

#include <revolut/error.hpp>
#include <revolut/webhook/receiver.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/field.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace http = boost::beast::http;
using namespace std::chrono_literals;
using namespace revolut::webhook;
using revolut::Errc;
using revolut::Timestamp;
using revolut::test::run_async;

namespace {

const std::string secret = "wsk_unit_receiver_secret_1";
const std::string other_secret = "wsk_unit_receiver_secret_2";
const Timestamp now = revolut::parse_timestamp("2024-03-05T10:11:20Z");

std::string transaction_created(const std::string& id = "tx-1",
                                const std::string& at = "2024-03-05T10:11:12.345678Z") {
    return R"({"event":"TransactionCreated","timestamp":")" + at + R"(","data":{"id":")" + id +
           R"(","type":"topup","state":"completed","created_at":"2024-03-05T10:11:12Z",)"
           R"("updated_at":"2024-03-05T10:11:12Z","legs":[{"leg_id":"l-1","account_id":"a-1",)"
           R"("amount":10.50,"currency":"GBP","description":"Top up"}]}})";
}

const std::string state_changed =
    R"({"event":"TransactionStateChanged","timestamp":"2024-03-05T10:11:13Z",)"
    R"("data":{"id":"tx-1","old_state":"pending","new_state":"completed"}})";

const std::string unknown_event =
    R"({"event":"CardCreated","timestamp":"2024-03-05T10:11:14Z","data":{"id":"card-9"}})";

WebhookHandlerOptions options_with(std::vector<std::string> secrets, std::size_t remembered = 0) {
    WebhookHandlerOptions o;
    o.signing_secrets = std::move(secrets);
    o.verify.clock = [] { return now; };
    o.remembered_events = remembered;
    return o;
}

// A POST as Revolut sends it: body signed with `key` at `at`.
HttpRequest signed_request(std::string body, const std::string& key = secret, Timestamp at = now) {
    HttpRequest request{http::verb::post, "/revolut/webhook", 11};
    const std::string timestamp = format_request_timestamp(at);
    request.set(timestamp_header, timestamp);
    request.set(signature_header, sign_payload(key, timestamp, body));
    request.set(http::field::content_type, "application/json");
    request.body() = std::move(body);
    request.prepare_payload();
    return request;
}

// Runs handle() on a fresh io_context.
HttpResponse answer(WebhookHandler& handler, const HttpRequest& request) {
    std::optional<HttpResponse> response;
    run_async([&](asio::io_context&) -> asio::awaitable<void> {
        response = co_await handler.handle(request);
    });
    REQUIRE(response);
    return std::move(*response);
}

// A handler that records every event it is given.
struct Recorder {
    std::vector<std::string> ids;
    WebhookHandler make(WebhookHandlerOptions options) {
        WebhookHandler handler(std::move(options));
        handler.on_transaction_created(
            [this](const TransactionCreated& t) -> asio::awaitable<void> {
                ids.push_back(t.id);
                co_return;
            });
        return handler;
    }
};

}  // namespace

TEST_CASE("a correctly signed delivery runs the typed handler and gets 200", "[webhook-receiver]") {
    std::optional<TransactionCreated> seen;
    std::optional<Timestamp> envelope_time;
    WebhookHandler handler(options_with({secret}));
    handler.on<TransactionCreated>(
        [&](const TransactionCreated& t, const Event& e) -> asio::awaitable<void> {
            seen = t;
            envelope_time = e.timestamp;
            co_return;
        });
    const HttpResponse response = answer(handler, signed_request(transaction_created()));
    CHECK(response.result() == http::status::ok);
    CHECK(response.keep_alive());
    REQUIRE(seen);
    CHECK(seen->id == "tx-1");
    REQUIRE(seen->legs.size() == 1);
    CHECK(seen->legs[0].amount == revolut::Decimal::parse("10.50"));
    CHECK(envelope_time == revolut::parse_timestamp("2024-03-05T10:11:12.345678Z"));
    const WebhookHandlerStats s = handler.stats();
    CHECK(s.requests == 1);
    CHECK(s.verified == 1);
    CHECK(s.handled == 1);
    CHECK(s.rejected == 0);
}

TEST_CASE("each event type goes to its own handler", "[webhook-receiver]") {
    std::vector<std::string> calls;
    WebhookHandler handler(options_with({secret}));
    handler.on_transaction_created([&](const TransactionCreated&) -> asio::awaitable<void> {
        calls.push_back("created");
        co_return;
    });
    handler.on_transaction_state_changed(
        [&](const TransactionStateChanged& c) -> asio::awaitable<void> {
            calls.push_back("state " + std::string(c.new_state.str()));
            co_return;
        });
    CHECK(answer(handler, signed_request(state_changed)).result() == http::status::ok);
    CHECK(answer(handler, signed_request(transaction_created())).result() == http::status::ok);
    CHECK(calls == std::vector<std::string>{"state completed", "created"});
}

TEST_CASE("events without a typed handler go to the fallback, or are acknowledged",
          "[webhook-receiver]") {
    SECTION("no fallback: 200, counted as unhandled") {
        WebhookHandler handler(options_with({secret}));
        CHECK(answer(handler, signed_request(unknown_event)).result() == http::status::ok);
        CHECK(handler.stats().unhandled == 1);
    }
    SECTION("fallback gets unknown and unclaimed types") {
        std::vector<std::string> names;
        WebhookHandler handler(options_with({secret}));
        handler.otherwise([&](const Event& e) -> asio::awaitable<void> {
            names.emplace_back(e.event.str());
            CHECK(std::holds_alternative<UnknownEvent>(e.data) == (e.event.str() == "CardCreated"));
            co_return;
        });
        CHECK(answer(handler, signed_request(unknown_event)).result() == http::status::ok);
        CHECK(answer(handler, signed_request(state_changed)).result() == http::status::ok);
        CHECK(names == std::vector<std::string>{"CardCreated", "TransactionStateChanged"});
    }
    SECTION("on<UnknownEvent> claims unknown types") {
        std::string data_id;
        WebhookHandler handler(options_with({secret}));
        handler.on<UnknownEvent>([&](const UnknownEvent& u) -> asio::awaitable<void> {
            data_id = std::string(u.data.at("id").as_string());
            co_return;
        });
        CHECK(answer(handler, signed_request(unknown_event)).result() == http::status::ok);
        CHECK(data_id == "card-9");
    }
}

TEST_CASE("requests failing verification get 4xx and never reach the handler",
          "[webhook-receiver]") {
    Recorder recorder;
    WebhookHandler handler = recorder.make(options_with({secret}));
    const std::string body = transaction_created();

    struct Case {
        std::string name;
        HttpRequest request;
        http::status expected;
    };
    std::vector<Case> cases;
    {
        HttpRequest r = signed_request(body);
        r.erase(signature_header);
        cases.push_back({"missing signature", r, http::status::unauthorized});
    }
    {
        HttpRequest r = signed_request(body);
        r.erase(timestamp_header);
        cases.push_back({"missing timestamp", r, http::status::bad_request});
    }
    {
        HttpRequest r = signed_request(body);
        r.set(signature_header, "v1=not-hex");
        cases.push_back({"malformed signature", r, http::status::bad_request});
    }
    {
        HttpRequest r = signed_request(body);
        r.set(timestamp_header, "yesterday");
        cases.push_back({"malformed timestamp", r, http::status::bad_request});
    }
    {
        HttpRequest r = signed_request(body);
        r.set(signature_header, "v2=" + std::string(64, 'a'));
        cases.push_back({"unsupported version", r, http::status::bad_request});
    }
    cases.push_back({"wrong secret", signed_request(body, "wsk_somebody_else"),
                     http::status::unauthorized});
    cases.push_back({"stale timestamp", signed_request(body, secret, now - 6min),
                     http::status::unauthorized});
    cases.push_back({"future timestamp", signed_request(body, secret, now + 6min),
                     http::status::unauthorized});
    {
        HttpRequest r = signed_request(body);
        r.body().back() = ' ';  // one byte changed after signing
        cases.push_back({"tampered body", r, http::status::unauthorized});
    }
    cases.push_back({"signed non-JSON body", signed_request("event=TransactionCreated"),
                     http::status::bad_request});
    cases.push_back({"signed JSON that is no event", signed_request(R"({"event":"TransactionCreated"})"),
                     http::status::bad_request});
    {
        HttpRequest r = signed_request(body);
        r.method(http::verb::get);
        cases.push_back({"GET", r, http::status::method_not_allowed});
    }
    {
        HttpRequest r = signed_request(body);
        r.method(http::verb::put);
        cases.push_back({"PUT", r, http::status::method_not_allowed});
    }

    for (const Case& c : cases) {
        INFO(c.name);
        const HttpResponse response = answer(handler, c.request);
        CHECK(response.result() == c.expected);
        CHECK(response.body().find(secret) == std::string::npos);
        if (c.expected == http::status::method_not_allowed) CHECK(response[http::field::allow] == "POST");
    }
    CHECK(recorder.ids.empty());
    const WebhookHandlerStats s = handler.stats();
    CHECK(s.requests == cases.size());
    CHECK(s.rejected == cases.size());
    CHECK(s.verified == 2);  // the two signed bodies that then failed to parse
    CHECK(s.handled == 0);
}

TEST_CASE("a handler that throws gets a generic 500, and the observer sees the exception",
          "[webhook-receiver]") {
    WebhookHandler handler(options_with({secret}));
    handler.on_transaction_created([](const TransactionCreated&) -> asio::awaitable<void> {
        throw std::runtime_error("database password is hunter2");
        co_return;
    });
    std::string observed;
    handler.on_handler_error([&](const Event& e, std::exception_ptr error) {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& x) {
            observed = std::string(e.event.str()) + ": " + x.what();
        }
    });
    const HttpResponse response = answer(handler, signed_request(transaction_created()));
    CHECK(response.result() == http::status::internal_server_error);
    CHECK(response.body().find("hunter2") == std::string::npos);
    CHECK(response.body() == "handler failed\n");
    CHECK(observed == "TransactionCreated: database password is hunter2");
    CHECK(handler.stats().handler_failures == 1);
    CHECK(handler.stats().handled == 0);
}

TEST_CASE("several secrets are accepted, and can be replaced at runtime", "[webhook-receiver]") {
    Recorder recorder;
    WebhookHandler handler = recorder.make(options_with({secret, other_secret}));
    CHECK(answer(handler, signed_request(transaction_created("a"), secret)).result() == http::status::ok);
    CHECK(answer(handler, signed_request(transaction_created("b"), other_secret)).result() ==
          http::status::ok);

    // A rotation in progress: the header carries one signature per valid secret.
    HttpRequest both = signed_request(transaction_created("c"), other_secret);
    const std::string ts(both[timestamp_header]);
    both.set(signature_header, sign_payload("wsk_newest", ts, both.body()) + "," +
                                   std::string(both[signature_header]));
    CHECK(answer(handler, both).result() == http::status::ok);

    handler.set_signing_secrets({"wsk_newest"});
    CHECK(answer(handler, signed_request(transaction_created("d"), secret)).result() ==
          http::status::unauthorized);
    CHECK(answer(handler, signed_request(transaction_created("e"), "wsk_newest")).result() ==
          http::status::ok);
    CHECK(recorder.ids == std::vector<std::string>{"a", "b", "c", "e"});
}

TEST_CASE("a receiver without a signing secret answers 500 (misconfigured, retry later)",
          "[webhook-receiver]") {
    Recorder recorder;
    WebhookHandler handler = recorder.make(options_with({""}));
    CHECK(answer(handler, signed_request(transaction_created())).result() ==
          http::status::internal_server_error);
    CHECK(recorder.ids.empty());
}

TEST_CASE("the response follows the request's HTTP version and keep-alive", "[webhook-receiver]") {
    WebhookHandler handler(options_with({secret}));
    HttpRequest request = signed_request(transaction_created());
    request.version(10);
    request.keep_alive(false);
    const HttpResponse response = answer(handler, request);
    CHECK(response.version() == 10);
    CHECK_FALSE(response.keep_alive());
    CHECK(response[http::field::content_length] == "0");
}

TEST_CASE("redelivery suppression is off by default", "[webhook-receiver]") {
    Recorder recorder;
    WebhookHandler handler = recorder.make(options_with({secret}));
    const HttpRequest request = signed_request(transaction_created());
    CHECK(answer(handler, request).result() == http::status::ok);
    CHECK(answer(handler, request).result() == http::status::ok);
    CHECK(recorder.ids.size() == 2);
    CHECK(handler.stats().suppressed == 0);
}

TEST_CASE("redelivery suppression answers 200 without calling the handler again",
          "[webhook-receiver]") {
    Recorder recorder;
    WebhookHandler handler = recorder.make(options_with({secret}, 16));
    // A retry is signed afresh (new timestamp header) but carries the same envelope.
    CHECK(answer(handler, signed_request(transaction_created(), secret, now - 1s)).result() ==
          http::status::ok);
    CHECK(answer(handler, signed_request(transaction_created(), secret, now)).result() ==
          http::status::ok);
    CHECK(recorder.ids.size() == 1);
    CHECK(handler.stats().suppressed == 1);

    // Another event of the same transaction (other timestamp) is not a redelivery.
    CHECK(answer(handler, signed_request(transaction_created("tx-1", "2024-03-05T10:11:19Z")))
              .result() == http::status::ok);
    CHECK(recorder.ids.size() == 2);
}

TEST_CASE("a failed delivery is not remembered: its retry runs the handler", "[webhook-receiver]") {
    int attempts = 0;
    WebhookHandler handler(options_with({secret}, 16));
    handler.on_transaction_created([&](const TransactionCreated&) -> asio::awaitable<void> {
        if (++attempts == 1) throw std::runtime_error("first attempt fails");
        co_return;
    });
    const HttpRequest request = signed_request(transaction_created());
    CHECK(answer(handler, request).result() == http::status::internal_server_error);
    CHECK(answer(handler, request).result() == http::status::ok);
    CHECK(answer(handler, request).result() == http::status::ok);  // now suppressed
    CHECK(attempts == 2);
    CHECK(handler.stats().suppressed == 1);
}

TEST_CASE("redelivery suppression remembers only the last N events", "[webhook-receiver]") {
    Recorder recorder;
    WebhookHandler handler = recorder.make(options_with({secret}, 2));
    for (const char* id : {"A", "B", "C", "A", "C"})
        CHECK(answer(handler, signed_request(transaction_created(id))).result() == http::status::ok);
    // A was forgotten when C arrived (capacity 2), so it ran again; C was still remembered.
    CHECK(recorder.ids == std::vector<std::string>{"A", "B", "C", "A"});
    CHECK(handler.stats().suppressed == 1);
}

TEST_CASE("a redelivery arriving while the first attempt runs gets 409", "[webhook-receiver]") {
    WebhookHandler handler(options_with({secret}, 16));
    int calls = 0;
    handler.on_transaction_created([&](const TransactionCreated&) -> asio::awaitable<void> {
        ++calls;
        asio::steady_timer t(co_await asio::this_coro::executor, 100ms);
        co_await t.async_wait(asio::use_awaitable);
    });
    const HttpRequest request = signed_request(transaction_created());
    std::optional<HttpResponse> first;
    std::optional<HttpResponse> second;
    std::optional<HttpResponse> third;
    run_async([&](asio::io_context& ioc) -> asio::awaitable<void> {
        asio::co_spawn(ioc, handler.handle(request),
                       [&](std::exception_ptr, HttpResponse r) { first = std::move(r); });
        asio::steady_timer t(ioc, 20ms);
        co_await t.async_wait(asio::use_awaitable);
        second = co_await handler.handle(request);
        t.expires_after(200ms);
        co_await t.async_wait(asio::use_awaitable);
        third = co_await handler.handle(request);
    });
    REQUIRE(first);
    REQUIRE(second);
    REQUIRE(third);
    CHECK(first->result() == http::status::ok);
    CHECK(second->result() == http::status::conflict);
    CHECK(third->result() == http::status::ok);
    CHECK(calls == 1);
}

TEST_CASE("event_identity is event name, data id and envelope timestamp", "[webhook-receiver]") {
    const Event e = parse_event(transaction_created("tx-7"));
    CHECK(event_identity(e) == std::string("TransactionCreated\0tx-7\0", 24) +
                                   revolut::format_timestamp(e.timestamp));
    const Event u = parse_event(unknown_event);
    CHECK(event_identity(u).find(std::string("\0card-9\0", 8)) != std::string::npos);
    const std::string no_id = R"({"event":"X","timestamp":"2024-03-05T10:11:14Z","data":[]})";
    CHECK(event_identity(parse_event(no_id)).find(no_id) != std::string::npos);
}

TEST_CASE("verify_and_parse checks first, then parses", "[webhook-receiver]") {
    const std::vector<std::string> secrets{secret};
    VerifyOptions verify;
    verify.clock = [] { return now; };
    const HttpRequest good = signed_request(transaction_created());
    const Event e = verify_and_parse(good, secrets, verify);
    CHECK(std::get<TransactionCreated>(e.data).id == "tx-1");

    auto code_of = [&](const HttpRequest& r) {
        try {
            (void)verify_and_parse(r, secrets, verify);
        } catch (const revolut::Error& x) {
            CHECK(std::string(x.what()).find(secret) == std::string::npos);
            return static_cast<Errc>(x.code().value());
        }
        return Errc{};
    };
    CHECK(code_of(signed_request(transaction_created(), other_secret)) == Errc::signature_mismatch);
    CHECK(code_of(signed_request("not json")) == Errc::body_not_json);
    CHECK(code_of(signed_request("{}")) == Errc::invalid_response);
    // Not JSON and badly signed: the signature is what is reported (checked first).
    CHECK(code_of(signed_request("not json", other_secret)) == Errc::signature_mismatch);
}

TEST_CASE("rejection_status maps verification errors to 400/401/500", "[webhook-receiver]") {
    using revolut::make_error_code;
    CHECK(rejection_status(make_error_code(Errc::signature_header_missing)) == http::status::unauthorized);
    CHECK(rejection_status(make_error_code(Errc::signature_mismatch)) == http::status::unauthorized);
    CHECK(rejection_status(make_error_code(Errc::timestamp_out_of_tolerance)) == http::status::unauthorized);
    CHECK(rejection_status(make_error_code(Errc::signature_header_malformed)) == http::status::bad_request);
    CHECK(rejection_status(make_error_code(Errc::unsupported_signature_version)) == http::status::bad_request);
    CHECK(rejection_status(make_error_code(Errc::body_not_json)) == http::status::bad_request);
    CHECK(rejection_status(make_error_code(Errc::invalid_response)) == http::status::bad_request);
    CHECK(rejection_status(make_error_code(Errc::invalid_argument)) == http::status::internal_server_error);
}
