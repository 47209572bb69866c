// Catalog entries of the Labels group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/labels.hpp>

namespace revolut::test {
namespace {

const Uuid group{"09ad1ad3-a1c0-4c09-b8f8-24b439e72690"};
const Uuid label{"33279b4f-97ac-4a6f-8932-c6a3b0974060"};
namespace l = detail::labels;

const CatalogEntries entries{
    {"labels", "create_label_group", "POST", "/api/1.0/label-groups", false,
     [] { return l::create_label_group("Department", {"Sales", "Engineering"}); }},
    {"labels", "get_all_label_groups", "GET", "/api/1.0/label-groups", false,
     [] { return l::get_all_label_groups(5, std::nullopt); }},
    {"labels", "get_label_group", "GET", "/api/1.0/label-groups/{group_id}", false,
     [] { return l::get_label_group(group); }},
    {"labels", "update_label_group", "PATCH", "/api/1.0/label-groups/{group_id}", false,
     [] { return l::update_label_group(group, "Team"); }},
    {"labels", "delete_label_group", "DELETE", "/api/1.0/label-groups/{group_id}", false,
     [] { return l::delete_label_group(group); }},
    {"labels", "create_label", "POST", "/api/1.0/label-groups/{group_id}/labels", false,
     [] { return l::create_label(group, "Communications"); }},
    {"labels", "get_all_labels", "GET", "/api/1.0/label-groups/{group_id}/labels", false,
     [] { return l::get_all_labels(group, 10, std::nullopt); }},
    {"labels", "update_label", "PATCH", "/api/1.0/label-groups/{group_id}/labels/{label_id}", false,
     [] { return l::update_label(group, label, "Marketing"); }},
    {"labels", "delete_label", "DELETE", "/api/1.0/label-groups/{group_id}/labels/{label_id}", false,
     [] { return l::delete_label(group, label); }},
};

}  // namespace
}  // namespace revolut::test
