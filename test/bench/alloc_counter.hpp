#pragma once
// Heap allocation counting for the benchmark binary: a replacement operator new (every C++
// allocation, Boost.JSON and Asio included) and, on request, OpenSSL's allocator hooks.
// Counts are per thread, so the emulator's thread never pollutes the client's figures.

#include <cstddef>

namespace revolut::bench {

struct AllocationCount {
    std::size_t count = 0;
    std::size_t bytes = 0;
};

/// Allocations made by the calling thread so far.
AllocationCount thread_allocations() noexcept;

/// Routes OpenSSL's allocations through the counter. Call before any other OpenSSL use
/// (first thing in main); false when OpenSSL had already allocated.
bool count_openssl_allocations() noexcept;

}  // namespace revolut::bench
