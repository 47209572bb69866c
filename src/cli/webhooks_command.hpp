#pragma once
// `revolut webhooks list|get|create|update|rotate-secret|failed-events|delete`: the Webhooks
// v2 group through AsyncClient's typed methods. JSON output is the API's fields (including
// the signing secret: it is the user's own data); tables hide the secret unless --show-secret.

#include "cli/command_line.hpp"

#include <revolut/api/webhooks.hpp>

#include <boost/json/value.hpp>

#include <vector>

namespace revolut::cli {

/// The `webhooks` command group.
Command webhooks_command();

/// The models as the API spells them.
boost::json::value to_json(const Webhook& webhook);
boost::json::value to_json(const WebhookWithSecret& webhook);
boost::json::value to_json(const FailedWebhookEvent& event);

}  // namespace revolut::cli
