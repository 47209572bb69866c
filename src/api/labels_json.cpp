// Labels: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/labels.hpp>

#include "api/accounting_common.hpp"
#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

namespace revolut {

namespace json = boost::json;
using namespace api;

LabelGroup tag_invoke(json::value_to_tag<LabelGroup>, const json::value& v) {
    const auto& o = as_object(v, "label group");
    LabelGroup group;
    group.id = required_uuid(o, "id");
    group.name = required_string(o, "name");
    group.created_at = required_timestamp(o, "created_at");
    group.updated_at = required_timestamp(o, "updated_at");
    return group;
}

Label tag_invoke(json::value_to_tag<Label>, const json::value& v) {
    const auto& o = as_object(v, "label");
    Label label;
    label.id = required_uuid(o, "id");
    label.name = required_string(o, "name");
    label.created_at = required_timestamp(o, "created_at");
    label.updated_at = required_timestamp(o, "updated_at");
    return label;
}

CursorPage<LabelGroup> tag_invoke(json::value_to_tag<CursorPage<LabelGroup>>, const json::value& v) {
    return accounting::read_cursor_page<LabelGroup>(v, "label_groups");
}

CursorPage<Label> tag_invoke(json::value_to_tag<CursorPage<Label>>, const json::value& v) {
    return accounting::read_cursor_page<Label>(v, "labels");
}

}  // namespace revolut

namespace revolut::detail {

template LabelGroup decode<LabelGroup>(const ApiResponse&);
template Label decode<Label>(const ApiResponse&);
template CursorPage<LabelGroup> decode<CursorPage<LabelGroup>>(const ApiResponse&);
template CursorPage<Label> decode<CursorPage<Label>>(const ApiResponse&);

}  // namespace revolut::detail
