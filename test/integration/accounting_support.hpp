#pragma once
// Helpers shared by the accounting settings integration tests (accounting categories, tax
// rates, labels): walking every page of a list (the error expectations are support/expect.hpp).

#include "support/expect.hpp"

#include <revolut/error.hpp>
#include <revolut/pagination.hpp>

#include <boost/asio/awaitable.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

namespace revolut::test {

/// Every item of a walk, page by page; `page_sizes` receives the size of each page.
template <class T>
boost::asio::awaitable<std::vector<T>> collect(Pages<T> pages, std::vector<std::size_t>* page_sizes = nullptr) {
    std::vector<T> all;
    while (auto page = co_await pages.next_page()) {
        if (page_sizes) page_sizes->push_back(page->size());
        for (auto& item : *page) all.push_back(std::move(item));
    }
    co_return all;
}

}  // namespace revolut::test
