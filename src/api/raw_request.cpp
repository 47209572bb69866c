// Raw API calls (`revolut api`): validation of the request and access to the client's core.
#include <revolut/raw_request.hpp>

#include <revolut/error.hpp>

#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>

namespace revolut {

namespace detail {
// Key type for the accessor below; nothing else uses AsyncClient::open with it.
struct CoreAccess {
    std::shared_ptr<ClientCore>* out;
};
}  // namespace detail

// AsyncClient has no public accessor for its core. An explicit specialization of one of its
// member templates is a member, so it may read core_ without touching the public header;
// it is only ever instantiated in this file. Replace it with a friend (or a member
// AsyncClient::request) once the client grows one.
template <>
auto AsyncClient::open<detail::CoreAccess>(detail::CoreAccess&& access) {
    *access.out = core_;
}

namespace detail {

std::shared_ptr<ClientCore> core_of(const AsyncClient& client) {
    std::shared_ptr<ClientCore> core;
    // open() is not const; the specialization above only reads core_.
    const_cast<AsyncClient&>(client).open(CoreAccess{&core});
    return core;
}

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
    if (body) request.json_body = boost::json::serialize(*body);
    return request;
}

}  // namespace detail
}  // namespace revolut
