#pragma once
// Shared by the money-moving integration tests (transfers, foreign exchange): an emulator,
// a client on it, counterparties seeded through the emulator, balances read through the API.

#include "support/expect.hpp"
#include "support/mock_client.hpp"
#include "support/run_async.hpp"

#include <revolut/api/accounts.hpp>
#include <revolut/api/transactions.hpp>
#include <revolut/client.hpp>
#include <revolut/mock/server.hpp>

#include <boost/asio/steady_timer.hpp>
#include <boost/json.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <stdexcept>
#include <string>

namespace revolut::test {

/// Expects `op` to be refused before sending (Errc::invalid_argument).
template <class Awaitable>
boost::asio::awaitable<void> expect_invalid(Awaitable op) {
    try {
        co_await std::move(op);
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_argument);
    }
}

/// A counterparty seeded in the emulator, with its one account.
struct SeededCounterparty {
    Uuid id;
    Uuid account_id;
};

inline SeededCounterparty seed_counterparty(mock::Server& server, boost::json::object body) {
    auto made = server.seed("counterparty", body);
    return {Uuid(made.at("id").as_string()), Uuid(made.at("accounts").as_array().at(0).at("id").as_string())};
}

/// A Revolut customer paid by Revtag: payments to it complete at once.
inline SeededCounterparty revolut_counterparty(mock::Server& server, const std::string& currency = "GBP") {
    return seed_counterparty(server, boost::json::object{{"profile_type", "personal"},
                                                         {"name", "Alice Builder"},
                                                         {"revtag", "alicebuilds" + currency},
                                                         {"currency", currency}});
}

/// A UK bank account: payments to it stay pending until a simulation settles them.
inline SeededCounterparty uk_bank_counterparty(mock::Server& server) {
    return seed_counterparty(server, boost::json::object{{"company_name", "Acme Supplies Ltd"},
                                                         {"bank_country", "GB"},
                                                         {"currency", "GBP"},
                                                         {"account_no", "12345678"},
                                                         {"sort_code", "04-00-04"}});
}

/// A German bank account in EUR.
inline SeededCounterparty eur_bank_counterparty(mock::Server& server) {
    return seed_counterparty(server, boost::json::object{{"company_name", "Beispiel GmbH"},
                                                         {"bank_country", "DE"},
                                                         {"currency", "EUR"},
                                                         {"iban", "DE89370400440532013000"}});
}

/// An Indian bank account: INR payments need a transfer reason.
inline SeededCounterparty inr_bank_counterparty(mock::Server& server) {
    return seed_counterparty(server, boost::json::object{{"company_name", "Chennai Traders"},
                                                         {"bank_country", "IN"},
                                                         {"currency", "INR"},
                                                         {"account_no", "123456789012"},
                                                         {"bic", "HDFCINBBXXX"},
                                                         {"ifsc", "HDFC0000001"}});
}

/// The emulator's GBP and EUR "Main" accounts.
struct MainAccounts {
    Uuid gbp;
    Uuid eur;
};

inline boost::asio::awaitable<MainAccounts> main_accounts(AsyncClient& client) {
    auto accounts = co_await client.accounts().get_all_accounts();
    MainAccounts main;
    for (const auto& a : accounts) {
        if (a.currency == "GBP" && a.name == "Main") main.gbp = a.id;
        if (a.currency == "EUR" && a.name == "Main") main.eur = a.id;
    }
    co_return main;
}

/// An account's balance as the API shows it, as text with its digits ("12489.50").
inline boost::asio::awaitable<std::string> balance_of(AsyncClient& client, Uuid account) {
    auto a = co_await client.accounts().get_account(account);
    co_return a.balance.to_string();
}

/// How many transactions the emulator lists (at most 1000).
inline boost::asio::awaitable<std::size_t> transaction_count(AsyncClient& client) {
    auto all = co_await client.transactions().get_all_transactions(std::nullopt, std::nullopt, std::nullopt, 1000);
    co_return all.size();
}

/// Polls `done` every 10 ms until it holds or `limit` passes; whether it held.
inline boost::asio::awaitable<bool> eventually(std::function<bool()> done, std::chrono::milliseconds limit) {
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) co_return false;
        timer.expires_after(std::chrono::milliseconds(10));
        co_await timer.async_wait(boost::asio::use_awaitable);
    }
    co_return true;
}

}  // namespace revolut::test
