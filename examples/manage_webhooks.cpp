// A webhook's whole life: create -> get -> update -> rotate the secret -> read failed
// events -> delete. Shows open()/close() without the scoped session, and error handling.
#include "example_setup.hpp"

#include <revolut/revolut.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <iostream>

namespace asio = boost::asio;
using revolut::WebhookEventType;

asio::awaitable<void> walk(revolut::AsyncClient& client) {
    auto webhooks = client.webhooks();

    // Named vectors rather than braced lists inside co_await: GCC 12 miscompiles those.
    std::vector<revolut::WebhookEvent> transactions{WebhookEventType::TransactionCreated};
    auto created = co_await webhooks.create_webhook("https://example.com/revolut/hooks", transactions);
    // The signing secret is a credential: we print only that we have one.
    std::cout << "created   " << created.id.to_string() << " (signing secret received: "
              << (created.signing_secret.empty() ? "no" : "yes") << ")\n";

    auto fetched = co_await webhooks.get_webhook(created.id);
    std::cout << "fetched   " << fetched.url << "\n";

    std::vector<revolut::WebhookEvent> both{WebhookEventType::TransactionCreated,
                                            WebhookEventType::TransactionStateChanged};
    auto updated = co_await webhooks.update_webhook(created.id, std::nullopt, both);
    std::cout << "updated   now " << updated.events.size() << " event types\n";

    auto rotated = co_await webhooks.rotate_webhook_secret(created.id, std::chrono::hours(12));
    std::cout << "rotated   the old secret stays valid for 12 hours ("
              << (rotated.signing_secret != created.signing_secret ? "new secret differs" : "unchanged?") << ")\n";

    auto failed = co_await webhooks.get_failed_webhook_events(created.id, 50);
    std::cout << "failed    " << failed.size() << " failed deliveries\n";

    co_await webhooks.delete_webhook(created.id);
    std::cout << "deleted\n";

    try {
        co_await webhooks.get_webhook(created.id);
    } catch (const revolut::ApiError& e) {
        std::cout << "get after delete -> HTTP " << e.status() << ", code "
                  << e.api_code().value_or(0) << ": " << e.api_message() << "\n";
    }
}

asio::awaitable<void> run(revolut::AsyncClient& client) {
    co_await client.open();
    std::exception_ptr failure;
    try {
        co_await walk(client);
    } catch (...) {
        failure = std::current_exception();
    }
    co_await client.close();  // what client.session(...) does for you
    if (failure) std::rethrow_exception(failure);
}

int main(int argc, char** argv) {
    asio::io_context ioc;
    auto setup = example::setup_from_args(argc, argv, ioc);
    if (!setup) return 2;
    revolut::AsyncClient client(ioc.get_executor(), setup->options);
    return example::run_to_completion(ioc, *setup, run(client));
}
