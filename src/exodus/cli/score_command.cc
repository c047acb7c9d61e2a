// exodus score OUT.csv: Flee's validation measures of any Flee-layout out.csv, Flee's own
// included, so exodus and Flee are compared by one implementation of the measure.
// exodus score PREDICTIONS.csv REPORTS.csv...: forecasts of figures (estimate or calibrate
// --predict) against the figures published later, with naive persistence beside them.
#include <fmt/format.h>

#include <map>

#include "exodus/cli/commands.h"
#include "exodus/cli/exit_codes.h"
#include "exodus/cli/limit_options.h"
#include "exodus/core/csv.h"
#include "exodus/core/digit_grouping.h"
#include "exodus/core/error.h"
#include "exodus/core/parse.h"
#include "exodus/core/text_source.h"
#include "exodus/io/reports/predictions_reader.h"
#include "exodus/io/reports/reports_reader.h"
#include "exodus/score/flee_out_csv_reader.h"
#include "exodus/score/flee_score.h"
#include "exodus/score/forecast_score.h"

namespace exodus {

namespace {

std::string number(double v) { return std::abs(v) >= 1000 ? grouped(std::llround(v)) : fmt::format("{:.3g}", v); }

void print_forecast_score(const ForecastScore& s, bool baseline) {
  fmt::print("  {:<26} {:>12} {:>12} {:>25} {:>10} {:>12}\n", "figure", "published", "median", "90% interval", "|log err|",
             baseline ? "persistence" : "");
  for (const auto& f : s.figures) {
    const auto& p = *f.prediction;
    if (!f.scored) {
      fmt::print("  {:<26} {:>12} {}\n", f.report->id, number(f.report->value), f.why_not);
      continue;
    }
    fmt::print("  {:<26} {:>12} {:>12} {:>25} {:>10.3f} {:>12}{}\n", f.report->id, number(f.report->value), number(p.median),
               number(p.lo90) + " to " + number(p.hi90), f.abs_log_error, f.persistence ? number(*f.persistence) : "",
               f.in90 ? "" : "  outside 90%");
  }
  fmt::print("\n  scored {} figures: 50% intervals hold {:.0f}%, 90% intervals hold {:.0f}%; mean weighted interval score "
             "{}; median |log(predicted/published)| {:.3f}\n",
             s.scored, 100 * s.coverage50, 100 * s.coverage90, number(s.mean_wis), s.median_abs_log_error);
  if (baseline && s.with_persistence)
    fmt::print("  on the {} figures persistence can forecast (a rate of the same place reported by the as-of date): median "
               "|log error| {:.3f}, persistence {:.3f} (ratio {:.2f})\n",
               s.with_persistence, s.median_abs_log_error_there, s.persistence_median_abs_log_error,
               s.persistence_median_abs_log_error > 0 ? s.median_abs_log_error_there / s.persistence_median_abs_log_error : 0.0);
  if (s.unmatched_predictions)
    fmt::print("  {} predictions name no figure among those scored (published by the as-of date, or absent)\n", s.unmatched_predictions);
}

// The header row of a file, as the CSV reader reads it (a byte-order mark dropped).
std::vector<std::string> header_of(const TextFile& file) {
  const auto rows = parse_csv({file.name, file.content.substr(0, file.content.find('\n'))});
  return rows.empty() ? std::vector<std::string>{} : rows.front().fields;
}

// Predictions (estimate or calibrate --predict) against the figures published later, with
// naive persistence beside them when the day they were made is given.
int score_predictions(const TextFile& first, const std::vector<std::string>& files, const std::optional<std::string>& as_of,
                      const std::string& shock, const InputLimits& limits) {
  if (files.size() < 2)
    throw InputError({files.front(), 0, ""}, "is a predictions file: name the reports CSVs that judge it after it");
  const auto predictions = read_predictions(first, limits.max_reports);
  std::vector<TextFile> judging;
  for (std::size_t i = 1; i < files.size(); ++i) judging.push_back(read_text_file(files[i], limits.max_file_bytes));
  const ReportSet judges = read_reports_as_one(judging, limits.max_reports);
  std::optional<Date> when;
  if (as_of) when = parse_date(*as_of, {"--as-of", 0, ""});
  const Date shock_date = parse_date(shock, {"--shock", 0, ""});
  std::vector<const Report*> published, earlier;
  for (const auto& r : judges.reports) (when && r.reported_on.value_or(r.window_end) <= *when ? earlier : published).push_back(&r);
  const auto s = score_forecasts(predictions, published, earlier, shock_date);
  if (s.scored == 0 && s.figures.empty())
    throw InputError({files.front(), 0, "id"}, "no prediction's id is among the published figures");
  print_forecast_score(s, when.has_value());
  return kExitOk;
}

}  // namespace

void add_score_command(CLI::App& app, int* exit_code) {
  auto* cmd = app.add_subcommand(
      "score", "Flee's validation error (ARD) of an out.csv, or forecasts (predictions.csv) against published figures");
  auto files = std::make_shared<std::vector<std::string>>();
  auto days = std::make_shared<std::size_t>(0);
  auto as_of = std::make_shared<std::optional<std::string>>();
  auto shock = std::make_shared<std::string>("2022-09-21");
  cmd->add_option("FILES", *files, "a Flee-layout out.csv; or a predictions.csv and the reports CSVs it is judged by")
      ->required();
  cmd->add_option("--days", *days, "out.csv: score only the first N days (at least 1)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  cmd->add_option("--as-of", *as_of, "predictions: the day they were made; figures published by then give the "
                                     "persistence baseline, later ones are scored");
  cmd->add_option("--shock", *shock, "predictions: the shock date; a window without a start runs from it (default 2022-09-21)");
  const auto limits = add_limit_options(cmd, false, false, true);
  cmd->callback([=] {
    *exit_code = exit_code_of(
        [&] {
          const TextFile first = read_text_file(files->front(), limits->max_file_bytes);
          const auto header = header_of(first);
          if (is_predictions_header(header)) return score_predictions(first, *files, *as_of, *shock, *limits);
          if (!is_flee_out_header(header))
            throw InputError({files->front(), 1, ""},
                             "is neither a predictions file (columns id, median, lo50, hi50, lo90, hi90) nor a Flee "
                             "out.csv ('<camp> sim' columns)" +
                                 std::string(header.size() == 1 && !header.front().empty() ? ": is it separated by commas?" : ""));
          if (files->size() > 1)
            throw InputError({(*files)[1], 0, ""}, "an out.csv is scored alone (its validation data is inside it)");
          const auto s = score_flee(read_flee_out_csv(first, limits->max_days), *days);
          fmt::print("days {}  ARD {:.4f}  rescaled ARD {:.4f}  mean Total error {:.4f}\n", s.error.size(), s.ard,
                     s.ard_rescaled, s.mean_total_error);
          return kExitOk;
        },
        "inputs");
  });
}

}  // namespace exodus
