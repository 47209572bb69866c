#include "cli/output.hpp"

#include "json/exact_json.hpp"

#include <revolut/money.hpp>

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cctype>

namespace revolut::cli {

namespace json = boost::json;

namespace {

void write_json(std::string& out, const json::value& v, int depth) {
    const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string closing(static_cast<std::size_t>(depth) * 2, ' ');
    if (v.is_object()) {
        const auto& o = v.get_object();
        if (o.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto& [key, value] : o) {
            if (!first) out += ",\n";
            first = false;
            out += indent + json::serialize(json::string_view(key)) + ": ";
            write_json(out, value, depth + 1);
        }
        out += "\n" + closing + "}";
    } else if (v.is_array()) {
        const auto& a = v.get_array();
        if (a.empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        bool first = true;
        for (const auto& value : a) {
            if (!first) out += ",\n";
            first = false;
            out += indent;
            write_json(out, value, depth + 1);
        }
        out += "\n" + closing + "]";
    } else {
        out += serialize_json(v);  // exact numbers (amounts) as their source text
    }
}

}  // namespace

std::string pretty_json(const json::value& v) {
    std::string out;
    write_json(out, v, 0);
    out += '\n';
    return out;
}

std::string printable(std::string_view text) {
    std::string out(text);
    for (char& ch : out) {
        auto u = static_cast<unsigned char>(ch);
        if (u < 0x20 || u == 0x7f) ch = ' ';
    }
    return out;
}

std::string cell_text(const json::value& v) {
    if (v.is_null()) return "";
    if (detail::is_exact_number(v)) return std::string(detail::exact_number_text(v));
    if (v.is_string()) return printable(v.get_string());
    return printable(serialize_json(v));
}

std::string render_table(const std::vector<std::string>& headers,
                         const std::vector<std::vector<std::string>>& rows) {
    if (rows.empty()) return "(none)\n";
    std::vector<std::size_t> widths(headers.size());
    for (std::size_t c = 0; c < headers.size(); ++c) widths[c] = headers[c].size();
    for (const auto& row : rows)
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());

    std::string out;
    auto line = [&](const std::vector<std::string>& cells) {
        std::string text;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            std::string cell = c < cells.size() ? printable(cells[c]) : std::string();
            text += cell;
            if (c + 1 < widths.size()) text += std::string(widths[c] - cell.size() + 2, ' ');
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out += text + '\n';
    };
    line(headers);
    std::vector<std::string> rule;
    rule.reserve(widths.size());
    for (auto w : widths) rule.emplace_back(w, '-');
    line(rule);
    for (const auto& row : rows) line(row);
    return out;
}

std::string render_fields(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::size_t width = 0;
    for (const auto& [name, value] : fields) width = std::max(width, name.size());
    std::string out;
    for (const auto& [name, value] : fields)
        out += name + std::string(width - name.size() + 2, ' ') + printable(value) + '\n';
    return out;
}

std::string render_json_table(const json::value& v, bool show_secrets) {
    auto cell = [&](std::string_view key, const json::value& value) {
        if (!show_secrets && key == "signing_secret" && !value.is_null()) return std::string(hidden_secret);
        return cell_text(value);
    };
    if (v.is_array()) {
        const auto& a = v.get_array();
        const bool all_objects = std::all_of(a.begin(), a.end(), [](const json::value& e) { return e.is_object(); });
        if (!all_objects) {
            std::vector<std::vector<std::string>> rows;
            for (const auto& e : a) rows.push_back({cell_text(e)});
            return render_table({"VALUE"}, rows);
        }
        std::vector<std::string> keys;
        for (const auto& e : a)
            for (const auto& [key, value] : e.get_object())
                if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.emplace_back(key);
        std::vector<std::vector<std::string>> rows;
        for (const auto& e : a) {
            std::vector<std::string> row;
            for (const auto& key : keys) {
                const auto* value = e.get_object().if_contains(key);
                row.push_back(value ? cell(key, *value) : "");
            }
            rows.push_back(std::move(row));
        }
        std::vector<std::string> headers;
        for (const auto& key : keys) {
            std::string header = printable(key);
            std::transform(header.begin(), header.end(), header.begin(),
                           [](unsigned char ch) { return static_cast<char>(std::toupper(ch)); });
            headers.push_back(std::move(header));
        }
        return render_table(headers, rows);
    }
    if (v.is_object()) {
        std::vector<std::pair<std::string, std::string>> fields;
        for (const auto& [key, value] : v.get_object()) fields.emplace_back(printable(key), cell(key, value));
        if (fields.empty()) return "(empty)\n";
        return render_fields(fields);
    }
    return cell_text(v) + '\n';
}

}  // namespace revolut::cli
