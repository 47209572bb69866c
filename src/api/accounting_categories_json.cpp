// Accounting categories: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/accounting_categories.hpp>

#include "api/accounting_common.hpp"
#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

namespace revolut {

namespace json = boost::json;
using namespace api;

AccountingCategory tag_invoke(json::value_to_tag<AccountingCategory>, const json::value& v) {
    const auto& o = as_object(v, "accounting category");
    AccountingCategory category;
    category.id = required_uuid(o, "id");
    category.name = required_string(o, "name");
    category.code = optional_string(o, "code");
    category.created_at = required_timestamp(o, "created_at");
    category.updated_at = required_timestamp(o, "updated_at");
    category.default_tax_rate_id = optional_uuid(o, "default_tax_rate_id");
    return category;
}

CursorPage<AccountingCategory> tag_invoke(json::value_to_tag<CursorPage<AccountingCategory>>, const json::value& v) {
    return accounting::read_cursor_page<AccountingCategory>(v, "accounting_categories");
}

}  // namespace revolut

namespace revolut::detail {

template AccountingCategory decode<AccountingCategory>(const ApiResponse&);
template CursorPage<AccountingCategory> decode<CursorPage<AccountingCategory>>(const ApiResponse&);

}  // namespace revolut::detail
