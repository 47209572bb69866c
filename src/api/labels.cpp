// Labels: request building and input validation (nothing is sent when it fails).
#include <revolut/api/labels.hpp>

#include "api/accounting_common.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace revolut::detail::labels {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;
using api::accounting::check_length;
using api::accounting::invalid;

namespace {

// The spec's rules: names of 1..100 characters; a new group brings 1..200 labels.
constexpr std::size_t max_name_chars = 100;
constexpr std::size_t max_labels_per_create = 200;

constexpr std::string_view groups = "label-groups";
constexpr std::string_view labels_segment = "labels";

std::string group_segment(const Uuid& id) { return api::accounting::id_segment(id, "group_id"); }
std::string label_segment(const Uuid& id) { return api::accounting::id_segment(id, "label_id"); }

std::string name_body(const std::string& name) {
    check_length("name", name, max_name_chars);
    return json::serialize(json::object{{"name", name}});
}

}  // namespace

ApiRequest create_label_group(const std::string& name, const std::vector<std::string>& labels) {
    check_length("name", name, max_name_chars);
    if (labels.empty()) invalid("a label group needs at least one label");
    if (labels.size() > max_labels_per_create)
        invalid("a new label group takes at most 200 labels (add more with create_label), got " +
                std::to_string(labels.size()));
    json::array items;
    for (const auto& label : labels) {
        check_length("label name", label, max_name_chars);
        items.push_back(json::object{{"name", label}});
    }
    json::object body{{"name", name}, {"labels", std::move(items)}};
    return {http::verb::post, make_target({"1.0", groups}), json::serialize(body)};
}

ApiRequest get_all_label_groups(std::optional<int> limit, const std::optional<std::string>& page_token) {
    return {http::verb::get, make_target({"1.0", groups}, api::accounting::cursor_query(limit, page_token)), {}};
}

ApiRequest get_label_group(const Uuid& group_id) {
    return {http::verb::get, make_target({"1.0", groups, group_segment(group_id)}), {}};
}

ApiRequest update_label_group(const Uuid& group_id, const std::string& name) {
    return {http::verb::patch, make_target({"1.0", groups, group_segment(group_id)}), name_body(name)};
}

ApiRequest delete_label_group(const Uuid& group_id) {
    return {http::verb::delete_, make_target({"1.0", groups, group_segment(group_id)}), {}};
}

ApiRequest create_label(const Uuid& group_id, const std::string& name) {
    return {http::verb::post, make_target({"1.0", groups, group_segment(group_id), labels_segment}), name_body(name)};
}

ApiRequest get_all_labels(const Uuid& group_id, std::optional<int> limit,
                          const std::optional<std::string>& page_token) {
    return {http::verb::get,
            make_target({"1.0", groups, group_segment(group_id), labels_segment},
                        api::accounting::cursor_query(limit, page_token)),
            {}};
}

ApiRequest update_label(const Uuid& group_id, const Uuid& label_id, const std::string& name) {
    return {http::verb::patch,
            make_target({"1.0", groups, group_segment(group_id), labels_segment, label_segment(label_id)}),
            name_body(name)};
}

ApiRequest delete_label(const Uuid& group_id, const Uuid& label_id) {
    return {http::verb::delete_,
            make_target({"1.0", groups, group_segment(group_id), labels_segment, label_segment(label_id)}), {}};
}

}  // namespace revolut::detail::labels
