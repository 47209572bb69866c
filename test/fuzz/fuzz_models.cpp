// Fuzzes the response models: a 2xx body decoded into every typed result the endpoint
// methods return (detail::decode<T>, exactly what the client runs on a response), plus the
// raw JSON shape. Input: the model's name \0 the response body. An unknown name picks a
// model by hash, so the fuzzer reaches every model either way.
//
// Adding a model: one line in `models` below, naming the type an endpoint method returns
// (its decode<T> is explicitly instantiated next to its tag_invoke in src/api).
// Invariant: a body either decodes or fails with Errc::invalid_response, nothing else.

#include "fuzz_support.hpp"

#include <revolut/api/webhooks.hpp>
#include <revolut/detail/api_call.hpp>
#include <revolut/error.hpp>

#include <boost/json/value.hpp>

#include <array>
#include <functional>
#include <string_view>
#include <vector>

namespace {

using namespace revolut;
using Decoder = void (*)(const detail::ApiResponse&);

template <class T>
void decode_as(const detail::ApiResponse& response) {
    (void)detail::decode<T>(response);
}

struct Model {
    std::string_view name;
    Decoder decode;
};

// clang-format off
constexpr Model models[] = {
    {"raw",                           decode_as<boost::json::value>},
    // Webhooks
    {"Webhook",                       decode_as<Webhook>},
    {"WebhookList",                   decode_as<std::vector<Webhook>>},
    {"WebhookWithSecret",             decode_as<WebhookWithSecret>},
    {"FailedWebhookEventList",        decode_as<std::vector<FailedWebhookEvent>>},
};
// clang-format on

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    revolut::fuzz::Fields in(data, size);
    const std::string_view name = in.next();
    const Model* model = nullptr;
    for (const Model& m : models)
        if (m.name == name) model = &m;
    if (model == nullptr) model = &models[std::hash<std::string_view>{}(name) % std::size(models)];

    const detail::ApiResponse response{200, std::string(in.rest())};
    try {
        model->decode(response);
    } catch (const Error& e) {
        FUZZ_CHECK(e.code() == Errc::invalid_response);
    }
    return 0;
}
