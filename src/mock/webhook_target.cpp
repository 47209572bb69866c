#include "mock/webhook_target.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/scheme.hpp>

namespace revolut::mock {

std::optional<WebhookTarget> parse_webhook_target(std::string_view url) {
    namespace urls = boost::urls;
    auto parsed = urls::parse_absolute_uri(url);
    if (!parsed || !parsed->has_authority() || parsed->encoded_host().empty()) return std::nullopt;

    WebhookTarget target;
    switch (parsed->scheme_id()) {
    case urls::scheme::https: target.tls = true; break;
    case urls::scheme::http: target.tls = false; break;
    default: return std::nullopt;
    }

    switch (parsed->host_type()) {
    case urls::host_type::ipv4:
    case urls::host_type::ipv6:
        target.host = parsed->host_address();
        target.host_is_ip = true;
        break;
    case urls::host_type::name: target.host = parsed->host_name(); break;
    default: return std::nullopt;
    }

    if (parsed->has_port()) {
        if (parsed->port().empty() || parsed->port_number() == 0) return std::nullopt;
        target.port = parsed->port_number();
    } else {
        target.port = target.tls ? 443 : 80;
    }

    target.target = std::string(parsed->encoded_path());
    if (target.target.empty()) target.target = "/";
    if (parsed->has_query()) target.target += "?" + std::string(parsed->encoded_query());

    if (!target.tls) {
        bool loopback = target.host == "localhost";
        if (target.host_is_ip) {
            boost::system::error_code ec;
            auto address = boost::asio::ip::make_address(target.host, ec);
            loopback = !ec && address.is_loopback();
        }
        if (!loopback) return std::nullopt;
    }
    return target;
}

bool acceptable_webhook_url(std::string_view url, bool allow_plain_http_loopback) {
    auto target = parse_webhook_target(url);
    return target && (target->tls || allow_plain_http_loopback);
}

}  // namespace revolut::mock
