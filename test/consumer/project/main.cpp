// A user's program built against the installed package: client + emulator, one call.
#include <revolut/mock/server.hpp>
#include <revolut/revolut.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <iostream>

int main() {
    boost::asio::io_context ioc;
    revolut::mock::Server server(ioc.get_executor());
    server.start();

    revolut::ClientOptions options;
    options.base_url = server.base_url();
    options.ca_pem = server.ca_certificate_pem();
    options.use_system_trust_store = false;
    options.creds = revolut::serialize_credentials(server.issue_credentials());
    revolut::AsyncClient client(ioc.get_executor(), options);

    int status = 1;
    boost::asio::co_spawn(
        ioc,
        client.session([&]() -> boost::asio::awaitable<void> {
            co_await client.webhooks().create_webhook("https://example.com/consumer");
            auto hooks = co_await client.webhooks().get_all_webhooks();
            std::cout << "consumer: listed " << hooks.size() << " webhook(s)\n";
            status = hooks.size() == 1 ? 0 : 1;
        }),
        [&](std::exception_ptr e) {
            if (e) {
                try {
                    std::rethrow_exception(e);
                } catch (const std::exception& error) {
                    std::cerr << "consumer: " << error.what() << "\n";
                }
            }
            server.stop();
        });
    ioc.run();
    return status;
}
