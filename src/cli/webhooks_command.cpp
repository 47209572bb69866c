#include "cli/webhooks_command.hpp"

#include "cli/common_options.hpp"
#include "cli/exit_code.hpp"
#include "cli/output.hpp"

#include <revolut/client.hpp>
#include <revolut/error.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <charconv>
#include <ostream>

namespace revolut::cli {

namespace asio = boost::asio;
namespace json = boost::json;

namespace {

Flag show_secret_flag() {
    return {"--show-secret", "", "show the signing secret in --table output", false};
}
Flag event_flag() {
    return {"--event", "EVENT",
            "subscribe to this event type: TransactionCreated,\n"
            "TransactionStateChanged, PayoutLinkCreated, PayoutLinkStateChanged\n"
            "(comma-separated)",
            true};
}
Positional id_positional() { return {"ID", "the webhook's UUID", false}; }

Uuid parse_id(const Invocation& inv) {
    auto id = Uuid::try_parse(inv.positionals.at(0));
    if (!id) throw UsageError("'" + inv.positionals.at(0) + "' is not a webhook ID (a UUID)", inv.command_name());
    return *id;
}

std::vector<WebhookEvent> parse_events(const Invocation& inv, std::ostream& err) {
    std::vector<WebhookEvent> events;
    for (const auto& value : inv.values_of("--event")) {
        std::string_view rest = value;
        while (!rest.empty()) {
            auto comma = rest.find(',');
            std::string_view name = rest.substr(0, comma);
            rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            if (name.empty()) continue;
            auto event = WebhookEvent::parse(name);
            if (!event.is_known())
                err << "revolut: warning: '" << printable(name)
                    << "' is not an event type this version knows; sending it anyway\n";
            events.push_back(std::move(event));
        }
    }
    if (inv.has("--event") && events.empty())
        throw UsageError("--event needs an event type", inv.command_name());
    return events;
}

json::array events_json(const std::vector<WebhookEvent>& events) {
    json::array out;
    for (const auto& e : events) out.emplace_back(e.str());
    return out;
}

std::string events_text(const std::vector<WebhookEvent>& events) {
    std::string out;
    for (const auto& e : events) out += (out.empty() ? "" : ",") + std::string(e.str());
    return out;
}

void print_webhook(std::ostream& out, const CommonOptions& common, const Webhook& w) {
    if (!common.table) {
        out << pretty_json(to_json(w));
        return;
    }
    out << render_fields({{"id", w.id.to_string()}, {"url", w.url}, {"events", events_text(w.events)}});
}

void print_webhook(std::ostream& out, const CommonOptions& common, const WebhookWithSecret& w, bool show_secret) {
    if (!common.table) {
        out << pretty_json(to_json(w));
        return;
    }
    out << render_fields({{"id", w.id.to_string()},
                          {"url", w.url},
                          {"events", events_text(w.events)},
                          {"signing_secret", show_secret ? w.signing_secret : std::string(hidden_secret)}});
}

int list(const Invocation& inv, Console& io) {
    const auto common = read_common_options(inv);
    std::vector<Webhook> hooks;
    run_with_client(common, [&](AsyncClient& client) -> asio::awaitable<void> {
        hooks = co_await client.webhooks().get_all_webhooks();
    });
    if (!common.table) {
        json::array all;
        for (const auto& w : hooks) all.push_back(to_json(w));
        io.out << pretty_json(all);
        return 0;
    }
    std::vector<std::vector<std::string>> rows;
    rows.reserve(hooks.size());
    for (const auto& w : hooks) rows.push_back({w.id.to_string(), w.url, events_text(w.events)});
    io.out << render_table({"ID", "URL", "EVENTS"}, rows);
    return 0;
}

int get(const Invocation& inv, Console& io) {
    const auto common = read_common_options(inv);
    const Uuid id = parse_id(inv);
    WebhookWithSecret hook;
    run_with_client(common, [&](AsyncClient& client) -> asio::awaitable<void> {
        hook = co_await client.webhooks().get_webhook(id);
    });
    print_webhook(io.out, common, hook, inv.has("--show-secret"));
    return 0;
}

int create(const Invocation& inv, Console& io) {
    const auto common = read_common_options(inv);
    auto url = inv.value("--url");
    if (!url) throw UsageError("`revolut webhooks create` needs --url URL", inv.command_name());
    auto events = parse_events(inv, io.err);
    WebhookWithSecret hook;
    run_with_client(common, [&](AsyncClient& client) -> asio::awaitable<void> {
        hook = co_await client.webhooks().create_webhook(*url, events);
    });
    print_webhook(io.out, common, hook, inv.has("--show-secret"));
    return 0;
}

int update(const Invocation& inv, Console& io) {
    const auto common = read_common_options(inv);
    const Uuid id = parse_id(inv);
    auto url = inv.value("--url");
    auto events = parse_events(inv, io.err);
    if (!url && events.empty())
        throw UsageError("`revolut webhooks update` needs --url and/or --event", inv.command_name());
    Webhook hook;
    run_with_client(common, [&](AsyncClient& client) -> asio::awaitable<void> {
        hook = co_await client.webhooks().update_webhook(id, url, events);
    });
    print_webhook(io.out, common, hook);
    return 0;
}

int rotate_secret(const Invocation& inv, Console& io) {
    const auto common = read_common_options(inv);
    const Uuid id = parse_id(inv);
    std::optional<std::chrono::seconds> period;
    if (auto text = inv.value("--expiration-period")) {
        try {
            period = parse_duration(*text);
        } catch (const Error&) {
            throw UsageError("--expiration-period takes an ISO-8601 duration such as P1D or PT12H (at most P7D)",
                             inv.command_name());
        }
    }
    WebhookWithSecret hook;
    run_with_client(common, [&](AsyncClient& client) -> asio::awaitable<void> {
        hook = co_await client.webhooks().rotate_webhook_secret(id, period);
    });
    print_webhook(io.out, common, hook, inv.has("--show-secret"));
    return 0;
}

int failed_events(const Invocation& inv, Console& io) {
    const auto common = read_common_options(inv);
    const Uuid id = parse_id(inv);
    std::optional<int> limit;
    if (auto text = inv.value("--limit")) {
        int n = 0;
        auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
        if (ec != std::errc() || end != text->data() + text->size() || n < 1 || n > 1000)
            throw UsageError("--limit takes a whole number from 1 to 1000", inv.command_name());
        limit = n;
    }
    std::optional<CreatedBefore> created_before;
    if (auto text = inv.value("--created-before")) {
        auto t = try_parse_timestamp(*text);
        if (!t)
            throw UsageError("--created-before takes an ISO-8601 date or date-time, e.g. 2024-05-01T12:00:00Z",
                             inv.command_name());
        created_before = *t;
    }
    std::vector<FailedWebhookEvent> events;
    run_with_client(common, [&](AsyncClient& client) -> asio::awaitable<void> {
        events = co_await client.webhooks().get_failed_webhook_events(id, limit, created_before);
    });
    if (!common.table) {
        json::array all;
        for (const auto& e : events) all.push_back(to_json(e));
        io.out << pretty_json(all);
        return 0;
    }
    std::vector<std::vector<std::string>> rows;
    rows.reserve(events.size());
    for (const auto& e : events) {
        rows.push_back({e.id.to_string(), format_timestamp(e.created_at), std::string(e.payload.event.str()),
                        e.last_sent_date ? format_timestamp(*e.last_sent_date) : ""});
    }
    io.out << render_table({"ID", "CREATED_AT", "EVENT", "LAST_SENT_DATE"}, rows);
    return 0;
}

int remove(const Invocation& inv, Console& io) {
    const auto common = read_common_options(inv);
    const Uuid id = parse_id(inv);
    run_with_client(common, [&](AsyncClient& client) -> asio::awaitable<void> {
        co_await client.webhooks().delete_webhook(id);
    });
    io.err << "Deleted webhook " << id.to_string() << ".\n";
    return 0;
}

}  // namespace

json::value to_json(const Webhook& webhook) {
    json::object o;
    o["id"] = webhook.id.to_string();
    o["url"] = webhook.url;
    o["events"] = events_json(webhook.events);
    return o;
}

json::value to_json(const WebhookWithSecret& webhook) {
    json::object o;
    o["id"] = webhook.id.to_string();
    o["url"] = webhook.url;
    o["events"] = events_json(webhook.events);
    o["signing_secret"] = webhook.signing_secret;
    return o;
}

json::value to_json(const FailedWebhookEvent& event) {
    json::object o;
    o["id"] = event.id.to_string();
    o["created_at"] = format_timestamp(event.created_at);
    o["updated_at"] = format_timestamp(event.updated_at);
    o["webhook_id"] = event.webhook_id.to_string();
    o["webhook_url"] = event.webhook_url;
    o["payload"] = event.payload.raw_json();  // as sent, exact numbers kept (see pretty_json)
    if (event.last_sent_date) o["last_sent_date"] = format_timestamp(*event.last_sent_date);
    return o;
}

Command webhooks_command() {
    Command group;
    group.name = "webhooks";
    group.summary = "Manage webhooks (Webhooks v2): list, create, update, rotate secrets, failed events";
    group.usage = "webhooks COMMAND [ARGS] [OPTIONS]";
    group.description =
        "Revolut POSTs the subscribed events to a webhook's https:// URL, signed with its signing\n"
        "secret. Output is the API's JSON; --table prints a table without the signing secret.";

    Command c;
    c.name = "list";
    c.summary = "List all webhooks";
    c.usage = "webhooks list [--table]";
    c.handler = list;
    group.subcommands.push_back(c);

    c = Command{};
    c.name = "get";
    c.summary = "Show one webhook, with its signing secret";
    c.usage = "webhooks get ID [--table [--show-secret]]";
    c.positionals = {id_positional()};
    c.flags = {show_secret_flag()};
    c.handler = get;
    group.subcommands.push_back(c);

    c = Command{};
    c.name = "create";
    c.summary = "Create a webhook";
    c.usage = "webhooks create --url URL [--event EVENT]... [--table [--show-secret]]";
    c.description = "Without --event Revolut subscribes to TransactionCreated and TransactionStateChanged.\n"
                    "At most 10 webhooks per business.";
    c.flags = {{"--url", "URL", "where Revolut sends the events (https://…)", false}, event_flag(), show_secret_flag()};
    c.handler = create;
    group.subcommands.push_back(c);

    c = Command{};
    c.name = "update";
    c.summary = "Change a webhook's URL and/or events";
    c.usage = "webhooks update ID [--url URL] [--event EVENT]...";
    c.description = "Only what is given changes; --event replaces the whole list of events.";
    c.positionals = {id_positional()};
    c.flags = {{"--url", "URL", "the new URL (https://…)", false}, event_flag()};
    c.handler = update;
    group.subcommands.push_back(c);

    c = Command{};
    c.name = "rotate-secret";
    c.summary = "Issue a new signing secret";
    c.usage = "webhooks rotate-secret ID [--expiration-period DURATION] [--table [--show-secret]]";
    c.description = "The old secret stays valid for the expiration period (default: it expires at once).";
    c.positionals = {id_positional()};
    c.flags = {{"--expiration-period", "DURATION", "ISO-8601 duration the old secret stays valid,\ne.g. P1D or PT12H (at most P7D)", false},
               show_secret_flag()};
    c.handler = rotate_secret;
    group.subcommands.push_back(c);

    c = Command{};
    c.name = "failed-events";
    c.summary = "List events whose delivery failed (last 21 days, newest first)";
    c.usage = "webhooks failed-events ID [--limit N] [--created-before TIME]";
    c.description = "For the next page, pass the created_at of the last event as --created-before.";
    c.positionals = {id_positional()};
    c.flags = {{"--limit", "N", "at most N events, 1 to 1000 (server default: 100)", false},
               {"--created-before", "TIME", "only events created before TIME (ISO 8601)", false}};
    c.handler = failed_events;
    group.subcommands.push_back(c);

    c = Command{};
    c.name = "delete";
    c.summary = "Delete a webhook";
    c.usage = "webhooks delete ID";
    c.positionals = {id_positional()};
    c.handler = remove;
    group.subcommands.push_back(c);
    return group;
}

}  // namespace revolut::cli
