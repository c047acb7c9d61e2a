// Simulation-based calibration of exodus estimate on the design of a reports file (default:
// examples/reports/seeds-2022.csv). Prints coverage of the 50% and 90% intervals and a rank
// uniformity test per quantity.   build/exodus_sbc [REPLICATES] [REPORTS.csv]
#include <algorithm>
#include <cstdio>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "exodus/core/text_source.h"
#include "exodus/infer/sbc.h"
#include "exodus/io/reports/reports_reader.h"
#include "sbc_table.h"

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
  exodus::bench::print_sbc_table(r);
  return 0;
}
