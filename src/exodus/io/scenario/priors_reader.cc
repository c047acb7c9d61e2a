#include "exodus/io/scenario/priors_reader.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include "exodus/core/csv_table.h"
#include "exodus/core/parse.h"
#include "exodus/core/suggest.h"
#include "exodus/world/scenario_registry.h"

namespace exodus {

namespace {

// A prior whose bounds keep less of it than this is almost surely a typo (and slow to draw from).
constexpr double kLeastMass = 0.01;

const std::map<std::string, PriorShape>& shapes() {
  static const std::map<std::string, PriorShape> kShapes = {{"lognormal", PriorShape::kLogNormal},
                                                            {"normal", PriorShape::kNormal},
                                                            {"uniform", PriorShape::kUniform},
                                                            {"beta", PriorShape::kBeta}};
  return kShapes;
}

}  // namespace

std::vector<ParameterPrior> read_priors(const TextFile& file, const Scenario& s, ErrorList& errors) {
  CsvTable t(file, {"parameter", "prior", "reasoning"}, {"center", "spread", "lower", "upper"}, errors);
  std::vector<ParameterPrior> out;
  std::set<std::string> seen;
  for (const auto& row : t.rows()) {
    const std::size_t before = errors.size();
    ParameterPrior p;
    p.line = row.line;
    p.address = t.cell(row, "parameter");
    std::optional<ScenarioValue> value;
    try {
      value.emplace(s, p.address);
    } catch (const std::invalid_argument& e) {
      errors.add(t.pos(row, "parameter"), e.what());
    }
    if (value && !value->is_scale() && find_scenario_parameter(p.address) && find_scenario_parameter(p.address)->integer())
      errors.add(t.pos(row, "parameter"), fmt::format("{} is a whole number; a calibration varies continuous values only", p.address));
    if (!seen.insert(p.address).second) errors.add(t.pos(row, "parameter"), fmt::format("{} has a prior already", p.address));

    const std::string shape = t.cell(row, "prior");
    const auto found = shapes().find(shape);
    std::vector<std::string> names;
    for (const auto& [name, _] : shapes()) names.push_back(name);
    if (found == shapes().end())
      errors.add(t.pos(row, "prior"), fmt::format("unknown prior '{}'{}; the priors are {}", shape, did_you_mean(shape, names), one_of(names)));
    else p.shape = found->second;

    const auto number = [&](const char* column, double fallback) {
      const std::string text = t.cell(row, column);
      if (text.empty()) return fallback;
      try {
        return parse_double(text, t.pos(row, column));
      } catch (const InputError& e) {
        errors.add(e);
        return fallback;
      }
    };
    const bool needs_center = p.shape != PriorShape::kUniform;
    if (needs_center)
      for (const char* column : {"center", "spread"})
        if (t.cell(row, column).empty()) errors.add(t.pos(row, column), fmt::format("is empty; a {} prior needs it", shape));
    p.center = number("center", 0);
    p.spread = number("spread", 0);
    const double range_lower = value ? value->lower() : -INFINITY, range_upper = value ? value->upper() : INFINITY;
    p.lower = number("lower", range_lower);
    p.upper = number("upper", range_upper);
    if (p.shape == PriorShape::kBeta) {
      // A share: the value lives in [0, 1] whatever the registry allows.
      if (t.cell(row, "lower").empty()) p.lower = std::max(p.lower, 0.0);
      if (t.cell(row, "upper").empty()) p.upper = std::min(p.upper, 1.0);
    }
    if (value) {
      if (p.lower < value->lower())
        errors.add(t.pos(row, "lower"), fmt::format("{} is below the lowest value {} may take ({})", p.lower, p.address, value->lower()));
      if (p.upper > value->upper())
        errors.add(t.pos(row, "upper"), fmt::format("{} is above the highest value {} may take ({})", p.upper, p.address, value->upper()));
    }
    if (!(p.lower < p.upper)) errors.add(t.pos(row, "upper"), fmt::format("must exceed lower ({})", p.lower));
    switch (p.shape) {
      case PriorShape::kLogNormal:
        if (!(p.center > 0)) errors.add(t.pos(row, "center"), "is the median of a log-normal prior: it must be positive");
        if (p.lower < 0) errors.add(t.pos(row, "lower"), "a log-normal value cannot be negative");
        break;
      case PriorShape::kBeta:
        if (!(p.center > 0 && p.center < 1)) errors.add(t.pos(row, "center"), "is the mean of a beta prior: it must lie in (0, 1)");
        else if (!(p.spread < std::sqrt(p.center * (1 - p.center))))
          errors.add(t.pos(row, "spread"), fmt::format("a beta of mean {} has an sd below {:.4g}", p.center, std::sqrt(p.center * (1 - p.center))));
        if (p.lower < 0 || p.upper > 1) errors.add(t.pos(row, "lower"), "a beta prior lies within [0, 1]");
        break;
      default: break;
    }
    if (needs_center && !(p.spread > 0)) errors.add(t.pos(row, "spread"), "must be positive");
    if (needs_center && (p.center < p.lower || p.center > p.upper))
      errors.add(t.pos(row, "center"), fmt::format("{} lies outside the prior's bounds [{}, {}]", p.center, p.lower, p.upper));
    p.reasoning = t.cell(row, "reasoning");
    if (p.reasoning.empty()) errors.add(t.pos(row, "reasoning"), "is empty: say what the prior rests on");
    if (errors.size() == before) {
      const double mass = truncated_mass(p);
      if (!(mass >= kLeastMass))
        errors.add(t.pos(row, "lower"), fmt::format("the bounds keep {:.2g}% of the prior; at least {}% must lie within them", 100 * mass, 100 * kLeastMass));
    }
    out.push_back(p);
  }
  return out;
}

}  // namespace exodus
