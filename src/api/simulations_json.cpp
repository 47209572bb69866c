// Simulations: JSON mapping of the answer both simulations share, and its decoder.
#include <revolut/api/simulations.hpp>

#include "api/json_fields.hpp"
#include "api/model_decode.hpp"

namespace revolut {

SimulatedTransaction tag_invoke(boost::json::value_to_tag<SimulatedTransaction>, const boost::json::value& v) {
    const auto& o = api::as_object(v, "simulated transaction");
    SimulatedTransaction transaction;
    transaction.id = api::required_uuid(o, "id");
    transaction.state = api::required_enum<TransactionState>(o, "state");
    transaction.created_at = api::required_timestamp(o, "created_at");
    transaction.completed_at = api::optional_timestamp(o, "completed_at");
    return transaction;
}

}  // namespace revolut

namespace revolut::detail {

template SimulatedTransaction decode<SimulatedTransaction>(const ApiResponse&);

}  // namespace revolut::detail
