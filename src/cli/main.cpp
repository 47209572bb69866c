// revolut: the command line for the Revolut Business API. See `revolut --help` and docs/cli.md.

#include "cli/commands.hpp"

#include <unistd.h>

#include <iostream>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    revolut::cli::Console console{std::cin, std::cout, std::cerr, ::isatty(STDIN_FILENO) == 1};
    int code = revolut::cli::run(args, console);
    std::cout.flush();
    return code;
}
