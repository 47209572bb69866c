// Webhooks v1 (deprecated): JSON mapping of the model and its decoder.
#include <revolut/api/webhooks_v1.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

namespace revolut {

WebhookV1 tag_invoke(boost::json::value_to_tag<WebhookV1>, const boost::json::value& v) {
    return {api::required_string(api::as_object(v, "webhook"), "url")};
}

}  // namespace revolut

namespace revolut::detail {

template WebhookV1 decode<WebhookV1>(const ApiResponse&);

}  // namespace revolut::detail
