// Shared by the accounting settings groups: input checks before sending, and the JSON of
// their create answers.
#include "api/accounting_common.hpp"

#include <revolut/error.hpp>

#include "api/model_decode.hpp"

namespace revolut::api::accounting {

void invalid(const std::string& what) { throw Error(make_error_code(Errc::invalid_argument), what); }

QueryParams cursor_query(std::optional<int> limit, const std::optional<std::string>& page_token) {
    QueryParams query;
    if (limit) {
        if (*limit < 1 || *limit > detail::accounting::max_page_limit)
            invalid("limit must be between 1 and 500, got " + std::to_string(*limit));
        query.emplace_back("limit", std::to_string(*limit));
    }
    if (page_token) {
        if (page_token->empty()) invalid("page_token must not be empty (leave it out for the first page)");
        query.emplace_back("page_token", *page_token);
    }
    return query;
}

void check_length(std::string_view field, std::string_view value, std::size_t max_chars) {
    std::size_t chars = 0;
    for (unsigned char c : value)
        if ((c & 0xC0) != 0x80) ++chars;  // count lead bytes, not continuation bytes
    if (chars == 0) invalid(std::string(field) + " must not be empty");
    if (chars > max_chars)
        invalid(std::string(field) + " must be at most " + std::to_string(max_chars) + " characters, got " +
                std::to_string(chars));
}

std::string id_segment(const Uuid& id, std::string_view what) {
    if (id.is_nil()) invalid(std::string(what) + " must not be the nil UUID");
    return id.to_string();
}

}  // namespace revolut::api::accounting

namespace revolut {

ResourceCreated tag_invoke(boost::json::value_to_tag<ResourceCreated>, const boost::json::value& v) {
    return {api::required_uuid(api::as_object(v, "created resource"), "id")};
}

}  // namespace revolut

namespace revolut::detail {

template ResourceCreated decode<ResourceCreated>(const ApiResponse&);

}  // namespace revolut::detail
