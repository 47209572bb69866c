#pragma once
// The HTTP message types every part of the emulator exchanges: whole requests and responses
// with string bodies (API bodies are small JSON documents).

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

namespace revolut::mock {

using Request = boost::beast::http::request<boost::beast::http::string_body>;
using Response = boost::beast::http::response<boost::beast::http::string_body>;

}  // namespace revolut::mock
