// Fuzzes the client's HTTP response path below TLS: the bytes a server sends, read by Beast's
// response_parser with the limits the transport sets (src/http/connection.cpp: 64 KiB of
// header, ClientOptions::max_response_size of body), arriving in pieces as TCP may split them;
// then what the client does with the message: read errors become typed transport errors
// (throw_transport_error), a non-2xx status becomes an ApiError (make_api_error), a 2xx body
// is decoded as raw JSON and as exact JSON, and a token-endpoint answer is read by
// parse_token_response and turned into an expiry time as the token source does.
// Input: a split pattern \0 body limit selector \0 the response bytes. Each byte of the
// split pattern is the size of the next piece (0: the rest at once).
// Invariants: every failure is a revolut::Error with the documented code, the ApiError
// message stays short, and nothing else is thrown.

#include "fuzz_support.hpp"

#include "api/response.hpp"
#include "auth/token_endpoint.hpp"
#include "http/transport_error.hpp"

#include <revolut/client.hpp>
#include <revolut/error.hpp>

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <string>

namespace {

using namespace revolut;
namespace bhttp = boost::beast::http;

constexpr std::size_t transport_header_limit = 64 * 1024;  // as src/http/connection.cpp

bool transport_code(const boost::system::error_code& ec) {
    return ec == Errc::network || ec == Errc::invalid_response || ec == Errc::response_too_large ||
           ec == Errc::timeout || ec == Errc::tls;
}

// Feeds `bytes` to `parser` in the pieces `split` describes, then signals end of stream the
// way http::read does when the peer closes.
boost::system::error_code feed(bhttp::response_parser<bhttp::string_body>& parser,
                               std::string_view split, std::string_view bytes) {
    boost::system::error_code ec;
    std::string pending;
    std::size_t at = 0, piece = 0;
    while (at < bytes.size()) {
        std::size_t n = piece < split.size() ? static_cast<unsigned char>(split[piece++]) : 0;
        if (n == 0) n = bytes.size() - at;
        n = std::min(n, bytes.size() - at);
        pending.append(bytes.substr(at, n));
        at += n;
        while (!pending.empty() && !parser.is_done()) {
            const std::size_t used = parser.put(boost::asio::buffer(pending), ec);
            pending.erase(0, used);
            if (ec == bhttp::error::need_more) {
                ec = {};
                break;
            }
            if (ec) return ec;
            if (used == 0) break;
        }
        if (parser.is_done()) return ec;
    }
    // As http::read: end of stream before any byte is end_of_stream, later it is put_eof's call.
    if (!parser.got_some()) return bhttp::error::end_of_stream;
    if (!parser.is_done()) parser.put_eof(ec);
    if (!ec && !parser.is_done()) ec = bhttp::error::partial_message;
    return ec;
}

void as_api_response(unsigned status, const std::string& body, std::string_view reason) {
    if (status < 200 || status > 299) {
        const ApiError error = api::make_api_error(status, body, reason);
        FUZZ_CHECK(error.status() == status);
        FUZZ_CHECK(error.api_message().size() <= 500);
        return;
    }
    const detail::ApiResponse response{status, body};
    try {
        (void)detail::decode<boost::json::value>(response);
    } catch (const Error& e) {
        FUZZ_CHECK(e.code() == Errc::invalid_response);
    }
    try {
        (void)api::parse_body_exact(response);
    } catch (const Error& e) {
        FUZZ_CHECK(e.code() == Errc::invalid_response);
    }
}

void as_token_response(unsigned status, const std::string& body) {
    try {
        const auth::TokenResponse token = auth::parse_token_response(status, body);
        FUZZ_CHECK(!token.access_token.empty() && token.expires_in.count() > 0);
        // What auth::TokenSource does with it (src/auth/token_source.cpp).
        const auto sent_at = std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now());
        const Timestamp expires = sent_at + token.expires_in;
        FUZZ_CHECK(expires > sent_at);
    } catch (const ApiError& e) {
        FUZZ_CHECK(e.code() == Errc::token_refresh_failed);
        FUZZ_CHECK(e.api_message().size() <= 500);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    revolut::fuzz::Fields in(data, size);
    const std::string_view split = in.next();
    const std::string_view limit_selector = in.next();
    const std::string_view bytes = in.rest();

    // The default limit, or a small one so the limit paths are reached with small inputs.
    const std::size_t body_limit = limit_selector.empty() ? ClientOptions{}.max_response_size
                                                          : static_cast<unsigned char>(limit_selector[0]);
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(body_limit);
    parser.header_limit(transport_header_limit);
    if (const auto ec = feed(parser, split, bytes)) {
        try {
            http::throw_transport_error(ec, "reading response from", "fuzz.invalid:443");
        } catch (const Error& e) {
            FUZZ_CHECK(transport_code(e.code()));
        }
        return 0;
    }
    FUZZ_CHECK(parser.is_done());
    bhttp::response<bhttp::string_body> response = parser.release();
    (void)response.keep_alive();
    const unsigned status = response.result_int();
    as_api_response(status, response.body(), response.reason());
    as_token_response(status, response.body());
    return 0;
}
