#include "exodus/infer/window_sums.h"

#include <algorithm>
#include <optional>

namespace exodus {

namespace {
struct FoundWindow {
  std::vector<std::pair<std::size_t, double>> members;
  std::size_t first = 0, last = 0;
  double scale = 0;
};

// The report's departure weights as one window, when they have that form: on every corridor it
// names, one weight on the same unbroken run of days from first_day on, and nothing else.
std::optional<FoundWindow> window_of(const ReportWeights& w, std::size_t first_day) {
  FoundWindow out;
  bool any = false;
  for (std::size_t k = 0; k < w.w.size(); ++k) {
    const auto& wk = w.w[k];
    std::size_t a = first_day;
    while (a < wk.size() && wk[a] == 0) ++a;
    if (a >= wk.size()) continue;
    std::size_t b = a;
    while (b + 1 < wk.size() && wk[b + 1] == wk[a]) ++b;
    for (std::size_t t = b + 1; t < wk.size(); ++t)
      if (wk[t] != 0) return std::nullopt;
    if (!any) {
      out.first = a;
      out.last = b;
      out.scale = wk[a];
      any = true;
    } else if (a != out.first || b != out.last) {
      return std::nullopt;
    }
    out.members.emplace_back(k, wk[a] / out.scale);
  }
  if (!any) return std::nullopt;
  return out;
}
}  // namespace

WindowSums::WindowSums(const std::vector<ReportWeights>& weights, std::size_t first_day, std::size_t days)
    : days_(days) {
  for (const auto& w : weights) {
    Window window;
    if (w.used)
      if (const auto found = window_of(w, first_day)) {
        auto it = std::find_if(sets_.begin(), sets_.end(),
                               [&](const CorridorSet& s) { return s.members == found->members; });
        if (it == sets_.end()) {
          sets_.push_back({found->members, found->first, found->last});
          it = sets_.end() - 1;
        }
        it->first = std::min(it->first, found->first);
        it->last = std::max(it->last, found->last);
        window = {static_cast<int>(it - sets_.begin()), found->first, found->last, found->scale};
      }
    windows_.push_back(window);
  }
}

void WindowSums::begin(const double* flows, bool with_gradient, Pass& pass) const {
  const std::size_t stride = days_ + 1;
  pass.prefix.assign(sets_.size() * stride, 0.0);
  pass.daily.resize(days_);
  for (std::size_t g = 0; g < sets_.size(); ++g) {
    const auto& set = sets_[g];
    std::fill(pass.daily.begin(), pass.daily.end(), 0.0);
    for (const auto& [k, rel] : set.members)
      for (std::size_t t = set.first; t <= set.last; ++t) pass.daily[t] += rel * flows[k * days_ + t];
    double* P = pass.prefix.data() + g * stride;
    for (std::size_t t = set.first; t <= set.last; ++t) P[t + 1] = P[t] + pass.daily[t];
  }
  if (with_gradient) {
    pass.slope.assign(sets_.size() * stride, 0.0);
    pass.open.assign(sets_.size() * stride, 0);
  }
}

double WindowSums::sum(std::size_t report, const Pass& pass) const {
  const auto& w = windows_[report];
  if (w.set < 0) return 0.0;
  const double* P = pass.prefix.data() + static_cast<std::size_t>(w.set) * (days_ + 1);
  return w.scale * (P[w.last + 1] - P[w.first]);
}

void WindowSums::add_slope(std::size_t report, double slope, Pass& pass) const {
  const auto& w = windows_[report];
  if (w.set < 0) return;
  const std::size_t at = static_cast<std::size_t>(w.set) * (days_ + 1);
  pass.slope[at + w.first] += slope * w.scale;
  pass.slope[at + w.last + 1] -= slope * w.scale;
  ++pass.open[at + w.first];
  --pass.open[at + w.last + 1];
}

void WindowSums::add_gradient(const double* flow_slope, double* gradient, Pass& pass) const {
  for (std::size_t g = 0; g < sets_.size(); ++g) {
    const auto& set = sets_[g];
    const double* delta = pass.slope.data() + g * (days_ + 1);
    const int* open = pass.open.data() + g * (days_ + 1);
    // The count of windows open on a day keeps days outside every window at exactly zero.
    double running = 0;
    int count = 0;
    for (std::size_t t = set.first; t <= set.last; ++t) {
      running += delta[t];
      count += open[t];
      pass.daily[t] = count > 0 ? running : 0.0;
    }
    for (const auto& [k, rel] : set.members)
      for (std::size_t t = set.first; t <= set.last; ++t)
        if (pass.daily[t] != 0) gradient[k * days_ + t] += pass.daily[t] * (rel * flow_slope[k * days_ + t]);
  }
}

}  // namespace exodus
