#pragma once
// Accounting categories: the bookkeeping categories financial records (e.g. expenses) can be
// assigned to. Routes under /api/1.0/accounting-categories; lists are cursor-paginated.

#include <revolut/api/accounting_common.hpp>
#include <revolut/detail/api_call.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace revolut {

/// An accounting category (spec `AccountingCategoryResponse`).
struct AccountingCategory {
    Uuid id;
    std::string name;
    std::optional<std::string> code;
    Timestamp created_at;
    Timestamp updated_at;
    /// The tax rate applied to items in this category unless overridden for an item.
    std::optional<Uuid> default_tax_rate_id;
};

namespace detail::accounting_categories {
ApiRequest create_accounting_category(const std::string& name, const std::string& code,
                                      const std::optional<Uuid>& default_tax_rate_id);
ApiRequest get_all_accounting_categories(std::optional<int> limit, const std::optional<std::string>& page_token);
ApiRequest get_accounting_category(const Uuid& accounting_category_id);
ApiRequest update_accounting_category(const Uuid& accounting_category_id, const std::optional<std::string>& name,
                                      const std::optional<std::string>& code,
                                      const std::optional<Uuid>& default_tax_rate_id);
ApiRequest delete_accounting_category(const Uuid& accounting_category_id);
}  // namespace detail::accounting_categories

/// The Accounting categories endpoint group. Every method accepts any Asio completion token
/// (default: co_await); Shape Raw gives raw JSON results. Errors: Errc::invalid_argument
/// before sending, ApiError for non-2xx answers (409 for a duplicate name or code).
template <class Shape = Typed, class Default = DefaultToken>
class BasicAccountingCategoriesApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicAccountingCategoriesApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// POST /1.0/accounting-categories — `name` 1..60 and `code` 1..50 characters; answers
    /// only the new ID.
    template <class Token = Default>
    auto create_accounting_category(std::string name, std::string code,
                                    std::optional<Uuid> default_tax_rate_id = std::nullopt, Token&& token = {}) {
        return detail::start<result<ResourceCreated>>(
            core_, [name = std::move(name), code = std::move(code), default_tax_rate_id] {
                return detail::accounting_categories::create_accounting_category(name, code, default_tax_rate_id);
            },
            std::forward<Token>(token));
    }

    /// GET /1.0/accounting-categories — one page, newest first; `limit` 1..500 (server
    /// default 100); `page_token` from the previous page's `next_page_token`.
    template <class Token = Default>
    auto get_all_accounting_categories(std::optional<int> limit = std::nullopt,
                                       std::optional<std::string> page_token = std::nullopt, Token&& token = {}) {
        return detail::start<result<CursorPage<AccountingCategory>>>(
            core_, [limit, page_token = std::move(page_token)] {
                return detail::accounting_categories::get_all_accounting_categories(limit, page_token);
            },
            std::forward<Token>(token));
    }

    /// Every accounting category, page by page (`limit` per request), at most `max_items`.
    Pages<AccountingCategory> iterate_accounting_categories(std::optional<int> limit = std::nullopt,
                                                            std::optional<std::size_t> max_items = std::nullopt) const {
        return detail::accounting::cursor_walk<AccountingCategory>(
            core_,
            [limit](const std::optional<std::string>& page_token) {
                return detail::accounting_categories::get_all_accounting_categories(limit, page_token);
            },
            max_items);
    }

    /// GET /1.0/accounting-categories/{accounting_category_id}.
    template <class Token = Default>
    auto get_accounting_category(Uuid accounting_category_id, Token&& token = {}) {
        return detail::start<result<AccountingCategory>>(
            core_, [=] { return detail::accounting_categories::get_accounting_category(accounting_category_id); },
            std::forward<Token>(token));
    }

    /// PATCH /1.0/accounting-categories/{accounting_category_id} — changes only what is
    /// given (at least one field); 204, no content.
    template <class Token = Default>
    auto update_accounting_category(Uuid accounting_category_id, std::optional<std::string> name = std::nullopt,
                                    std::optional<std::string> code = std::nullopt,
                                    std::optional<Uuid> default_tax_rate_id = std::nullopt, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=, name = std::move(name), code = std::move(code)] {
                return detail::accounting_categories::update_accounting_category(accounting_category_id, name, code,
                                                                                 default_tax_rate_id);
            },
            std::forward<Token>(token));
    }

    /// DELETE /1.0/accounting-categories/{accounting_category_id} — 204, no content.
    template <class Token = Default>
    auto delete_accounting_category(Uuid accounting_category_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::accounting_categories::delete_accounting_category(accounting_category_id); },
            std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using AccountingCategoriesApi = BasicAccountingCategoriesApi<>;

}  // namespace revolut
