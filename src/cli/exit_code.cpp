#include "cli/exit_code.hpp"

#include <revolut/error.hpp>

#include <boost/asio/error.hpp>
#include <boost/system/system_error.hpp>

namespace revolut::cli {

ExitCode exit_code_for(const boost::system::error_code& ec) noexcept {
    if (ec.category() == revolut::category()) {
        switch (static_cast<Errc>(ec.value())) {
        case Errc::invalid_argument:
            return ExitCode::usage;
        case Errc::credentials:
        case Errc::reauthentication_required:
        case Errc::token_refresh_failed:
        case Errc::unauthorized:
            return ExitCode::auth;
        case Errc::bad_request:
        case Errc::forbidden:
        case Errc::not_found:
        case Errc::method_not_allowed:
        case Errc::not_acceptable:
        case Errc::conflict:
        case Errc::unprocessable_entity:
        case Errc::too_many_requests:
        case Errc::server_error:
        case Errc::unexpected_status:
        case Errc::response_too_large:
        case Errc::invalid_response:
            return ExitCode::api;
        case Errc::timeout:
        case Errc::network:
        case Errc::tls:
            return ExitCode::network;
        default:
            return ExitCode::failure;
        }
    }
    if (ec == boost::asio::error::operation_aborted) return ExitCode::network;
    return ExitCode::failure;
}

namespace {

// system_error::what() is "<message>: <code's message> [category:value]"; the user wants the
// message (the code's own message only when there is nothing else).
std::string sentence_of(const boost::system::system_error& e) {
    std::string text = e.what();
    if (auto pos = text.rfind(" ["); pos != std::string::npos && text.back() == ']') text.erase(pos);
    const std::string suffix = ": " + e.code().message();
    if (text.size() > suffix.size() && text.ends_with(suffix)) text.resize(text.size() - suffix.size());
    return text;
}

}  // namespace

ExitCode report_failure(const std::exception_ptr& error, std::ostream& err) {
    try {
        std::rethrow_exception(error);
    } catch (const UsageError& e) {
        err << "revolut: " << e.what() << "\nTry `" << e.help_hint() << " --help`.\n";
        return ExitCode::usage;
    } catch (const ApiError& e) {
        const ExitCode code = exit_code_for(e.code());
        err << (e.code() == make_error_code(Errc::token_refresh_failed) ? "revolut: token endpoint error: HTTP "
                                                                         : "revolut: API error: HTTP ")
            << e.status();
        if (e.api_code()) err << ", code " << *e.api_code();
        if (!e.api_message().empty()) err << ": " << e.api_message();
        err << '\n';
        if (code == ExitCode::auth)
            err << "revolut: the credentials were refused; run `revolut auth-manual` to set them up again\n";
        return code;
    } catch (const boost::system::system_error& e) {
        const ExitCode code = exit_code_for(e.code());
        std::string text = sentence_of(e);
        err << "revolut: " << text << '\n';
        if (code == ExitCode::auth && text.find("revolut auth-manual") == std::string::npos)
            err << "revolut: run `revolut auth-manual` to set up credentials\n";
        return code;
    } catch (const std::exception& e) {
        err << "revolut: " << e.what() << '\n';
        return ExitCode::failure;
    } catch (...) {
        err << "revolut: unknown failure\n";
        return ExitCode::failure;
    }
}

const char* exit_codes_help() {
    return "Exit codes:\n"
           "  0  success\n"
           "  2  usage error (unknown command or option, bad or missing value)\n"
           "  3  credentials missing, invalid or expired, or refused by Revolut\n"
           "     (run `revolut auth-manual`)\n"
           "  4  error answer from the API (e.g. 404 unknown webhook, 422 validation)\n"
           "  5  network, TLS or timeout failure\n"
           "  1  any other failure (e.g. a file that cannot be written)\n";
}

}  // namespace revolut::cli
