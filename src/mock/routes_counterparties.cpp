// /api/1.0/counterparties, /counterparty/{id}, payment-method addresses, and the
// "counterparty" seed kind. Countries, field requirements and account-name validation are
// in routes_counterparties_lookup.cpp.
//
// Rules: a Revtag (or Revolut phone) counterparty gets one "revolut" account; bank details
// give one "external" account in the request's currency. GBP/GB needs account_no + sort_code,
// USD/US account_no + routing_number, AUD/AU account_no + bsb_code, anything else an IBAN
// (or account_no + bic). Sandbox test Revtags john1pvki…john9pvki only accept the names
// "Test User 1"…"Test User 9" (404 otherwise). An exact duplicate is refused with 422 (code
// 3012, params.counterparty_id). Lists are newest first, created_before exclusive.

#include "mock/counterparty_routes.hpp"
#include "mock/json_responses.hpp"
#include "mock/routes.hpp"

#include <revolut/error.hpp>

#include <boost/json/array.hpp>

#include <algorithm>
#include <cctype>
#include <utility>
#include <variant>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;
using g3::validation_error;

namespace {

constexpr std::int64_t counterparty_exists = 3012;
constexpr std::size_t max_list_limit = 1000;

Response bad_request(std::string_view message) {
    return g3::error(http::status::bad_request, validation_error, message);
}

Response not_found() {
    return g3::error(http::status::not_found, g3::not_found_code, "Resource not found");
}

std::size_t letters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return std::isalpha(u) || u >= 0xC0;
    }));
}

// --- JSON out --------------------------------------------------------------------------

void put(json::object& o, std::string_view key, const std::optional<std::string>& value) {
    if (value) o[key] = *value;
}

json::object address_json(const StoredAddress& a) {
    json::object o;
    put(o, "street_line1", a.street_line1);
    put(o, "street_line2", a.street_line2);
    put(o, "region", a.region);
    put(o, "city", a.city);
    o["country"] = a.country;
    put(o, "postcode", a.postcode);
    return o;
}

json::object account_json(const StoredCounterpartyAccount& a) {
    json::object o{{"id", a.id.to_string()}};
    put(o, "name", a.name);
    put(o, "bank_country", a.bank_country);
    o["currency"] = a.currency;
    o["type"] = a.type;
    put(o, "account_no", a.account_no);
    put(o, "iban", a.iban);
    put(o, "sort_code", a.sort_code);
    put(o, "routing_number", a.routing_number);
    put(o, "bic", a.bic);
    put(o, "clabe", a.clabe);
    put(o, "ifsc", a.ifsc);
    put(o, "bsb_code", a.bsb_code);
    put(o, "route", a.route);
    put(o, "bank_number", a.bank_number);
    put(o, "branch_code", a.branch_code);
    put(o, "account_type", a.account_type);
    put(o, "tax_id", a.tax_id);
    put(o, "national_id", a.national_id);
    put(o, "phone", a.phone);
    put(o, "business_registration_id", a.business_registration_id);
    if (a.address) o["address"] = address_json(*a.address);
    return o;
}

// Spec schema `Counterparty`; `accounts` left out when there are none, as in its examples.
json::object counterparty_json(const StoredCounterparty& c) {
    json::object o{{"id", c.id.to_string()}, {"name", c.name}};
    put(o, "revtag", c.revtag);
    put(o, "profile_type", c.profile_type);
    put(o, "country", c.country);
    o["state"] = c.state;
    o["created_at"] = format_timestamp(c.created_at);
    o["updated_at"] = format_timestamp(c.updated_at);
    if (!c.accounts.empty()) {
        json::array accounts;
        for (const auto& a : c.accounts) accounts.push_back(account_json(a));
        o["accounts"] = std::move(accounts);
    }
    return o;
}

// --- JSON in ---------------------------------------------------------------------------

// Reads the string fields named in `keys` into `out` (in order); a refusal for a non-string.
template <std::size_t N>
std::optional<Response> read_strings(const json::object& body, const std::array<std::string_view, N>& keys,
                                     std::array<std::optional<std::string>, N>& out) {
    for (std::size_t i = 0; i < N; ++i) {
        auto value = g3::read_string(body, keys[i]);
        if (auto* refusal = std::get_if<Response>(&value)) return std::move(*refusal);
        out[i] = std::get<std::optional<std::string>>(std::move(value));
    }
    return std::nullopt;
}

// The address, or what is wrong with it.
std::variant<StoredAddress, std::string> read_address(const json::value& value) {
    const auto* o = value.if_object();
    if (o == nullptr) return std::string("'address' must be an object");
    StoredAddress a;
    std::optional<std::string> country;
    const std::array<std::pair<std::string_view, std::optional<std::string>*>, 6> fields{{
        {"street_line1", &a.street_line1},
        {"street_line2", &a.street_line2},
        {"region", &a.region},
        {"city", &a.city},
        {"country", &country},
        {"postcode", &a.postcode},
    }};
    for (const auto& [key, target] : fields) {
        bool bad = false;
        *target = g3::string_field(*o, key, bad);
        if (bad) return "'address." + std::string(key) + "' must be a string";
    }
    if (!country) return std::string("Required 'country' is missing");
    if (!g3::is_country_code(*country)) return std::string("'address.country' must be an ISO 3166 country code");
    a.country = *country;
    return a;
}

// The sandbox's test Revtags and the names they belong to (pyrevolut documents them).
std::optional<Response> check_test_revtag(std::string_view revtag, std::string_view name) {
    if (revtag.size() != 9 || !revtag.starts_with("john") || !revtag.ends_with("pvki") ||
        !std::isdigit(static_cast<unsigned char>(revtag[4])) || revtag[4] == '0')
        return std::nullopt;
    if (g3::to_lower(name) != "test user " + std::string(1, revtag[4])) return not_found();
    return std::nullopt;
}

std::optional<Response> fill_bank_account(StoredCounterpartyAccount& a) {
    const std::string country = a.bank_country.value_or("");
    if (a.iban) {
        if (!g3::is_valid_iban(g3::without(*a.iban, ' '))) return bad_request(*a.iban + " is not a valid IBAN");
    } else if (a.currency == "GBP" && country == "GB") {
        if (!a.account_no || !g3::is_digits(*a.account_no, 8, 8)) return bad_request("account_no must be 8 digits");
        if (!a.sort_code || !g3::is_digits(g3::without(*a.sort_code, '-'), 6, 6))
            return bad_request("Invalid sort code: " + a.sort_code.value_or(""));
        a.sort_code = g3::without(*a.sort_code, '-');
    } else if (a.currency == "USD" && country == "US") {
        if (!a.account_no || !g3::is_digits(*a.account_no, 6, 17)) return bad_request("account_no must be 6 to 17 digits");
        if (!a.routing_number || !g3::is_digits(*a.routing_number, 9, 9))
            return bad_request("routing_number must be 9 digits");
        if (!a.route) a.route = "ach";
    } else if (a.currency == "AUD" && country == "AU") {
        if (!a.account_no || !g3::is_digits(*a.account_no, 5, 10)) return bad_request("account_no must be 5 to 10 digits");
        if (!a.bsb_code || !g3::is_digits(*a.bsb_code, 6, 6)) return bad_request("bsb_code must be 6 digits");
    } else if (a.account_no) {
        if (!a.bic) return bad_request("Required 'bic' is missing");
    } else {
        return bad_request("Required 'iban' is missing");
    }
    if (a.bank_number && a.bank_number->size() != 3) return bad_request("bank_number must be 3 characters");
    if (a.branch_code && a.branch_code->size() != 4) return bad_request("branch_code must be 4 characters");
    if (a.route && *a.route != "ach" && *a.route != "fedwire" && *a.route != "swift")
        return bad_request("route must be ach, fedwire or swift");
    if (a.account_type && *a.account_type != "checking" && *a.account_type != "savings")
        return bad_request("account_type must be checking or savings");
    if (a.tax_id && a.tax_id->size() > 20) return bad_request("tax_id must be at most 20 characters");
    if (a.phone && a.phone->size() > 20) return bad_request("phone must be at most 20 characters");
    if (a.business_registration_id && a.business_registration_id->size() > 64)
        return bad_request("business_registration_id must be at most 64 characters");
    return std::nullopt;
}

// A counterparty from a create request (ids and times set), or the refusal.
std::variant<StoredCounterparty, Response> read_counterparty(const json::object& body, Timestamp now) {
    constexpr std::array<std::string_view, 22> keys{
        "profile_type", "revtag",     "name",        "company_name",  "bank_country", "currency",
        "account_no",   "iban",       "sort_code",   "routing_number", "bic",         "clabe",
        "ifsc",         "bsb_code",   "route",       "bank_number",   "branch_code",  "account_type",
        "tax_id",       "national_id", "phone",      "business_registration_id"};
    std::array<std::optional<std::string>, 22> f;
    if (auto refusal = read_strings(body, keys, f)) return std::move(*refusal);
    auto& [profile_type, revtag, name, company_name, bank_country, currency, account_no, iban, sort_code,
           routing_number, bic, clabe, ifsc, bsb_code, route, bank_number, branch_code, account_type, tax_id,
           national_id, phone, business_registration_id] = f;

    std::optional<std::string> person;
    if (const auto* value = body.if_contains("individual_name"); value && !value->is_null()) {
        const auto* o = value->if_object();
        if (o == nullptr) return bad_request("'individual_name' must be an object");
        constexpr std::array<std::string_view, 2> parts{"first_name", "last_name"};
        std::array<std::optional<std::string>, 2> p;
        if (auto refusal = read_strings(*o, parts, p)) return std::move(*refusal);
        if (!p[0] || p[0]->empty()) return bad_request("first_name is empty");
        if (!p[1] || p[1]->empty()) return bad_request("last_name is empty");
        person = *p[0] + " " + *p[1];
    }
    const int names = (name ? 1 : 0) + (company_name ? 1 : 0) + (person ? 1 : 0);
    if (names == 0) return bad_request("name, company_name or individual_name should be provided");
    if (names > 1) return bad_request("Only one of name, company_name and individual_name may be provided");
    if (company_name && letters(*company_name) < 2) return bad_request("company_name must contain at least 2 letters");
    if (profile_type && *profile_type != "personal" && *profile_type != "business")
        return bad_request("profile_type must be personal or business");
    if (bank_country && !g3::is_country_code(*bank_country))
        return bad_request("'bank_country' must be an ISO 3166 country code");
    if (currency && !g3::is_currency_code(*currency)) return bad_request("'currency' must be an ISO 4217 code");

    StoredCounterparty c;
    c.id = Uuid::random();
    c.created_at = c.updated_at = now;
    c.profile_type = profile_type;
    StoredCounterpartyAccount account;
    account.id = Uuid::random();
    if (name) {  // a Revolut counterparty, by Revtag or phone
        if (!revtag && !phone) return bad_request("Required 'revtag' is missing");
        if (revtag) {
            if (revtag->empty()) return bad_request("'revtag' must not be empty");
            if (auto refusal = check_test_revtag(*revtag, *name)) return std::move(*refusal);
        }
        c.name = *name;
        c.revtag = revtag;
        c.country = "GB";
        if (!c.profile_type) c.profile_type = "personal";
        account.type = "revolut";
        account.currency = currency.value_or("GBP");
        account.name = "Main " + account.currency;
    } else {  // a bank account
        if (!bank_country) return bad_request("Required 'bank_country' is missing");
        if (!currency) return bad_request("Required 'currency' is missing");
        c.name = company_name ? *company_name : *person;
        if (!c.profile_type) c.profile_type = company_name ? "business" : "personal";
        account.type = "external";
        account.name = c.name;
        account.currency = *currency;
        account.bank_country = bank_country;
        account.account_no = account_no;
        account.iban = iban;
        account.sort_code = sort_code;
        account.routing_number = routing_number;
        account.bic = bic;
        account.clabe = clabe;
        account.ifsc = ifsc;
        account.bsb_code = bsb_code;
        account.route = route;
        account.bank_number = bank_number;
        account.branch_code = branch_code;
        account.account_type = account_type;
        account.tax_id = tax_id;
        account.national_id = national_id;
        account.phone = phone;
        account.business_registration_id = business_registration_id;
        if (const auto* value = body.if_contains("address"); value && !value->is_null()) {
            auto address = read_address(*value);
            if (auto* problem = std::get_if<std::string>(&address)) return bad_request(*problem);
            auto& a = std::get<StoredAddress>(address);
            if (!a.postcode) return bad_request("Required 'postcode' is missing");
            account.address = std::move(a);
        }
        if (auto refusal = fill_bank_account(account)) return std::move(*refusal);
    }
    c.accounts.push_back(std::move(account));
    return c;
}

// Stores a new counterparty, or refuses it (400, 404, or 422 for a duplicate).
std::variant<const StoredCounterparty*, Response> add_counterparty(State& state, const json::object& body,
                                                                   Timestamp now) {
    auto read = read_counterparty(body, now);
    if (auto* refusal = std::get_if<Response>(&read)) return std::move(*refusal);
    auto& candidate = std::get<StoredCounterparty>(read);
    if (const auto* existing = state.counterparties.find_duplicate(candidate)) {
        json::object error{{"code", counterparty_exists},
                           {"message", "This counterparty already exists"},
                           {"params", json::object{{"counterparty_id", existing->id.to_string()}}}};
        return json_response(http::status::unprocessable_entity, error);
    }
    return &state.counterparties.add(std::move(candidate));
}

// --- routes ------------------------------------------------------------------------------

Response create_counterparty(const RouteContext& ctx) {
    auto body = parse_json_object(ctx.request.body());
    if (!body) return bad_request("Cannot parse request: invalid JSON");
    auto added = add_counterparty(ctx.state, *body, ctx.now);
    if (auto* refusal = std::get_if<Response>(&added)) return std::move(*refusal);
    return json_response(http::status::ok, counterparty_json(*std::get<const StoredCounterparty*>(added)));
}

bool matches(const StoredCounterparty& c, const RouteContext& ctx) {
    if (auto name = ctx.query_param("name"); name && g3::to_lower(c.name).find(g3::to_lower(*name)) == std::string::npos)
        return false;
    auto account_no = ctx.query_param("account_no");
    auto sort_code = ctx.query_param("sort_code");
    auto iban = ctx.query_param("iban");
    auto bic = ctx.query_param("bic");
    if (!account_no && !iban) return true;
    return std::any_of(c.accounts.begin(), c.accounts.end(), [&](const StoredCounterpartyAccount& a) {
        if (account_no && a.account_no != *account_no) return false;
        if (sort_code && a.sort_code != g3::without(*sort_code, '-')) return false;
        if (iban && (!a.iban || g3::without(*a.iban, ' ') != g3::without(*iban, ' '))) return false;
        if (bic && a.bic != *bic) return false;
        return true;
    });
}

Response list_counterparties(const RouteContext& ctx) {
    if (ctx.query_param("sort_code") && !ctx.query_param("account_no")) {
        return g3::error(http::status::bad_request, g3::parameter_error,
                         "sort_code param can be used only combined with account_no param");
    }
    if (ctx.query_param("bic") && !ctx.query_param("iban")) {
        return g3::error(http::status::bad_request, g3::parameter_error,
                         "bic param can be used only combined with iban param");
    }
    auto page = g3::read_page_params(ctx, max_list_limit);
    if (auto* refusal = std::get_if<Response>(&page)) return std::move(*refusal);
    const auto& params = std::get<g3::PageParams>(page);

    // Newest first; among equal created_at, the later added first (a stable order).
    const auto& all = ctx.state.counterparties.all();
    std::vector<const StoredCounterparty*> selected;
    for (std::size_t i = all.size(); i-- > 0;)
        if (all[i].created_at < params.created_before && matches(all[i], ctx)) selected.push_back(&all[i]);
    std::stable_sort(selected.begin(), selected.end(),
                     [](const auto* a, const auto* b) { return a->created_at > b->created_at; });
    json::array array;
    for (std::size_t i = 0; i < selected.size() && i < params.limit; ++i)
        array.push_back(counterparty_json(*selected[i]));
    return json_response(http::status::ok, array);
}

const StoredCounterparty* find_counterparty(const RouteContext& ctx) {
    auto id = Uuid::try_parse(ctx.path_param("counterparty_id"));
    return id ? ctx.state.counterparties.find(*id) : nullptr;
}

Response get_counterparty(const RouteContext& ctx) {
    const auto* c = find_counterparty(ctx);
    if (c == nullptr) return not_found();
    return json_response(http::status::ok, counterparty_json(*c));
}

Response delete_counterparty(const RouteContext& ctx) {
    auto id = Uuid::try_parse(ctx.path_param("counterparty_id"));
    if (!id || !ctx.state.counterparties.remove(*id)) return not_found();
    return empty_response(http::status::no_content);
}

// The whole address must be given; optional fields left out keep their values.
Response update_payment_method(const RouteContext& ctx) {
    auto refuse = [](std::string_view message) {
        return g3::error_with_id(http::status::bad_request, validation_error, message);
    };
    auto id = Uuid::try_parse(ctx.path_param("counterparty_id"));
    auto method_id = Uuid::try_parse(ctx.path_param("payment_method_id"));
    auto* counterparty = id ? ctx.state.counterparties.find(*id) : nullptr;
    auto* account = counterparty && method_id ? counterparty->find_account(*method_id) : nullptr;
    if (account == nullptr)
        return g3::error_with_id(http::status::not_found, g3::not_found_code, "Resource not found");
    auto body = parse_json_object(ctx.request.body());
    if (!body) return refuse("Cannot parse request: invalid JSON");
    const auto* value = body->if_contains("address");
    if (value == nullptr || value->is_null()) return refuse("Required 'address' is missing");
    auto read = read_address(*value);
    if (auto* problem = std::get_if<std::string>(&read)) return refuse(*problem);
    auto& address = std::get<StoredAddress>(read);
    if (!address.street_line1) return refuse("Required 'street_line1' is missing");
    if (!address.city) return refuse("Required 'city' is missing");
    if (!address.postcode) return refuse("Required 'postcode' is missing");
    if (account->type != "external") return refuse("Only bank account payment methods have an address");
    if (account->address) {
        if (!address.street_line2) address.street_line2 = account->address->street_line2;
        if (!address.region) address.region = account->address->region;
    }
    account->address = std::move(address);
    counterparty->updated_at = ctx.now;
    return empty_response(http::status::no_content);
}

// seed("counterparty", {create body…, "created_at": "…"}): a counterparty created at a given
// time (pagination tests); returns it as the API shows it.
json::value seed_counterparty(State& state, const json::value& data, Timestamp now) {
    const auto* body = data.if_object();
    if (body == nullptr) throw Error(make_error_code(Errc::invalid_argument), "seed counterparty: an object");
    auto added = add_counterparty(state, *body, g3::seed_created_at(*body, now));
    if (auto* refusal = std::get_if<Response>(&added)) g3::refuse_seed("counterparty", *refusal);
    return counterparty_json(*std::get<const StoredCounterparty*>(added));
}

}  // namespace

void add_counterparties_routes(Router& router) {
    router.add(http::verb::get, "/api/1.0/counterparties", Access::bearer_token, list_counterparties);
    router.add(http::verb::post, "/api/1.0/counterparty", Access::bearer_token, create_counterparty);
    router.add(http::verb::get, "/api/1.0/counterparty/{counterparty_id}", Access::bearer_token, get_counterparty);
    router.add(http::verb::delete_, "/api/1.0/counterparty/{counterparty_id}", Access::bearer_token,
               delete_counterparty);
    router.add(http::verb::patch, "/api/1.0/counterparties/{counterparty_id}/payment-methods/{payment_method_id}",
               Access::bearer_token, update_payment_method);
    g3::add_counterparty_lookup_routes(router);
    router.add_seeder("counterparty", seed_counterparty);
}

}  // namespace revolut::mock
