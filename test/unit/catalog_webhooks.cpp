// Catalog entries of the Webhooks v2 group (see test/support/operation_catalog.hpp).
#include "support/operation_catalog.hpp"

#include <revolut/api/webhooks.hpp>

namespace revolut::test {
namespace {

const Uuid id{"0b0e2bd0-5e27-4b9a-9d8e-1d4d6b7a1f3c"};
namespace w = detail::webhooks;

const CatalogEntries entries{
    {"webhooks", "create_webhook", "POST", "/api/2.0/webhooks", true,
     [] { return w::create_webhook("https://example.com/hook", {}); }},
    {"webhooks", "get_all_webhooks", "GET", "/api/2.0/webhooks", true, [] { return w::get_all_webhooks(); }},
    {"webhooks", "get_webhook", "GET", "/api/2.0/webhooks/{webhook_id}", true, [] { return w::get_webhook(id); }},
    {"webhooks", "update_webhook", "PATCH", "/api/2.0/webhooks/{webhook_id}", true,
     [] { return w::update_webhook(id, std::string("https://example.com/new"), {}); }},
    {"webhooks", "delete_webhook", "DELETE", "/api/2.0/webhooks/{webhook_id}", true,
     [] { return w::delete_webhook(id); }},
    {"webhooks", "rotate_webhook_secret", "POST", "/api/2.0/webhooks/{webhook_id}/rotate-signing-secret", true,
     [] { return w::rotate_webhook_secret(id, std::nullopt); }},
    {"webhooks", "get_failed_webhook_events", "GET", "/api/2.0/webhooks/{webhook_id}/failed-events", true,
     [] { return w::get_failed_webhook_events(id, 10, std::nullopt); }},
};

}  // namespace
}  // namespace revolut::test
