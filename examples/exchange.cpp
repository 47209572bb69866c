// Foreign exchange: read a rate, sell an exact amount of one currency, buy an exact amount of
// another. Amounts are exact decimals end to end; the side you do not fix is computed and
// rounded to its currency's minor unit.
#include "example_setup.hpp"

#include <revolut/revolut.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <iostream>

namespace asio = boost::asio;

namespace {

// The leg of `t` in `currency` (its amount, without the sign).
revolut::Decimal leg_amount(const revolut::Transaction& t, const std::string& currency) {
    for (const auto& leg : t.legs)
        if (leg.currency == currency) return leg.amount.signum() < 0 ? -leg.amount : leg.amount;
    return {};
}

}  // namespace

asio::awaitable<void> run(revolut::AsyncClient& client) {
    co_await client.session([&]() -> asio::awaitable<void> {
        auto accounts = co_await client.accounts().get_all_accounts();
        const revolut::Account *gbp = nullptr, *eur = nullptr;
        for (const auto& a : accounts) {
            if (a.currency == "GBP" && !gbp) gbp = &a;
            if (a.currency == "EUR" && !eur) eur = &a;
        }
        if (!gbp || !eur) throw std::runtime_error("this example needs a GBP and a EUR account");

        auto rate = co_await client.foreign_exchange().get_exchange_rate("GBP", "EUR", revolut::Decimal::parse("100.00"));
        std::cout << "rate: 1 GBP = " << rate.rate << " EUR; " << rate.from.amount.value_or(revolut::Decimal{})
                  << " GBP buys " << rate.to.amount.value_or(revolut::Decimal{}) << " EUR (fee "
                  << rate.fee.amount.value_or(revolut::Decimal{}) << ")\n";

        // Sell exactly 100.00 GBP.
        auto sold = co_await client.foreign_exchange().exchange_money(gbp->id, "GBP", eur->id, "EUR",
                                                                      revolut::Decimal::parse("100.00"));
        auto sale = co_await client.transactions().get_transaction(sold.id);
        std::cout << "exchanged " << leg_amount(sale, "GBP") << " GBP -> " << leg_amount(sale, "EUR") << " EUR ("
                  << sold.state->str() << ", request_id " << sold.request_id << ")\n";

        // Buy exactly 50.00 EUR.
        revolut::ExchangeRequest buy;
        buy.from.account_id = gbp->id;
        buy.from.currency = "GBP";
        buy.to.account_id = eur->id;
        buy.to.currency = "EUR";
        buy.to.amount = revolut::Decimal::parse("50.00");
        buy.reference = "Supplier float";
        auto bought = co_await client.foreign_exchange().exchange_money(buy);
        auto purchase = co_await client.transactions().get_transaction(bought.id);
        std::cout << "bought " << leg_amount(purchase, "EUR") << " EUR for " << leg_amount(purchase, "GBP") << " GBP\n";

        auto gbp_now = co_await client.accounts().get_account(gbp->id);
        auto eur_now = co_await client.accounts().get_account(eur->id);
        std::cout << "balances: " << gbp_now.balance << " GBP, " << eur_now.balance << " EUR\n";

        auto reasons = co_await client.foreign_exchange().get_exchange_reasons();
        std::cout << reasons.size() << " exchange reason(s), e.g. " << (reasons.empty() ? "-" : reasons[0].name) << "\n";
    });
}

int main(int argc, char** argv) {
    asio::io_context ioc;
    auto setup = example::setup_from_args(argc, argv, ioc);
    if (!setup) return 2;
    revolut::AsyncClient client(ioc.get_executor(), setup->options);
    return example::run_to_completion(ioc, *setup, run(client));
}
