#pragma once
// Counterparties: the people and businesses you pay (by Revtag or bank details), the
// countries and fields Revolut supports for them, and account-name validation (CoP/VoP).

#include <revolut/detail/api_call.hpp>
#include <revolut/enums.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace revolut {

/// Personal or business (spec `ProfileType`; also the `recipient_type` of the fields check).
enum class CounterpartyProfileType { unknown, personal, business };
/// Spec `Counterparty.state`.
enum class CounterpartyState { unknown, created, draft, deleted };
/// Routing method for US USD transfers.
enum class CounterpartyRoute { unknown, ach, fedwire, swift };
/// Bank account type (BR, CO, CL; US ACH).
enum class CounterpartyBankAccountType { unknown, checking, savings };
/// Brand of a counterparty's card.
enum class CounterpartyCardScheme { unknown, visa, mastercard };
/// Outcome of an account-name check.
enum class AccountNameMatch {
    unknown,
    matched,
    close_match,
    not_matched,
    cannot_be_checked,
    temporarily_unavailable,
};

namespace detail {
inline constexpr std::array<std::string_view, 3> counterparty_profile_type_names{"", "personal", "business"};
inline constexpr std::array<std::string_view, 4> counterparty_state_names{"", "created", "draft", "deleted"};
inline constexpr std::array<std::string_view, 4> counterparty_route_names{"", "ach", "fedwire", "swift"};
inline constexpr std::array<std::string_view, 3> counterparty_bank_account_type_names{"", "checking", "savings"};
inline constexpr std::array<std::string_view, 3> counterparty_card_scheme_names{"", "visa", "mastercard"};
inline constexpr std::array<std::string_view, 6> account_name_match_names{
    "", "matched", "close_match", "not_matched", "cannot_be_checked", "temporarily_unavailable"};
}  // namespace detail

constexpr std::span<const std::string_view> enum_names(CounterpartyProfileType) noexcept {
    return detail::counterparty_profile_type_names;
}
constexpr std::span<const std::string_view> enum_names(CounterpartyState) noexcept {
    return detail::counterparty_state_names;
}
constexpr std::span<const std::string_view> enum_names(CounterpartyRoute) noexcept {
    return detail::counterparty_route_names;
}
constexpr std::span<const std::string_view> enum_names(CounterpartyBankAccountType) noexcept {
    return detail::counterparty_bank_account_type_names;
}
constexpr std::span<const std::string_view> enum_names(CounterpartyCardScheme) noexcept {
    return detail::counterparty_card_scheme_names;
}
constexpr std::span<const std::string_view> enum_names(AccountNameMatch) noexcept {
    return detail::account_name_match_names;
}

/// The name of an individual (personal account) counterparty.
struct IndividualName {
    std::optional<std::string> first_name;
    std::optional<std::string> last_name;
};

/// The address of a counterparty's bank account. `country` is an ISO 3166 alpha-2 code.
struct CounterpartyAddress {
    std::optional<std::string> street_line1;
    std::optional<std::string> street_line2;
    std::optional<std::string> region;
    std::optional<std::string> city;
    std::string country;
    std::optional<std::string> postcode;
};

/// One public account of a counterparty (a "payment method"): a Revolut account
/// (`type` revolut) or a bank account (`type` external).
struct CounterpartyAccount {
    Uuid id;
    std::optional<std::string> name;
    std::optional<std::string> bank_country;
    std::string currency;
    OpenEnum<CounterpartyAccountType> type;
    std::optional<std::string> account_no;
    std::optional<std::string> iban;
    std::optional<std::string> sort_code;
    std::optional<std::string> routing_number;
    std::optional<std::string> bic;
    std::optional<std::string> clabe;
    std::optional<std::string> ifsc;
    std::optional<std::string> bsb_code;
    std::optional<OpenEnum<CounterpartyRoute>> route;
    std::optional<std::string> bank_number;
    std::optional<std::string> branch_code;
    std::optional<OpenEnum<CounterpartyBankAccountType>> account_type;
    std::optional<std::string> tax_id;
    std::optional<std::string> national_id;
    std::optional<std::string> phone;
    std::optional<std::string> business_registration_id;
    std::optional<std::string> recipient_charges;  ///< deprecated by Revolut: `no` or `expected`
    std::optional<CounterpartyAddress> address;
};

/// A card of a counterparty (card transfers).
struct CounterpartyCard {
    Uuid id;
    std::string name;
    std::string last_digits;
    OpenEnum<CounterpartyCardScheme> scheme;
    std::string country;
    std::string currency;
};

struct Counterparty {
    Uuid id;
    std::string name;
    std::optional<std::string> revtag;
    std::optional<OpenEnum<CounterpartyProfileType>> profile_type;
    std::optional<std::string> country;
    OpenEnum<CounterpartyState> state;
    Timestamp created_at;
    Timestamp updated_at;
    std::vector<CounterpartyAccount> accounts;  ///< empty when absent
    std::vector<CounterpartyCard> cards;        ///< empty when absent
};

/// POST /counterparty. Either a Revolut counterparty (`revtag` + `name`, `profile_type`)
/// or a bank account (`company_name` or `individual_name`, `bank_country`, `currency` and
/// the account details the country needs — see get_counterparty_requirements).
struct CreateCounterpartyRequest {
    std::optional<OpenEnum<CounterpartyProfileType>> profile_type;
    std::optional<std::string> revtag;
    std::optional<std::string> name;          ///< only with revtag (or a Revolut phone)
    std::optional<std::string> company_name;  ///< at least 2 letters
    std::optional<IndividualName> individual_name;
    std::optional<std::string> bank_country;
    std::optional<std::string> currency;
    std::optional<std::string> account_no;
    std::optional<std::string> iban;
    std::optional<std::string> sort_code;
    std::optional<std::string> routing_number;
    std::optional<std::string> bic;
    std::optional<std::string> clabe;
    std::optional<std::string> ifsc;  ///< spelled as the spec does (pyrevolut sends `isfc`)
    std::optional<std::string> bsb_code;
    std::optional<CounterpartyAddress> address;  ///< country and postcode required
    std::optional<OpenEnum<CounterpartyRoute>> route;
    std::optional<std::string> bank_number;  ///< BR: 3 characters
    std::optional<std::string> branch_code;  ///< BR: 4 characters
    std::optional<OpenEnum<CounterpartyBankAccountType>> account_type;
    std::optional<std::string> tax_id;       ///< at most 20 characters
    std::optional<std::string> national_id;
    std::optional<std::string> phone;        ///< E.164, at most 20 characters
    std::optional<std::string> business_registration_id;  ///< at most 64 characters
};

/// GET /counterparties filters (exact account_no / iban; sort_code only with account_no,
/// bic only with iban).
struct CounterpartyFilter {
    std::optional<std::string> name;
    std::optional<std::string> account_no;
    std::optional<std::string> sort_code;
    std::optional<std::string> iban;
    std::optional<std::string> bic;
};

/// One bank country and the currencies counterparties can be created in there.
struct CounterpartyCountry {
    std::string country;
    std::vector<std::string> currencies;
};

struct CounterpartyCountries {
    std::vector<CounterpartyCountry> countries;
};

struct CounterpartyFieldRegex {
    std::string pattern;
    std::string description;
};

struct CounterpartyFieldOption {
    std::string value;
    std::optional<bool> is_default;  ///< the spec's `default`
};

/// A create_counterparty field that applies to a country/currency/recipient type.
struct CounterpartyRequirementsField {
    std::string name;
    bool required = false;
    std::optional<CounterpartyFieldRegex> regex;
    std::vector<CounterpartyFieldOption> options;  ///< allowed values, when restricted
};

struct CounterpartyRequirements {
    std::vector<CounterpartyRequirementsField> fields;
};

/// POST /account-name-validation: the account (one of the regional shapes) and the name
/// to check — exactly one of `company_name` and `individual_name` (both of its parts).
struct ValidateAccountNameRequest {
    /// UK: account number and sort code (`54-01-05` or `540105`).
    struct Uk {
        std::string account_no;
        std::string sort_code;
    };
    /// EUR and RO: IBAN, optional BIC, the recipient's country and currency.
    struct Iban {
        std::string iban;
        std::optional<std::string> bic;
        std::string recipient_country;
        std::string recipient_currency;
    };
    /// AU: account number and BSB.
    struct Au {
        std::string account_no;
        std::string bsb;
    };

    std::variant<Uk, Iban, Au> account;
    std::optional<std::string> company_name;
    std::optional<IndividualName> individual_name;
};

/// Why a name did not match exactly (`type`: uk_cop, eu_cop, au_cop …).
struct AccountNameReason {
    std::optional<std::string> type;
    std::string code;
};

/// The result of an account-name check, with the name on the account when the bank gave it.
struct AccountNameValidation {
    OpenEnum<AccountNameMatch> result_code;
    std::optional<AccountNameReason> reason;
    std::optional<std::string> company_name;
    std::optional<IndividualName> individual_name;
};

/// `created_before`: a time point, or ISO-8601 text (sent as UTC).
using CreatedBefore = std::variant<Timestamp, std::string>;

namespace detail::counterparties {
ApiRequest get_all_counterparties(const CounterpartyFilter& filter,
                                  const std::optional<CreatedBefore>& created_before,
                                  std::optional<int> limit);
ApiRequest get_counterparty(const Uuid& counterparty_id);
ApiRequest create_counterparty(const CreateCounterpartyRequest& request);
ApiRequest validate_account_name(const ValidateAccountNameRequest& request);
ApiRequest delete_counterparty(const Uuid& counterparty_id);
ApiRequest get_counterparty_countries();
ApiRequest get_counterparty_requirements(const std::string& country, const std::string& currency,
                                         const OpenEnum<CounterpartyProfileType>& recipient_type,
                                         const std::optional<OpenEnum<CounterpartyRoute>>& route);
ApiRequest update_counterparty_payment_method(const Uuid& counterparty_id, const Uuid& payment_method_id,
                                              const CounterpartyAddress& address);
/// `created_before` as the UTC time point it denotes (Errc::invalid_argument for bad text).
Timestamp created_before_time(const CreatedBefore& created_before);
}  // namespace detail::counterparties

/// The Counterparties endpoint group, with pyrevolut's method names and parameter order.
/// Every method accepts any Asio completion token (default: use_awaitable); arguments are
/// copied before the operation starts. Errors: Errc::invalid_argument before sending,
/// ApiError for non-2xx answers, transport errors, operation_aborted on cancellation.
template <class Shape = Typed, class Default = DefaultToken>
class BasicCounterpartiesApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicCounterpartiesApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// GET /1.0/counterparties — newest first; `name` matches partially, `account_no` and
    /// `iban` exactly; `sort_code` needs `account_no`, `bic` needs `iban`; `limit` 1..1000
    /// (server default 100); `created_before` exclusive.
    template <class Token = Default>
    auto get_all_counterparties(std::optional<std::string> name = std::nullopt,
                                std::optional<std::string> account_no = std::nullopt,
                                std::optional<std::string> sort_code = std::nullopt,
                                std::optional<std::string> iban = std::nullopt,
                                std::optional<std::string> bic = std::nullopt,
                                std::optional<CreatedBefore> created_before = std::nullopt,
                                std::optional<int> limit = std::nullopt, Token&& token = {}) {
        CounterpartyFilter filter;
        filter.name = std::move(name);
        filter.account_no = std::move(account_no);
        filter.sort_code = std::move(sort_code);
        filter.iban = std::move(iban);
        filter.bic = std::move(bic);
        return detail::start<result<std::vector<Counterparty>>>(
            core_,
            [=, filter = std::move(filter)] {
                return detail::counterparties::get_all_counterparties(filter, created_before, limit);
            },
            std::forward<Token>(token));
    }

    /// Every counterparty matching `filter`, newest first, page by page (`limit` per
    /// request, 1..1000), at most `max_items` in all. Counterparties sharing a created_at
    /// across a page boundary are neither lost nor repeated. Bad arguments throw
    /// Errc::invalid_argument here, before any request.
    Pages<Counterparty> iterate_counterparties(CounterpartyFilter filter = {},
                                               std::optional<CreatedBefore> created_before = std::nullopt,
                                               std::optional<int> limit = std::nullopt,
                                               std::optional<std::size_t> max_items = std::nullopt)
        requires std::is_same_v<Shape, Typed>
    {
        detail::counterparties::get_all_counterparties(filter, created_before, limit);  // validates
        std::optional<Timestamp> before;
        if (created_before) before = detail::counterparties::created_before_time(*created_before);
        auto core = core_;
        detail::NewestFirstFetch<Counterparty> fetch =
            [core, filter = std::move(filter)](std::optional<Timestamp> bound, int page_size) {
                std::optional<CreatedBefore> cb;
                if (bound) cb = CreatedBefore{*bound};
                return detail::start<std::vector<Counterparty>>(
                    core,
                    [filter, cb, page_size] {
                        return detail::counterparties::get_all_counterparties(filter, cb, page_size);
                    },
                    boost::asio::use_awaitable);
            };
        return detail::newest_first_pages<Counterparty>(std::move(fetch), detail::created_at_keys<Counterparty>(),
                                                        before, limit.value_or(100), 1000, max_items);
    }

    /// GET /1.0/counterparty/{counterparty_id}.
    template <class Token = Default>
    auto get_counterparty(Uuid counterparty_id, Token&& token = {}) {
        return detail::start<result<Counterparty>>(
            core_, [=] { return detail::counterparties::get_counterparty(counterparty_id); },
            std::forward<Token>(token));
    }

    /// POST /1.0/counterparty — checked before sending: one name (`name` with a revtag,
    /// otherwise `company_name` or `individual_name`), country/currency codes, lengths.
    template <class Token = Default>
    auto create_counterparty(CreateCounterpartyRequest request, Token&& token = {}) {
        return detail::start<result<Counterparty>>(
            core_,
            [request = std::move(request)] { return detail::counterparties::create_counterparty(request); },
            std::forward<Token>(token));
    }

    /// POST /1.0/account-name-validation — UK, EUR/RO (IBAN) or AU account details and a
    /// company or individual name.
    template <class Token = Default>
    auto validate_account_name(ValidateAccountNameRequest request, Token&& token = {}) {
        return detail::start<result<AccountNameValidation>>(
            core_,
            [request = std::move(request)] { return detail::counterparties::validate_account_name(request); },
            std::forward<Token>(token));
    }

    /// pyrevolut's form: a UK account (`account_no`, `sort_code`) and a company name or an
    /// individual's first and last name.
    template <class Token = Default>
    auto validate_account_name(std::string account_no, std::string sort_code,
                               std::optional<std::string> company_name = std::nullopt,
                               std::optional<std::string> individual_first_name = std::nullopt,
                               std::optional<std::string> individual_last_name = std::nullopt,
                               Token&& token = {}) {
        ValidateAccountNameRequest request;
        request.account = ValidateAccountNameRequest::Uk{std::move(account_no), std::move(sort_code)};
        request.company_name = std::move(company_name);
        if (individual_first_name || individual_last_name) {
            IndividualName person;
            person.first_name = std::move(individual_first_name);
            person.last_name = std::move(individual_last_name);
            request.individual_name = std::move(person);
        }
        return validate_account_name(std::move(request), std::forward<Token>(token));
    }

    /// DELETE /1.0/counterparty/{counterparty_id} — 204 (raw shape: an empty object).
    template <class Token = Default>
    auto delete_counterparty(Uuid counterparty_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::counterparties::delete_counterparty(counterparty_id); },
            std::forward<Token>(token));
    }

    /// GET /1.0/counterparties/countries — bank countries and their currencies.
    template <class Token = Default>
    auto get_counterparty_countries(Token&& token = {}) {
        return detail::start<result<CounterpartyCountries>>(
            core_, [] { return detail::counterparties::get_counterparty_countries(); },
            std::forward<Token>(token));
    }

    /// GET /1.0/counterparties/fields — the create_counterparty fields a bank country,
    /// currency and recipient type need (`route`: a US routing method).
    template <class Token = Default>
    auto get_counterparty_requirements(std::string country, std::string currency,
                                       OpenEnum<CounterpartyProfileType> recipient_type,
                                       std::optional<OpenEnum<CounterpartyRoute>> route = std::nullopt,
                                       Token&& token = {}) {
        return detail::start<result<CounterpartyRequirements>>(
            core_,
            [country = std::move(country), currency = std::move(currency),
             recipient_type = std::move(recipient_type), route = std::move(route)] {
                return detail::counterparties::get_counterparty_requirements(country, currency, recipient_type,
                                                                             route);
            },
            std::forward<Token>(token));
    }

    /// PATCH /1.0/counterparties/{counterparty_id}/payment-methods/{payment_method_id} —
    /// replaces the address of a bank account (`street_line1`, `city`, `country`, `postcode`
    /// required); 204.
    template <class Token = Default>
    auto update_counterparty_payment_method(Uuid counterparty_id, Uuid payment_method_id,
                                            CounterpartyAddress address, Token&& token = {}) {
        return detail::start<result<void>>(
            core_,
            [=, address = std::move(address)] {
                return detail::counterparties::update_counterparty_payment_method(counterparty_id,
                                                                                  payment_method_id, address);
            },
            std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using CounterpartiesApi = BasicCounterpartiesApi<>;

}  // namespace revolut
