#include "mock/command_line.hpp"

#include <charconv>
#include <limits>
#include <stdexcept>

namespace revolut::mock {
namespace {

template <class Integer>
Integer parse_number(std::string_view flag, std::string_view text, Integer min, Integer max) {
    Integer value{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        throw std::invalid_argument(std::string(flag) + " needs a number from " +
                                    std::to_string(min) + " to " + std::to_string(max) + ", not '" +
                                    std::string(text) + "'");
    }
    return value;
}

}  // namespace

CommandLine parse_command_line(const std::vector<std::string_view>& args) {
    CommandLine result;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view flag = args[i];
        std::optional<std::string_view> inline_value;
        if (auto equals = flag.find('=');
            flag.starts_with("--") && equals != std::string_view::npos) {
            inline_value = flag.substr(equals + 1);
            flag = flag.substr(0, equals);
        }
        auto value = [&]() -> std::string_view {
            if (inline_value) return *inline_value;
            if (i + 1 >= args.size()) {
                throw std::invalid_argument(std::string(flag) + " needs a value");
            }
            return args[++i];
        };

        if (flag == "--help" || flag == "-h") {
            result.help = true;
        } else if (flag == "--host") {
            result.server.host = std::string(value());
        } else if (flag == "--port") {
            result.server.port = parse_number<std::uint16_t>(flag, value(), 0, 65535);
        } else if (flag == "--cert") {
            result.server.cert_file = std::filesystem::path(value());
        } else if (flag == "--key") {
            result.server.key_file = std::filesystem::path(value());
        } else if (flag == "--ca-out") {
            result.ca_out = std::filesystem::path(value());
        } else if (flag == "--token") {
            auto token = value();
            if (token.empty()) throw std::invalid_argument("--token needs a non-empty value");
            result.tokens.emplace_back(token);
        } else if (flag == "--creds-out") {
            result.creds_out = std::filesystem::path(value());
        } else if (flag == "--max-webhooks") {
            result.server.max_webhooks = parse_number<std::size_t>(
                flag, value(), 0, std::numeric_limits<std::size_t>::max());
        } else {
            throw std::invalid_argument("unknown argument '" + std::string(args[i]) + "'");
        }
    }
    if (result.server.cert_file.has_value() != result.server.key_file.has_value()) {
        throw std::invalid_argument("--cert and --key go together");
    }
    return result;
}

std::string usage_text() {
    return R"(Usage: revolut-mock [options]

A local, stateful emulator of the Revolut Business API (Webhooks v2) over HTTPS.

Options:
  --host ADDRESS        address to listen on (default 127.0.0.1)
  --port N              port to listen on; 0 lets the OS pick a free one (default 0)
  --cert FILE           serve this PEM certificate chain (leaf first) instead of a
                        generated one; its last certificate is written as the CA
  --key FILE            the unencrypted PEM private key of --cert
  --ca-out FILE         write the CA certificate clients must trust here (default:
                        revolut-mock-ca-<port>.pem in the system temp directory)
  --token TOKEN         accept TOKEN as a bearer access token; repeatable
  --creds-out FILE      issue credentials for a new client (key, certificate, access
                        and refresh tokens this server accepts) and save them in
                        pyrevolut's creds.json format (mode 0600)
  --max-webhooks N      webhooks allowed per business (default 10)
  -h, --help            show this text

Without --cert, a fresh CA and a server certificate for localhost and 127.0.0.1 are
generated at every start.

On start, revolut-mock prints one line each:
  base_url=https://HOST:PORT/api    the client's base URL
  ca_file=PATH                      the CA certificate to trust
  creds_file=PATH                   (with --creds-out) the saved credentials
then serves until SIGINT or SIGTERM, and stops gracefully.

Exit status: 0 after a signal, 1 when it cannot start, 2 for bad arguments.
)";
}

}  // namespace revolut::mock
