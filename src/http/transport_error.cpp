#include "http/transport_error.hpp"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>

#include <string>

namespace revolut::http {
namespace {

Errc classify(const boost::system::error_code& ec) {
    namespace beast = boost::beast;
    if (ec == beast::error::timeout) return Errc::timeout;
    if (ec == beast::http::error::body_limit || ec == beast::http::error::header_limit ||
        ec == beast::http::error::buffer_overflow)
        return Errc::response_too_large;
    if (ec.category() == beast::http::make_error_code(beast::http::error::end_of_stream).category()) {
        // end_of_stream / partial_message are the peer closing; the rest are malformed HTTP.
        if (ec == beast::http::error::end_of_stream || ec == beast::http::error::partial_message)
            return Errc::network;
        return Errc::invalid_response;
    }
    if (ec == boost::asio::ssl::error::stream_truncated) return Errc::network;
    if (ec.category() == boost::asio::error::get_ssl_category()) return Errc::tls;
    return Errc::network;
}

}  // namespace

void throw_transport_error(boost::system::error_code ec, std::string_view during,
                           std::string_view endpoint) {
    if (ec == boost::asio::error::operation_aborted)
        throw Error(ec, "request cancelled during " + std::string(during));
    auto kind = classify(ec);
    // For TLS failures Asio's message is OpenSSL's reason ("certificate verify failed").
    throw Error(make_error_code(kind),
                std::string(during) + " " + std::string(endpoint) + ": " + ec.message());
}

}  // namespace revolut::http
