// Fuzzes the response models: a 2xx body decoded into every typed result the endpoint
// methods return (detail::decode<T>, exactly what the client runs on a response), plus the
// raw JSON shape. Input: the model's name \0 the response body. An unknown name picks a
// model by hash, so the fuzzer reaches every model either way.
//
// Adding a model: one line in `models` below, naming the type an endpoint method returns
// (its decode<T> is explicitly instantiated next to its tag_invoke in src/api).
// Invariant: a body either decodes or fails with Errc::invalid_response, nothing else.

#include "fuzz_support.hpp"

#include <revolut/revolut.hpp>
#include <revolut/detail/api_call.hpp>
#include <revolut/error.hpp>

#include <boost/json/value.hpp>

#include <array>
#include <functional>
#include <string_view>
#include <vector>

namespace {

using namespace revolut;
using Decoder = void (*)(const detail::ApiResponse&);

template <class T>
void decode_as(const detail::ApiResponse& response) {
    (void)detail::decode<T>(response);
}

struct Model {
    std::string_view name;
    Decoder decode;
};

// clang-format off
constexpr Model models[] = {
    {"raw",                            decode_as<boost::json::value>},
    // Webhooks
    {"Webhook",                        decode_as<Webhook>},
    {"WebhookList",                    decode_as<std::vector<Webhook>>},
    {"WebhookWithSecret",              decode_as<WebhookWithSecret>},
    {"FailedWebhookEventList",         decode_as<std::vector<FailedWebhookEvent>>},
    // The other groups: every type an endpoint method decodes
    {"Account",                        decode_as<Account>},
    {"AccountNameValidation",          decode_as<AccountNameValidation>},
    {"AccountingCategory",             decode_as<AccountingCategory>},
    {"Card",                           decode_as<Card>},
    {"CardInvitation",                 decode_as<CardInvitation>},
    {"CardSensitiveDetails",           decode_as<CardSensitiveDetails>},
    {"Counterparty",                   decode_as<Counterparty>},
    {"CounterpartyCountries",          decode_as<CounterpartyCountries>},
    {"CounterpartyRequirements",       decode_as<CounterpartyRequirements>},
    {"CreatedCard",                    decode_as<CreatedCard>},
    {"CreatedCardInvitation",          decode_as<CreatedCardInvitation>},
    {"CreatedDraftPayment",            decode_as<CreatedDraftPayment>},
    {"CreatedPaymentDraft",            decode_as<CreatedPaymentDraft>},
    {"CursorPageAccountingCategory",   decode_as<CursorPage<AccountingCategory>>},
    {"CursorPageLabel",                decode_as<CursorPage<Label>>},
    {"CursorPageLabelGroup",           decode_as<CursorPage<LabelGroup>>},
    {"CursorPageTaxRate",              decode_as<CursorPage<TaxRate>>},
    {"ExchangeRate",                   decode_as<ExchangeRate>},
    {"ExchangeResult",                 decode_as<ExchangeResult>},
    {"Expense",                        decode_as<Expense>},
    {"IndicativeQuote",                decode_as<IndicativeQuote>},
    {"InvitedTeamMember",              decode_as<InvitedTeamMember>},
    {"Label",                          decode_as<Label>},
    {"LabelGroup",                     decode_as<LabelGroup>},
    {"PaymentDraft",                   decode_as<PaymentDraft>},
    {"PaymentDrafts",                  decode_as<PaymentDrafts>},
    {"PaymentRequirements",            decode_as<PaymentRequirements>},
    {"PayoutLink",                     decode_as<PayoutLink>},
    {"ResourceCreated",                decode_as<ResourceCreated>},
    {"SimulatedTransaction",           decode_as<SimulatedTransaction>},
    {"TaxRate",                        decode_as<TaxRate>},
    {"Transaction",                    decode_as<Transaction>},
    {"TransferResult",                 decode_as<TransferResult>},
    {"WebhookV1",                      decode_as<WebhookV1>},
    {"AccountList",                    decode_as<std::vector<Account>>},
    {"AccountBankDetailsList",         decode_as<std::vector<AccountBankDetails>>},
    {"CardList",                       decode_as<std::vector<Card>>},
    {"CardInvitationList",             decode_as<std::vector<CardInvitation>>},
    {"CardReferenceList",              decode_as<std::vector<CardReference>>},
    {"CounterpartyList",               decode_as<std::vector<Counterparty>>},
    {"ExchangeReasonList",             decode_as<std::vector<ExchangeReason>>},
    {"ExpenseList",                    decode_as<std::vector<Expense>>},
    {"PayoutLinkList",                 decode_as<std::vector<PayoutLink>>},
    {"TeamMemberList",                 decode_as<std::vector<TeamMember>>},
    {"TeamRoleList",                   decode_as<std::vector<TeamRole>>},
    {"TransactionList",                decode_as<std::vector<Transaction>>},
    {"TransferReasonList",             decode_as<std::vector<TransferReason>>},
};
// clang-format on

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    revolut::fuzz::Fields in(data, size);
    const std::string_view name = in.next();
    const Model* model = nullptr;
    for (const Model& m : models)
        if (m.name == name) model = &m;
    if (model == nullptr) model = &models[std::hash<std::string_view>{}(name) % std::size(models)];

    const detail::ApiResponse response{200, std::string(in.rest())};
    try {
        model->decode(response);
    } catch (const Error& e) {
        FUZZ_CHECK(e.code() == Errc::invalid_response);
    }
    return 0;
}
