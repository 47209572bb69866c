#include "alloc_counter.hpp"

#include <openssl/crypto.h>

#include <cstdlib>
#include <new>

namespace revolut::bench {
namespace {

thread_local AllocationCount counts;

void note(std::size_t n) noexcept {
    ++counts.count;
    counts.bytes += n;
}

void* openssl_malloc(std::size_t n, const char*, int) {
    note(n);
    return std::malloc(n);
}
void* openssl_realloc(void* p, std::size_t n, const char*, int) {
    note(n);
    return std::realloc(p, n);
}
void openssl_free(void* p, const char*, int) { std::free(p); }

void* counted_new(std::size_t n) {
    note(n);
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc();
}

void* counted_new_aligned(std::size_t n, std::align_val_t align) {
    note(n);
    const auto a = static_cast<std::size_t>(align);
    if (void* p = std::aligned_alloc(a, (n + a - 1) / a * a)) return p;
    throw std::bad_alloc();
}

}  // namespace

AllocationCount thread_allocations() noexcept { return counts; }

bool count_openssl_allocations() noexcept {
    return CRYPTO_set_mem_functions(openssl_malloc, openssl_realloc, openssl_free) == 1;
}

}  // namespace revolut::bench

// Replacements for the whole binary. The nothrow and array forms forward to these.
void* operator new(std::size_t n) { return revolut::bench::counted_new(n); }
void* operator new[](std::size_t n) { return revolut::bench::counted_new(n); }
void* operator new(std::size_t n, std::align_val_t a) { return revolut::bench::counted_new_aligned(n, a); }
void* operator new[](std::size_t n, std::align_val_t a) { return revolut::bench::counted_new_aligned(n, a); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
