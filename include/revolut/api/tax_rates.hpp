#pragma once
// Tax rates: the rates financial records (e.g. expenses) can be taxed at. Routes under
// /api/1.0/tax-rates; lists are cursor-paginated.

#include <revolut/api/accounting_common.hpp>
#include <revolut/detail/api_call.hpp>
#include <revolut/money.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace revolut {

/// A tax rate (spec `TaxRateResponse`).
struct TaxRate {
    Uuid id;
    std::string name;
    Timestamp created_at;
    Timestamp updated_at;
    /// Percent of the taxable amount, exact (`23` for 23 %). -100..100: negative rates can
    /// come from a connected accounting integration, never from create_tax_rate.
    std::optional<Decimal> percentage;
};

namespace detail::tax_rates {
ApiRequest create_tax_rate(const std::string& name, const Decimal& percentage);
ApiRequest get_all_tax_rates(std::optional<int> limit, const std::optional<std::string>& page_token);
ApiRequest get_tax_rate(const Uuid& tax_rate_id);
ApiRequest update_tax_rate(const Uuid& tax_rate_id, const std::string& name);
ApiRequest delete_tax_rate(const Uuid& tax_rate_id);
}  // namespace detail::tax_rates

/// The Tax rates endpoint group. Every method accepts any Asio completion token (default:
/// co_await); Shape Raw gives raw JSON results. Errors: Errc::invalid_argument before
/// sending, ApiError for non-2xx answers (409 for a duplicate name).
template <class Shape = Typed, class Default = DefaultToken>
class BasicTaxRatesApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicTaxRatesApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// POST /1.0/tax-rates — `name` 1..20 characters, `percentage` 0..100 (sent exactly);
    /// answers only the new ID.
    template <class Token = Default>
    auto create_tax_rate(std::string name, Decimal percentage, Token&& token = {}) {
        return detail::start<result<ResourceCreated>>(
            core_, [name = std::move(name), percentage] { return detail::tax_rates::create_tax_rate(name, percentage); },
            std::forward<Token>(token));
    }

    /// GET /1.0/tax-rates — one page, newest first; `limit` 1..500 (server default 100);
    /// `page_token` from the previous page's `next_page_token`.
    template <class Token = Default>
    auto get_all_tax_rates(std::optional<int> limit = std::nullopt, std::optional<std::string> page_token = std::nullopt,
                           Token&& token = {}) {
        return detail::start<result<CursorPage<TaxRate>>>(
            core_, [limit, page_token = std::move(page_token)] { return detail::tax_rates::get_all_tax_rates(limit, page_token); },
            std::forward<Token>(token));
    }

    /// Every tax rate, page by page (`limit` per request), at most `max_items`.
    Pages<TaxRate> iterate_tax_rates(std::optional<int> limit = std::nullopt,
                                     std::optional<std::size_t> max_items = std::nullopt) const {
        return detail::accounting::cursor_walk<TaxRate>(
            core_,
            [limit](const std::optional<std::string>& page_token) {
                return detail::tax_rates::get_all_tax_rates(limit, page_token);
            },
            max_items);
    }

    /// GET /1.0/tax-rates/{tax_rate_id}.
    template <class Token = Default>
    auto get_tax_rate(Uuid tax_rate_id, Token&& token = {}) {
        return detail::start<result<TaxRate>>(
            core_, [=] { return detail::tax_rates::get_tax_rate(tax_rate_id); }, std::forward<Token>(token));
    }

    /// PATCH /1.0/tax-rates/{tax_rate_id} — renames it (the percentage cannot change);
    /// 204, no content.
    template <class Token = Default>
    auto update_tax_rate(Uuid tax_rate_id, std::string name, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [tax_rate_id, name = std::move(name)] { return detail::tax_rates::update_tax_rate(tax_rate_id, name); },
            std::forward<Token>(token));
    }

    /// DELETE /1.0/tax-rates/{tax_rate_id} — 204, no content.
    template <class Token = Default>
    auto delete_tax_rate(Uuid tax_rate_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::tax_rates::delete_tax_rate(tax_rate_id); }, std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using TaxRatesApi = BasicTaxRatesApi<>;

}  // namespace revolut
