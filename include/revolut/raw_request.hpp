#pragma once
// Raw API calls as a free function: `raw_request(client, verb, target, body)` is
// `client.request(verb, target, body)`. For endpoints this library does not model yet.

#include <revolut/client.hpp>

namespace revolut {

template <class Token = DefaultToken>
auto raw_request(const AsyncClient& client, boost::beast::http::verb method, std::string target,
                 std::optional<boost::json::value> body = std::nullopt, Token&& token = {}) {
    return client.request(method, std::move(target), std::move(body), std::forward<Token>(token));
}

}  // namespace revolut
