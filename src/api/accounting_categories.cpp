// Accounting categories: request building and input validation (nothing is sent when it fails).
#include <revolut/api/accounting_categories.hpp>

#include "api/accounting_common.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace revolut::detail::accounting_categories {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;
using api::accounting::check_length;
using api::accounting::invalid;

namespace {

// The spec's lengths: CreateAccountingCategoryRequest / UpdateAccountingCategoryRequest.
constexpr std::size_t max_name_chars = 60;
constexpr std::size_t max_code_chars = 50;

constexpr std::string_view collection = "accounting-categories";

std::string id_segment(const Uuid& id) { return api::accounting::id_segment(id, "accounting_category_id"); }

std::string tax_rate_text(const Uuid& id) { return api::accounting::id_segment(id, "default_tax_rate_id"); }

}  // namespace

ApiRequest create_accounting_category(const std::string& name, const std::string& code,
                                      const std::optional<Uuid>& default_tax_rate_id) {
    check_length("name", name, max_name_chars);
    check_length("code", code, max_code_chars);
    json::object body{{"name", name}, {"code", code}};
    if (default_tax_rate_id) body["default_tax_rate_id"] = tax_rate_text(*default_tax_rate_id);
    return {http::verb::post, make_target({"1.0", collection}), json::serialize(body)};
}

ApiRequest get_all_accounting_categories(std::optional<int> limit, const std::optional<std::string>& page_token) {
    return {http::verb::get, make_target({"1.0", collection}, api::accounting::cursor_query(limit, page_token)), {}};
}

ApiRequest get_accounting_category(const Uuid& accounting_category_id) {
    return {http::verb::get, make_target({"1.0", collection, id_segment(accounting_category_id)}), {}};
}

ApiRequest update_accounting_category(const Uuid& accounting_category_id, const std::optional<std::string>& name,
                                      const std::optional<std::string>& code,
                                      const std::optional<Uuid>& default_tax_rate_id) {
    if (!name && !code && !default_tax_rate_id)
        invalid("update_accounting_category needs a name, code or default_tax_rate_id to change");
    json::object body;
    if (name) {
        check_length("name", *name, max_name_chars);
        body["name"] = *name;
    }
    if (code) {
        check_length("code", *code, max_code_chars);
        body["code"] = *code;
    }
    if (default_tax_rate_id) body["default_tax_rate_id"] = tax_rate_text(*default_tax_rate_id);
    return {http::verb::patch, make_target({"1.0", collection, id_segment(accounting_category_id)}),
            json::serialize(body)};
}

ApiRequest delete_accounting_category(const Uuid& accounting_category_id) {
    return {http::verb::delete_, make_target({"1.0", collection, id_segment(accounting_category_id)}), {}};
}

}  // namespace revolut::detail::accounting_categories
