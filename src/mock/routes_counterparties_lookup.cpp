// Counterparty look-ups that store nothing: supported countries, field requirements (small
// fixed tables shaped like the spec's examples) and account-name validation (CoP/VoP).
//
// Account-name validation answers deterministically from the name given:
//   - a name containing "unavailable"  -> temporarily_unavailable
//   - a name containing "unknown"      -> not_matched (reason not_matched)
//   - UK account number 00000000       -> not_matched (reason account_does_not_exist)
//   - an IBAN check for a currency other than EUR (or RON in RO) -> cannot_be_checked
//     (reason not_supported)
//   - otherwise the account holder's name is the given one with every word capitalised:
//     given exactly -> matched, given in another case -> close_match with the holder's name.
//   - UK only: a company_name without a company suffix (Ltd, Co., Inc, GmbH, UAB …) belongs to
//     an individual, an individual_name whose last name ends with one belongs to a company:
//     close_match with reason individual_/company_account_name_matched (…_close_match when
//     the case differs too).
//   - RO answers with a partial name ("Alexandru I.", "Rodri**** SA").

#include "mock/counterparty_routes.hpp"
#include "mock/json_responses.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

namespace revolut::mock::g3 {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

// --- countries and field requirements ---------------------------------------------------

struct CountryCurrencies {
    std::string_view country;
    std::vector<std::string_view> currencies;
};

const std::vector<CountryCurrencies>& supported_countries() {
    static const std::vector<CountryCurrencies> table{
        {"GB", {"GBP", "EUR"}}, {"US", {"USD"}},        {"DE", {"EUR"}}, {"FR", {"EUR"}},
        {"LT", {"EUR"}},        {"RO", {"RON", "EUR"}}, {"CH", {"CHF", "EUR"}}, {"AU", {"AUD"}},
    };
    return table;
}

Response countries(const RouteContext&) {
    json::array list;
    for (const auto& entry : supported_countries()) {
        json::array currencies;
        for (auto c : entry.currencies) currencies.emplace_back(c);
        list.push_back(json::object{{"country", entry.country}, {"currencies", std::move(currencies)}});
    }
    return json_response(http::status::ok, json::object{{"countries", std::move(list)}});
}

json::object field(std::string_view name, bool required, std::string_view pattern = {},
                   std::string_view description = {}) {
    json::object o{{"name", name}, {"required", required}};
    if (!pattern.empty()) o["regex"] = json::object{{"pattern", pattern}, {"description", description}};
    return o;
}

Response requirements(const RouteContext& ctx) {
    auto country = ctx.query_param("country");
    auto currency = ctx.query_param("currency");
    auto type = ctx.query_param("recipient_type");
    if (!country || !currency || !type || !is_country_code(*country) || !is_currency_code(*currency) ||
        (*type != "personal" && *type != "business")) {
        return error_with_id(http::status::bad_request, parameter_error,
                             "Invalid request (missing or invalid query parameters)");
    }
    const auto& table = supported_countries();
    auto entry = std::find_if(table.begin(), table.end(), [&](const auto& e) { return e.country == *country; });
    if (entry == table.end()) return error_with_id(http::status::not_found, not_found_code, "Resource not found");
    if (std::find(entry->currencies.begin(), entry->currencies.end(), *currency) == entry->currencies.end())
        return error_with_id(http::status::unprocessable_entity, 4030, "Currency for country is not supported");

    const bool us = *country == "US";
    auto route = ctx.query_param("route");
    if (route && (!us || (*route != "ach" && *route != "fedwire" && *route != "swift")))
        return error_with_id(http::status::bad_request, parameter_error, "route is not supported for this corridor");

    json::array fields;
    if (*type == "personal") {
        fields.push_back(field("first_name", true, R"(^[-'\p{L} ]{1,40}$)",
                               "Letters, hyphens and apostrophes only, up to 40 characters"));
        fields.push_back(field("last_name", true, R"(^[-'\p{L} ]{1,40}$)",
                               "Letters, hyphens and apostrophes only, up to 40 characters"));
    } else {
        fields.push_back(field("company_name", true, R"(^.{1,140}$)", "Up to 140 characters"));
    }
    if (*country == "GB" && *currency == "GBP") {
        fields.push_back(field("sort_code", true, R"(^\d{6}$)", "6-digit number"));
        fields.push_back(field("account_no", true, R"(^\d{8}$)", "8-digit number"));
        fields.push_back(field("address", true));
    } else if (us) {
        json::object route_field{{"name", "route"}, {"required", true}};
        json::array options;
        options.push_back(json::object{{"value", "ach"}, {"default", true}});
        options.push_back(json::object{{"value", "fedwire"}});
        options.push_back(json::object{{"value", "swift"}});
        route_field["options"] = std::move(options);
        fields.push_back(std::move(route_field));
        if (route && *route == "swift") {
            fields.push_back(field("bic", true, R"(^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$)", "8 or 11 characters"));
        } else {
            fields.push_back(field("routing_number", true, R"(^\d{9}$)", "9-digit number"));
        }
        fields.push_back(field("account_no", true, R"(^\d{6,17}$)", "6 to 17 digits"));
        fields.push_back(field("address", true));
    } else if (*country == "AU") {
        fields.push_back(field("bsb_code", true, R"(^\d{6}$)", "6-digit number"));
        fields.push_back(field("account_no", true, R"(^\d{5,10}$)", "5 to 10 digits"));
    } else {
        const bool outside_eea = *country == "CH" || *country == "GB";
        fields.push_back(field("iban", true, R"(^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$)", "IBAN"));
        fields.push_back(field("bic", outside_eea, R"(^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$)", "8 or 11 characters"));
        fields.push_back(field("address", outside_eea));
    }
    return json_response(http::status::ok, json::object{{"fields", std::move(fields)}});
}

// --- account-name validation -----------------------------------------------------------

Response bad(std::string_view message) {
    return error(http::status::bad_request, validation_error, message);
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (c == ' ') {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            word.push_back(c);
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

std::string join(const std::vector<std::string>& parts, std::size_t from = 0) {
    std::string out;
    for (std::size_t i = from; i < parts.size(); ++i) {
        if (!out.empty()) out += ' ';
        out += parts[i];
    }
    return out;
}

// The holder's name as the emulated bank has it: every word capitalised, single spaces.
std::string holder_name(std::string_view given) {
    auto parts = words(given);
    for (auto& w : parts) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    return join(parts);
}

bool is_company_name(std::string_view name) {
    static constexpr std::array<std::string_view, 18> suffixes{
        "ltd", "limited", "co", "inc", "llc", "plc", "gmbh", "sarl", "sa", "srl",
        "uab", "pty", "ag", "bv", "llp", "corp", "company", "group"};
    for (auto& w : words(name)) {
        std::string plain = to_lower(w);
        while (!plain.empty() && (plain.back() == '.' || plain.back() == ',')) plain.pop_back();
        if (std::find(suffixes.begin(), suffixes.end(), plain) != suffixes.end()) return true;
    }
    return false;
}

enum class Region { uk, eur, ro, au };

json::object individual_json(const std::string& full_name) {
    auto parts = words(full_name);
    return {{"first_name", parts.empty() ? std::string() : parts[0]}, {"last_name", join(parts, 1)}};
}

// The name as the API returns it: RO masks part of it.
void put_name(json::object& out, Region region, bool company, const std::string& name) {
    if (company) {
        std::string shown = name;
        if (region == Region::ro) {
            auto parts = words(name);
            if (!parts.empty() && parts[0].size() > 5) parts[0] = parts[0].substr(0, 5) + "****";
            shown = join(parts);
        }
        out["company_name"] = shown;
        return;
    }
    json::object person = individual_json(name);
    if (region == Region::ro) {
        std::string last(person["last_name"].as_string());
        if (!last.empty()) person["last_name"] = std::string(1, last[0]) + ".";
    }
    out["individual_name"] = std::move(person);
}

Response validate_account_name(const RouteContext& ctx) {
    auto body = parse_json_object(ctx.request.body());
    if (!body) return bad("Cannot parse request: invalid JSON");
    auto text = [&](std::string_view key) {
        bool wrong = false;
        return string_field(*body, key, wrong);
    };
    Region region = Region::uk;
    auto reason_type = "uk_cop";
    auto account_no = text("account_no");
    if (auto sort_code = text("sort_code")) {
        region = Region::uk;
        std::string plain = *sort_code;
        std::erase(plain, '-');
        if (!is_digits(plain, 6, 6)) return bad("Invalid sort code: " + *sort_code);
        if (!account_no || !is_digits(*account_no, 8, 8)) return bad("Invalid account number: " + account_no.value_or(""));
    } else if (auto bsb = text("bsb")) {
        region = Region::au;
        reason_type = "au_cop";
        if (!is_digits(*bsb, 6, 6)) return bad("Invalid BSB: " + *bsb);
        if (!account_no || !is_digits(*account_no, 5, 10)) return bad("Invalid account number: " + account_no.value_or(""));
    } else if (auto iban = text("iban")) {
        reason_type = "eu_cop";
        std::string plain = *iban;
        std::erase(plain, ' ');
        if (!is_valid_iban(plain)) return bad(*iban + " is not a valid IBAN");
        auto country = text("recipient_country");
        auto currency = text("recipient_currency");
        if (!country || !is_country_code(*country)) return bad("Required 'recipient_country' is missing");
        if (!currency || !is_currency_code(*currency)) return bad("Required 'recipient_currency' is missing");
        region = *country == "RO" ? Region::ro : Region::eur;
        if (!(*currency == "EUR" || (*currency == "RON" && *country == "RO"))) {
            json::object out{{"result_code", "cannot_be_checked"},
                             {"reason", json::object{{"code", "not_supported"}}}};
            return json_response(http::status::ok, out);
        }
    } else {
        return bad("Account details (sort_code and account_no, iban, or bsb and account_no) should be provided");
    }

    auto company = text("company_name");
    std::optional<std::string> person;
    if (const auto* value = body->if_contains("individual_name"); value && value->is_object()) {
        bool wrong = false;
        auto first = string_field(value->get_object(), "first_name", wrong);
        auto last = string_field(value->get_object(), "last_name", wrong);
        if (!first || first->empty()) return bad("first_name is empty");
        if (!last || last->empty()) return bad("last_name is empty");
        person = *first + " " + *last;
    }
    if (company.has_value() == person.has_value()) return bad("company_name or individual_name should be provided");
    const bool asked_company = company.has_value();
    const std::string given = join(words(asked_company ? *company : *person));
    const std::string name_lower = to_lower(given);

    json::object out;
    auto reason = [&](std::string_view code) { return json::object{{"type", reason_type}, {"code", code}}; };
    if (name_lower.find("unavailable") != std::string::npos) {
        out["result_code"] = "temporarily_unavailable";
    } else if (region == Region::uk && *account_no == "00000000") {
        out["result_code"] = "not_matched";
        out["reason"] = reason("account_does_not_exist");
    } else if (name_lower.find("unknown") != std::string::npos) {
        out["result_code"] = "not_matched";
        out["reason"] = reason("not_matched");
        put_name(out, region, asked_company, given);
    } else {
        const std::string holder = holder_name(given);
        const bool same_case = holder == given;
        // UK CoP also tells when the account type is not the one asked for.
        const bool holder_is_company = region == Region::uk ? is_company_name(holder) : asked_company;
        if (holder_is_company != asked_company) {
            out["result_code"] = "close_match";
            out["reason"] = reason(std::string(holder_is_company ? "company" : "individual") +
                                   (same_case ? "_account_name_matched" : "_account_close_match"));
        } else if (!same_case) {
            out["result_code"] = "close_match";
            out["reason"] = reason("close_match");
        } else {
            out["result_code"] = "matched";
        }
        put_name(out, region, holder_is_company, holder);
    }
    return json_response(http::status::ok, out);
}

}  // namespace

void add_counterparty_lookup_routes(Router& router) {
    router.add(http::verb::get, "/api/1.0/counterparties/countries", Access::bearer_token, countries);
    router.add(http::verb::get, "/api/1.0/counterparties/fields", Access::bearer_token, requirements);
    router.add(http::verb::post, "/api/1.0/account-name-validation", Access::bearer_token, validate_account_name);
}

}  // namespace revolut::mock::g3
