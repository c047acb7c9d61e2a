#include "exodus/score/forecast_score.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace exodus {

namespace {

double median_of(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double abs_log_ratio(double predicted, double y) {
  return std::abs(std::log(std::max(predicted, 0.5) / std::max(y, 0.5)));
}

std::int32_t window_days(const Report& r, Date shock) { return r.window_end - r.window_start.value_or(shock) + 1; }

bool same_place(const Report& a, const Report& b) {
  return a.metric == b.metric && a.destinations == b.destinations && a.checkpoint == b.checkpoint && a.direction == b.direction;
}

bool is_peak(const Report& r) { return is_queue_or_wait(r.metric) || r.metric == ReportMetric::kStock; }

// The last figure of the same place and metric (latest window end) among the earlier ones.
std::optional<double> persistence_forecast(const Report& r, const std::vector<const Report*>& earlier, Date shock) {
  const Report* last = nullptr;
  for (const Report* e : earlier)
    if (same_place(*e, r) && (e->kind == ReportKind::kCount || e->kind == ReportKind::kEstimate) &&
        (!last || e->window_end > last->window_end))
      last = e;
  if (!last) return std::nullopt;
  if (is_peak(r)) return last->value;
  const double rate = last->unit == "persons_per_day" ? last->value : last->value / window_days(*last, shock);
  return r.unit == "persons_per_day" ? rate : rate * window_days(r, shock);
}

}  // namespace

double weighted_interval_score(const FigurePrediction& p, double y) {
  const auto interval_score = [y](double lo, double hi, double alpha) {
    return (hi - lo) + (2 / alpha) * std::max(0.0, lo - y) + (2 / alpha) * std::max(0.0, y - hi);
  };
  // K = 2 intervals (α = 0.5, 0.1) and the median: (|y - m| / 2 + Σ α_k / 2 · IS_α_k) / (K + 1/2).
  const double sum = 0.5 * std::abs(y - p.median) + 0.25 * interval_score(p.lo50, p.hi50, 0.5) +
                     0.05 * interval_score(p.lo90, p.hi90, 0.1);
  return sum / 2.5;
}

ForecastScore score_forecasts(const std::vector<FigurePrediction>& predictions, const std::vector<const Report*>& published,
                              const std::vector<const Report*>& earlier, Date shock) {
  ForecastScore out;
  std::map<std::string, const Report*> by_id;
  for (const Report* r : published) by_id[r->id] = r;
  std::vector<double> logs, logs_there, persistence_logs;
  double wis = 0;
  std::size_t in50 = 0, in90 = 0;
  for (const auto& p : predictions) {
    const auto found = by_id.find(p.id);
    if (found == by_id.end()) {
      ++out.unmatched_predictions;
      continue;
    }
    FigureScore f;
    f.report = found->second;
    f.prediction = &p;
    const Report& r = *f.report;
    if (!p.predicted) f.why_not = "not predicted: " + p.why_not;
    else if (r.kind == ReportKind::kLowerBound || r.kind == ReportKind::kDenial)
      f.why_not = "a bound or a denial: no point figure to score";
    else {
      f.scored = true;
      const double y = r.value;
      f.in50 = p.lo50 <= y && y <= p.hi50;
      f.in90 = p.lo90 <= y && y <= p.hi90;
      f.wis = weighted_interval_score(p, y);
      f.abs_log_error = abs_log_ratio(p.median, y);
      in50 += f.in50;
      in90 += f.in90;
      wis += f.wis;
      logs.push_back(f.abs_log_error);
      f.persistence = persistence_forecast(r, earlier, shock);
      if (f.persistence) {
        f.persistence_abs_log_error = abs_log_ratio(*f.persistence, y);
        logs_there.push_back(f.abs_log_error);
        persistence_logs.push_back(f.persistence_abs_log_error);
      }
    }
    out.figures.push_back(f);
  }
  out.scored = logs.size();
  if (out.scored) {
    const double n = static_cast<double>(out.scored);
    out.coverage50 = static_cast<double>(in50) / n;
    out.coverage90 = static_cast<double>(in90) / n;
    out.mean_wis = wis / n;
    out.median_abs_log_error = median_of(logs);
  }
  out.with_persistence = persistence_logs.size();
  out.median_abs_log_error_there = median_of(logs_there);
  out.persistence_median_abs_log_error = median_of(persistence_logs);
  return out;
}

}  // namespace exodus
