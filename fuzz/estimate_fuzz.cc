// libFuzzer target: the estimate's whole path, reports file to posterior, as `exodus
// estimate --laplace` runs it: read, the size and window checks, then the fit and its draws.
// Input errors are the expected answer to bad bytes; anything else escaping, a crash or a
// sanitizer report is a bug. The budget is small (few corridors, reports and days, 50
// draws) so that each input takes milliseconds; NUTS is left to the sanitized test suite.
#include <cstddef>
#include <cstdint>
#include <string>

#include "exodus/core/error.h"
#include "exodus/infer/estimate.h"
#include "exodus/io/reports/reports_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace exodus;
  InputLimits limits;
  limits.max_reports = 64;
  limits.max_corridors = 10;
  limits.max_days = 400;
  EstimateOptions options;
  options.shock = parse_date("2022-09-21", {"--shock", 0, ""});
  options.sample_with_nuts = false;
  options.draws = 50;
  try {
    const ReportSet reports = read_reports({"fuzz.csv", std::string(reinterpret_cast<const char*>(data), size)});
    check_estimate_size(reports, "fuzz.csv", limits);
    check_estimate_window(reports, "fuzz.csv", options, limits);
    const EstimateResult result = estimate_flows(reports, options);
    (void)result.ok();
  } catch (const InputError&) {
  } catch (const InputErrors&) {
  }
  return 0;
}
