#pragma once
// Labels: groups of labels (e.g. "Department" with "Sales", "Engineering") that financial
// records can be tagged with. Routes under /api/1.0/label-groups; lists are cursor-paginated.

#include <revolut/api/accounting_common.hpp>
#include <revolut/detail/api_call.hpp>
#include <revolut/pagination.hpp>
#include <revolut/types.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace revolut {

/// A label group (spec `LabelGroupResponse`).
struct LabelGroup {
    Uuid id;
    std::string name;
    Timestamp created_at;
    Timestamp updated_at;
};

/// A label of a group (spec `LabelResponse`).
struct Label {
    Uuid id;
    std::string name;
    Timestamp created_at;
    Timestamp updated_at;
};

namespace detail::labels {
ApiRequest create_label_group(const std::string& name, const std::vector<std::string>& labels);
ApiRequest get_all_label_groups(std::optional<int> limit, const std::optional<std::string>& page_token);
ApiRequest get_label_group(const Uuid& group_id);
ApiRequest update_label_group(const Uuid& group_id, const std::string& name);
ApiRequest delete_label_group(const Uuid& group_id);
ApiRequest create_label(const Uuid& group_id, const std::string& name);
ApiRequest get_all_labels(const Uuid& group_id, std::optional<int> limit, const std::optional<std::string>& page_token);
ApiRequest update_label(const Uuid& group_id, const Uuid& label_id, const std::string& name);
ApiRequest delete_label(const Uuid& group_id, const Uuid& label_id);
}  // namespace detail::labels

/// The Labels endpoint group. Every method accepts any Asio completion token (default:
/// co_await); Shape Raw gives raw JSON results. Errors: Errc::invalid_argument before
/// sending, ApiError for non-2xx answers (409 for a duplicate name, 422 beyond 5 groups).
template <class Shape = Typed, class Default = DefaultToken>
class BasicLabelsApi {
    template <class T>
    using result = detail::shaped_t<Shape, T>;

public:
    explicit BasicLabelsApi(std::shared_ptr<detail::ClientCore> core) : core_(std::move(core)) {}

    /// POST /1.0/label-groups — a group `name` (1..100 characters) with its first labels
    /// (1..200 names of 1..100 characters); answers only the new group's ID.
    template <class Token = Default>
    auto create_label_group(std::string name, std::vector<std::string> labels, Token&& token = {}) {
        return detail::start<result<ResourceCreated>>(
            core_, [name = std::move(name), labels = std::move(labels)] {
                return detail::labels::create_label_group(name, labels);
            },
            std::forward<Token>(token));
    }

    /// GET /1.0/label-groups — one page, newest first; `limit` 1..500 (server default 100);
    /// `page_token` from the previous page's `next_page_token`.
    template <class Token = Default>
    auto get_all_label_groups(std::optional<int> limit = std::nullopt,
                              std::optional<std::string> page_token = std::nullopt, Token&& token = {}) {
        return detail::start<result<CursorPage<LabelGroup>>>(
            core_, [limit, page_token = std::move(page_token)] {
                return detail::labels::get_all_label_groups(limit, page_token);
            },
            std::forward<Token>(token));
    }

    /// Every label group, page by page (`limit` per request), at most `max_items`.
    Pages<LabelGroup> iterate_label_groups(std::optional<int> limit = std::nullopt,
                                           std::optional<std::size_t> max_items = std::nullopt) const {
        return detail::accounting::cursor_walk<LabelGroup>(
            core_,
            [limit](const std::optional<std::string>& page_token) {
                return detail::labels::get_all_label_groups(limit, page_token);
            },
            max_items);
    }

    /// GET /1.0/label-groups/{group_id}.
    template <class Token = Default>
    auto get_label_group(Uuid group_id, Token&& token = {}) {
        return detail::start<result<LabelGroup>>(
            core_, [=] { return detail::labels::get_label_group(group_id); }, std::forward<Token>(token));
    }

    /// PATCH /1.0/label-groups/{group_id} — renames the group; 204, no content.
    template <class Token = Default>
    auto update_label_group(Uuid group_id, std::string name, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [group_id, name = std::move(name)] { return detail::labels::update_label_group(group_id, name); },
            std::forward<Token>(token));
    }

    /// DELETE /1.0/label-groups/{group_id} — the group and its labels; 204, no content.
    template <class Token = Default>
    auto delete_label_group(Uuid group_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::labels::delete_label_group(group_id); }, std::forward<Token>(token));
    }

    /// POST /1.0/label-groups/{group_id}/labels — `name` 1..100 characters; answers only the
    /// new label's ID.
    template <class Token = Default>
    auto create_label(Uuid group_id, std::string name, Token&& token = {}) {
        return detail::start<result<ResourceCreated>>(
            core_, [group_id, name = std::move(name)] { return detail::labels::create_label(group_id, name); },
            std::forward<Token>(token));
    }

    /// GET /1.0/label-groups/{group_id}/labels — one page, newest first; `limit` 1..500
    /// (server default 100); `page_token` from the previous page's `next_page_token`.
    template <class Token = Default>
    auto get_all_labels(Uuid group_id, std::optional<int> limit = std::nullopt,
                        std::optional<std::string> page_token = std::nullopt, Token&& token = {}) {
        return detail::start<result<CursorPage<Label>>>(
            core_, [group_id, limit, page_token = std::move(page_token)] {
                return detail::labels::get_all_labels(group_id, limit, page_token);
            },
            std::forward<Token>(token));
    }

    /// Every label of a group, page by page (`limit` per request), at most `max_items`.
    Pages<Label> iterate_labels(Uuid group_id, std::optional<int> limit = std::nullopt,
                                std::optional<std::size_t> max_items = std::nullopt) const {
        return detail::accounting::cursor_walk<Label>(
            core_,
            [group_id, limit](const std::optional<std::string>& page_token) {
                return detail::labels::get_all_labels(group_id, limit, page_token);
            },
            max_items);
    }

    /// PATCH /1.0/label-groups/{group_id}/labels/{label_id} — renames the label; 204.
    template <class Token = Default>
    auto update_label(Uuid group_id, Uuid label_id, std::string name, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [group_id, label_id, name = std::move(name)] {
                return detail::labels::update_label(group_id, label_id, name);
            },
            std::forward<Token>(token));
    }

    /// DELETE /1.0/label-groups/{group_id}/labels/{label_id} — 204, no content.
    template <class Token = Default>
    auto delete_label(Uuid group_id, Uuid label_id, Token&& token = {}) {
        return detail::start<result<void>>(
            core_, [=] { return detail::labels::delete_label(group_id, label_id); }, std::forward<Token>(token));
    }

private:
    std::shared_ptr<detail::ClientCore> core_;
};

using LabelsApi = BasicLabelsApi<>;

}  // namespace revolut
