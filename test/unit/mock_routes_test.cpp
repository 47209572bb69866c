// revolut-mock serves every catalogued operation: each catalog entry's sample request (the
// request the client really sends) goes through the emulator's router, which must find a
// route for its method and path. Sent without a token, a request the router matches is
// refused with 401 before its handler runs, so the router's own answers for "no such path"
// (404) and "path known, method not" (405) cannot be mistaken for a resource's 404.
#include "support/operation_catalog.hpp"

#include "mock/router.hpp"
#include "mock/routes.hpp"
#include "mock/state.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/status.hpp>
#include <boost/beast/http/verb.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>

namespace revolut::test {
namespace {

namespace http = boost::beast::http;

// What the emulator's router answers to `method target` (with `body`, if any), no token.
mock::Response route(http::verb method, const std::string& target, const std::optional<std::string>& body = {}) {
    static const mock::Router router = [] {
        mock::Router r;
        mock::add_all_routes(r);
        return r;
    }();
    mock::State state(10, false, mock::AuthLifetimes{});
    mock::Request request{method, target, 11};
    request.set(http::field::host, "127.0.0.1");
    if (body) {
        request.set(http::field::content_type, "application/json");
        request.body() = *body;
    }
    request.prepare_payload();
    return router.dispatch(request, state, mock::current_time());
}

}  // namespace

TEST_CASE("the router's own 404 and 405 are told apart from a route refusing a request", "[catalog][mock]") {
    CHECK(route(http::verb::get, "/api/1.0/no-such-resource").result() == http::status::not_found);
    CHECK(route(http::verb::get, "/api/2.0/webhooks/extra/segments/here").result() == http::status::not_found);
    CHECK(route(http::verb::put, "/api/2.0/webhooks").result() == http::status::method_not_allowed);
    CHECK(route(http::verb::get, "/api/2.0/webhooks").result() == http::status::unauthorized);
}

TEST_CASE("revolut-mock has a route for every catalogued operation", "[catalog][mock]") {
    REQUIRE(operation_catalog().size() == 88);
    for (const auto& op : operation_catalog()) {
        const auto sample = op.sample();
        const auto target = "/api" + sample.target;
        const auto response = route(sample.method, target, sample.json_body);
        INFO(op.group << "()." << op.method << ": " << op.http_method << " " << op.route << ", sent as " << target
                      << ", answered " << response.result_int() << " " << response.body());
        CHECK(response.result() != http::status::not_found);           // no route for the path
        CHECK(response.result() != http::status::method_not_allowed);  // none for the method
        // Routed to a handler that, like every Business API operation, wants a bearer token.
        CHECK(response.result() == http::status::unauthorized);
    }
}

}  // namespace revolut::test
