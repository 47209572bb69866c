#include "mock/label_store.hpp"

#include <algorithm>

namespace revolut::mock {

StoredLabel* StoredLabelGroup::find_label(const Uuid& label_id) {
    auto it = std::find_if(labels.begin(), labels.end(), [&](const auto& label) { return label.id == label_id; });
    return it == labels.end() ? nullptr : &*it;
}

const StoredLabel* StoredLabelGroup::label_named(std::string_view name, const Uuid& except) const {
    for (const auto& label : labels)
        if (label.name == name && label.id != except) return &label;
    return nullptr;
}

StoredLabelGroup* LabelStore::find_group(const Uuid& id) {
    auto it = std::find_if(groups_.begin(), groups_.end(), [&](const auto& group) { return group.id == id; });
    return it == groups_.end() ? nullptr : &*it;
}

const StoredLabelGroup* LabelStore::group_named(std::string_view name, const Uuid& except) const {
    for (const auto& group : groups_)
        if (group.name == name && group.id != except) return &group;
    return nullptr;
}

StoredLabelGroup& LabelStore::add_group(std::string name, const std::vector<std::string>& labels, Timestamp now) {
    StoredLabelGroup group;
    group.id = Uuid::random();
    group.name = std::move(name);
    group.created_at = now;
    group.updated_at = now;
    group.sequence = next_sequence_++;
    auto& stored = groups_.emplace_back(std::move(group));
    for (const auto& label : labels) add_label(stored, label, now);
    return stored;
}

bool LabelStore::remove_group(const Uuid& id) {
    auto it = std::find_if(groups_.begin(), groups_.end(), [&](const auto& group) { return group.id == id; });
    if (it == groups_.end()) return false;
    groups_.erase(it);
    return true;
}

StoredLabel& LabelStore::add_label(StoredLabelGroup& group, std::string name, Timestamp now) {
    StoredLabel label;
    label.id = Uuid::random();
    label.name = std::move(name);
    label.created_at = now;
    label.updated_at = now;
    label.sequence = next_sequence_++;
    return group.labels.emplace_back(std::move(label));
}

bool LabelStore::remove_label(StoredLabelGroup& group, const Uuid& label_id) {
    auto it = std::find_if(group.labels.begin(), group.labels.end(),
                           [&](const auto& label) { return label.id == label_id; });
    if (it == group.labels.end()) return false;
    group.labels.erase(it);
    return true;
}

}  // namespace revolut::mock
