#pragma once
// Request targets below the base URL, e.g. "/2.0/webhooks/{id}/failed-events?limit=10",
// with every path segment and query value percent-encoded. Throws Errc::invalid_argument for a
// "." or ".." segment.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revolut::api {

using QueryParams = std::vector<std::pair<std::string, std::string>>;

std::string make_target(std::initializer_list<std::string_view> segments, const QueryParams& query = {});

}  // namespace revolut::api
