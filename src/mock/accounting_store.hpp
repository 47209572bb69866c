#pragma once
// The emulator's accounting categories and tax rates, in creation order. Every item gets a
// creation number (`sequence`) that orders the lists and anchors their page tokens.

#include <revolut/money.hpp>
#include <revolut/types.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace revolut::mock {

/// Spec schema `AccountingCategoryResponse`.
struct StoredAccountingCategory {
    Uuid id;
    std::string name;
    std::string code;
    std::optional<Uuid> default_tax_rate_id;
    Timestamp created_at{};
    Timestamp updated_at{};
    std::uint64_t sequence = 0;
};

/// Spec schema `TaxRateResponse`; the percentage keeps its exact digits.
struct StoredTaxRate {
    Uuid id;
    std::string name;
    Decimal percentage;
    Timestamp created_at{};
    Timestamp updated_at{};
    std::uint64_t sequence = 0;
};

class AccountingStore {
public:
    /// Oldest first. Pointers from the finders stay valid until the next add or remove.
    const std::vector<StoredAccountingCategory>& categories() const { return categories_; }
    StoredAccountingCategory* find_category(const Uuid& id);
    /// Another category (not `except`) with this name or code: names and codes are unique.
    const StoredAccountingCategory* category_named(std::string_view name, const Uuid& except = {}) const;
    const StoredAccountingCategory* category_with_code(std::string_view code, const Uuid& except = {}) const;
    StoredAccountingCategory& add_category(std::string name, std::string code, std::optional<Uuid> default_tax_rate_id,
                                           Timestamp now);
    /// False when there is none with this id.
    bool remove_category(const Uuid& id);

    const std::vector<StoredTaxRate>& tax_rates() const { return tax_rates_; }
    StoredTaxRate* find_tax_rate(const Uuid& id);
    /// Another tax rate (not `except`) with this name: names are unique.
    const StoredTaxRate* tax_rate_named(std::string_view name, const Uuid& except = {}) const;
    StoredTaxRate& add_tax_rate(std::string name, Decimal percentage, Timestamp now);
    bool remove_tax_rate(const Uuid& id);

private:
    std::vector<StoredAccountingCategory> categories_;
    std::vector<StoredTaxRate> tax_rates_;
    std::uint64_t next_sequence_ = 1;
};

}  // namespace revolut::mock
