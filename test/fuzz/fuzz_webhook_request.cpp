// Fuzzes the public webhook endpoint end to end below the socket: the request bytes a client
// sends, read by Beast's request_parser with WebhookServer's default limits, then answered by
// a WebhookHandler (verify, parse, redelivery suppression, the user's handler). Without a
// valid signature the fuzzer would never get past verification, so a flag lets the harness
// sign the body itself (with the current timestamp) to reach the parser and the handlers.
// Input: flags \0 the request bytes. Flags byte: bit 0 sign the body, bit 1 the handler
// throws, bit 2 the request is answered twice (a redelivery).
// Invariants: only the documented statuses; the response never carries the secret; a signed
// POST is never refused for its signature.

#include "fuzz_support.hpp"

#include <revolut/webhook/receiver.hpp>
#include <revolut/webhook/server.hpp>
#include <revolut/webhook/verify.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

namespace {

using namespace revolut;
namespace asio = boost::asio;
namespace http = boost::beast::http;

const std::string secret = "wsk_fuzzSigningSecret0123456789abcdef";
constexpr std::int64_t now_ms = 1'700'000'000'000;

std::optional<webhook::HttpRequest> read_request(std::string_view bytes) {
    const webhook::WebhookServerOptions limits;
    http::request_parser<http::string_body> parser;
    parser.header_limit(limits.header_limit);
    parser.body_limit(limits.body_limit);
    boost::system::error_code ec;
    std::size_t at = 0;
    while (at < bytes.size() && !parser.is_done()) {
        const std::size_t used = parser.put(asio::buffer(bytes.data() + at, bytes.size() - at), ec);
        at += used;
        if (ec || used == 0) break;
    }
    if (!parser.is_done() && parser.got_some() && (!ec || ec == http::error::need_more)) {
        ec = {};
        parser.put_eof(ec);
    }
    if (ec || !parser.is_done()) return std::nullopt;
    return parser.release();
}

bool documented(http::status s) {
    switch (s) {
        case http::status::ok:
        case http::status::bad_request:
        case http::status::unauthorized:
        case http::status::method_not_allowed:
        case http::status::conflict:
        case http::status::internal_server_error: return true;
        default: return false;
    }
}

webhook::HttpResponse answer(webhook::WebhookHandler& handler, const webhook::HttpRequest& request) {
    static asio::io_context io;
    std::optional<webhook::HttpResponse> response;
    asio::co_spawn(io, handler.handle(request), [&](std::exception_ptr e, webhook::HttpResponse r) {
        FUZZ_CHECK(!e);  // handle() never throws for a bad request or a failed handler
        response = std::move(r);
    });
    io.restart();
    io.run();
    FUZZ_CHECK(response.has_value());
    return std::move(*response);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    revolut::fuzz::Fields in(data, size);
    const std::string_view flags_field = in.next();
    const unsigned flags = flags_field.empty() ? 0 : static_cast<unsigned char>(flags_field[0]);
    auto request = read_request(in.rest());
    if (!request) return 0;

    if (flags & 1) {
        const std::string timestamp = std::to_string(now_ms);
        request->set(webhook::timestamp_header, timestamp);
        request->set(webhook::signature_header, webhook::sign_payload(secret, timestamp, request->body()));
    }

    webhook::WebhookHandlerOptions options;
    options.signing_secrets = {secret};
    options.verify.clock = [] { return Timestamp(std::chrono::milliseconds(now_ms)); };
    options.remembered_events = 4;
    webhook::WebhookHandler handler(std::move(options));
    const bool throws = (flags & 2) != 0;
    handler.otherwise([throws](const webhook::Event& e) -> asio::awaitable<void> {
        (void)webhook::event_identity(e);
        if (throws) throw std::runtime_error("handler failed");
        co_return;
    });

    const unsigned rounds = (flags & 4) ? 2 : 1;
    for (unsigned i = 0; i < rounds; ++i) {
        const webhook::HttpResponse response = answer(handler, *request);
        FUZZ_CHECK(documented(response.result()));
        FUZZ_CHECK(response.body().find(secret) == std::string::npos);
        if ((flags & 1) && request->method() == http::verb::post)
            FUZZ_CHECK(response.result() != http::status::unauthorized);
    }
    const auto stats = handler.stats();
    FUZZ_CHECK(stats.requests == rounds);
    return 0;
}
