// SPDX-License-Identifier: MIT
#pragma once

#include "EntityId.h"

#include <unordered_map>
#include <utility>
#include <vector>

namespace tt {

//! Dense storage of one entity kind with O(1) lookup by id. Order is insertion
//! order except that removal moves the last entity into the freed slot.
template <typename T>
class EntityTable {
public:
    using const_iterator = typename std::vector<T>::const_iterator;

    int size() const { return int(m_items.size()); }
    bool isEmpty() const { return m_items.empty(); }
    void reserve(int n)
    {
        m_items.reserve(n);
        m_index.reserve(n);
    }
    const_iterator begin() const { return m_items.begin(); }
    const_iterator end() const { return m_items.end(); }
    const T &operator[](int i) const { return m_items[i]; }
    const std::vector<T> &items() const { return m_items; }

    bool contains(EntityId id) const { return m_index.count(id) != 0; }
    const T *find(EntityId id) const
    {
        const auto it = m_index.find(id);
        return it == m_index.end() ? nullptr : &m_items[it->second];
    }
    T *find(EntityId id)
    {
        const auto it = m_index.find(id);
        return it == m_index.end() ? nullptr : &m_items[it->second];
    }
    //! Adds or replaces the entity with item.id.
    void put(T item)
    {
        const auto it = m_index.find(item.id);
        if (it != m_index.end()) {
            m_items[it->second] = std::move(item);
            return;
        }
        m_index.emplace(item.id, m_items.size());
        m_items.push_back(std::move(item));
    }
    bool remove(EntityId id)
    {
        const auto it = m_index.find(id);
        if (it == m_index.end())
            return false;
        const size_t slot = it->second;
        m_index.erase(it);
        if (slot + 1 != m_items.size()) {
            m_items[slot] = std::move(m_items.back());
            m_index[m_items[slot].id] = slot;
        }
        m_items.pop_back();
        return true;
    }
    void clear()
    {
        m_items.clear();
        m_index.clear();
    }
    //! Same entities regardless of storage order.
    bool sameContent(const EntityTable &o) const
    {
        if (size() != o.size())
            return false;
        for (const T &item : m_items) {
            const T *other = o.find(item.id);
            if (!other || !(*other == item))
                return false;
        }
        return true;
    }

private:
    std::vector<T> m_items;
    std::unordered_map<EntityId, size_t> m_index;
};

} // namespace tt
