#include "http/base_url.hpp"

#include <revolut/error.hpp>

#include <boost/url/parse.hpp>

namespace revolut::http {

BaseUrl BaseUrl::parse(std::string_view text) {
    auto invalid = [&](const char* why) {
        return Error(make_error_code(Errc::invalid_argument),
                     std::string("base_url ") + why + ": '" + std::string(text.substr(0, 200)) + "'");
    };
    auto parsed = boost::urls::parse_absolute_uri(text);
    if (!parsed) throw invalid("is not an absolute URL");
    if (parsed->scheme() != "https") throw invalid("must use https");
    if (!parsed->has_authority() || parsed->host().empty()) throw invalid("has no host");
    if (parsed->has_userinfo()) throw invalid("must not contain credentials");
    if (parsed->has_query() || parsed->has_fragment()) throw invalid("must not have a query or fragment");

    BaseUrl url;
    url.host = std::string(parsed->host_name().empty() ? parsed->host_address() : parsed->host_name());
    if (parsed->host_type() == boost::urls::host_type::ipv6) url.host = std::string(parsed->host_address());
    url.port = parsed->has_port() ? std::string(parsed->port()) : std::string("443");
    url.path_prefix = std::string(parsed->encoded_path());
    while (!url.path_prefix.empty() && url.path_prefix.back() == '/') url.path_prefix.pop_back();
    return url;
}

std::string BaseUrl::host_header() const {
    std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    return port == "443" ? h : h + ":" + port;
}

}  // namespace revolut::http
