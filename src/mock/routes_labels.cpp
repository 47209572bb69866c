// Label groups and labels (/api/1.0/label-groups…): create (201 {id}), cursor-paged lists,
// get, update (204) and delete (204), with the spec's validation messages, 409 duplicates,
// the 5-group limit (422) and ErrorWithId bodies.

#include "mock/json_responses.hpp"
#include "mock/routes.hpp"
#include "mock/routes_accounting_shared.hpp"

#include <boost/json/array.hpp>

#include <algorithm>

namespace revolut::mock {

namespace http = boost::beast::http;
namespace json = boost::json;
using namespace accounting_http;

namespace {

constexpr std::int64_t name_exists = 3506;
constexpr std::int64_t too_many_groups = 3591;

constexpr std::size_t max_name = 100;
constexpr std::size_t max_labels_per_create = 200;

constexpr std::string_view groups_scope = "label-groups";

// Label page tokens only continue the list of the group they came from.
std::string labels_scope(const StoredLabelGroup& group) { return "labels/" + group.id.to_string(); }

Response conflict(std::string message) { return error_with_id(http::status::conflict, name_exists, message); }

Response created(const Uuid& id) { return json_response(http::status::created, json::object{{"id", id.to_string()}}); }

template <class Item>
json::object item_json(const Item& item) {
    return json::object{{"id", item.id.to_string()},
                        {"name", item.name},
                        {"created_at", format_timestamp(item.created_at)},
                        {"updated_at", format_timestamp(item.updated_at)}};
}

// Names from `labels`: 1..200 objects with a `name` of 1..100 characters, no two alike.
std::variant<std::vector<std::string>, Response> read_labels(const json::object& body) {
    const auto* value = body.if_contains("labels");
    if (value == nullptr || value->is_null()) return bad_request("'labels' is required");
    if (!value->is_array()) return bad_request("'labels' must be an array");
    const auto& array = value->get_array();
    if (array.empty()) return bad_request("'labels' must not be empty");
    if (array.size() > max_labels_per_create) return bad_request("'labels' must contain at most 200 items");
    std::vector<std::string> names;
    for (const auto& item : array) {
        if (!item.is_object()) return bad_request("'labels' items must be objects");
        auto name = read_text(item.get_object(), "name", max_name, true);
        if (auto* refusal = std::get_if<Response>(&name)) return std::move(*refusal);
        auto& text = *std::get<0>(name);
        if (std::find(names.begin(), names.end(), text) != names.end()) {
            return conflict("Label with name '" + text + "' already exists");
        }
        names.push_back(std::move(text));
    }
    return names;
}

// The required `name` of a create or rename body.
std::variant<std::string, Response> read_name(const RouteContext& ctx, bool patch) {
    auto body = read_body(ctx, patch);
    if (auto* refusal = std::get_if<Response>(&body)) return std::move(*refusal);
    auto name = read_text(std::get<json::object>(body), "name", max_name, true);
    if (auto* refusal = std::get_if<Response>(&name)) return std::move(*refusal);
    return std::move(*std::get<0>(name));
}

std::variant<StoredLabelGroup*, Response> find_group(const RouteContext& ctx) {
    auto id = path_id(ctx, "group_id");
    if (auto* refusal = std::get_if<Response>(&id)) return std::move(*refusal);
    auto* group = ctx.state.labels.find_group(std::get<Uuid>(id));
    if (group == nullptr) return not_found("Label group", std::get<Uuid>(id).to_string());
    return group;
}

std::variant<StoredLabel*, Response> find_label(const RouteContext& ctx, StoredLabelGroup& group) {
    auto id = path_id(ctx, "label_id");
    if (auto* refusal = std::get_if<Response>(&id)) return std::move(*refusal);
    auto* label = group.find_label(std::get<Uuid>(id));
    if (label == nullptr) return not_found("Label", std::get<Uuid>(id).to_string());
    return label;
}

Response create_group(const RouteContext& ctx) {
    auto body = read_body(ctx, false);
    if (auto* refusal = std::get_if<Response>(&body)) return std::move(*refusal);
    const auto& o = std::get<json::object>(body);
    auto name = read_text(o, "name", max_name, true);
    if (auto* refusal = std::get_if<Response>(&name)) return std::move(*refusal);
    auto labels = read_labels(o);
    if (auto* refusal = std::get_if<Response>(&labels)) return std::move(*refusal);

    auto& store = ctx.state.labels;
    const auto& name_text = *std::get<0>(name);
    if (store.group_named(name_text)) return conflict("Label group with name '" + name_text + "' already exists");
    if (store.groups().size() >= LabelStore::max_groups) {
        return error_with_id(http::status::unprocessable_entity, too_many_groups,
                             "Maximum of 5 label groups per business reached");
    }
    return created(store.add_group(name_text, std::get<0>(labels), ctx.now).id);
}

Response list_groups(const RouteContext& ctx) {
    auto request = read_page_request(ctx, groups_scope);
    if (auto* refusal = std::get_if<Response>(&request)) return std::move(*refusal);
    return json_response(http::status::ok, page_json(ctx.state.labels.groups(), std::get<PageRequest>(request),
                                                     groups_scope, "label_groups", item_json<StoredLabelGroup>));
}

Response get_group(const RouteContext& ctx) {
    auto found = find_group(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    return json_response(http::status::ok, item_json(*std::get<StoredLabelGroup*>(found)));
}

Response update_group(const RouteContext& ctx) {
    auto found = find_group(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    auto& group = *std::get<StoredLabelGroup*>(found);
    auto name = read_name(ctx, true);
    if (auto* refusal = std::get_if<Response>(&name)) return std::move(*refusal);
    const auto& new_name = std::get<std::string>(name);
    if (ctx.state.labels.group_named(new_name, group.id)) {
        return conflict("Label group with name '" + new_name + "' already exists");
    }
    group.name = new_name;
    group.updated_at = ctx.now;
    return empty_response(http::status::no_content);
}

Response delete_group(const RouteContext& ctx) {
    auto id = path_id(ctx, "group_id");
    if (auto* refusal = std::get_if<Response>(&id)) return std::move(*refusal);
    if (!ctx.state.labels.remove_group(std::get<Uuid>(id))) {
        return not_found("Label group", std::get<Uuid>(id).to_string());
    }
    return empty_response(http::status::no_content);
}

Response create_label(const RouteContext& ctx) {
    auto found = find_group(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    auto& group = *std::get<StoredLabelGroup*>(found);
    auto name = read_name(ctx, false);
    if (auto* refusal = std::get_if<Response>(&name)) return std::move(*refusal);
    const auto& name_text = std::get<std::string>(name);
    if (group.label_named(name_text)) return conflict("Label with name '" + name_text + "' already exists");
    return created(ctx.state.labels.add_label(group, name_text, ctx.now).id);
}

Response list_labels(const RouteContext& ctx) {
    auto found = find_group(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    const auto& group = *std::get<StoredLabelGroup*>(found);
    const auto scope = labels_scope(group);
    auto request = read_page_request(ctx, scope);
    if (auto* refusal = std::get_if<Response>(&request)) return std::move(*refusal);
    return json_response(http::status::ok, page_json(group.labels, std::get<PageRequest>(request), scope, "labels",
                                                     item_json<StoredLabel>));
}

Response update_label(const RouteContext& ctx) {
    auto found = find_group(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    auto& group = *std::get<StoredLabelGroup*>(found);
    auto label = find_label(ctx, group);
    if (auto* refusal = std::get_if<Response>(&label)) return std::move(*refusal);
    auto& stored = *std::get<StoredLabel*>(label);
    auto name = read_name(ctx, true);
    if (auto* refusal = std::get_if<Response>(&name)) return std::move(*refusal);
    const auto& new_name = std::get<std::string>(name);
    if (group.label_named(new_name, stored.id)) return conflict("Label with name '" + new_name + "' already exists");
    stored.name = new_name;
    stored.updated_at = ctx.now;
    return empty_response(http::status::no_content);
}

Response delete_label(const RouteContext& ctx) {
    auto found = find_group(ctx);
    if (auto* refusal = std::get_if<Response>(&found)) return std::move(*refusal);
    auto& group = *std::get<StoredLabelGroup*>(found);
    auto id = path_id(ctx, "label_id");
    if (auto* refusal = std::get_if<Response>(&id)) return std::move(*refusal);
    if (!ctx.state.labels.remove_label(group, std::get<Uuid>(id))) {
        return not_found("Label", std::get<Uuid>(id).to_string());
    }
    return empty_response(http::status::no_content);
}

}  // namespace

void add_labels_routes(Router& router) {
    constexpr std::string_view groups = "/api/1.0/label-groups";
    constexpr std::string_view group = "/api/1.0/label-groups/{group_id}";
    constexpr std::string_view labels = "/api/1.0/label-groups/{group_id}/labels";
    constexpr std::string_view label = "/api/1.0/label-groups/{group_id}/labels/{label_id}";
    router.add(http::verb::post, groups, Access::bearer_token, create_group);
    router.add(http::verb::get, groups, Access::bearer_token, list_groups);
    router.add(http::verb::get, group, Access::bearer_token, get_group);
    router.add(http::verb::patch, group, Access::bearer_token, update_group);
    router.add(http::verb::delete_, group, Access::bearer_token, delete_group);
    router.add(http::verb::post, labels, Access::bearer_token, create_label);
    router.add(http::verb::get, labels, Access::bearer_token, list_labels);
    router.add(http::verb::patch, label, Access::bearer_token, update_label);
    router.add(http::verb::delete_, label, Access::bearer_token, delete_label);
}

}  // namespace revolut::mock
