#pragma once
// Maps Asio/Beast/OpenSSL failures to the library's error classes.

#include <revolut/error.hpp>

#include <string_view>

namespace revolut::http {

/// Throws: operation_aborted stays as it is (cancellation), everything else becomes a
/// revolut::Error with timeout, tls, response_too_large, invalid_response or network.
[[noreturn]] void throw_transport_error(boost::system::error_code ec, std::string_view during,
                                        std::string_view endpoint);

}  // namespace revolut::http
