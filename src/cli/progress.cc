#include "cli/progress.h"

#include "output/number_format.h"

#include <unistd.h>

#include <fmt/format.h>

#include <cstdio>

namespace exodus {

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), enabled_(::isatty(STDERR_FILENO) == 1), last_() {}

void ProgressBar::update(std::int32_t done, std::int32_t total, std::size_t agents) {
  if (!enabled_ || total <= 0) return;
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(static_cast<std::int64_t>(kWidth) * done / total);
  fmt::print(stderr, "\r{} [{}{}] day {}/{}  {} agents ", label_, std::string(static_cast<std::size_t>(filled), '#'),
             std::string(static_cast<std::size_t>(kWidth - filled), ' '), done, total, with_commas(static_cast<long long>(agents)));
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) fmt::print(stderr, "\r{}\r", std::string(80, ' '));
  drawn_ = false;
}

}  // namespace exodus
