#include "api/target.hpp"

#include <boost/url/url.hpp>

namespace revolut::api {

std::string make_target(std::initializer_list<std::string_view> segments, const QueryParams& query) {
    boost::urls::url url;
    url.set_path_absolute(true);
    auto path = url.segments();
    for (auto segment : segments) path.push_back(segment);
    auto params = url.params();
    for (const auto& [key, value] : query) params.append({key, value});
    return std::string(url.buffer());
}

}  // namespace revolut::api
