// events.csv (optional): what changes on a given day, and what it acts on.
#include "exodus/io/scenario/scenario_tables.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "exodus/core/parse.h"
#include "exodus/core/suggest.h"

namespace exodus::scenario_io {

namespace {

// The place an event acts on, by its kind: a region, a checkpoint or a destination (ALL: every
// one, where the kind allows it).
void resolve_event_target(Reader& reader, const CsvTable& t, const CsvRow& r, Event& e) {
  const bool all = e.target == "ALL";
  switch (e.kind) {
    case EventKind::kHazardScale:
      e.index = all ? -1 : reader.find(reader.s.regions, e.target);
      if (!all && e.index < 0) reader.errors.add(t.pos(r, "target"), fmt::format("unknown region '{}'", e.target));
      break;
    case EventKind::kClose: case EventKind::kReopen: case EventKind::kThroughput:
    case EventKind::kApproachLimit:
      e.index = reader.find(reader.s.checkpoints, e.target);
      if (e.index < 0) reader.errors.add(t.pos(r, "target"), fmt::format("unknown checkpoint '{}'", e.target));
      break;
    case EventKind::kExitRefusal:
      e.index = all ? -1 : reader.find(reader.s.checkpoints, e.target);
      if (!all && e.index < 0)
        reader.errors.add(t.pos(r, "target"), fmt::format("unknown checkpoint '{}'", e.target));
      break;
    case EventKind::kOrdinaryScale:
      // A checkpoint, or a destination: all its crossings and its arrivals by air.
      e.index = all ? -1 : reader.find(reader.s.checkpoints, e.target);
      if (!all && e.index < 0) {
        e.index = reader.find(reader.s.destinations, e.target);
        e.on_destination = true;
        if (e.index < 0)
          reader.errors.add(t.pos(r, "target"), fmt::format("unknown checkpoint or destination '{}'", e.target));
      }
      break;
    case EventKind::kEntryBan: case EventKind::kSeats: case EventKind::kReturnScale: case EventKind::kOrdinaryRefusal:
      e.index = all ? -1 : reader.find(reader.s.destinations, e.target);
      if ((!all || e.kind == EventKind::kEntryBan) && e.index < 0)
        reader.errors.add(t.pos(r, "target"), fmt::format("unknown destination '{}'", e.target));
      break;
  }
}

}  // namespace

void Reader::events() {
  auto file = read_optional("events.csv");
  if (!file) return;
  CsvTable t(*file, {"date", "kind", "target", "value"}, {"end_date", "note", "source", "assumption"}, errors);
  static const std::map<std::string, EventKind> kKinds = [] {
    std::map<std::string, EventKind> kinds;
    for (auto k : {EventKind::kHazardScale, EventKind::kClose, EventKind::kReopen, EventKind::kThroughput,
                   EventKind::kApproachLimit, EventKind::kExitRefusal, EventKind::kEntryBan, EventKind::kSeats,
                   EventKind::kReturnScale, EventKind::kOrdinaryScale, EventKind::kOrdinaryRefusal})
      kinds[to_string(k)] = k;
    return kinds;
  }();
  for (const auto& r : t.rows()) {
    Event e;
    e.line = r.line;
    const auto d = date(t, r, "date");
    const std::string kind = to_lower(t.cell(r, "kind"));
    const auto k = kKinds.find(kind);
    if (k == kKinds.end()) {
      std::vector<std::string> kinds;
      for (const auto& known : kKinds) kinds.push_back(known.first);
      errors.add(t.pos(r, "kind"), fmt::format("unknown event kind '{}'{}; the kinds are {}", t.cell(r, "kind"),
                                               did_you_mean(kind, kinds), one_of(kinds)));
      continue;
    }
    e.kind = k->second;
    e.target = name(t, r, "target");
    e.note = t.cell(r, "note");
    const bool share = e.kind == EventKind::kExitRefusal || e.kind == EventKind::kEntryBan ||
                       e.kind == EventKind::kOrdinaryRefusal;
    const bool none = e.kind == EventKind::kClose || e.kind == EventKind::kReopen;
    const auto& value = event_columns()[0];
    e.value = none ? 0 : number(t, r, value.name, value.lower, share ? 1 : value.upper);
    if (!d) continue;
    e.date = *d;
    e.day = *d - s.start_date;
    if (window_known && e.day >= s.days)
      errors.add(t.pos(r, "date"), fmt::format("is after the scenario's end_date ({}): the event would never act",
                                               s.end_date.iso()));
    if (!t.cell(r, "end_date").empty()) {
      if (const auto end = date(t, r, "end_date")) {
        e.end_day = *end - s.start_date;
        if (*end < *d) errors.add(t.pos(r, "end_date"), "is before date");
        // (A negative end_day would read as "no end": the event would act for ever.)
        else if (window_known && *end < s.start_date)
          errors.add(t.pos(r, "end_date"), fmt::format("is before the scenario's start_date ({}): the event would "
                                                       "never act",
                                                       s.start_date.iso()));
      }
    }
    resolve_event_target(*this, t, r, e);
    s.events.push_back(e);
  }
  std::stable_sort(s.events.begin(), s.events.end(), [](const Event& a, const Event& b) { return a.day < b.day; });
}

}  // namespace exodus::scenario_io
