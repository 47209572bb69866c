// /api/1.0/expenses…: list (newest expense_date first; `from` inclusive, `to` exclusive and
// defaulting to now, `count` 1..500, `state` and `transaction_type` filters), get one, and
// download a receipt (its bytes with their own Content-Type, not JSON).
//
// Seeder "expense" (mock::Server::seed), the only way expenses appear:
//   {"expense_date": "2024-09-13T18:47:01.782Z",           (required)
//    "state": "approved", "transaction_type": "card_payment",  (defaults: missing_info, card_payment)
//    "spent_amount": {"amount": "24.38", "currency": "GBP"},   (required; amounts as strings
//                                                             or integers: never binary doubles)
//    "id", "description", "submitted_at", "completed_at", "payer", "merchant", "transaction_id",
//    "splits": [{"amount": {…}, "category": {"name", "code"?, "id"?},
//                "tax_rate": {"name", "percentage"?, "id"?}}],   (default: one split, the whole amount)
//    "labels": {"Department": ["HR"]},
//    "receipts": [{"content_type": "application/pdf", "content": "…" | "content_base64": "…"}]}
// and returns the expense as GET returns it (receipt_ids included).

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"

#include "crypto/base64.hpp"
#include "json/exact_json.hpp"

#include <revolut/error.hpp>
#include <revolut/money.hpp>

#include <boost/beast/http/field.hpp>
#include <boost/json/value_from.hpp>

#include <array>
#include <charconv>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::int64_t parameter_error = 2101;
constexpr std::int64_t not_found_code = 3006;
constexpr std::size_t default_count = 100;
constexpr std::size_t max_count = 500;
constexpr std::array<std::string_view, 8> expense_states{"missing_info",     "awaiting_review", "rejected",
                                                         "pending_reimbursement", "refund_requested", "refunded",
                                                         "approved",         "reverted"};
constexpr std::array<std::string_view, 7> transaction_types{"atm",      "card_payment", "fee",        "transfer",
                                                            "external", "mileage_reimbursement", "rev_payment"};

Response bad_request(std::string_view message) {
    return error_response(http::status::bad_request, parameter_error, message);
}

template <std::size_t N>
std::optional<Response> read_choice(const RouteContext& ctx, std::string_view name,
                                    const std::array<std::string_view, N>& allowed, std::optional<std::string>& out) {
    out = ctx.query_param(name);
    if (out && std::find(allowed.begin(), allowed.end(), *out) == allowed.end())
        return bad_request("Invalid value for parameter " + std::string(name) + ": " + *out);
    return std::nullopt;
}

std::optional<Response> read_time(const RouteContext& ctx, std::string_view name, std::optional<Timestamp>& out) {
    if (auto text = ctx.query_param(name)) {
        out = try_parse_timestamp(*text);
        if (!out) return bad_request("Parameter " + std::string(name) + " must be a valid timestamp");
    }
    return std::nullopt;
}

Response list_expenses(const RouteContext& ctx) {
    std::optional<Timestamp> from, to;
    if (auto error = read_time(ctx, "from", from)) return std::move(*error);
    if (auto error = read_time(ctx, "to", to)) return std::move(*error);
    std::size_t count = default_count;
    if (auto text = ctx.query_param("count")) {
        const char* end = text->data() + text->size();
        auto [ptr, ec] = std::from_chars(text->data(), end, count);
        if (ec != std::errc{} || ptr != end || count < 1 || count > max_count)
            return bad_request("Parameter count must be a valid integer in range: [1, 500].");
    }
    std::optional<std::string> state, type;
    if (auto error = read_choice(ctx, "state", expense_states, state)) return std::move(*error);
    if (auto error = read_choice(ctx, "transaction_type", transaction_types, type)) return std::move(*error);
    json::array array;
    for (const auto* expense : ctx.state.expenses.list(from, to.value_or(ctx.now), count, state, type))
        array.push_back(expense->json);
    return json_response(http::status::ok, array);
}

std::variant<const StoredExpense*, Response> find_expense(const RouteContext& ctx) {
    auto text = ctx.path_param("expense_id");
    auto id = Uuid::try_parse(text);
    if (!id) return bad_request("Invalid path parameter 'expense_id': expected UUID");
    const auto* expense = ctx.state.expenses.find(*id);
    if (!expense) return error_response(http::status::not_found, not_found_code, "Expense '" + std::string(text) + "' not found");
    return expense;
}

Response get_expense(const RouteContext& ctx) {
    auto found = find_expense(ctx);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    return json_response(http::status::ok, std::get<const StoredExpense*>(found)->json);
}

Response get_receipt(const RouteContext& ctx) {
    auto found = find_expense(ctx);
    if (auto* response = std::get_if<Response>(&found)) return std::move(*response);
    const auto& expense = *std::get<const StoredExpense*>(found);
    auto receipt_text = ctx.path_param("receipt_id");
    auto receipt_id = Uuid::try_parse(receipt_text);
    auto it = std::find_if(expense.receipts.begin(), expense.receipts.end(),
                           [&](const StoredReceipt& r) { return receipt_id && r.id == *receipt_id; });
    if (it == expense.receipts.end())
        return error_response(http::status::not_found, not_found_code,
                              "Receipt '" + std::string(receipt_text) + "' for expense '" + expense.id.to_string() +
                                  "' not found");
    Response response{http::status::ok, 11};
    response.set(http::field::content_type, it->content_type);
    response.body() = it->content;
    return response;
}

// ---- Seeding ----

[[noreturn]] void seed_error(const std::string& what) {
    throw Error(make_error_code(Errc::invalid_argument), "expense seed: " + what);
}

std::optional<std::string> text_field(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    if (!v || v->is_null()) return std::nullopt;
    if (!v->is_string()) seed_error("'" + std::string(key) + "' must be a string");
    return std::string(v->get_string());
}

// An exact number: an integer, an exact number or decimal text (a double is refused).
json::value exact_number(const json::value& raw, std::string_view what) {
    auto number = decimal_from_json(raw);
    if (!number && raw.is_string()) number = Decimal::try_parse(raw.get_string());
    if (!number) seed_error(std::string(what) + " must be exact: an integer or decimal text");
    return json::value_from(*number);
}

json::object amount_json(const json::value& v, std::string_view what) {
    const auto* o = v.if_object();
    if (!o || !o->contains("amount")) seed_error(std::string(what) + " needs amount and currency");
    auto currency = text_field(*o, "currency");
    if (!currency) seed_error(std::string(what) + " needs a currency");
    return {{"amount", exact_number(o->at("amount"), what)}, {"currency", *currency}};
}

// A category or tax rate: {id (default: new), name, code or percentage}.
json::object named_json(const json::value& v, std::string_view what) {
    const auto* o = v.if_object();
    if (!o) seed_error(std::string(what) + " must be an object");
    auto name = text_field(*o, "name");
    if (!name) seed_error(std::string(what) + " needs a name");
    json::object out{{"id", text_field(*o, "id").value_or(Uuid::random().to_string())}, {"name", *name}};
    if (auto code = text_field(*o, "code")) out["code"] = *code;
    if (const auto* p = o->if_contains("percentage"); p && !p->is_null())
        out["percentage"] = exact_number(*p, "percentage");
    return out;
}

json::array splits_json(const json::object& data, const json::object& spent) {
    const auto* given = data.if_contains("splits");
    if (!given || given->is_null()) return json::array{json::object{{"amount", spent}}};
    if (!given->is_array()) seed_error("'splits' must be an array");
    json::array splits;
    for (const auto& s : given->get_array()) {
        if (!s.is_object() || !s.get_object().contains("amount")) seed_error("each split needs an amount");
        json::object split{{"amount", amount_json(s.at("amount"), "split")}};
        if (const auto* c = s.get_object().if_contains("category")) split["category"] = named_json(*c, "category");
        if (const auto* t = s.get_object().if_contains("tax_rate")) split["tax_rate"] = named_json(*t, "tax_rate");
        splits.push_back(std::move(split));
    }
    return splits;
}

json::object labels_json(const json::object& data) {
    json::object labels;
    const auto* given = data.if_contains("labels");
    if (!given || given->is_null()) return labels;
    if (!given->is_object()) seed_error("'labels' must be an object");
    for (const auto& [group, label] : given->get_object())
        labels[group] = label.is_string() ? json::array{label} : label;
    return labels;
}

std::vector<StoredReceipt> receipts_of(const json::object& data) {
    std::vector<StoredReceipt> receipts;
    const auto* given = data.if_contains("receipts");
    if (!given || given->is_null()) return receipts;
    if (!given->is_array()) seed_error("'receipts' must be an array");
    for (const auto& r : given->get_array()) {
        if (!r.is_object()) seed_error("each receipt must be an object");
        StoredReceipt receipt{Uuid::random(), text_field(r.get_object(), "content_type").value_or("application/pdf"), {}};
        if (auto base64 = text_field(r.get_object(), "content_base64")) {
            auto bytes = detail::base64_decode(*base64);
            if (!bytes) seed_error("content_base64 is not base64");
            receipt.content = std::move(*bytes);
        } else {
            receipt.content = text_field(r.get_object(), "content").value_or("");
        }
        receipts.push_back(std::move(receipt));
    }
    return receipts;
}

json::value seed_expense(State& state, const json::value& data, Timestamp) {
    if (!data.is_object()) seed_error("data must be a JSON object");
    const auto& o = data.get_object();
    StoredExpense expense;
    auto id = text_field(o, "id");
    expense.id = id ? Uuid(*id) : Uuid::random();
    auto date = text_field(o, "expense_date");
    if (!date) seed_error("expense_date is required");
    expense.expense_date = parse_timestamp(*date);
    expense.state = text_field(o, "state").value_or("missing_info");
    expense.transaction_type = text_field(o, "transaction_type").value_or("card_payment");
    if (!o.contains("spent_amount")) seed_error("spent_amount is required");
    const auto spent = amount_json(o.at("spent_amount"), "spent_amount");
    expense.receipts = receipts_of(o);

    auto& out = expense.json;
    out["id"] = expense.id.to_string();
    out["state"] = expense.state;
    out["transaction_type"] = expense.transaction_type;
    for (auto key : {"description", "payer", "merchant", "transaction_id"})
        if (auto text = text_field(o, key)) out[key] = *text;
    for (auto key : {"submitted_at", "completed_at"})
        if (auto text = text_field(o, key)) out[key] = format_timestamp(parse_timestamp(*text));
    out["expense_date"] = format_timestamp(expense.expense_date);
    out["splits"] = splits_json(o, spent);
    out["labels"] = labels_json(o);
    json::array receipt_ids;
    for (const auto& r : expense.receipts) receipt_ids.emplace_back(r.id.to_string());
    out["receipt_ids"] = std::move(receipt_ids);
    out["spent_amount"] = spent;
    if (state.expenses.find(expense.id)) seed_error("an expense with this id exists");
    return state.expenses.add(std::move(expense)).json;
}

}  // namespace

void add_expenses_routes(Router& router) {
    router.add(http::verb::get, "/api/1.0/expenses", Access::bearer_token, list_expenses);
    router.add(http::verb::get, "/api/1.0/expenses/{expense_id}", Access::bearer_token, get_expense);
    router.add(http::verb::get, "/api/1.0/expenses/{expense_id}/receipts/{receipt_id}/content", Access::bearer_token,
               get_receipt);
    router.add_seeder("expense", seed_expense);
}

}  // namespace revolut::mock
