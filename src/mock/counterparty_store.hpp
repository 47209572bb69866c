#pragma once
// The emulator's counterparties: each with its public accounts ("revolut" for a Revtag
// counterparty, "external" for bank details). Other groups (transfers' /pay, payment drafts)
// look counterparties up by id through find().

#include <revolut/types.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace revolut::mock {

/// A postal address as the API writes it (only the fields that were given).
struct StoredAddress {
    std::optional<std::string> street_line1;
    std::optional<std::string> street_line2;
    std::optional<std::string> region;
    std::optional<std::string> city;
    std::string country;
    std::optional<std::string> postcode;
};

struct StoredCounterpartyAccount {
    Uuid id;
    std::string currency;
    std::string type;  ///< "revolut" or "external"
    std::optional<std::string> name;
    std::optional<std::string> bank_country;
    std::optional<std::string> account_no;
    std::optional<std::string> iban;
    std::optional<std::string> sort_code;
    std::optional<std::string> routing_number;
    std::optional<std::string> bic;
    std::optional<std::string> clabe;
    std::optional<std::string> ifsc;
    std::optional<std::string> bsb_code;
    std::optional<std::string> route;
    std::optional<std::string> bank_number;
    std::optional<std::string> branch_code;
    std::optional<std::string> account_type;
    std::optional<std::string> tax_id;
    std::optional<std::string> national_id;
    std::optional<std::string> phone;
    std::optional<std::string> business_registration_id;
    std::optional<StoredAddress> address;
};

struct StoredCounterparty {
    Uuid id;
    std::string name;
    std::vector<StoredCounterpartyAccount> accounts;
    std::optional<std::string> revtag;
    std::optional<std::string> profile_type;  ///< "personal" or "business"
    std::optional<std::string> country;
    std::string state = "created";
    Timestamp created_at;
    Timestamp updated_at;

    /// The account with this id, or nullptr.
    const StoredCounterpartyAccount* find_account(const Uuid& account_id) const;
    StoredCounterpartyAccount* find_account(const Uuid& account_id);
};

/// The business's counterparties, in creation order.
class CounterpartyStore {
public:
    /// Every counterparty, oldest first.
    const std::vector<StoredCounterparty>& all() const { return counterparties_; }
    /// Pointers stay valid until the next add or remove.
    const StoredCounterparty* find(const Uuid& id) const;
    StoredCounterparty* find(const Uuid& id);

    /// An existing counterparty with the same name and the same account details (the exact
    /// duplicate Revolut refuses with 422), or nullptr.
    const StoredCounterparty* find_duplicate(const StoredCounterparty& candidate) const;
    /// Stores `counterparty` as given (ids and timestamps already set) and returns it.
    StoredCounterparty& add(StoredCounterparty counterparty);
    /// False when there is none with this id.
    bool remove(const Uuid& id);

private:
    std::vector<StoredCounterparty> counterparties_;
};

}  // namespace revolut::mock
