// Catalog entries of the deprecated Webhooks v1 group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/webhooks_v1.hpp>

namespace revolut::test {
namespace {

namespace w = detail::webhooks_v1;

const CatalogEntries entries{
    {"webhooks_v1", "get_webhook", "GET", "/api/1.0/webhook", false, [] { return w::get_webhook(); }},
    {"webhooks_v1", "set_up_webhook", "POST", "/api/1.0/webhook", false,
     [] { return w::set_up_webhook("https://example.com/hook"); }},
    {"webhooks_v1", "delete_webhook", "DELETE", "/api/1.0/webhook", false, [] { return w::delete_webhook(); }},
};

}  // namespace
}  // namespace revolut::test
