// The seed's sample coroutine: list all webhooks inside a client session, like pyrevolut's
//   async with client:
//       webhooks = await client.Webhooks.get_all_webhooks()
#include "example_setup.hpp"

#include <revolut/revolut.hpp>

#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <iostream>

namespace asio = boost::asio;

asio::awaitable<void> run(revolut::AsyncClient& client, bool seed_emulator) {
    co_await client.session([&]() -> asio::awaitable<void> {
        if (seed_emulator) {  // give the empty emulator something to list
            co_await client.webhooks().create_webhook("https://example.com/revolut/transactions");
            std::vector<revolut::WebhookEvent> payout_events{revolut::WebhookEventType::PayoutLinkCreated,
                                                             revolut::WebhookEventType::PayoutLinkStateChanged};
            co_await client.webhooks().create_webhook("https://example.com/revolut/payouts", payout_events);
        }
        auto webhooks = co_await client.webhooks().get_all_webhooks();
        std::cout << webhooks.size() << " webhook(s)\n";
        for (const auto& webhook : webhooks) {
            std::cout << "  " << webhook.id.to_string() << "  " << webhook.url << "  [";
            for (std::size_t i = 0; i < webhook.events.size(); ++i)
                std::cout << (i ? ", " : "") << webhook.events[i].str();
            std::cout << "]\n";
        }
    });
}

int main(int argc, char** argv) {
    asio::io_context ioc;
    auto setup = example::setup_from_args(argc, argv, ioc);
    if (!setup) return 2;
    revolut::AsyncClient client(ioc.get_executor(), setup->options);

    return example::run_to_completion(ioc, *setup, run(client, setup->emulator != nullptr));
}
