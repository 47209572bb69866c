#pragma once
// `revolut api METHOD PATH [JSON]`: any API call through the client's one call path (token,
// refresh, transport, error mapping), printing the response body.

#include "cli/command_line.hpp"

namespace revolut::cli {

/// The `api` command.
Command api_command();

}  // namespace revolut::cli
