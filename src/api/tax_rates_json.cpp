// Tax rates: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/tax_rates.hpp>

#include "api/accounting_common.hpp"
#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

namespace revolut {

namespace json = boost::json;
using namespace api;

TaxRate tag_invoke(json::value_to_tag<TaxRate>, const json::value& v) {
    const auto& o = as_object(v, "tax rate");
    TaxRate rate;
    rate.id = required_uuid(o, "id");
    rate.name = required_string(o, "name");
    rate.created_at = required_timestamp(o, "created_at");
    rate.updated_at = required_timestamp(o, "updated_at");
    rate.percentage = optional_decimal(o, "percentage");  // exact: 12.75 stays 12.75
    return rate;
}

CursorPage<TaxRate> tag_invoke(json::value_to_tag<CursorPage<TaxRate>>, const json::value& v) {
    return accounting::read_cursor_page<TaxRate>(v, "tax_rates");
}

}  // namespace revolut

namespace revolut::detail {

template TaxRate decode<TaxRate>(const ApiResponse&);
template CursorPage<TaxRate> decode<CursorPage<TaxRate>>(const ApiResponse&);

}  // namespace revolut::detail
