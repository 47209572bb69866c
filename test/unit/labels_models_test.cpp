// Labels: label group and label models decoded from JSON shaped like the spec's examples,
// and the request builders (routes, bodies, validation before sending).
#include "model_test_support.hpp"

#include <revolut/api/labels.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::decode;
using revolut_test::require_error;
using revolut_test::body_of;
namespace requests = revolut::detail::labels;
using verb = boost::beast::http::verb;

namespace {

const Uuid group_id{"09ad1ad3-a1c0-4c09-b8f8-24b439e72690"};
const Uuid label_id{"33279b4f-97ac-4a6f-8932-c6a3b0974060"};

}  // namespace

TEST_CASE("a label group and a label decode every field", "[labels]") {
    auto group = decode<LabelGroup>(R"({"id": "09ad1ad3-a1c0-4c09-b8f8-24b439e72690", "name": "Department",
        "created_at": "2026-03-11T10:33:51.121090Z", "updated_at": "2026-03-12T10:00:00Z", "external": false})");
    CHECK(group.id == group_id);
    CHECK(group.name == "Department");
    CHECK(format_timestamp(group.created_at) == "2026-03-11T10:33:51.121090Z");
    CHECK(format_timestamp(group.updated_at) == "2026-03-12T10:00:00Z");
    require_error([] { decode<LabelGroup>(R"({"id": "09ad1ad3-a1c0-4c09-b8f8-24b439e72690", "name": "D",
        "created_at": "2026-03-11T10:33:51Z"})"); }, Errc::invalid_response);
    require_error([] { decode<Label>(R"({"id": "33279b4f-97ac-4a6f-8932-c6a3b0974060",
        "created_at": "2026-03-11T10:33:51Z", "updated_at": "2026-03-11T10:33:51Z"})"); }, Errc::invalid_response);
}

TEST_CASE("pages of label groups and of labels", "[labels]") {
    auto groups = decode<CursorPage<LabelGroup>>(R"({"next_page_token": "bGFiZWwtZ3JvdXBzOjM",
        "label_groups": [
          {"id": "f0e1d2c3-b4a5-4678-9012-3456789abcde", "name": "Department",
           "created_at": "2026-03-19T07:15:00.000000Z", "updated_at": "2026-03-19T08:45:22.111444Z"},
          {"id": "a1b2c3d4-e5f6-4a5b-bc6d-7e8f9a0b1c2d", "name": "Project",
           "created_at": "2026-02-01T08:00:00.000000Z", "updated_at": "2026-02-01T08:00:00.000000Z"}]})");
    REQUIRE(groups.items.size() == 2);
    CHECK(groups.items[0].name == "Department");
    CHECK(groups.items[1].id == Uuid{"a1b2c3d4-e5f6-4a5b-bc6d-7e8f9a0b1c2d"});
    CHECK(groups.next_page_token == "bGFiZWwtZ3JvdXBzOjM");

    auto labels = decode<CursorPage<Label>>(R"({"labels": [
          {"id": "f09ad1ad-a1c0-4c09-b8f8-24b439e72690", "name": "IT & Tech Support",
           "created_at": "2026-03-11T10:33:51.121090Z", "updated_at": "2026-03-11T10:33:51.121090Z"}]})");
    REQUIRE(labels.items.size() == 1);
    CHECK(labels.items[0].name == "IT & Tech Support");
    CHECK_FALSE(labels.next_page_token);
    CHECK(decode<CursorPage<Label>>(R"({"labels": []})").items.empty());
    require_error([] { decode<CursorPage<Label>>(R"({"label_groups": []})"); }, Errc::invalid_response);
}

TEST_CASE("label requests: routes and bodies", "[labels]") {
    auto create = requests::create_label_group("Department", {"Sales & Account Management", "Engineering"});
    CHECK(create.method == verb::post);
    CHECK(create.target == "/1.0/label-groups");
    CHECK(body_of(create) == boost::json::parse(R"({"name":"Department",
        "labels":[{"name":"Sales & Account Management"},{"name":"Engineering"}]})"));

    CHECK(requests::get_all_label_groups(std::nullopt, std::nullopt).target == "/1.0/label-groups");
    CHECK(requests::get_all_label_groups(2, std::string("bGFi")).target == "/1.0/label-groups?limit=2&page_token=bGFi");
    const std::string group_path = "/1.0/label-groups/09ad1ad3-a1c0-4c09-b8f8-24b439e72690";
    CHECK(requests::get_label_group(group_id).target == group_path);
    auto rename = requests::update_label_group(group_id, "Team");
    CHECK(rename.method == verb::patch);
    CHECK(rename.target == group_path);
    CHECK(body_of(rename) == boost::json::parse(R"({"name":"Team"})"));
    CHECK(requests::delete_label_group(group_id).method == verb::delete_);
    CHECK(requests::delete_label_group(group_id).target == group_path);

    auto label = requests::create_label(group_id, "Communications");
    CHECK(label.method == verb::post);
    CHECK(label.target == group_path + "/labels");
    CHECK(body_of(label) == boost::json::parse(R"({"name":"Communications"})"));
    CHECK(requests::get_all_labels(group_id, 10, std::nullopt).target == group_path + "/labels?limit=10");
    const std::string label_path = group_path + "/labels/33279b4f-97ac-4a6f-8932-c6a3b0974060";
    auto relabel = requests::update_label(group_id, label_id, "Marketing");
    CHECK(relabel.method == verb::patch);
    CHECK(relabel.target == label_path);
    CHECK(body_of(relabel) == boost::json::parse(R"({"name":"Marketing"})"));
    auto remove = requests::delete_label(group_id, label_id);
    CHECK(remove.method == verb::delete_);
    CHECK(remove.target == label_path);
    CHECK_FALSE(remove.json_body);
}

TEST_CASE("label requests are checked before sending", "[labels]") {
    auto invalid = [](auto f) { require_error(f, Errc::invalid_argument); };
    invalid([] { requests::create_label_group("Department", {}); });
    invalid([] { requests::create_label_group("", {"Sales"}); });
    invalid([] { requests::create_label_group(std::string(101, 'g'), {"Sales"}); });
    invalid([] { requests::create_label_group("Department", {"Sales", ""}); });
    invalid([] { requests::create_label_group("Department", {std::string(101, 'l')}); });
    invalid([] { requests::create_label_group("Department", std::vector<std::string>(201, "x")); });
    CHECK_NOTHROW(requests::create_label_group("Department", std::vector<std::string>(200, "x")));
    invalid([] { requests::update_label_group(group_id, ""); });
    invalid([] { requests::create_label(group_id, std::string(101, 'l')); });
    invalid([] { requests::create_label(Uuid{}, "Sales"); });
    invalid([] { requests::update_label(group_id, Uuid{}, "Sales"); });
    invalid([] { requests::delete_label(Uuid{}, label_id); });
    invalid([] { requests::get_all_labels(group_id, 0, std::nullopt); });
    invalid([] { requests::get_all_labels(group_id, 501, std::nullopt); });
    invalid([] { requests::get_all_label_groups(std::nullopt, std::string()); });
}
