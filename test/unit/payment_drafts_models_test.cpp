// Payment drafts: models decoded from JSON shaped like the spec's examples, and request
// building (routes, bodies with exact amounts, validation), without sockets.
#include <revolut/api/payment_drafts.hpp>
#include <revolut/error.hpp>

#include <boost/json/parse.hpp>

#include <catch2/catch.hpp>

using namespace revolut;
namespace requests = revolut::detail::payment_drafts;
using verb = boost::beast::http::verb;

namespace {

const Uuid draft_id{"d41e8b7a-2c9f-4e3d-a6b1-5f0c7e2d9a84"};
const Uuid payment_id{"5b8c2e1f-9a7d-4c6b-b3e0-1d2f4a6c8e90"};
const Uuid account_id{"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d"};
const Uuid counterparty_id{"b6d8f0a2-3c4e-4a6b-9d8f-1e2a3b4c5d6e"};
const Uuid receiver_account{"c1e3a5b7-4d6f-4b8a-ae0c-2f3a4b5c6d7e"};

template <class T>
T decode(const std::string& body, unsigned status = 200) {
    return detail::decode<T>(detail::ApiResponse{status, body});
}

template <class F>
void require_invalid(F f) {
    try {
        f();
        FAIL("accepted");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_argument);
    }
}

template <class T>
void require_invalid_response(const std::string& body) {
    try {
        decode<T>(body);
        FAIL("decoded");
    } catch (const Error& e) {
        CHECK(e.code() == Errc::invalid_response);
    }
}

DraftPaymentRequest sample_payment() {
    DraftPaymentRequest p;
    p.account_id = account_id;
    p.receiver.counterparty_id = counterparty_id;
    p.receiver.account_id = receiver_account;
    p.amount = Decimal::parse("10.50");
    p.currency = "GBP";
    p.reference = "Invoice 2207";
    return p;
}

}  // namespace

TEST_CASE("a payment draft decodes its payments with exact amounts", "[payment_drafts]") {
    auto draft = decode<PaymentDraft>(R"({
      "title": "Supplier run", "scheduled_for": "2026-06-24", "source": "api",
      "payments": [{
        "id": "5b8c2e1f-9a7d-4c6b-b3e0-1d2f4a6c8e90",
        "amount": {"amount": 123.45, "currency": "GBP"},
        "currency": "GBP",
        "reference": "Invoice 2207",
        "account_id": "a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d",
        "receiver": {"counterparty_id": "b6d8f0a2-3c4e-4a6b-9d8f-1e2a3b4c5d6e",
                     "account_id": "c1e3a5b7-4d6f-4b8a-ae0c-2f3a4b5c6d7e"},
        "state": "CREATED",
        "reason": "awaiting approval",
        "error_message": "none",
        "current_charge_options": {"from": {"amount": 123.45, "currency": "GBP"},
                                   "to": {"amount": 144.10, "currency": "EUR"},
                                   "rate": "1.1673", "fee": {"amount": 0.30, "currency": "GBP"}},
        "transfer_reason_code": "goods"
      }]})");
    CHECK(draft.title == "Supplier run");
    REQUIRE(draft.scheduled_for);
    CHECK(*draft.scheduled_for == Date{std::chrono::year{2026}, std::chrono::June, std::chrono::day{24}});
    REQUIRE(draft.source);
    CHECK(*draft.source == PaymentDraftSource::api);
    REQUIRE(draft.payments.size() == 1);
    const auto& p = draft.payments[0];
    CHECK(p.id == payment_id);
    CHECK(p.amount.amount == Decimal::parse("123.45"));
    CHECK(p.amount.amount.to_string() == "123.45");
    CHECK(p.amount.currency == "GBP");
    CHECK(p.currency == "GBP");
    CHECK(p.reference == "Invoice 2207");
    CHECK(p.account_id == account_id);
    CHECK(p.receiver.counterparty_id == counterparty_id);
    CHECK(p.receiver.account_id == receiver_account);
    CHECK_FALSE(p.receiver.card_id);
    CHECK(p.state == DraftPaymentState::created);
    CHECK(p.reason == "awaiting approval");
    CHECK(p.error_message == "none");
    CHECK(p.current_charge_options.to.amount.to_string() == "144.10");
    CHECK(p.current_charge_options.to.currency == "EUR");
    REQUIRE(p.current_charge_options.rate);
    CHECK(p.current_charge_options.rate->to_string() == "1.1673");
    REQUIRE(p.current_charge_options.fee);
    CHECK(p.current_charge_options.fee->amount == Decimal::parse("0.3"));
    CHECK(p.transfer_reason_code == "goods");
}

TEST_CASE("payment draft unknown states are kept and missing fields refused", "[payment_drafts]") {
    auto draft = decode<PaymentDraft>(R"({"payments":[{"id":"5b8c2e1f-9a7d-4c6b-b3e0-1d2f4a6c8e90",
        "amount":{"amount":5,"currency":"EUR"},"account_id":"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d",
        "receiver":{"counterparty_id":"b6d8f0a2-3c4e-4a6b-9d8f-1e2a3b4c5d6e","card_id":"c1e3a5b7-4d6f-4b8a-ae0c-2f3a4b5c6d7e"},
        "state":"ON_HOLD","current_charge_options":{"from":{"amount":5,"currency":"EUR"},
        "to":{"amount":5,"currency":"EUR"}}}],"source":"mobile"})");
    CHECK_FALSE(draft.title);
    CHECK_FALSE(draft.scheduled_for);
    CHECK(draft.source->str() == "mobile");
    CHECK(draft.payments[0].state.str() == "ON_HOLD");
    CHECK(draft.payments[0].receiver.card_id == receiver_account);
    CHECK_FALSE(draft.payments[0].current_charge_options.rate);
    CHECK_FALSE(draft.payments[0].current_charge_options.fee);
    CHECK_FALSE(draft.payments[0].reference);

    require_invalid_response<PaymentDraft>(R"({"title":"x"})");  // no payments
    require_invalid_response<PaymentDraft>(R"({"payments":[{"id":"5b8c2e1f-9a7d-4c6b-b3e0-1d2f4a6c8e90",
        "amount":{"amount":5,"currency":"EUR"},"account_id":"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d",
        "receiver":{"counterparty_id":"b6d8f0a2-3c4e-4a6b-9d8f-1e2a3b4c5d6e"},"state":"CREATED"}]})");  // no charge options
}

TEST_CASE("the draft list and create answers decode", "[payment_drafts]") {
    auto list = decode<PaymentDrafts>(R"({"payment_orders":[{"id":"d41e8b7a-2c9f-4e3d-a6b1-5f0c7e2d9a84",
        "scheduled_for":"2026-06-24","title":"Supplier run","payments_count":3,"source":"email"}]})");
    REQUIRE(list.payment_orders.size() == 1);
    CHECK(list.payment_orders[0].id == draft_id);
    CHECK(list.payment_orders[0].title == "Supplier run");
    CHECK(list.payment_orders[0].payments_count == 3);
    CHECK(*list.payment_orders[0].source == PaymentDraftSource::email);
    REQUIRE(list.payment_orders[0].scheduled_for);
    require_invalid_response<PaymentDrafts>(R"({"payment_orders":[{"id":"d41e8b7a-2c9f-4e3d-a6b1-5f0c7e2d9a84"}]})");

    CHECK(decode<CreatedPaymentDraft>(R"({"id":"d41e8b7a-2c9f-4e3d-a6b1-5f0c7e2d9a84"})", 201).id == draft_id);
    CHECK_FALSE(decode<CreatedPaymentDraft>("", 204).id);  // 204: no payments were given
    CHECK(decode<CreatedDraftPayment>(R"({"id":"5b8c2e1f-9a7d-4c6b-b3e0-1d2f4a6c8e90"})", 201).id == payment_id);
    require_invalid_response<CreatedDraftPayment>(R"({})");
}

TEST_CASE("create_payment_draft sends per-payment accounts and exact amounts", "[payment_drafts]") {
    auto second = sample_payment();
    second.account_id = Uuid{"e2f4a6b8-5c7d-4e9f-a1b3-c5d7e9f1a3b5"};
    second.receiver.account_id.reset();
    second.amount = Decimal::parse("0.10");
    second.currency = "EUR";
    second.transfer_reason_code = "services";
    std::vector<DraftPaymentRequest> payments{sample_payment(), second};
    auto request = requests::create_payment_draft(payments, std::string("Supplier run"),
                                                  Date{std::chrono::year{2026}, std::chrono::June, std::chrono::day{24}});
    CHECK(request.method == verb::post);
    CHECK(request.target == "/1.0/payment-drafts");
    REQUIRE(request.json_body);
    CHECK(*request.json_body ==
          R"({"title":"Supplier run","schedule_for":"2026-06-24","payments":[)"
          R"({"account_id":"a0c3e5f7-1b2d-4f6a-8c9e-0d1f2a3b4c5d","receiver":{"counterparty_id":"b6d8f0a2-3c4e-4a6b-9d8f-1e2a3b4c5d6e",)"
          R"("account_id":"c1e3a5b7-4d6f-4b8a-ae0c-2f3a4b5c6d7e"},"amount":10.50,"currency":"GBP","reference":"Invoice 2207"},)"
          R"({"account_id":"e2f4a6b8-5c7d-4e9f-a1b3-c5d7e9f1a3b5","receiver":{"counterparty_id":"b6d8f0a2-3c4e-4a6b-9d8f-1e2a3b4c5d6e"},)"
          R"("amount":0.10,"currency":"EUR","reference":"Invoice 2207","transfer_reason_code":"services"}]})");

    auto empty = requests::create_payment_draft({}, std::nullopt, std::nullopt);
    CHECK(*empty.json_body == R"({"payments":[]})");
}

TEST_CASE("payment draft inputs are checked before sending", "[payment_drafts]") {
    auto with = [](auto change) {
        auto p = sample_payment();
        change(p);
        std::vector<DraftPaymentRequest> payments{p};
        return requests::create_payment_draft(payments, std::nullopt, std::nullopt);
    };
    require_invalid([&] { with([](DraftPaymentRequest& p) { p.amount = Decimal(0); }); });
    require_invalid([&] { with([](DraftPaymentRequest& p) { p.amount = Decimal::parse("-1.00"); }); });
    require_invalid([&] { with([](DraftPaymentRequest& p) { p.currency = "pounds"; }); });
    require_invalid([&] { with([](DraftPaymentRequest& p) { p.reference.clear(); }); });
    require_invalid([&] { with([](DraftPaymentRequest& p) { p.reference = std::string(256, 'r'); }); });
    require_invalid([&] { with([](DraftPaymentRequest& p) { p.account_id = Uuid{}; }); });
    require_invalid([&] { with([](DraftPaymentRequest& p) { p.receiver.counterparty_id = Uuid{}; }); });
    require_invalid([] {
        requests::create_payment_draft({sample_payment()}, std::string(), std::nullopt);  // empty title
    });
    auto bearer = sample_payment();
    bearer.charge_bearer = DraftChargeBearer::debtor;
    std::vector<DraftPaymentRequest> bulk{bearer, sample_payment()};
    require_invalid([&] { requests::create_payment_draft(bulk, std::nullopt, std::nullopt); });
    std::vector<DraftPaymentRequest> single{bearer};
    CHECK(requests::create_payment_draft(single, std::nullopt, std::nullopt).json_body->find(R"("charge_bearer":"debtor")") !=
          std::string::npos);
    require_invalid([] { requests::get_all_payment_drafts(OpenEnum<PaymentDraftSource>(PaymentDraftSource::business_app)); });
}

TEST_CASE("payment draft routes and partial updates", "[payment_drafts]") {
    CHECK(requests::get_all_payment_drafts(std::nullopt).target == "/1.0/payment-drafts");
    CHECK(requests::get_all_payment_drafts(OpenEnum<PaymentDraftSource>(PaymentDraftSource::all)).target ==
          "/1.0/payment-drafts?source=all");
    CHECK(requests::get_payment_draft(draft_id).target == "/1.0/payment-drafts/d41e8b7a-2c9f-4e3d-a6b1-5f0c7e2d9a84");
    CHECK(requests::delete_payment_draft(draft_id).method == verb::delete_);

    auto title_only = requests::update_payment_draft(draft_id, std::string("Renamed"), {});
    CHECK(title_only.method == verb::patch);
    CHECK(*title_only.json_body == R"({"title":"Renamed"})");
    auto cleared = requests::update_payment_draft(draft_id, DraftFieldUpdate<std::string>::cleared(),
                                                  Date{std::chrono::year{2026}, std::chrono::July, std::chrono::day{1}});
    CHECK(*cleared.json_body == R"({"title":null,"schedule_for":"2026-07-01"})");
    require_invalid([] { requests::update_payment_draft(draft_id, {}, {}); });

    auto add = requests::add_payment_draft_payment(draft_id, sample_payment());
    CHECK(add.method == verb::post);
    CHECK(add.target == "/1.0/payment-drafts/d41e8b7a-2c9f-4e3d-a6b1-5f0c7e2d9a84/payments");
    CHECK(add.json_body->find(R"("amount":10.50)") != std::string::npos);

    UpdateDraftPaymentRequest update;
    update.amount = Decimal::parse("200");
    update.reference = "Updated reference";
    auto patch = requests::update_payment_draft_payment(draft_id, payment_id, update);
    CHECK(patch.method == verb::patch);
    CHECK(patch.target ==
          "/1.0/payment-drafts/d41e8b7a-2c9f-4e3d-a6b1-5f0c7e2d9a84/payments/5b8c2e1f-9a7d-4c6b-b3e0-1d2f4a6c8e90");
    CHECK(*patch.json_body == R"({"amount":200,"reference":"Updated reference"})");
    require_invalid([] { requests::update_payment_draft_payment(draft_id, payment_id, {}); });
    UpdateDraftPaymentRequest negative;
    negative.amount = Decimal::parse("-5");
    require_invalid([&] { requests::update_payment_draft_payment(draft_id, payment_id, negative); });
    auto remove = requests::delete_payment_draft_payment(draft_id, payment_id);
    CHECK(remove.method == verb::delete_);
    CHECK_FALSE(remove.json_body);
}
