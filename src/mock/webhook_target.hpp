#pragma once
// Where a webhook delivery goes: the URL rules for registering a webhook (https; plain http
// only to a loopback host, and only when the server allows it) and the parts a delivery
// needs to connect.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace revolut::mock {

/// A delivery URL taken apart.
struct WebhookTarget {
    bool tls = true;         ///< https (else plain http to a loopback host)
    std::string host;        ///< IP address without brackets, or DNS name
    bool host_is_ip = false;  ///< no SNI for an address
    std::uint16_t port = 443;
    std::string target;  ///< path and query for the request line, at least "/"
};

/// An absolute https URL with a host, or an http URL whose host is 127.0.0.1 (or another
/// 127.x address), [::1] or localhost; nullopt for anything else.
std::optional<WebhookTarget> parse_webhook_target(std::string_view url);

/// Whether `url` may be registered: https with a host always, loopback http when
/// `allow_plain_http_loopback`.
bool acceptable_webhook_url(std::string_view url, bool allow_plain_http_loopback);

}  // namespace revolut::mock
