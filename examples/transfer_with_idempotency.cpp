// Pay a counterparty safely: price the payment first, pay it with an idempotency key, and
// send the very same request again, as after a timeout. Revolut (and the emulator) return
// the original transaction: the money moves once. The client itself resends with the same
// key when an answer is lost; this shows the manual case.
#include "example_setup.hpp"

#include <revolut/revolut.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <iostream>

namespace asio = boost::asio;

asio::awaitable<void> run(revolut::AsyncClient& client, bool emulator) {
    co_await client.session([&]() -> asio::awaitable<void> {
        auto accounts = co_await client.accounts().get_all_accounts();
        const revolut::Account* gbp = nullptr;
        for (const auto& a : accounts)
            if (a.currency == "GBP" && !gbp) gbp = &a;
        if (!gbp) throw std::runtime_error("no GBP account");
        std::cout << "paying from " << gbp->name.value_or("GBP") << " (balance " << gbp->balance << " GBP)\n";

        revolut::CreateCounterpartyRequest supplier;
        supplier.company_name = "Acme Supplies Ltd";
        supplier.bank_country = "GB";
        supplier.currency = "GBP";
        supplier.account_no = "12345678";
        supplier.sort_code = "04-00-04";
        auto counterparty = co_await client.counterparties().create_counterparty(supplier);
        std::cout << "counterparty " << counterparty.name << " " << counterparty.id.to_string() << "\n";

        revolut::IndicativeQuoteRequest quote_request;
        quote_request.account_id = gbp->id;
        quote_request.receiver.counterparty_id = counterparty.id;
        quote_request.amount = revolut::Decimal::parse("125.40");
        quote_request.currency = "GBP";
        auto quote = co_await client.transfers().get_indicative_quote(quote_request);
        std::cout << "quote: fee " << quote.fee.amount << " " << quote.fee.currency << ", total "
                  << quote.estimated_total.amount << " " << quote.estimated_total.currency << "\n";

        revolut::CreatePaymentRequest payment;
        payment.account_id = gbp->id;
        payment.receiver.counterparty_id = counterparty.id;
        payment.amount = quote_request.amount;
        payment.currency = "GBP";
        payment.reference = "Invoice 2024-001";
        // No request_id given: the client makes one (a UUID) and reports it on the result.
        auto paid = co_await client.transfers().create_transfer_to_another_account(payment);
        std::cout << "paid " << payment.amount << " GBP: transaction " << paid.id << " (" << paid.state.str()
                  << "), request_id " << paid.request_id << "\n";

        // The same request again, with the same key, as after a timeout.
        payment.request_id = paid.request_id;
        auto again = co_await client.transfers().create_transfer_to_another_account(payment);
        std::cout << "sent again with the same request_id: " << (again.id == paid.id ? "same transaction" : "NEW TRANSACTION")
                  << "\n";

        revolut::TransactionsQuery by_key;
        by_key.from = revolut::TransactionTime{paid.created_at - std::chrono::minutes(1)};
        by_key.request_id = paid.request_id;
        auto found = co_await client.transactions().get_all_transactions(by_key);
        std::cout << "transactions with that request_id: " << found.size() << "\n";
        std::cout << "paid once: " << (found.size() == 1 && again.id == paid.id ? "yes" : "no") << "\n";

        if (emulator) {  // the sandbox settles bank transfers on request
            co_await client.simulations().simulate_transfer_state_update(revolut::Uuid(paid.id),
                                                                         revolut::TransferAction::complete);
            auto settled = co_await client.transactions().get_transaction(paid.id);
            std::cout << "after settlement: " << settled.state.str() << "\n";
        }
        auto after = co_await client.accounts().get_account(gbp->id);
        std::cout << "balance now " << after.balance << " GBP\n";
    });
}

int main(int argc, char** argv) {
    asio::io_context ioc;
    auto setup = example::setup_from_args(argc, argv, ioc);
    if (!setup) return 2;
    revolut::AsyncClient client(ioc.get_executor(), setup->options);
    return example::run_to_completion(ioc, *setup, run(client, setup->emulator != nullptr));
}
