// Transactions (/api/1.0/transactions, /api/1.0/transaction/{id}): every transaction of the
// emulated business, newest first, filtered as the spec describes.

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"

#include "json/exact_json.hpp"

#include <revolut/enums.hpp>
#include <revolut/error.hpp>

#include <boost/json/array.hpp>

#include <charconv>
#include <stdexcept>
#include <variant>
#include <vector>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;

namespace {

constexpr std::int64_t validation_error = 3000;
// Revolut documents no code for an unknown transaction; the emulator answers like for an
// unknown path.
constexpr std::int64_t not_found_code = 404;
constexpr std::size_t default_count = 100;
constexpr std::size_t max_count = 1000;
// A request_id search may span at most this much.
constexpr std::chrono::days request_id_window{14};

Response bad_request(std::string_view message) {
    return error_response(http::status::bad_request, validation_error, message);
}

template <class E>
bool is_known_name(std::string_view text) {
    return OpenEnum<E>::parse(text).is_known();
}

// Schema `Transaction`: exactly the `data` of the TransactionCreated event for it, written by
// the library's event serializer (amounts with their exact digits).
json::value transaction_json(const webhook::TransactionCreated& transaction) {
    const auto text = webhook::serialize_event(webhook::make_event(transaction, transaction.updated_at));
    boost::system::error_code ec;
    auto envelope = detail::parse_json_exact(text, ec);
    if (ec || !envelope.is_object()) throw std::runtime_error("transaction_json: bad event JSON");
    return envelope.as_object().at("data");
}

// The query of GET /transactions; a refusal when a parameter is out of range.
std::variant<TransactionQuery, Response> read_query(const RouteContext& ctx) {
    TransactionQuery query;
    query.to = ctx.now;
    query.count = default_count;
    if (auto text = ctx.query_param("from")) {
        query.from = try_parse_timestamp(*text);
        if (!query.from) return bad_request("from must be an ISO-8601 date or date-time");
    }
    if (auto text = ctx.query_param("to")) {
        auto to = try_parse_timestamp(*text);
        if (!to) return bad_request("to must be an ISO-8601 date or date-time");
        query.to = *to;
    }
    if (auto text = ctx.query_param("count")) {
        const char* end = text->data() + text->size();
        auto [ptr, ec] = std::from_chars(text->data(), end, query.count);
        if (ec != std::errc{} || ptr != end || query.count < 1 || query.count > max_count) {
            return bad_request("count must be between 1 and 1000");
        }
    }
    if (auto text = ctx.query_param("account")) {
        auto id = Uuid::try_parse(*text);
        if (!id) return bad_request("account must be an account ID");
        query.account_id = id->to_string();
    }
    if (auto text = ctx.query_param("type")) {
        if (!is_known_name<TransactionType>(*text)) return bad_request("type is not a transaction type");
        query.type = std::move(*text);
    }
    for (auto param : ctx.target.params()) {
        if (param.key != "state") continue;
        if (!is_known_name<TransactionState>(param.value)) {
            return bad_request("state is not a transaction state");
        }
        query.states.push_back(std::move(param.value));
    }
    if (auto text = ctx.query_param("request_id")) {
        if (!query.from) return bad_request("request_id needs from");
        if (query.to - *query.from > request_id_window) {
            return bad_request("a request_id search may span at most 14 days");
        }
        query.request_id = std::move(*text);
    }
    return query;
}

Response list_transactions(const RouteContext& ctx) {
    auto query = read_query(ctx);
    if (auto* refusal = std::get_if<Response>(&query)) return std::move(*refusal);
    json::array array;
    for (const auto* stored : ctx.state.transactions.list(std::get<TransactionQuery>(query))) {
        array.push_back(transaction_json(stored->transaction));
    }
    return json_response(http::status::ok, array);
}

// `{id}` is a transaction ID, or (deprecated) a request ID with id_type=request_id.
Response get_transaction(const RouteContext& ctx) {
    const auto id = ctx.path_param("id");
    const StoredTransaction* stored = nullptr;
    if (auto id_type = ctx.query_param("id_type")) {
        if (*id_type != "request_id") return bad_request("id_type must be request_id");
        stored = ctx.state.transactions.find_by_request_id(id);
    } else {
        stored = ctx.state.transactions.find(id);
    }
    if (stored == nullptr) {
        return error_response(http::status::not_found, not_found_code, "Transaction not found");
    }
    return json_response(http::status::ok, transaction_json(stored->transaction));
}

[[noreturn]] void bad_seed(const std::string& what) {
    throw Error(make_error_code(Errc::invalid_argument), "seed transactions: " + what);
}

// Leg amounts given as decimal text ("-10.50") become exact numbers.
void exact_amounts(json::object& transaction) {
    auto* legs = transaction.if_contains("legs");
    if (legs == nullptr || !legs->is_array()) return;
    for (auto& leg : legs->get_array()) {
        if (!leg.is_object()) continue;
        for (const char* key : {"amount", "fee", "bill_amount", "balance"}) {
            auto* v = leg.get_object().if_contains(key);
            if (v == nullptr || !v->is_string() || detail::is_exact_number(*v)) continue;
            auto amount = Decimal::try_parse(v->get_string());
            if (!amount) bad_seed(std::string(key) + " is not a decimal number");
            *v = detail::make_exact_number(amount->to_string());
        }
    }
}

// One seeded transaction: the spec's Transaction JSON, ids and timestamps filled in.
webhook::TransactionCreated seeded_transaction(json::object data, Timestamp now) {
    if (!data.contains("id")) data["id"] = Uuid::random().to_string();
    if (!data.contains("created_at")) data["created_at"] = format_timestamp(now);
    if (!data.contains("updated_at")) data["updated_at"] = data["created_at"];
    if (auto* legs = data.if_contains("legs"); legs != nullptr && legs->is_array()) {
        for (auto& leg : legs->get_array())
            if (leg.is_object() && !leg.get_object().contains("leg_id"))
                leg.get_object()["leg_id"] = Uuid::random().to_string();
    }
    exact_amounts(data);
    json::object envelope{{"event", "TransactionCreated"}, {"timestamp", format_timestamp(now)}, {"data", data}};
    try {
        auto event = webhook::event_from_json(envelope);
        auto* transaction = std::get_if<webhook::TransactionCreated>(&event.data);
        if (transaction == nullptr) bad_seed("not a transaction");
        return *transaction;
    } catch (const Error& e) {
        if (e.code() == Errc::invalid_argument) throw;
        bad_seed(e.what());
    }
}

// seed("transactions", {"transaction": {...}, "repeat": N}) or {"transactions": [{...}, ...]}:
// history no API call makes (card payments, many transactions at one instant). Each is the
// spec's Transaction JSON; a missing id, leg_id, created_at (now) or updated_at is filled in,
// amounts are numbers or decimal text. Seeded transactions never touch a balance and fire no
// webhook event. Reports {"ids": [...]}, in the order stored.
json::value seed_transactions(State& state, const json::value& data, Timestamp now) {
    if (!data.is_object()) bad_seed("expected an object");
    const auto& o = data.get_object();
    std::vector<json::object> items;
    if (const auto* list = o.if_contains("transactions")) {
        if (!list->is_array()) bad_seed("transactions must be an array");
        for (const auto& item : list->get_array()) {
            if (!item.is_object()) bad_seed("transactions must hold objects");
            items.push_back(item.get_object());
        }
    } else if (const auto* one = o.if_contains("transaction"); one != nullptr && one->is_object()) {
        std::int64_t repeat = 1;
        if (const auto* r = o.if_contains("repeat")) {
            if (!r->is_int64() || r->get_int64() < 1 || r->get_int64() > 10'000) bad_seed("repeat must be 1..10000");
            repeat = r->get_int64();
        }
        if (repeat > 1 && one->get_object().contains("id")) bad_seed("a repeated transaction cannot have an id");
        items.assign(static_cast<std::size_t>(repeat), one->get_object());
    } else {
        bad_seed(R"(expected "transaction" (an object) or "transactions" (an array))");
    }
    json::array ids;
    for (auto& item : items) {
        auto transaction = seeded_transaction(std::move(item), now);
        if (state.transactions.find(transaction.id) != nullptr) bad_seed("duplicate id " + transaction.id);
        StoredTransaction stored;
        stored.transaction = std::move(transaction);
        stored.origin = "seed";
        stored.affects_balances = false;
        ids.push_back(json::string(state.transactions.add(std::move(stored)).transaction.id));
    }
    return json::object{{"ids", std::move(ids)}};
}

}  // namespace

void add_transactions_routes(Router& router) {
    router.add(http::verb::get, "/api/1.0/transactions", Access::bearer_token, list_transactions);
    router.add(http::verb::get, "/api/1.0/transaction/{id}", Access::bearer_token,
               get_transaction);
    router.add_seeder("transactions", seed_transactions);
}

}  // namespace revolut::mock
