// Simulations: the shared answer model, and the request builders (routes, exact bodies,
// sandbox-only marking, validation before sending).
#include "model_test_support.hpp"

#include <revolut/api/simulations.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
using revolut_test::require_error;
namespace requests = revolut::detail::simulations;
using verb = boost::beast::http::verb;

namespace {

SimulatedTransaction decode_json(std::string body) {
    return detail::decode<SimulatedTransaction>(detail::ApiResponse{200, std::move(body)});
}

const Uuid account{"e042f1fe-f721-49cc-af82-db7a6c46944f"};
const Uuid transfer{"a6ea39d7-62c9-481c-8ba6-8a887a44c486"};

}  // namespace

TEST_CASE("a simulation answer decodes id, state and times", "[simulations]") {
    auto done = decode_json(R"({"id": "330953b8-b089-4cfd-9f03-e88173d64248", "state": "completed",
        "created_at": "2023-01-23T08:39:35.811005Z", "completed_at": "2023-01-23T08:39:35.811005Z"})");
    CHECK(done.id == Uuid{"330953b8-b089-4cfd-9f03-e88173d64248"});
    CHECK(done.state == TransactionState::completed);
    CHECK(format_timestamp(done.created_at) == "2023-01-23T08:39:35.811005Z");
    REQUIRE(done.completed_at);
    CHECK(*done.completed_at == done.created_at);

    auto pending = decode_json(R"({"id": "330953b8-b089-4cfd-9f03-e88173d64248", "state": "pending",
        "created_at": "2023-01-23T08:39:35Z"})");
    CHECK(pending.state == TransactionState::pending);
    CHECK_FALSE(pending.completed_at);

    auto future = decode_json(R"({"id": "330953b8-b089-4cfd-9f03-e88173d64248", "state": "on_hold",
        "created_at": "2023-01-23T08:39:35Z"})");
    CHECK_FALSE(future.state.is_known());
    CHECK(future.state.str() == "on_hold");

    require_error([] { decode_json(R"({"id": "330953b8-b089-4cfd-9f03-e88173d64248", "created_at": "2023-01-23T08:39:35Z"})"); },
                  Errc::invalid_response);
    require_error([] { decode_json(R"({"id": "330953b8-b089-4cfd-9f03-e88173d64248", "state": "completed"})"); },
                  Errc::invalid_response);
}

TEST_CASE("top-up request: exact amount, optional reference and state, sandbox only", "[simulations]") {
    auto topup = requests::simulate_account_topup(account, Decimal::parse("100.10"), "GBP", std::nullopt, std::nullopt);
    CHECK(topup.method == verb::post);
    CHECK(topup.target == "/1.0/sandbox/topup");
    CHECK(topup.environment == detail::Environment::sandbox_only);
    REQUIRE(topup.json_body);
    CHECK(topup.json_body->find(R"("amount":100.10)") != std::string::npos);  // digits kept
    CHECK(boost::json::parse(*topup.json_body) ==
          boost::json::parse(R"({"account_id":"e042f1fe-f721-49cc-af82-db7a6c46944f","currency":"GBP","amount":100.10})"));

    auto full = requests::simulate_account_topup(account, Decimal(10000), "EUR", std::string("Seed money"),
                                                 TransactionState::pending);
    CHECK(boost::json::parse(*full.json_body) ==
          boost::json::parse(R"({"account_id":"e042f1fe-f721-49cc-af82-db7a6c46944f","currency":"EUR",
                                  "amount":10000,"reference":"Seed money","state":"pending"})"));
}

TEST_CASE("top-up input is checked before sending", "[simulations]") {
    auto invalid = [](auto f) { require_error(f, Errc::invalid_argument); };
    invalid([] { requests::simulate_account_topup(account, Decimal(0), "GBP", std::nullopt, std::nullopt); });
    invalid([] { requests::simulate_account_topup(account, Decimal(-5), "GBP", std::nullopt, std::nullopt); });
    invalid([] { requests::simulate_account_topup(account, Decimal::parse("10000.01"), "GBP", std::nullopt, std::nullopt); });
    invalid([] { requests::simulate_account_topup(account, Decimal(1), "gbp", std::nullopt, std::nullopt); });
    invalid([] { requests::simulate_account_topup(account, Decimal(1), "GBPX", std::nullopt, std::nullopt); });
    invalid([] { requests::simulate_account_topup(Uuid{}, Decimal(1), "GBP", std::nullopt, std::nullopt); });
    invalid([] { requests::simulate_account_topup(account, Decimal(1), "GBP", std::nullopt, TransactionState::declined); });
    invalid([] { requests::simulate_account_topup(account, Decimal(1), "GBP", std::nullopt, TransactionState::created); });
    for (auto state : {TransactionState::pending, TransactionState::completed, TransactionState::reverted,
                       TransactionState::failed}) {
        CHECK_NOTHROW(requests::simulate_account_topup(account, Decimal(1), "GBP", std::nullopt, state));
    }
}

TEST_CASE("transfer state update: one route per action, sandbox only", "[simulations]") {
    const std::pair<TransferAction, const char*> actions[] = {{TransferAction::complete, "complete"},
                                                              {TransferAction::revert, "revert"},
                                                              {TransferAction::decline, "decline"},
                                                              {TransferAction::fail, "fail"}};
    for (const auto& [action, name] : actions) {
        auto request = requests::simulate_transfer_state_update(transfer, action);
        CHECK(request.method == verb::post);
        CHECK(request.target == std::string("/1.0/sandbox/transactions/a6ea39d7-62c9-481c-8ba6-8a887a44c486/") + name);
        CHECK(request.environment == detail::Environment::sandbox_only);
    }
    CHECK(OpenEnum<TransferAction>::parse("revert") == TransferAction::revert);
    require_error([] { requests::simulate_transfer_state_update(transfer, TransferAction::unknown); },
                  Errc::invalid_argument);
    require_error([] { requests::simulate_transfer_state_update(Uuid{}, TransferAction::complete); },
                  Errc::invalid_argument);
}
