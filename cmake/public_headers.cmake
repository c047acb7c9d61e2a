# The library's public face, as FLAME GPU 2 keeps one: the headers a program that embeds exodus
# includes (the use cases; a scenario's and a Flee case's runs and their results; the registries
# that name their parameters), and the headers those include in turn. Only these are installed
# (cmake --install); the rest of
# src/exodus is the library's inside. tests/layering_test.cc checks that EXODUS_INSTALLED_HEADERS
# is exactly what the facade includes, directly or not, and that no installed header names a
# library exodus links privately (Eigen, fmt, yaml-cpp, nlohmann/json, TBB, MPI, CLI11).
set(EXODUS_FACADE_HEADERS
  app/use_case.h
  app/load_scenario.h
  app/scenario_use_case.h
  app/flee_use_case.h
  app/estimate_use_case.h
  app/calibrate_use_case.h
  app/flee_calibrate_use_case.h
  app/ensemble_use_case.h
  run/exodus_run.h
  run/flee_run.h
  run/people_per_agent.h
  score/exodus_summary.h
  world/as_of.h
  world/scenario_registry.h
  world/flee_settings_registry.h
)
# What the facade includes, directly or not (paths under src/exodus).
set(EXODUS_INSTALLED_HEADERS
  ${EXODUS_FACADE_HEADERS}
  app/flee_case.h
  core/date.h
  core/error.h
  core/interval.h
  core/limits.h
  core/random.h
  core/recording_source.h
  core/text_source.h
  infer/calibration_result.h
  infer/camp_bands.h
  infer/camp_forecast_check.h
  infer/ensemble_result.h
  infer/estimate.h
  infer/estimate_priors.h
  infer/flee_calibration_result.h
  infer/key_totals.h
  infer/laplace_diagnostics.h
  infer/nuts_options.h
  infer/parameter_summary.h
  infer/posterior_runs.h
  infer/report_fit.h
  infer/smc_sampler.h
  io/flee/flee_inputs.h
  observe/camp_error.h
  observe/flow_layout.h
  observe/report_error.h
  observe/report_support.h
  observe/report_weights.h
  output/run_identity.h
  ranks/rank_farm.h
  recorder/camp_table.h
  recorder/exodus_run_result.h
  recorder/flee_run_result.h
  recorder/series_table.h
  run/run_options.h
  score/flee_score.h
  score/run_report_fit.h
  score/targets.h
  sim/flee/flee_run_stats.h
  sim/worker_pool.h
  world/flee_settings.h
  world/flee_world.h
  world/graph.h
  world/parameter_prior.h
  world/places.h
  world/reports.h
  world/scenario.h
)
