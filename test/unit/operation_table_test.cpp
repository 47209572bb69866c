// The operation catalog against the code and the README: every method builds the request
// its route says, there are exactly the Business API's 88 operations, and the README's
// operation table is exactly the catalog, so none of them can drift.
#include "revolut_test_paths.hpp"
#include "support/operation_catalog.hpp"

#include <boost/beast/http/verb.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace revolut::test {
namespace {

// The README's group order (the client's accessors, pyrevolut's groups first).
const std::vector<std::string> group_order{
    "accounts",      "cards",        "card_invitations", "counterparties", "expenses",
    "foreign_exchange", "payment_drafts", "payout_links", "simulations",   "team_members",
    "transactions",  "transfers",    "webhooks",        "webhooks_v1",     "accounting_categories",
    "tax_rates",     "labels"};

std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        segments.emplace_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

bool matches_route(std::string_view route, std::string_view path) {
    auto pattern = split_path(route);
    auto actual = split_path(path);
    if (pattern.size() != actual.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        bool param = pattern[i].size() > 2 && pattern[i].front() == '{' && pattern[i].back() == '}';
        if (param ? actual[i].empty() : pattern[i] != actual[i]) return false;
    }
    return true;
}

std::vector<CatalogOperation> sorted_catalog() {
    auto ops = operation_catalog();
    auto rank = [](const std::string& group) {
        return std::find(group_order.begin(), group_order.end(), group) - group_order.begin();
    };
    std::stable_sort(ops.begin(), ops.end(),
                     [&](const auto& a, const auto& b) { return rank(a.group) < rank(b.group); });
    return ops;
}

std::string render_table() {
    std::ostringstream out;
    out << "| Group | Method | HTTP | Route | pyrevolut |\n|---|---|---|---|---|\n";
    for (const auto& op : sorted_catalog())
        out << "| `" << op.group << "()` | `" << op.method << "` | " << op.http_method << " | `" << op.route
            << "` | " << (op.in_pyrevolut ? "yes" : "new") << " |\n";
    return out.str();
}

std::string readme_table() {
    std::ifstream in(REVOLUT_SOURCE_DIR "/README.md");
    std::stringstream text;
    text << in.rdbuf();
    const std::string all = text.str(), begin = "<!-- operations:begin -->\n", end = "<!-- operations:end -->";
    auto b = all.find(begin), e = all.find(end);
    if (b == std::string::npos || e == std::string::npos || e < b) return {};
    return all.substr(b + begin.size(), e - b - begin.size());
}

}  // namespace

TEST_CASE("every catalogued method sends the request its route documents", "[catalog]") {
    for (const auto& op : operation_catalog()) {
        INFO(op.group << "()." << op.method);
        CHECK(std::find(group_order.begin(), group_order.end(), op.group) != group_order.end());
        auto request = op.sample();
        CHECK(std::string(boost::beast::http::to_string(request.method)) == op.http_method);
        auto path = "/api" + request.target.substr(0, request.target.find('?'));
        INFO("sent " << path << ", route " << op.route);
        CHECK(matches_route(op.route, path));
    }
}

TEST_CASE("the catalog holds each Business API operation once: 88, of which pyrevolut has 43", "[catalog]") {
    std::set<std::string> methods, routes;
    std::size_t pyrevolut = 0;
    for (const auto& op : operation_catalog()) {
        INFO(op.group << "()." << op.method);
        CHECK(methods.insert(op.group + "." + op.method).second);
        CHECK(routes.insert(op.http_method + " " + op.route).second);
        if (op.in_pyrevolut) ++pyrevolut;
    }
    CHECK(operation_catalog().size() == 88);
    CHECK(pyrevolut == 43);
}

TEST_CASE("the README's operation table is the catalog", "[catalog]") {
    const auto expected = render_table();
    const auto actual = readme_table();
    if (actual != expected) {
        std::ofstream("operations-table.md") << expected;
        FAIL("README.md's table between <!-- operations:begin --> and <!-- operations:end --> "
             "differs from the catalog; the expected table was written to operations-table.md "
             "in the test's working directory");
    }
}

}  // namespace revolut::test
