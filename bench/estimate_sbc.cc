// Simulation-based calibration of exodus estimate on the design of a reports file (default:
// examples/reports/seeds-2022.csv). Prints coverage of the 50% and 90% intervals and a rank
// uniformity test per quantity.   build/exodus_sbc [REPLICATES] [REPORTS.csv]
#include <algorithm>
#include <cstdio>
#include <string>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "exodus/core/text_source.h"
#include "exodus/infer/sbc.h"
#include "exodus/io/reports/reports_reader.h"

int main(int argc, char** argv) {
  using namespace exodus;
  const std::size_t replicates = argc > 1 ? std::stoul(argv[1]) : 100;
  const std::string file = argc > 2 ? argv[2] : std::string(EXODUS_SOURCE_DIR) + "/examples/reports/seeds-2022.csv";
  const auto design = read_reports(read_text_file(file));
  EstimateOptions base;
  base.shock = *Date::parse("2022-09-21");
  base.sample_with_nuts = !(argc > 3 && std::string(argv[3]) == "laplace");
  // The command's own sampler settings (4 chains of 250 draws after a pilot), on all cores.
  base.nuts.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  SbcOptions o;
  o.replicates = replicates;
  const auto r = run_sbc(design, base, o, [&](std::size_t i) {
    if (i % 10 == 0) fmt::print(stderr, "replicate {}/{}\n", i, replicates);
  });
  fmt::print("{} replicates ({} fits failed their diagnostics and are not scored), {:.1f} s\n", replicates,
             r.failed_fits, r.seconds);
  fmt::print("{:<46} {:>8} {:>8} {:>12}\n", "quantity", "90% cov", "50% cov", "rank chi2(9)");
  int covered = 0, trials = 0;
  for (const auto& q : r.quantities) {
    fmt::print("{:<46} {:>7.1f}% {:>7.1f}% {:>12.1f}\n", q.label, 100 * q.coverage90(), 100 * q.coverage50(),
               q.rank_chi_square());
    covered += q.covered90;
    trials += q.trials;
  }
  fmt::print("{:<46} {:>7.1f}%\n", "all quantities", trials ? 100.0 * covered / trials : 0.0);
  // The ranks' histogram over 10 bins: a hump says intervals too wide, a U too narrow, a slope bias.
  fmt::print("\nrank histograms (10 bins, truth's rank among the draws):\n");
  for (const auto& q : r.quantities) {
    int bins[10] = {};
    for (double x : q.ranks) ++bins[std::min(9, static_cast<int>(x * 10))];
    fmt::print("{:<46} {}\n", q.label, fmt::join(bins, " "));
  }
  fmt::print("(chi-square with 9 degrees of freedom: 16.9 is the 95th percentile)\n");
  for (const auto& f : r.failures) fmt::print("failed: {}\n", f);
  return 0;
}
