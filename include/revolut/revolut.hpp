#pragma once
// Umbrella header: everything a user of the client needs.

#include <revolut/api/webhooks.hpp>
#include <revolut/client.hpp>
#include <revolut/credentials.hpp>
#include <revolut/enums.hpp>
#include <revolut/error.hpp>
#include <revolut/money.hpp>
#include <revolut/open_enum.hpp>
#include <revolut/types.hpp>
#include <revolut/version.hpp>
#include <revolut/webhook/events.hpp>
#include <revolut/webhook/receiver.hpp>
#include <revolut/webhook/server.hpp>
#include <revolut/webhook/verify.hpp>
