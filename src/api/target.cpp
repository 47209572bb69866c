#include "api/target.hpp"

#include <revolut/error.hpp>

#include <boost/url/url.hpp>

#include <algorithm>

namespace revolut::api {

namespace {

bool is_unreserved(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

// Text that percent-encoding leaves as it is: ids, version numbers, route words, dates.
bool needs_no_encoding(std::string_view text) noexcept {
    return !text.empty() && std::all_of(text.begin(), text.end(), is_unreserved);
}

std::string encode_with_boost_url(std::initializer_list<std::string_view> segments, const QueryParams& query) {
    boost::urls::url url;
    url.set_path_absolute(true);
    auto path = url.segments();
    for (auto segment : segments) path.push_back(segment);
    auto params = url.params();
    for (const auto& [key, value] : query) params.append({key, value});
    return std::string(url.buffer());
}

}  // namespace

std::string make_target(std::initializer_list<std::string_view> segments, const QueryParams& query) {
    // An id of "." or ".." would make the path climb (a server resolves dot segments, even
    // percent-encoded ones after normalising), reaching another route than the one meant.
    for (auto segment : segments)
        if (segment == "." || segment == "..")
            throw Error(make_error_code(Errc::invalid_argument),
                        "an id used in the request path must not be '.' or '..'");
    // Almost every target is made of plain words and ids: join them directly (one
    // allocation), and let Boost.URL encode only the targets that need it.
    bool plain = std::all_of(segments.begin(), segments.end(), needs_no_encoding) &&
                 std::all_of(query.begin(), query.end(), [](const auto& param) {
                     return needs_no_encoding(param.first) && needs_no_encoding(param.second);
                 });
    if (!plain) return encode_with_boost_url(segments, query);

    std::size_t size = segments.size() + 1;
    for (auto segment : segments) size += segment.size();
    for (const auto& [key, value] : query) size += key.size() + value.size() + 2;
    std::string target;
    target.reserve(size);
    for (auto segment : segments) {
        target += '/';
        target += segment;
    }
    if (segments.size() == 0) target += '/';
    char separator = '?';
    for (const auto& [key, value] : query) {
        target += separator;
        target += key;
        target += '=';
        target += value;
        separator = '&';
    }
    return target;
}

}  // namespace revolut::api
