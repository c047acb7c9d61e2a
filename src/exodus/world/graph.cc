#include "exodus/world/graph.h"

#include <algorithm>

namespace exodus {

Graph::Graph(std::vector<Location> locations, std::vector<Link> links)
    : locations_(std::move(locations)), links_(std::move(links)) {
  std::stable_sort(links_.begin(), links_.end(),
                   [](const Link& a, const Link& b) { return a.from < b.from; });
  out_begin_.assign(locations_.size() + 1, 0);
  for (const auto& l : links_) ++out_begin_[l.from + 1];
  for (std::size_t i = 1; i < out_begin_.size(); ++i) out_begin_[i] += out_begin_[i - 1];
  for (LocationId i = 0; i < locations_.size(); ++i) by_name_.emplace(locations_[i].name, i);
}

LocationId Graph::find(const std::string& name) const {
  const auto it = by_name_.find(name);
  return it == by_name_.end() ? kNoLocation : it->second;
}

}  // namespace exodus
