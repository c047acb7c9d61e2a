#include "exodus/cli/progress.h"

#include <unistd.h>

#include <fmt/format.h>

#include "exodus/core/digit_grouping.h"

#include <cstdio>
#include <stdexcept>

namespace exodus {

ProgressStyle parse_progress_style(const std::string& text) {
  if (text == "auto") return ProgressStyle::kAuto;
  if (text == "bar") return ProgressStyle::kBar;
  if (text == "lines") return ProgressStyle::kLines;
  if (text == "none") return ProgressStyle::kNone;
  throw std::invalid_argument("expected auto, bar, lines or none");
}

ProgressBar::ProgressBar(std::string label, ProgressStyle style) : label_(std::move(label)), style_(style), last_() {
  if (style_ == ProgressStyle::kAuto) style_ = ::isatty(STDERR_FILENO) == 1 ? ProgressStyle::kBar : ProgressStyle::kNone;
}

void ProgressBar::update(std::int32_t done, std::int32_t total, std::size_t agents) {
  if (style_ == ProgressStyle::kNone || total <= 0) return;
  if (style_ == ProgressStyle::kLines) {
    const std::int64_t percent = static_cast<std::int64_t>(done) * 100 / total;
    if (percent == last_percent_) return;
    last_percent_ = percent;
    fmt::print(stderr, "{}: day {}/{}, {} agents\n", label_, done, total, grouped(static_cast<std::int64_t>(agents)));
    std::fflush(stderr);
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(static_cast<std::int64_t>(kWidth) * done / total);
  fmt::print(stderr, "\r{} [{}{}] day {}/{}  {} agents ", label_, std::string(static_cast<std::size_t>(filled), '#'),
             std::string(static_cast<std::size_t>(kWidth - filled), ' '), done, total, grouped(static_cast<std::int64_t>(agents)));
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::stage(const std::string& name, std::int64_t done, std::int64_t total) {
  if (style_ == ProgressStyle::kNone) return;
  const bool new_stage = name != last_stage_;
  last_stage_ = name;
  if (style_ == ProgressStyle::kLines) {
    const std::int64_t percent = total > 0 ? done * 10 / total * 10 : -1;  // every tenth
    if (!new_stage && percent == last_percent_) return;
    last_percent_ = percent;
    if (total > 0) fmt::print(stderr, "{}: {} {}%\n", label_, name, percent);
    else fmt::print(stderr, "{}: {}\n", label_, name);
    std::fflush(stderr);
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (!new_stage && done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  constexpr int kWidth = 30;
  std::string line = fmt::format("\r{} {}", label_, name);
  if (total > 0) {
    const int filled = static_cast<int>(kWidth * done / total);
    line += fmt::format(" [{}{}] {}/{} iterations", std::string(static_cast<std::size_t>(filled), '#'),
                        std::string(static_cast<std::size_t>(kWidth - filled), ' '), grouped(done), grouped(total));
  } else {
    line += " ...";
  }
  fmt::print(stderr, "{:<80}", line);
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) fmt::print(stderr, "\r{}\r", std::string(80, ' '));
  drawn_ = false;
}

}  // namespace exodus
