#include "exodus/infer/smc_checkpoint.h"

#include <fmt/format.h>

#include <cerrno>
#include <cmath>
#include <limits>
#include <cstdlib>
#include <sstream>

#include "exodus/core/control_characters.h"
#include "exodus/core/error.h"

namespace exodus {

namespace {

// "%a" prints a double exactly; strtod reads it back to the same bits (and "inf", "-inf").
std::string exact(double v) { return fmt::format("{:a}", v); }

class LineReader {
 public:
  explicit LineReader(const TextFile& f) : file_(f), in_(f.content) {}

  // The next line's words; the first must be `key`.
  std::vector<std::string> line(const std::string& key, std::size_t words) {
    std::string text;
    if (!std::getline(in_, text)) throw InputError({file_.name, line_ + 1, key}, "the file ends here (cut short?)");
    ++line_;
    if (!text.empty() && text.back() == '\r') text.pop_back();  // CRLF, as an editor may save it
    std::istringstream w(text);
    std::vector<std::string> out;
    for (std::string word; w >> word;) out.push_back(word);
    if (out.empty() || out[0] != key) fail(key, fmt::format("expected '{}' here", key));
    if (out.size() != words + 1) fail(key, fmt::format("expected {} values after '{}', found {}", words, key, out.size() - 1));
    return out;
  }
  double real(const std::string& word, const std::string& key) {
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(word.c_str(), &end);
    if (end == word.c_str() || *end != '\0') fail(key, fmt::format("'{}' is not a number", word));
    if (std::isnan(v)) fail(key, "is NaN, which no calibration writes");
    return v;
  }
  // A number in [lo, hi] (finite unless a bound is infinite).
  double within(const std::string& word, const std::string& key, double lo, double hi, const char* what) {
    const double v = real(word, key);
    if (!(v >= lo && v <= hi)) fail(key, fmt::format("{} is not {}", word, what));
    return v;
  }
  std::uint64_t whole(const std::string& word, const std::string& key) {
    errno = 0;
    char* end = nullptr;
    const unsigned long long v = std::strtoull(word.c_str(), &end, 10);
    if (end == word.c_str() || *end != '\0' || errno == ERANGE || word[0] == '-')
      fail(key, fmt::format("'{}' is not a whole number", word));
    return v;
  }
  // Only empty lines may follow: a checkpoint with more is not one exodus wrote.
  void nothing_after(const std::string& key) {
    for (std::string text; std::getline(in_, text);) {
      ++line_;
      if (text.find_first_not_of(" \t\r") != std::string::npos)
        throw InputError({file_.name, line_, key}, "the file goes on after the checkpoint's end");
    }
  }
  [[noreturn]] void fail(const std::string& key, const std::string& message) const {
    throw InputError({file_.name, line_, key}, message);  // about the line just read
  }

 private:
  const TextFile& file_;
  std::istringstream in_;
  std::size_t line_ = 0;
};

std::string content_first_line(const std::string& content) {
  std::string line = content.substr(0, std::min(content.find('\n'), std::size_t{200}));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

std::string smc_checkpoint_text(const SmcCheckpoint& c, const std::string& fingerprint) {
  std::string out = std::string(kSmcCheckpointHeader) + "\n";
  out += fmt::format("fingerprint {}\n", fingerprint);
  out += fmt::format("stage {}\n", c.stage);
  out += fmt::format("temperature {}\nscale {}\nlog_evidence {}\nseconds {}\n", exact(c.temperature), exact(c.scale),
                     exact(c.log_evidence), exact(c.seconds));
  out += fmt::format("simulations {}\nunscored {}\n", c.simulations, c.unscored);
  out += fmt::format("stages {}\n", c.stages.size());
  for (const auto& s : c.stages)
    out += fmt::format("stage_row {} {} {} {} {} {} {} {}\n", s.stage, exact(s.temperature), exact(s.ess), s.moves,
                       exact(s.acceptance), exact(s.independent_acceptance), s.simulations, exact(s.seconds));
  const std::size_t D = c.x.empty() ? 0 : c.x[0].size();
  out += fmt::format("members {} {}\n", c.x.size(), D);
  for (std::size_t m = 0; m < c.x.size(); ++m) {
    out += fmt::format("member {} {}", exact(c.log_likelihood[m]), c.run_seed[m]);
    for (const double v : c.x[m]) out += " " + exact(v);
    out += "\n";
  }
  out += "end\n";
  return out;
}

// Any version's header: an older exodus's checkpoint is still a checkpoint (replaced by --force,
// refused by --resume with its version), never taken for a user's file.
bool looks_like_smc_checkpoint(const std::string& content) {
  return content.rfind("exodus smc checkpoint ", 0) == 0;
}

namespace {

// The sampler's scalars: stage, temperature, scale, evidence, time and counts.
void read_state(LineReader& in, SmcCheckpoint& c, const CheckpointShape& shape) {
  const std::uint64_t stage = in.whole(in.line("stage", 1)[1], "stage");
  if (stage > 100000) in.fail("stage", fmt::format("{} stages: no calibration runs that many", stage));
  c.stage = static_cast<int>(stage);
  c.temperature = in.within(in.line("temperature", 1)[1], "temperature", 0, 1, "a temperature from 0 to 1");
  if (c.stage == 0 && c.temperature != 0) in.fail("temperature", "is not 0 at stage 0 (the prior)");
  c.scale = in.within(in.line("scale", 1)[1], "scale", 1e-12, 1e6, "a scale from 1e-12 to 1e6");
  c.log_evidence = in.within(in.line("log_evidence", 1)[1], "log_evidence", -1e300, 1e300, "a finite number");
  c.seconds = in.within(in.line("seconds", 1)[1], "seconds", 0, 1e10, "a duration in seconds");
  c.simulations = in.whole(in.line("simulations", 1)[1], "simulations");
  if (c.simulations < shape.members || (shape.budget && c.simulations > shape.budget))
    in.fail("simulations", shape.budget ? fmt::format("{} is not from the {} members' first runs to the budget of {}",
                                                      c.simulations, shape.members, shape.budget)
                                        : fmt::format("{} is fewer than the {} members' first runs", c.simulations, shape.members));
  c.unscored = in.whole(in.line("unscored", 1)[1], "unscored");
  if (c.unscored > c.simulations) in.fail("unscored", fmt::format("{} of {} simulations", c.unscored, c.simulations));
}

// One row per completed stage, numbered 1, 2, ..., temperatures rising to the checkpoint's.
void read_stages(LineReader& in, SmcCheckpoint& c, const CheckpointShape& shape) {
  const std::uint64_t stages = in.whole(in.line("stages", 1)[1], "stages");
  if (static_cast<std::uint64_t>(c.stage) != stages)
    in.fail("stages", fmt::format("{} stage rows for {} stages completed", stages, c.stage));
  const auto members = static_cast<double>(shape.members);
  for (std::uint64_t i = 0; i < stages; ++i) {
    const auto w = in.line("stage_row", 8);
    SmcStage s;
    if (in.whole(w[1], "stage_row") != i + 1) in.fail("stage_row", fmt::format("is stage {} where {} is due", w[1], i + 1));
    s.stage = static_cast<int>(i + 1);
    const double previous = c.stages.empty() ? 0.0 : c.stages.back().temperature;
    s.temperature = in.within(w[2], "stage_row", previous, 1, "a temperature from the stage before's to 1");
    s.ess = in.within(w[3], "stage_row", 0, members, "an effective number of members");
    const std::uint64_t moves = in.whole(w[4], "stage_row");
    if (moves > static_cast<std::uint64_t>(kMovesPerStage))
      in.fail("stage_row", fmt::format("{} moves in a stage, more than {}", moves, kMovesPerStage));
    s.moves = static_cast<int>(moves);
    s.acceptance = in.within(w[5], "stage_row", 0, 1, "a share");
    s.independent_acceptance = in.within(w[6], "stage_row", 0, 1, "a share");
    s.simulations = in.whole(w[7], "stage_row");
    const std::size_t before = c.stages.empty() ? shape.members : c.stages.back().simulations;
    if (s.simulations < before || s.simulations > c.simulations)
      in.fail("stage_row", fmt::format("{} simulations to the stage's end, not between {} and {}", s.simulations, before,
                                       c.simulations));
    s.seconds = in.within(w[8], "stage_row", 0, 1e10, "a duration in seconds");
    c.stages.push_back(s);
  }
  if (!c.stages.empty() && (c.stages.back().temperature != c.temperature || c.stages.back().simulations != c.simulations))
    in.fail("stages", "the last stage's temperature and simulations are not the checkpoint's");
}

// The members: exactly the calibration's number, each with its coordinates.
void read_members(LineReader& in, SmcCheckpoint& c, const CheckpointShape& shape) {
  const auto sizes = in.line("members", 2);
  const std::uint64_t N = in.whole(sizes[1], "members"), D = in.whole(sizes[2], "members");
  if (N != shape.members || D != shape.coordinates)
    in.fail("members", fmt::format("{} members of {} coordinates: this calibration has {} of {}", N, D, shape.members,
                                   shape.coordinates));
  for (std::uint64_t m = 0; m < N; ++m) {
    const auto w = in.line("member", 2 + D);
    // -infinity: a simulation over a limit, scored as impossible.
    c.log_likelihood.push_back(in.within(w[1], "member", -kInf, 1e300, "a log-likelihood"));
    c.run_seed.push_back(in.whole(w[2], "member"));
    std::vector<double> x;
    for (std::uint64_t d = 0; d < D; ++d) x.push_back(in.within(w[3 + d], "member", -1e300, 1e300, "a finite coordinate"));
    c.x.push_back(std::move(x));
  }
}

}  // namespace

ReadCheckpoint read_smc_checkpoint(const TextFile& file, const CheckpointShape& shape) {
  if (!looks_like_smc_checkpoint(file.content))
    throw InputError({file.name, 1, "header"}, fmt::format("is not an exodus checkpoint (its first line is not '{}')",
                                                           kSmcCheckpointHeader));
  if (content_first_line(file.content) != kSmcCheckpointHeader)
    throw InputError({file.name, 1, "header"},
                     fmt::format("is a checkpoint of another version of exodus ('{}', where this one writes '{}'): "
                                 "start afresh with --force",
                                 content_first_line(file.content), kSmcCheckpointHeader));
  // Its words are echoed in errors: none may carry a terminal's control sequence.
  if (const auto control = find_control_character(file.content))
    throw InputError({file.name, control->line, ""}, control_character_message(control->code));
  LineReader in(file);
  in.line("exodus", 3);
  ReadCheckpoint out;
  SmcCheckpoint& c = out.checkpoint;
  out.fingerprint = in.line("fingerprint", 1)[1];
  read_state(in, c, shape);
  read_stages(in, c, shape);
  read_members(in, c, shape);
  in.line("end", 0);
  in.nothing_after("end");
  return out;
}

}  // namespace exodus
