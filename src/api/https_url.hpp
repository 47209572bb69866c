#pragma once
// The check on a webhook URL given to the API: an absolute https:// URL with a host.

#include <string>

namespace revolut::api {

/// Throws Errc::invalid_argument (quoting the URL, cut at 200 characters) unless `url` is an
/// absolute URI (RFC 3986) with the scheme "https" and a non-empty host.
void require_https_url(const std::string& url);

}  // namespace revolut::api
