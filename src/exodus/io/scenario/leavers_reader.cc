// leavers.csv (optional): the kinds of leaver that split every pool.
#include "exodus/io/scenario/scenario_tables.h"

#include <fmt/format.h>

#include <cmath>

#include "exodus/core/parse.h"

namespace exodus::scenario_io {

namespace {

// Kinds of leaver: each agent stores its kind in a byte, and each kind multiplies the pools.
constexpr std::size_t kMaxLeaverKinds = 16;

}  // namespace

// Kinds of leaver (optional): without the file, one kind from the parameters.
void Reader::leavers() {
  auto file = read_optional("leavers.csv");
  if (!file) return;
  CsvTable t = table(*file, {"kind"}, leaver_columns(), {"destinations", "source", "assumption"});
  std::set<std::string> seen;
  double shares = 0;
  for (const auto& r : t.rows()) {
    LeaverKind k;
    k.name = name(t, r, "kind");
    unique(seen, k.name, t.pos(r, "kind"), "kind");
    numbers(t, r, leaver_columns(), k);
    shares += k.share;
    for (const auto& d : split_list(t.cell(r, "destinations"))) {
      const auto at = find(s.destinations, d);
      if (at < 0) errors.add(t.pos(r, "destinations"), fmt::format("unknown destination '{}' (not in destinations.csv)", d));
      else k.destinations.push_back(static_cast<std::size_t>(at));
    }
    const auto source = t.cell(r, "source"), assumption = t.cell(r, "assumption");
    k.rests_on = source.empty() ? assumption : assumption.empty() ? source : source + "; assumed: " + assumption;
    if (k.rests_on.empty())
      errors.add(t.pos(r, "source"), "is empty, as is assumption: say what the kind's numbers rest on");
    s.leaver_kinds.push_back(k);
  }
  if (t.rows().size() > kMaxLeaverKinds)
    errors.add({file->name, 0, ""}, fmt::format("defines {} kinds of leaver; exodus handles at most {}", t.rows().size(),
                                                kMaxLeaverKinds));
  if (t.rows().empty() && errors.empty()) errors.add({file->name, 0, ""}, "defines no kind of leaver");
  // The kinds split every pool: shares that do not sum to one would make or lose people.
  if (!t.rows().empty() && std::abs(shares - 1) > 1e-6 && errors.empty())
    errors.add(t.pos(t.rows().back(), "share"), fmt::format("the kinds' shares sum to {:.6g}, not 1", shares));
}

}  // namespace exodus::scenario_io
