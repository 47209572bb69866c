#pragma once
// The HTTP message types the transport exchanges.

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace revolut::http {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;

}  // namespace revolut::http
