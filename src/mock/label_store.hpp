#pragma once
// The emulator's label groups and their labels, in creation order. Every group and label
// gets a creation number (`sequence`) that orders the lists and anchors their page tokens.

#include <revolut/types.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace revolut::mock {

/// Spec schema `LabelResponse`.
struct StoredLabel {
    Uuid id;
    std::string name;
    Timestamp created_at{};
    Timestamp updated_at{};
    std::uint64_t sequence = 0;
};

/// Spec schema `LabelGroupResponse`, with the group's labels (oldest first).
struct StoredLabelGroup {
    Uuid id;
    std::string name;
    Timestamp created_at{};
    Timestamp updated_at{};
    std::uint64_t sequence = 0;
    std::vector<StoredLabel> labels;

    StoredLabel* find_label(const Uuid& label_id);
    /// Another label of this group (not `except`) with this name: names are unique in a group.
    const StoredLabel* label_named(std::string_view name, const Uuid& except = {}) const;
};

class LabelStore {
public:
    /// Revolut allows at most this many label groups per business (422, code 3591).
    static constexpr std::size_t max_groups = 5;

    /// Oldest first. Pointers stay valid until the next add or remove of a group (labels:
    /// of a label of that group).
    const std::vector<StoredLabelGroup>& groups() const { return groups_; }
    StoredLabelGroup* find_group(const Uuid& id);
    /// Another group (not `except`) with this name: group names are unique.
    const StoredLabelGroup* group_named(std::string_view name, const Uuid& except = {}) const;
    /// A new group with these labels (in this order); the caller checks max_groups first.
    StoredLabelGroup& add_group(std::string name, const std::vector<std::string>& labels, Timestamp now);
    /// Removes the group and its labels; false when there is none with this id.
    bool remove_group(const Uuid& id);

    StoredLabel& add_label(StoredLabelGroup& group, std::string name, Timestamp now);
    bool remove_label(StoredLabelGroup& group, const Uuid& label_id);

private:
    std::vector<StoredLabelGroup> groups_;
    std::uint64_t next_sequence_ = 1;
};

}  // namespace revolut::mock
