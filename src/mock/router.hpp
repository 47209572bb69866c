#pragma once
// Maps a request to the route handler of its method and path, after the checks every API
// route shares: known path (404), allowed method (405), bearer token (401), Accept (406).

#include "mock/http_message.hpp"
#include "mock/state.hpp"

#include <boost/beast/http/verb.hpp>
#include <boost/json/value.hpp>
#include <boost/url/url_view.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revolut::mock {

/// Whether a route needs `Authorization: Bearer <access token>`.
enum class Access {
    bearer_token,  ///< every /api resource
    open,          ///< e.g. the token endpoint, which authenticates by other means
};

/// What a handler sees of its request.
struct RouteContext {
    const Request& request;
    boost::urls::url_view target;  ///< the parsed request target (path and query)
    State& state;
    Timestamp now;  ///< one clock reading per request, so every rule sees the same time
    std::vector<std::pair<std::string, std::string>> path_params;

    /// The decoded segment matched by `{name}` in the route's pattern.
    std::string_view path_param(std::string_view name) const;
    /// The first decoded query parameter called `name`; nullopt when absent.
    std::optional<std::string> query_param(std::string_view name) const;
};

using RouteHandler = std::function<Response(const RouteContext&)>;

/// Puts test data no API call can create into the state (mock::Server::seed); returns a
/// description of what it made. Throws revolut::Error(Errc::invalid_argument) for bad data.
using Seeder = std::function<boost::json::value(State&, const boost::json::value& data, Timestamp now)>;

/// The emulator's routing table.
class Router {
public:
    /// `pattern` is a path such as `/api/2.0/webhooks/{webhook_id}`; `{name}` matches one
    /// non-empty segment.
    void add(boost::beast::http::verb method, std::string_view pattern, Access access,
             RouteHandler handler);
    /// Registers the seeder of `kind` (one per kind).
    void add_seeder(std::string kind, Seeder seeder);
    /// Runs the seeder of `kind`; Errc::invalid_argument when there is none.
    boost::json::value seed(std::string_view kind, State& state, const boost::json::value& data,
                            Timestamp now) const;
    /// The response to `request`; a throwing handler becomes a 500.
    Response dispatch(const Request& request, State& state, Timestamp now) const;

private:
    struct Route {
        boost::beast::http::verb method;
        std::vector<std::string> segments;  ///< literal text or `{name}`
        Access access;
        RouteHandler handler;
    };
    std::vector<Route> routes_;
    std::vector<std::pair<std::string, Seeder>> seeders_;
};

/// False when the Accept header(s) rule out `application/json` (no header accepts anything).
bool accepts_json(const Request& request);

}  // namespace revolut::mock
