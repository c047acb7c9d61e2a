// Simulation-based calibration of exodus calibrate: truths drawn from a scenario's priors (and
// the discrepancies'), the figures of its reports published by --as-of rendered from each
// truth's run, calibrated, and the truth's rank recorded for every parameter and key total.
//   build/exodus_calibrate_sbc [REPLICATES] [--scenario DIR] [--as-of DATE] [--members N] [--budget N]
//                              [--people-per-agent K] [--threads N] [--replicates-at-once N]
//                              [--first-replicate I] [--records FILE]
//   build/exodus_calibrate_sbc --merge FILE...   the table of several runs' --records files
// --records writes each replicate's records as it finishes (tab-separated: replicate, quantity,
// truth, rank, lo90, hi90, lo50, hi50), so that a run stopped early, or runs of other replicate
// ranges on other machines, can still be tabled with --merge.
#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include "exodus/app/calibration_sbc.h"
#include "exodus/app/load_scenario.h"
#include "exodus/core/date.h"
#include "exodus/infer/smc_sampler.h"
#include "exodus/run/exodus_run.h"
#include "sbc_table.h"

namespace {

using exodus::CalibrationSbcRecord;

int merge(const std::vector<std::string>& files) {
  // Replicate -> its records, so that a replicate in two files counts once and order is by replicate.
  std::map<std::size_t, std::vector<CalibrationSbcRecord>> by_replicate;
  for (const auto& f : files) {
    std::ifstream in(f);
    if (!in) {
      fmt::print(stderr, "error: {}: cannot be read\n", f);
      return 2;
    }
    std::string line;
    std::size_t n = 0;
    std::map<std::size_t, std::vector<CalibrationSbcRecord>> here;
    while (std::getline(in, line)) {
      ++n;
      std::istringstream row(line);
      std::string rep, label, truth, rank, lo90, hi90, lo50, hi50;
      if (!std::getline(row, rep, '\t') || !std::getline(row, label, '\t') || !std::getline(row, truth, '\t') ||
          !std::getline(row, rank, '\t') || !std::getline(row, lo90, '\t') || !std::getline(row, hi90, '\t') ||
          !std::getline(row, lo50, '\t') || !std::getline(row, hi50)) {
        fmt::print(stderr, "error: {}:{}: expected 8 tab-separated fields\n", f, n);
        return 2;
      }
      try {
        CalibrationSbcRecord r{label, std::stod(truth), std::stod(rank), {}};
        r.interval.lo90 = std::stod(lo90), r.interval.hi90 = std::stod(hi90);
        r.interval.lo50 = std::stod(lo50), r.interval.hi50 = std::stod(hi50);
        here[std::stoul(rep)].push_back(r);
      } catch (const std::exception&) {
        fmt::print(stderr, "error: {}:{}: a field is not a number\n", f, n);
        return 2;
      }
    }
    for (auto& [rep, records] : here) by_replicate[rep] = std::move(records);
  }
  exodus::SbcResult sbc;
  for (const auto& [rep, records] : by_replicate) exodus::add_calibration_sbc_records(sbc, records);
  fmt::print("{} replicates merged from {} file(s)\n", by_replicate.size(), files.size());
  exodus::bench::print_sbc_table(sbc);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace exodus;
  CLI::App app("exodus calibrate's simulation-based calibration");
  CalibrationSbcOptions o;
  std::optional<std::string> folder, records_file;
  std::vector<std::string> merge_files;
  std::string as_of = "2022-09-30";
  o.members = 16;
  app.add_option("REPLICATES", o.replicates)->capture_default_str();
  app.add_option("--scenario", folder, "a scenario folder with priors.csv and reports (default: the embedded 2022 one)");
  app.add_option("--as-of", as_of, "the design: the scenario's reports published by this date")->capture_default_str();
  app.add_option("--members", o.members)->capture_default_str();
  app.add_option("--budget", o.budget, "simulations per calibration (default: 200 per member)");
  app.add_option("--seed", o.seed)->capture_default_str();
  app.add_option("--sampler-seed", o.sampler_seed, "other sampler draws for the same truths")->capture_default_str();
  app.add_flag("--spend-budget,!--no-spend-budget", o.spend_budget_at_posterior,
               "once the tempering reaches the posterior, move the members until the budget is spent")
      ->capture_default_str();
  app.add_option("--ess-share", o.ess_share, "each tempering step keeps this share of members effective")->capture_default_str();
  app.add_option("--unmoved-chance", o.unmoved_chance, "moves go on until a member stays put with this chance")
      ->capture_default_str();
  app.add_option("--independent-dof", o.independent_dof, "the independent proposal: a t of these degrees of freedom (0: normal)")
      ->capture_default_str();
  app.add_option("--threads", o.threads, "default: every core");
  app.add_option("--people-per-agent", o.people_per_agent, "the members' agents stand for this many people (default: the scenario's)");
  app.add_option("--truth-people-per-agent", o.truth_people_per_agent,
                 "the truths' agents stand for this many people (default 1, as the world; the members' scale isolates "
                 "what that scale does)")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 1000.0));
  app.add_option("--replicates-at-once", o.replicates_at_once,
                 "replicates calibrated side by side, each on its share of the threads (default: one a thread)");
  app.add_option("--first-replicate", o.first_replicate, "the index of the first replicate (others run others)")
      ->capture_default_str();
  app.add_option("--records", records_file, "write each replicate's records to this new file as it finishes");
  app.add_option("--merge", merge_files, "print the table of these --records files and stop")->expected(1, -1);
  CLI11_PARSE(app, argc, argv);
  if (!merge_files.empty()) return merge(merge_files);
  std::FILE* records = nullptr;
  if (records_file) {
    if (std::filesystem::exists(*records_file)) {
      fmt::print(stderr, "error: {} exists: --records writes a new file\n", *records_file);
      return 2;
    }
    records = std::fopen(records_file->c_str(), "w");
    if (!records) {
      fmt::print(stderr, "error: {}: cannot be written\n", *records_file);
      return 2;
    }
  }
  const Scenario s = load_scenario(folder ? std::optional<std::filesystem::path>(*folder) : std::nullopt).scenario;
  const Date cut = *Date::parse(as_of);
  std::vector<Report> design;
  for (const auto& set : s.reports)
    for (const auto& r : set.reports)
      if (r.reported_on.value_or(r.window_end) <= cut) design.push_back(r);
  std::size_t done = 0;
  const auto r = run_calibration_sbc(s, design, o, [&](const CalibrationSbcReplicate& rep) {
    std::string stages;
    for (const auto& st : rep.stages)
      stages += fmt::format(" {:.2f}/{}/{:.0f}%/{:.0f}%", st.temperature, st.moves, 100 * st.acceptance,
                            100 * st.independent_acceptance);
    fmt::print(stderr, "replicate {} done ({}/{}): {} distinct members of {}; log-likelihood of the truth {:.1f} (sd {:.1f} over "
               "{} runs), members' median {:.1f}; log-prior {:.1f}, {:.1f}; stages (temperature/moves/accepted/independent "
               "accepted):{}{}\n",
               rep.index, ++done, o.replicates, rep.distinct_members, o.members, rep.truth_log_likelihood,
               rep.truth_log_likelihood_sd, CalibrationSbcReplicate::kTruthRuns,
               rep.members_log_likelihood, rep.truth_log_prior, rep.members_log_prior, stages,
               rep.failure.empty() ? "" : "; failed: " + rep.failure);
    if (!records) return;
    for (const auto& q : rep.records)
      fmt::print(records, "{}\t{}\t{:.17g}\t{:.17g}\t{:.17g}\t{:.17g}\t{:.17g}\t{:.17g}\n", rep.index, q.label, q.truth,
                 q.rank, q.interval.lo90, q.interval.hi90, q.interval.lo50, q.interval.hi50);
    std::fflush(records);
  });
  if (records) std::fclose(records);
  fmt::print("scenario {}: {} replicates of {} members, budget {}; {} figures rendered per replicate (of {} published by {}); "
             "{} calibrations reached the posterior; {} simulations; {:.0f} s; {} people per agent\n",
             s.name, o.replicates, o.members, o.budget ? o.budget : exodus::kDefaultSimulationsPerMember * o.members, r.figures, design.size(), as_of,
             r.reached_posterior, r.simulations, r.sbc.seconds, o.people_per_agent.value_or(s.calibration_people_per_agent));
  exodus::bench::print_sbc_table(r.sbc);
  return 0;
}
