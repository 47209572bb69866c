#include "mock/accounting_store.hpp"

#include <algorithm>

namespace revolut::mock {

namespace {

template <class Items>
auto* find_by_id(Items& items, const Uuid& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
    return it == items.end() ? nullptr : &*it;
}

template <class Items>
bool remove_by_id(Items& items, const Uuid& id) {
    auto it = std::find_if(items.begin(), items.end(), [&](const auto& item) { return item.id == id; });
    if (it == items.end()) return false;
    items.erase(it);
    return true;
}

}  // namespace

StoredAccountingCategory* AccountingStore::find_category(const Uuid& id) { return find_by_id(categories_, id); }

const StoredAccountingCategory* AccountingStore::category_named(std::string_view name, const Uuid& except) const {
    for (const auto& category : categories_)
        if (category.name == name && category.id != except) return &category;
    return nullptr;
}

const StoredAccountingCategory* AccountingStore::category_with_code(std::string_view code, const Uuid& except) const {
    for (const auto& category : categories_)
        if (category.code == code && category.id != except) return &category;
    return nullptr;
}

StoredAccountingCategory& AccountingStore::add_category(std::string name, std::string code,
                                                        std::optional<Uuid> default_tax_rate_id, Timestamp now) {
    StoredAccountingCategory category;
    category.id = Uuid::random();
    category.name = std::move(name);
    category.code = std::move(code);
    category.default_tax_rate_id = default_tax_rate_id;
    category.created_at = now;
    category.updated_at = now;
    category.sequence = next_sequence_++;
    return categories_.emplace_back(std::move(category));
}

bool AccountingStore::remove_category(const Uuid& id) { return remove_by_id(categories_, id); }

StoredTaxRate* AccountingStore::find_tax_rate(const Uuid& id) { return find_by_id(tax_rates_, id); }

const StoredTaxRate* AccountingStore::tax_rate_named(std::string_view name, const Uuid& except) const {
    for (const auto& rate : tax_rates_)
        if (rate.name == name && rate.id != except) return &rate;
    return nullptr;
}

StoredTaxRate& AccountingStore::add_tax_rate(std::string name, Decimal percentage, Timestamp now) {
    StoredTaxRate rate;
    rate.id = Uuid::random();
    rate.name = std::move(name);
    rate.percentage = percentage;
    rate.created_at = now;
    rate.updated_at = now;
    rate.sequence = next_sequence_++;
    return tax_rates_.emplace_back(std::move(rate));
}

bool AccountingStore::remove_tax_rate(const Uuid& id) { return remove_by_id(tax_rates_, id); }

}  // namespace revolut::mock
