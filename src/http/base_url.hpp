#pragma once
// The API's base URL split into what the transport needs: host, port, TLS or not, and the
// path prefix every request target starts with.

#include <string>
#include <string_view>

namespace revolut::http {

struct BaseUrl {
    std::string host;         ///< name or IP literal, without brackets
    std::string port;         ///< "443" when the URL has none
    std::string path_prefix;  ///< e.g. "/api", never ending in '/'

    /// Accepts `https://host[:port][/prefix]`; throws Error(Errc::invalid_argument) otherwise.
    static BaseUrl parse(std::string_view text);
    /// The Host header value (host, plus the port when it is not 443).
    std::string host_header() const;
};

}  // namespace revolut::http
