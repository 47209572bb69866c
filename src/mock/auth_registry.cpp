#include "mock/auth_registry.hpp"

namespace revolut::mock {

void AuthRegistry::add_access_token(std::string token, std::optional<Timestamp> expires_at) {
    access_tokens_.insert_or_assign(std::move(token), expires_at);
}

bool AuthRegistry::accepts_access_token(std::string_view token, Timestamp now) const {
    auto found = access_tokens_.find(token);
    if (found == access_tokens_.end()) return false;
    return !found->second || now < *found->second;
}

void AuthRegistry::add_refresh_token(std::string token, std::string client_id,
                                     Timestamp expires_at) {
    refresh_tokens_.insert_or_assign(std::move(token),
                                     RefreshToken{std::move(client_id), expires_at});
}

const RegisteredClient* AuthRegistry::client_for_refresh_token(std::string_view token,
                                                               Timestamp now) const {
    auto found = refresh_tokens_.find(token);
    if (found == refresh_tokens_.end() || now >= found->second.expires_at) return nullptr;
    return find_client(found->second.client_id);
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
