#pragma once
// How likely a published figure is, had a simulation been the world: the report's error model
// (observe/report_error.h) around the run's counterpart of it (observe/run_expectation.h),
// widened by the model's discrepancy. The discrepancy is the model's own error on the log
// scale, one sd per metric, estimated with the parameters by a calibration: without it a
// posterior fitted to dozens of figures would claim the model is the world.
//
// The source bias of an estimate or a claim and the discrepancy are normal on the log scale; the
// report's kind adds its Student-t error: a figure's likelihood is the exact density of that sum
// (observe/report_error.h), the model the figures of draw_report_of_truth follow, so that a
// calibration on figures drawn from it is calibrated (app/calibration_sbc.h). Each figure is
// taken as independent given the run, so one source's shared bias is not pooled across its
// figures as the estimate does. A bound or a denial keeps the one-sided normal term of the
// three sds in quadrature.
#include "exodus/core/random.h"
#include "exodus/observe/report_error.h"
#include "exodus/world/reports.h"

namespace exodus {

// The report's total sd on the log scale, for a run: its kind's error, its source's bias (estimates
// and claims) and the model's discrepancy, in quadrature (the one-sided kinds' scale).
double run_report_sd(const Report& r, double discrepancy_sd, const ReportErrors& e);

// log p(figure | simulated) with every normalising term that depends on the sds (a calibration
// estimates the discrepancy, so they matter). Runs with a counterpart below half a person are
// scored as half a person: a log of nothing is no likelihood.
double run_report_log_likelihood(const Report& r, double simulated, double discrepancy_sd, const ReportErrors& e);

// The truth a run stands for, with the model's discrepancy (a log-normal factor; net arrivals:
// a share of their size).
double draw_run_truth(const Report& r, double simulated, double discrepancy_sd, CounterRng& rng);
// A figure a source of this report's kind would publish of that truth: a bias drawn from the
// sources' prior (estimates and claims) and the kind's error. A bound or a denial says only on
// which side the truth lies: the draw is the truth itself.
double draw_report_of_truth(const Report& r, double truth, const ReportErrors& e, CounterRng& rng);

}  // namespace exodus
