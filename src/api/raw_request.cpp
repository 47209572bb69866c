// Raw API calls (AsyncClient::request): checking the request before it is sent.
#include <revolut/detail/api_call.hpp>

#include <revolut/error.hpp>

#include "json/exact_json.hpp"

#include <boost/url/parse.hpp>

namespace revolut {

namespace detail {

ApiRequest make_raw_request(boost::beast::http::verb method, const std::string& target,
                            const std::optional<boost::json::value>& body) {
    if (method == boost::beast::http::verb::unknown)
        throw Error(make_error_code(Errc::invalid_argument), "raw request: unknown HTTP method");
    // origin-form: an absolute path with an optional query, nothing that could split the
    // request line or reach another host.
    if (target.empty() || target.front() != '/' || !boost::urls::parse_origin_form(target))
        throw Error(make_error_code(Errc::invalid_argument),
                    "raw request: the target must be a path such as /2.0/webhooks (optionally with ?query)");
    ApiRequest request;
    request.method = method;
    request.target = target;
    // Exact numbers (Decimal amounts) go out as their digits, never through a double.
    if (body) request.json_body = serialize_json_exact(*body);
    return request;
}

}  // namespace detail
}  // namespace revolut
