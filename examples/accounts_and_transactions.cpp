// Accounts and transactions: list the accounts with their exact balances and bank details,
// then walk the transactions of one account page by page, as a coroutine asks for them.
#include "example_setup.hpp"

#include <revolut/revolut.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <iostream>

namespace asio = boost::asio;

asio::awaitable<void> run(revolut::AsyncClient& client, bool seed_emulator) {
    co_await client.session([&]() -> asio::awaitable<void> {
        auto accounts = co_await client.accounts().get_all_accounts();
        std::cout << accounts.size() << " account(s)\n";
        for (const auto& account : accounts)
            std::cout << "  " << account.currency << "  " << account.name.value_or("(unnamed)") << "  "
                      << account.balance << "  " << account.state.str() << "\n";
        if (accounts.empty()) co_return;
        const auto& main = accounts.front();

        auto details = co_await client.accounts().get_full_bank_details(main.id);
        for (const auto& way_in : details) {
            std::cout << "  pay in by";
            for (const auto& scheme : way_in.schemes) std::cout << " " << scheme.str();
            if (way_in.iban) std::cout << ": IBAN " << *way_in.iban << ", BIC " << way_in.bic.value_or("-");
            if (way_in.sort_code) std::cout << ": sort code " << *way_in.sort_code << ", account " << way_in.account_no.value_or("-");
            std::cout << "\n";
        }

        if (seed_emulator) {  // give the fresh emulator some history: five sandbox top-ups
            for (int i = 1; i <= 5; ++i) {
                co_await client.simulations().simulate_account_topup(
                    main.id, revolut::Decimal(i * 1000 + 50, 2), main.currency, "Top-up " + std::to_string(i));
            }
        }

        // Two per page to show the paging; each page is one request, sent when asked for.
        revolut::TransactionsQuery query;
        query.account = main.id;
        query.count = 2;
        auto pages = client.transactions().iterate_transactions(query);
        std::size_t total = 0, page_number = 0;
        while (auto page = co_await pages.next_page()) {
            std::cout << "page " << ++page_number << ":\n";
            for (const auto& t : *page) {
                ++total;
                std::cout << "  " << revolut::format_timestamp(t.created_at) << "  " << t.type.str() << "  "
                          << t.state.str();
                for (const auto& leg : t.legs) std::cout << "  " << leg.amount << " " << leg.currency;
                std::cout << "  " << t.reference.value_or("") << "\n";
            }
        }
        std::cout << "walked " << total << " transaction(s) in " << page_number << " page(s)\n";
    });
}

int main(int argc, char** argv) {
    asio::io_context ioc;
    auto setup = example::setup_from_args(argc, argv, ioc);
    if (!setup) return 2;
    revolut::AsyncClient client(ioc.get_executor(), setup->options);
    return example::run_to_completion(ioc, *setup, run(client, setup->emulator != nullptr));
}
