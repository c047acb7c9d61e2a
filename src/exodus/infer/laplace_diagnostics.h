#pragma once
// How well the Laplace approximation held (infer/laplace.h): what an estimate's result reports,
// apart from the fit's machinery.
#include <string>

namespace exodus {

struct LaplaceDiagnostics {
  int optimiser_evaluations = 0;
  std::string optimiser_result;
  double gradient_norm = 0;       // at the mode, after polishing
  bool hessian_positive = false;  // the prior precision is positive definite
  int data_dimensions = 0;        // directions the reports inform
  double worst_gap = 0;           // largest |log p - Gaussian prediction| at ±1 sd along them
  double ess = 0;                 // effective draws after reweighting
  double ess_fraction = 0;
  double max_weight_share = 0;    // the largest normalised weight
  bool ok = false;
  std::string problem;            // why ok is false
};

}  // namespace exodus
