#include "mock/auth_registry.hpp"

#include "mock/random_text.hpp"

namespace revolut::mock {

std::string new_token() {
    // Revolut's sandbox tokens carry this prefix; clients must treat tokens as opaque anyway.
    return "oa_sand_" + random_alphanumeric(43);
}

void AuthRegistry::add_access_token(std::string token, std::optional<Timestamp> expires_at) {
    access_tokens_.insert_or_assign(std::move(token), expires_at);
}

bool AuthRegistry::accepts_access_token(std::string_view token, Timestamp now) const {
    auto found = access_tokens_.find(token);
    if (found == access_tokens_.end()) return false;
    return !found->second || now < *found->second;
}

std::string AuthRegistry::issue_access_token(Timestamp now) {
    auto token = new_token();
    add_access_token(token, now + lifetimes_.access_token);
    return token;
}

void AuthRegistry::revoke_access_token(std::string_view token) {
    if (auto found = access_tokens_.find(token); found != access_tokens_.end()) {
        access_tokens_.erase(found);
    }
}

void AuthRegistry::add_refresh_token(std::string token, std::string client_id,
                                     Timestamp expires_at) {
    refresh_tokens_.insert_or_assign(std::move(token), Grant{std::move(client_id), expires_at});
}

std::string AuthRegistry::issue_refresh_token(std::string client_id, Timestamp now) {
    auto token = new_token();
    add_refresh_token(token, std::move(client_id), now + lifetimes_.refresh_token);
    return token;
}

std::optional<std::string> AuthRegistry::refresh_token_owner(std::string_view token,
                                                             Timestamp now) const {
    auto found = refresh_tokens_.find(token);
    if (found == refresh_tokens_.end() || now >= found->second.expires_at) return std::nullopt;
    return found->second.client_id;
}

void AuthRegistry::revoke_refresh_token(std::string_view token) {
    if (auto found = refresh_tokens_.find(token); found != refresh_tokens_.end()) {
        refresh_tokens_.erase(found);
    }
}

std::string AuthRegistry::issue_authorization_code(std::string client_id, Timestamp now) {
    // Expired codes are dropped here, so a long-running emulator does not accumulate them.
    std::erase_if(authorization_codes_,
                  [&](const auto& entry) { return now >= entry.second.expires_at; });
    auto code = "oa_code_" + random_alphanumeric(43);
    authorization_codes_.insert_or_assign(
        code, Grant{std::move(client_id), now + lifetimes_.authorization_code});
    return code;
}

bool AuthRegistry::redeem_authorization_code(std::string_view code, std::string_view client_id,
                                             Timestamp now) {
    auto found = authorization_codes_.find(code);
    if (found == authorization_codes_.end() || found->second.client_id != client_id) return false;
    const bool valid = now < found->second.expires_at;
    authorization_codes_.erase(found);
    return valid;
}

void AuthRegistry::add_client(RegisteredClient client) {
    auto id = client.client_id;
    clients_.insert_or_assign(std::move(id), std::move(client));
}

const RegisteredClient* AuthRegistry::find_client(std::string_view client_id) const {
    auto found = clients_.find(client_id);
    return found == clients_.end() ? nullptr : &found->second;
}

}  // namespace revolut::mock
