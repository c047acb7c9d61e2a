#include "exodus/infer/smc_checkpoint.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <sstream>

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
  [[noreturn]] void fail(const std::string& key, const std::string& message) const {
    throw InputError({file_.name, line_, key}, message);  // about the line just read
  }

 private:
  const TextFile& file_;
  std::istringstream in_;
  std::size_t line_ = 0;
};

std::string content_first_line(const std::string& content) {
  return content.substr(0, std::min(content.find('\n'), std::size_t{200}));
}

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

ReadCheckpoint read_smc_checkpoint(const TextFile& file, std::size_t most_members, std::size_t most_coordinates) {
  if (!looks_like_smc_checkpoint(file.content))
    throw InputError({file.name, 1, "header"}, fmt::format("is not an exodus checkpoint (its first line is not '{}')",
                                                           kSmcCheckpointHeader));
  if (content_first_line(file.content) != kSmcCheckpointHeader)
    throw InputError({file.name, 1, "header"},
                     fmt::format("is a checkpoint of another version of exodus ('{}', where this one writes '{}'): "
                                 "start afresh with --force",
                                 content_first_line(file.content), kSmcCheckpointHeader));
  LineReader in(file);
  in.line("exodus", 3);
  ReadCheckpoint out;
  SmcCheckpoint& c = out.checkpoint;
  out.fingerprint = in.line("fingerprint", 1)[1];
  c.stage = static_cast<int>(in.whole(in.line("stage", 1)[1], "stage"));
  c.temperature = in.real(in.line("temperature", 1)[1], "temperature");
  c.scale = in.real(in.line("scale", 1)[1], "scale");
  c.log_evidence = in.real(in.line("log_evidence", 1)[1], "log_evidence");
  c.seconds = in.real(in.line("seconds", 1)[1], "seconds");
  c.simulations = in.whole(in.line("simulations", 1)[1], "simulations");
  c.unscored = in.whole(in.line("unscored", 1)[1], "unscored");
  const std::uint64_t stages = in.whole(in.line("stages", 1)[1], "stages");
  if (stages > 100000 || static_cast<std::uint64_t>(c.stage) != stages)
    in.fail("stages", fmt::format("{} stage rows for {} stages completed", stages, c.stage));
  for (std::uint64_t i = 0; i < stages; ++i) {
    const auto w = in.line("stage_row", 8);
    SmcStage s;
    s.stage = static_cast<int>(in.whole(w[1], "stage_row"));
    s.temperature = in.real(w[2], "stage_row");
    s.ess = in.real(w[3], "stage_row");
    s.moves = static_cast<int>(in.whole(w[4], "stage_row"));
    s.acceptance = in.real(w[5], "stage_row");
    s.independent_acceptance = in.real(w[6], "stage_row");
    s.simulations = in.whole(w[7], "stage_row");
    s.seconds = in.real(w[8], "stage_row");
    c.stages.push_back(s);
  }
  const auto sizes = in.line("members", 2);
  const std::uint64_t N = in.whole(sizes[1], "members"), D = in.whole(sizes[2], "members");
  if (N > most_members || D > most_coordinates)
    in.fail("members", fmt::format("{} members of {} coordinates: this calibration has {} of {}", N, D, most_members,
                                   most_coordinates));
  for (std::uint64_t m = 0; m < N; ++m) {
    const auto w = in.line("member", 2 + D);
    c.log_likelihood.push_back(in.real(w[1], "member"));
    c.run_seed.push_back(in.whole(w[2], "member"));
    std::vector<double> x;
    for (std::uint64_t d = 0; d < D; ++d) x.push_back(in.real(w[3 + d], "member"));
    c.x.push_back(std::move(x));
  }
  in.line("end", 0);
  return out;
}

}  // namespace exodus
