#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <string>

// Lives here so every test binary runs it. CMake's catch_discover_tests splits Catch's list
// of names on ';' and nests on '[' ']': one such name silently hides the tests after it from
// ctest, so CI would pass without running them. ctest passes the name as an argument, so a
// name starting with '-' is read as an option and the test fails without running.
TEST_CASE("every test name is safe for ctest discovery", "[meta]") {
    for (const auto& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) {
        const std::string& name = test.getTestCaseInfo().name;
        INFO(name);
        CHECK(name.find_first_of(";[]") == std::string::npos);
        CHECK(name.front() != '-');
    }
}
