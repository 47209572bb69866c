#include "api/https_url.hpp"

#include <revolut/error.hpp>

#include <boost/url/parse.hpp>

#include <algorithm>
#include <string_view>

namespace revolut::api {

namespace {

bool is_host_char(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// Characters RFC 3986 allows as they are in a path and a query: unreserved, sub-delims,
// ':', '@', '/' and '?'. ('%' is left out: a percent sign must start a valid escape.)
bool is_path_or_query_char(char c) noexcept {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("-._~!$&'()*+,;=:@/?").find(c) != std::string_view::npos;
}

// The shape nearly every webhook URL has: "https://" host [":" port] [path and query], with
// plain characters only. Everything it accepts is a valid absolute URI with that scheme and
// a host; anything else is left to Boost.URL's full grammar.
bool is_plain_https_url(std::string_view url) noexcept {
    constexpr std::string_view scheme = "https://";
    if (url.substr(0, scheme.size()) != scheme) return false;
    url.remove_prefix(scheme.size());
    auto host_end = std::find_if_not(url.begin(), url.end(), is_host_char);
    if (host_end == url.begin()) return false;
    auto rest = url.substr(static_cast<std::size_t>(host_end - url.begin()));
    if (!rest.empty() && rest.front() == ':') {
        rest.remove_prefix(1);
        auto digits_end = std::find_if_not(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; });
        rest.remove_prefix(static_cast<std::size_t>(digits_end - rest.begin()));
    }
    if (!rest.empty() && rest.front() != '/' && rest.front() != '?') return false;
    return std::all_of(rest.begin(), rest.end(), is_path_or_query_char);
}

}  // namespace

void require_https_url(const std::string& url) {
    if (is_plain_https_url(url)) return;
    auto parsed = boost::urls::parse_absolute_uri(url);
    if (!parsed || parsed->scheme() != "https" || parsed->host().empty())
        throw Error(make_error_code(Errc::invalid_argument),
                    "webhook url must be an absolute https:// URL, got '" + url.substr(0, 200) + "'");
}

}  // namespace revolut::api
