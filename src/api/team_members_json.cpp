// Team members: JSON mapping of the models and the decoders the endpoint methods use.
#include <revolut/api/team_members.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

#include <boost/json/value_to.hpp>

namespace revolut {

namespace json = boost::json;
using namespace api;

TeamMember tag_invoke(json::value_to_tag<TeamMember>, const json::value& v) {
    const auto& o = as_object(v, "team member");
    return {required_uuid(o, "id"),
            required_string(o, "email"),
            optional_string(o, "first_name"),
            optional_string(o, "last_name"),
            required_enum<TeamMemberState>(o, "state"),
            required_string(o, "role_id"),
            required_timestamp(o, "created_at"),
            required_timestamp(o, "updated_at")};
}

TeamRole tag_invoke(json::value_to_tag<TeamRole>, const json::value& v) {
    const auto& o = as_object(v, "role");
    return {required_string(o, "id"), required_string(o, "name"), required_timestamp(o, "created_at"),
            required_timestamp(o, "updated_at")};
}

InvitedTeamMember tag_invoke(json::value_to_tag<InvitedTeamMember>, const json::value& v) {
    const auto& o = as_object(v, "invited team member");
    return {required_string(o, "id"), required_string(o, "email"), required_string(o, "role_id"),
            required_timestamp(o, "created_at"), required_timestamp(o, "updated_at")};
}

}  // namespace revolut

namespace revolut::detail {

template std::vector<TeamMember> decode<std::vector<TeamMember>>(const ApiResponse&);
template std::vector<TeamRole> decode<std::vector<TeamRole>>(const ApiResponse&);
template InvitedTeamMember decode<InvitedTeamMember>(const ApiResponse&);

}  // namespace revolut::detail
