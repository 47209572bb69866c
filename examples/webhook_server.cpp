// Receiving webhooks: a WebhookServer on HTTPS, registered with create_webhook, printing each
// verified, typed event. Runs against an embedded revolut-mock, which delivers signed events
// the way Revolut does (a real deployment needs a public https URL instead of 127.0.0.1).
//
// The flow: start the emulator -> start the receiver with a certificate the emulator trusts
// -> create the webhook -> hand its signing secret to the receiver -> top up an account in
// pending state, then complete it (TransactionCreated, TransactionStateChanged) -> print the
// events as they arrive -> delete the webhook and stop.
#include <revolut/revolut.hpp>
#include <revolut/mock/server.hpp>
#include <revolut/raw_request.hpp>
#include <revolut/webhook/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>

#include <iostream>

namespace asio = boost::asio;
namespace json = boost::json;
namespace hook = revolut::webhook;
using revolut::WebhookEventType;

namespace {

// Wakes the main flow once `expected` events have been printed.
struct Arrivals {
    explicit Arrivals(asio::any_io_executor executor) : timer(executor) {}
    asio::steady_timer timer;
    int seen = 0;
    void one_more() {
        ++seen;
        timer.cancel();
    }
    asio::awaitable<bool> wait_for(int expected, std::chrono::seconds limit) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (seen < expected && std::chrono::steady_clock::now() < deadline) {
            timer.expires_at(deadline);
            co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
        }
        co_return seen >= expected;
    }
};

hook::WebhookHandler make_handler(Arrivals& arrivals) {
    hook::WebhookHandler handler;  // no secret yet: it comes with create_webhook
    handler.on_transaction_created(
        [&arrivals](const hook::TransactionCreated& t, const hook::Event& e) -> asio::awaitable<void> {
            std::cout << "verified  TransactionCreated at " << revolut::format_timestamp(e.timestamp)
                      << ": " << t.type.str() << " " << t.id << ", state " << t.state.str();
            for (const auto& leg : t.legs) std::cout << ", " << leg.amount << " " << leg.currency;
            std::cout << "\n";
            arrivals.one_more();
            co_return;
        });
    handler.on_transaction_state_changed(
        [&arrivals](const hook::TransactionStateChanged& c) -> asio::awaitable<void> {
            std::cout << "verified  TransactionStateChanged: " << c.id << " " << c.old_state.str()
                      << " -> " << c.new_state.str() << "\n";
            arrivals.one_more();
            co_return;
        });
    handler.otherwise([&arrivals](const hook::Event& e) -> asio::awaitable<void> {
        std::cout << "verified  " << e.event.str() << " (no typed handler)\n";
        arrivals.one_more();
        co_return;
    });
    return handler;
}

asio::awaitable<void> run(revolut::AsyncClient& client, hook::WebhookServer& receiver,
                          revolut::mock::Server& emulator, Arrivals& arrivals) {
    co_await client.session([&]() -> asio::awaitable<void> {
        std::vector<revolut::WebhookEvent> events{WebhookEventType::TransactionCreated,
                                                  WebhookEventType::TransactionStateChanged};
        auto webhook = co_await client.webhooks().create_webhook(receiver.url(), events);
        std::cout << "registered " << receiver.url() << " as webhook " << webhook.id.to_string()
                  << "\n";
        // The signing secret is a credential: give it to the receiver, never print it.
        receiver.handler().set_signing_secrets({webhook.signing_secret});

        // Sandbox simulation: a pending top-up, then its completion.
        const revolut::Uuid account = emulator.add_account("Webhook demo", "GBP", revolut::Decimal::parse("0"));
        json::object topup;
        topup["account_id"] = account.to_string();
        topup["amount"] = 125;
        topup["currency"] = "GBP";
        topup["reference"] = "webhook demo";
        topup["state"] = "pending";
        json::value topup_body = topup;
        auto created = co_await revolut::raw_request(client, boost::beast::http::verb::post,
                                                     "/1.0/sandbox/topup", topup_body);
        const std::string transaction_id(created.at("id").as_string());
        std::cout << "topped up (pending) " << transaction_id << "\n";
        co_await revolut::raw_request(client, boost::beast::http::verb::post,
                                      "/1.0/sandbox/transactions/" + transaction_id + "/complete");
        std::cout << "completed " << transaction_id << "\n";

        const bool all_arrived = co_await arrivals.wait_for(2, std::chrono::seconds(10));
        co_await client.webhooks().delete_webhook(webhook.id);
        if (!all_arrived) throw std::runtime_error("the events did not all arrive within 10 s");
    });
    const auto stats = receiver.stats();
    std::cout << "receiver: " << stats.requests << " request(s), " << stats.verified
              << " verified, " << stats.rejected << " rejected, " << stats.handler_failures
              << " handler failure(s)\n";
}

}  // namespace

int main() {
    asio::io_context ioc;

    revolut::mock::ServerOptions emulator_options;
    revolut::mock::Server emulator(ioc.get_executor(), emulator_options);
    emulator.start();
    std::cout << "Using the embedded revolut-mock at " << emulator.base_url()
              << " (real TLS on loopback)\n";

    revolut::ClientOptions options;
    options.base_url = emulator.base_url();
    options.ca_pem = emulator.ca_certificate_pem();
    options.use_system_trust_store = false;
    options.creds = revolut::serialize_credentials(emulator.issue_credentials());
    revolut::AsyncClient client(ioc.get_executor(), options);

    // HTTPS with a certificate for 127.0.0.1 from the emulator's CA, which its delivery trusts.
    const auto certificate = emulator.issue_certificate({"127.0.0.1"});
    hook::WebhookServerOptions receiver_options;
    receiver_options.path = "/revolut/webhook";
    receiver_options.certificate_chain_pem = certificate.certificate_pem;
    receiver_options.private_key_pem = certificate.private_key_pem;
    Arrivals arrivals(ioc.get_executor());
    hook::WebhookServer receiver(ioc.get_executor(), make_handler(arrivals), receiver_options);
    receiver.start();
    std::cout << "receiver listening on " << receiver.url() << "\n";

    int status = 0;
    asio::co_spawn(ioc, run(client, receiver, emulator, arrivals), [&](std::exception_ptr e) {
        if (e) {
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& error) {
                std::cerr << "error: " << error.what() << "\n";
            }
            status = 1;
        }
        // stop() takes any completion token; a callback here, `co_await` in a coroutine.
        receiver.stop([&](std::exception_ptr) {
            emulator.stop();
            std::cout << "stopped\n";
        });
    });
    ioc.run();
    return status;
}
