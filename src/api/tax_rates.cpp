// Tax rates: request building and input validation (nothing is sent when it fails).
#include <revolut/api/tax_rates.hpp>

#include "api/accounting_common.hpp"
#include "json/exact_json.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value_from.hpp>

namespace revolut::detail::tax_rates {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;
using api::accounting::check_length;
using api::accounting::invalid;

namespace {

// The spec's rules: names of 1..20 characters, created percentages within 0..100.
constexpr std::size_t max_name_chars = 20;

constexpr std::string_view collection = "tax-rates";

std::string id_segment(const Uuid& id) { return api::accounting::id_segment(id, "tax_rate_id"); }

}  // namespace

ApiRequest create_tax_rate(const std::string& name, const Decimal& percentage) {
    check_length("name", name, max_name_chars);
    static const Decimal min_percentage{0};
    static const Decimal max_percentage{100};
    if (percentage < min_percentage || percentage > max_percentage)
        invalid("percentage must be between 0 and 100, got " + percentage.to_string());
    json::object body{{"name", name}};
    body["percentage"] = json::value_from(percentage);  // exact digits, never a double
    return {http::verb::post, make_target({"1.0", collection}), serialize_json_exact(body)};
}

ApiRequest get_all_tax_rates(std::optional<int> limit, const std::optional<std::string>& page_token) {
    return {http::verb::get, make_target({"1.0", collection}, api::accounting::cursor_query(limit, page_token)), {}};
}

ApiRequest get_tax_rate(const Uuid& tax_rate_id) {
    return {http::verb::get, make_target({"1.0", collection, id_segment(tax_rate_id)}), {}};
}

ApiRequest update_tax_rate(const Uuid& tax_rate_id, const std::string& name) {
    check_length("name", name, max_name_chars);
    json::object body{{"name", name}};
    return {http::verb::patch, make_target({"1.0", collection, id_segment(tax_rate_id)}), serialize_json_exact(body)};
}

ApiRequest delete_tax_rate(const Uuid& tax_rate_id) {
    return {http::verb::delete_, make_target({"1.0", collection, id_segment(tax_rate_id)}), {}};
}

}  // namespace revolut::detail::tax_rates
