#include "raw_client.hpp"

#include <revolut/client.hpp>

#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>

#include <stdexcept>

namespace revolut::bench {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

std::shared_ptr<asio::ssl::context> make_raw_tls(const std::string& ca_pem) {
    auto tls = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client);
    SSL_CTX_set_min_proto_version(tls->native_handle(), TLS1_2_VERSION);
    tls->add_certificate_authority(asio::buffer(ca_pem));
    tls->set_verify_mode(asio::ssl::verify_peer);
    return tls;
}

RawRequest make_raw_request(const RawExchange& exchange, const std::string& host_header,
                            const std::string& access_token) {
    RawRequest request{exchange.method, exchange.target, 11};
    request.set(http::field::host, host_header);
    request.set(http::field::accept, "application/json");
    request.set(http::field::user_agent, ClientOptions{}.user_agent);
    request.set(http::field::authorization, "Bearer " + access_token);
    if (!exchange.body.empty()) {
        request.set(http::field::content_type, "application/json");
        request.body() = exchange.body;
    }
    request.prepare_payload();
    return request;
}

RawConnection::RawConnection(asio::any_io_executor executor, asio::ssl::context& tls)
    : stream_(std::move(executor), tls) {
    // Beast reads at most the buffer's free capacity: a fresh flat_buffer reads 512 bytes at a
    // time. The client reserves room for a TLS record; so does the baseline, to stay the limit.
    buffer_.reserve(16 * 1024 + 512);
}

asio::awaitable<void> RawConnection::connect(asio::ip::tcp::endpoint endpoint,
                                             const std::string& host, SSL_SESSION* session) {
    co_await stream_.next_layer().async_connect(endpoint, asio::use_awaitable);
    stream_.next_layer().set_option(asio::ip::tcp::no_delay(true));
    SSL_set_tlsext_host_name(stream_.native_handle(), host.c_str());
    stream_.set_verify_callback(asio::ssl::host_name_verification(host));
    if (session != nullptr) SSL_set_session(stream_.native_handle(), session);
    co_await stream_.async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
}

asio::awaitable<boost::json::value> RawConnection::exchange(const RawRequest& request,
                                                            unsigned expected_status) {
    co_await http::async_write(stream_, request, asio::use_awaitable);
    http::response<http::string_body> response;
    co_await http::async_read(stream_, buffer_, response, asio::use_awaitable);
    if (response.result_int() != expected_status)
        throw std::runtime_error("raw baseline: unexpected status " +
                                 std::to_string(response.result_int()));
    co_return boost::json::parse(response.body());
}

}  // namespace revolut::bench
