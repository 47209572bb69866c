// Accounting categories (/api/1.0/accounting-categories…) and tax rates
// (/api/1.0/tax-rates…): create (201 {id}), cursor-paged lists, get, update (204) and delete
// (204), with the specs' validation messages, 409 duplicates and ErrorWithId bodies.

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"
#include "mock/routes_accounting_shared.hpp"

#include "json/exact_json.hpp"

#include <boost/json/value_from.hpp>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;
using namespace accounting_http;

namespace {

constexpr std::int64_t category_name_exists = 3503;
constexpr std::int64_t category_code_exists = 3504;
constexpr std::int64_t tax_rate_name_exists = 3505;

constexpr std::size_t max_category_name = 60;
constexpr std::size_t max_category_code = 50;
constexpr std::size_t max_tax_rate_name = 20;

constexpr std::string_view categories_scope = "accounting-categories";
constexpr std::string_view tax_rates_scope = "tax-rates";

Response conflict(std::int64_t code, std::string message) {
    return error_with_id(http::status::conflict, code, message);
}

Response created(const Uuid& id) { return json_response(http::status::created, json::object{{"id", id.to_string()}}); }

json::object category_json(const StoredAccountingCategory& category) {
    json::object o{{"id", category.id.to_string()},
                   {"name", category.name},
                   {"code", category.code},
                   {"created_at", format_timestamp(category.created_at)},
                   {"updated_at", format_timestamp(category.updated_at)}};
    if (category.default_tax_rate_id) o["default_tax_rate_id"] = category.default_tax_rate_id->to_string();
    return o;
}

json::object tax_rate_json(const StoredTaxRate& rate) {
    return json::object{{"id", rate.id.to_string()},
                        {"name", rate.name},
                        {"created_at", format_timestamp(rate.created_at)},
                        {"updated_at", format_timestamp(rate.updated_at)},
                        {"percentage", json::value_from(rate.percentage)}};
}

// `default_tax_rate_id`: a UUID of an existing tax rate. Absent: nullopt; null: a nil Uuid
// (clears it on update).
std::variant<std::optional<Uuid>, Response> read_default_tax_rate(const RouteContext& ctx, const json::object& body) {
    const auto* value = body.if_contains("default_tax_rate_id");
    if (value == nullptr) return std::optional<Uuid>{};
    if (value->is_null()) return std::optional<Uuid>{Uuid{}};
    const auto* text = plain_string(*value);
    auto id = text ? Uuid::try_parse(*text) : std::nullopt;
    if (!id) return bad_request("'default_tax_rate_id' must be a valid UUID");
    // Not documented by the spec; a reference to a missing tax rate is a business-rule refusal.
    if (ctx.state.accounting.find_tax_rate(*id) == nullptr) {
        return error_with_id(http::status::unprocessable_entity, invalid_request,
                             "Tax rate with id " + id->to_string() + " not found");
    }
    return id;
}

Response create_category(const RouteContext& ctx) {
    auto body = read_body(ctx, false);
    if (auto* refusal = std::get_if<Response>(&body)) return std::move(*refusal);
    const auto& o = std::get<json::object>(body);
    auto name = read_text(o, "name", max_category_name, true);
    if (auto* refusal = std::get_if<Response>(&name)) return std::move(*refusal);
    auto code = read_text(o, "code", max_category_code, true);
    if (auto* refusal = std::get_if<Response>(&code)) return std::move(*refusal);
    auto tax_rate = read_default_tax_rate(ctx, o);
    if (auto* refusal = std::get_if<Response>(&tax_rate)) return std::move(*refusal);

    auto& store = ctx.state.accounting;
    const auto& name_text = *std::get<0>(name);
    const auto& code_text = *std::get<0>(code);
    if (store.category_named(name_text)) {
        return conflict(category_name_exists, "Category with name " + name_text + " already exists");
    }
    if (store.category_with_code(code_text)) {
        return conflict(category_code_exists, "Category with code " + code_text + " already exists");
    }
    auto default_tax_rate = std::get<0>(tax_rate);
    if (default_tax_rate && default_tax_rate->is_nil()) default_tax_rate.reset();
    return created(store.add_category(name_text, code_text, default_tax_rate, ctx.now).id);
}

Response list_categories(const RouteContext& ctx) {
    auto request = read_page_request(ctx, categories_scope);
    if (auto* refusal = std::get_if<Response>(&request)) return std::move(*refusal);
    return json_response(http::status::ok, page_json(ctx.state.accounting.categories(), std::get<PageRequest>(request),
                                                     categories_scope, "accounting_categories", category_json));
}

// The `{accounting_category_id}` category, or the 400/404 to answer.
std::variant<StoredAccountingCategory*, Response> find_category(const RouteContext& ctx) {
    auto id = path_id(ctx, "accounting_category_id");
    if (auto* refusal = std::get_if<Response>(&id)) return std::move(*refusal);
    auto* category = ctx.state.accounting.find_category(std::get<Uuid>(id));
    if (category == nullptr) return not_found("Accounting category", std::get<Uuid>(id).to_string());
    return category;
}

Response get_category(const RouteContext& ctx) {
    auto found = find_category(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    return json_response(http::status::ok, category_json(*std::get<StoredAccountingCategory*>(found)));
}

// Only the fields present change; name and code cannot be cleared (422), the default tax
// rate can (null).
Response update_category(const RouteContext& ctx) {
    auto found = find_category(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    auto& category = *std::get<StoredAccountingCategory*>(found);
    auto body = read_body(ctx, true);
    if (auto* refusal = std::get_if<Response>(&body)) return std::move(*refusal);
    const auto& o = std::get<json::object>(body);
    for (auto key : {"name", "code"}) {
        if (const auto* value = o.if_contains(key); value && value->is_null()) {
            return error_with_id(http::status::unprocessable_entity, invalid_request, "Invalid request");
        }
    }
    auto name = read_text(o, "name", max_category_name, false);
    if (auto* refusal = std::get_if<Response>(&name)) return std::move(*refusal);
    auto code = read_text(o, "code", max_category_code, false);
    if (auto* refusal = std::get_if<Response>(&code)) return std::move(*refusal);
    auto tax_rate = read_default_tax_rate(ctx, o);
    if (auto* refusal = std::get_if<Response>(&tax_rate)) return std::move(*refusal);

    auto& store = ctx.state.accounting;
    const auto& new_name = std::get<0>(name);
    const auto& new_code = std::get<0>(code);
    if (new_name && store.category_named(*new_name, category.id)) {
        return conflict(category_name_exists, "Category with name " + *new_name + " already exists");
    }
    if (new_code && store.category_with_code(*new_code, category.id)) {
        return conflict(category_code_exists, "Category with code " + *new_code + " already exists");
    }
    if (new_name) category.name = *new_name;
    if (new_code) category.code = *new_code;
    if (const auto& rate = std::get<0>(tax_rate)) {
        category.default_tax_rate_id = rate->is_nil() ? std::nullopt : std::optional<Uuid>(*rate);
    }
    category.updated_at = ctx.now;
    return empty_response(http::status::no_content);
}

Response delete_category(const RouteContext& ctx) {
    auto id = path_id(ctx, "accounting_category_id");
    if (auto* refusal = std::get_if<Response>(&id)) return std::move(*refusal);
    if (!ctx.state.accounting.remove_category(std::get<Uuid>(id))) {
        return not_found("Accounting category", std::get<Uuid>(id).to_string());
    }
    return empty_response(http::status::no_content);
}

// `percentage`: required, a number within 0..100 (negative rates only come from integrations).
std::variant<Decimal, Response> read_percentage(const json::object& body) {
    const auto* value = body.if_contains("percentage");
    if (value == nullptr || value->is_null()) return bad_request("'percentage' is required");
    auto percentage = decimal_from_json(*value);
    if (!percentage) return bad_request("'percentage' must be a number");
    if (percentage->signum() < 0) return bad_request("'percentage' must be at least 0");
    if (*percentage > Decimal(100)) return bad_request("'percentage' must be at most 100");
    return *percentage;
}

Response create_tax_rate(const RouteContext& ctx) {
    auto body = read_body(ctx, false);
    if (auto* refusal = std::get_if<Response>(&body)) return std::move(*refusal);
    const auto& o = std::get<json::object>(body);
    auto name = read_text(o, "name", max_tax_rate_name, true);
    if (auto* refusal = std::get_if<Response>(&name)) return std::move(*refusal);
    auto percentage = read_percentage(o);
    if (auto* refusal = std::get_if<Response>(&percentage)) return std::move(*refusal);

    auto& store = ctx.state.accounting;
    const auto& name_text = *std::get<0>(name);
    if (store.tax_rate_named(name_text)) {
        return conflict(tax_rate_name_exists, "Tax rate with name " + name_text + " already exists");
    }
    return created(store.add_tax_rate(name_text, std::get<Decimal>(percentage), ctx.now).id);
}

Response list_tax_rates(const RouteContext& ctx) {
    auto request = read_page_request(ctx, tax_rates_scope);
    if (auto* refusal = std::get_if<Response>(&request)) return std::move(*refusal);
    return json_response(http::status::ok, page_json(ctx.state.accounting.tax_rates(), std::get<PageRequest>(request),
                                                     tax_rates_scope, "tax_rates", tax_rate_json));
}

std::variant<StoredTaxRate*, Response> find_tax_rate(const RouteContext& ctx) {
    auto id = path_id(ctx, "tax_rate_id");
    if (auto* refusal = std::get_if<Response>(&id)) return std::move(*refusal);
    auto* rate = ctx.state.accounting.find_tax_rate(std::get<Uuid>(id));
    if (rate == nullptr) return not_found("Tax rate", std::get<Uuid>(id).to_string());
    return rate;
}

Response get_tax_rate(const RouteContext& ctx) {
    auto found = find_tax_rate(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    return json_response(http::status::ok, tax_rate_json(*std::get<StoredTaxRate*>(found)));
}

// Only the name can change (UpdateTaxRateRequest).
Response update_tax_rate(const RouteContext& ctx) {
    auto found = find_tax_rate(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    auto& rate = *std::get<StoredTaxRate*>(found);
    auto body = read_body(ctx, true);
    if (auto* refusal = std::get_if<Response>(&body)) return std::move(*refusal);
    const auto& o = std::get<json::object>(body);
    if (const auto* value = o.if_contains("name"); value && value->is_null()) {
        return error_with_id(http::status::unprocessable_entity, invalid_request, "Invalid request");
    }
    auto name = read_text(o, "name", max_tax_rate_name, true);
    if (auto* refusal = std::get_if<Response>(&name)) return std::move(*refusal);
    const auto& new_name = *std::get<0>(name);
    if (ctx.state.accounting.tax_rate_named(new_name, rate.id)) {
        return conflict(tax_rate_name_exists, "Tax rate with name " + new_name + " already exists");
    }
    rate.name = new_name;
    rate.updated_at = ctx.now;
    return empty_response(http::status::no_content);
}

Response delete_tax_rate(const RouteContext& ctx) {
    auto id = path_id(ctx, "tax_rate_id");
    if (auto* refusal = std::get_if<Response>(&id)) return std::move(*refusal);
    if (!ctx.state.accounting.remove_tax_rate(std::get<Uuid>(id))) {
        return not_found("Tax rate", std::get<Uuid>(id).to_string());
    }
    return empty_response(http::status::no_content);
}

}  // namespace

void add_accounting_routes(Router& router) {
    constexpr std::string_view categories = "/api/1.0/accounting-categories";
    constexpr std::string_view category = "/api/1.0/accounting-categories/{accounting_category_id}";
    router.add(http::verb::post, categories, Access::bearer_token, create_category);
    router.add(http::verb::get, categories, Access::bearer_token, list_categories);
    router.add(http::verb::get, category, Access::bearer_token, get_category);
    router.add(http::verb::patch, category, Access::bearer_token, update_category);
    router.add(http::verb::delete_, category, Access::bearer_token, delete_category);

    constexpr std::string_view rates = "/api/1.0/tax-rates";
    constexpr std::string_view rate = "/api/1.0/tax-rates/{tax_rate_id}";
    router.add(http::verb::post, rates, Access::bearer_token, create_tax_rate);
    router.add(http::verb::get, rates, Access::bearer_token, list_tax_rates);
    router.add(http::verb::get, rate, Access::bearer_token, get_tax_rate);
    router.add(http::verb::patch, rate, Access::bearer_token, update_tax_rate);
    router.add(http::verb::delete_, rate, Access::bearer_token, delete_tax_rate);
}

}  // namespace revolut::mock
