// Expenses: JSON mapping of the models, the decoders the endpoint methods use, and the
// receipt (raw bytes, not JSON).
#include <revolut/api/expenses.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;

namespace {

ExpenseAmount read_amount(const json::object& o) {
    return {required_decimal(o, "amount"), required_string(o, "currency")};
}

ExpenseSplit read_split(const json::value& v) {
    const auto& o = as_object(v, "splits[]");
    ExpenseSplit split{read_amount(required_object(o, "amount")), std::nullopt, std::nullopt};
    if (const auto* c = optional_object(o, "category"))
        split.category = ExpenseCategory{required_uuid(*c, "id"), required_string(*c, "name"), optional_string(*c, "code")};
    if (const auto* t = optional_object(o, "tax_rate"))
        split.tax_rate = ExpenseTaxRate{required_uuid(*t, "id"), required_string(*t, "name"),
                                        optional_decimal(*t, "percentage")};
    return split;
}

// {"Department": ["HR"], …}: label group → selected label(s).
std::map<std::string, std::vector<std::string>> read_labels(const json::object& o) {
    std::map<std::string, std::vector<std::string>> labels;
    const auto* groups = optional_object(o, "labels");
    if (!groups) return labels;
    for (const auto& [group, selected] : *groups) labels[std::string(group)] = string_array(*groups, group);
    return labels;
}

}  // namespace

Expense tag_invoke(json::value_to_tag<Expense>, const json::value& v) {
    const auto& o = as_object(v, "expense");
    Expense e;
    e.id = required_uuid(o, "id");
    e.state = required_enum<ExpenseState>(o, "state");
    e.transaction_type = required_enum<ExpenseTransactionType>(o, "transaction_type");
    e.description = optional_string(o, "description");
    e.submitted_at = optional_timestamp(o, "submitted_at");
    e.completed_at = optional_timestamp(o, "completed_at");
    e.payer = optional_string(o, "payer");
    e.merchant = optional_string(o, "merchant");
    e.transaction_id = optional_uuid(o, "transaction_id");
    e.expense_date = required_timestamp(o, "expense_date");
    e.labels = read_labels(o);
    for (const auto& split : required_array(o, "splits")) e.splits.push_back(read_split(split));
    for (const auto& id : string_array(o, "receipt_ids")) {
        auto parsed = Uuid::try_parse(id);
        if (!parsed) throw_bad_field("receipt_ids", "an array of UUIDs");
        e.receipt_ids.push_back(*parsed);
    }
    e.spent_amount = read_amount(required_object(o, "spent_amount"));
    return e;
}

}  // namespace revolut

namespace revolut::detail {

namespace {
// The response's Content-Type, once ApiResponse carries it (see the group header).
template <class Response>
std::string content_type_of(const Response& response) {
    if constexpr (requires { response.content_type; }) return std::string(response.content_type);
    else return {};
}
}  // namespace

template <>
ExpenseReceipt decode<ExpenseReceipt>(const ApiResponse& response) {
    return {response.body, content_type_of(response)};
}

template std::vector<Expense> decode<std::vector<Expense>>(const ApiResponse&);
template Expense decode<Expense>(const ApiResponse&);

}  // namespace revolut::detail
