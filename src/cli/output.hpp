#pragma once
// Output formatting: indented JSON (the default, for scripts) and plain-text tables
// (`--table`, for people). Table cells never carry control characters, so text from the
// server cannot move the cursor or fake lines in a terminal.

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace revolut::cli {

/// `v` as JSON indented by two spaces, ending with a newline. Exact numbers (amounts parsed
/// with the library's exact parser) are written as their source text.
std::string pretty_json(const boost::json::value& v);

/// Columns padded to their widest cell under a header line; "(none)" for no rows.
std::string render_table(const std::vector<std::string>& headers,
                         const std::vector<std::vector<std::string>>& rows);

/// One "name  value" line per field, names padded to the widest.
std::string render_fields(const std::vector<std::pair<std::string, std::string>>& fields);

/// Any JSON as a table: an array of objects becomes rows (columns: the union of keys, in
/// first-seen order), an object becomes fields, anything else its JSON text. Nested values
/// are shown as compact JSON. Values of `signing_secret` keys are hidden unless `show_secrets`.
std::string render_json_table(const boost::json::value& v, bool show_secrets = false);

/// What a table shows instead of a hidden secret.
inline constexpr std::string_view hidden_secret = "(hidden; --show-secret shows it)";

/// A cell's text: control characters replaced by a space.
std::string printable(std::string_view text);

/// A scalar as table text: strings without quotes, others as compact JSON, null as "".
std::string cell_text(const boost::json::value& v);

}  // namespace revolut::cli
