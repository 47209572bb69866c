// Webhooks v1 (deprecated): request building and input validation.
#include <revolut/api/webhooks_v1.hpp>
#include <revolut/error.hpp>

#include "api/https_url.hpp"
#include "api/target.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace revolut::detail::webhooks_v1 {

namespace http = boost::beast::http;
namespace json = boost::json;
using api::make_target;

ApiRequest get_webhook() { return {http::verb::get, make_target({"1.0", "webhook"}), {}}; }

ApiRequest set_up_webhook(const std::string& url) {
    // "Only HTTPS URLs are supported."
    api::require_https_url(url);
    return {http::verb::post, make_target({"1.0", "webhook"}), json::serialize(json::object{{"url", url}})};
}

ApiRequest delete_webhook() { return {http::verb::delete_, make_target({"1.0", "webhook"}), {}}; }

}  // namespace revolut::detail::webhooks_v1
