#include "test_support.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>
#include <stdexcept>
#include <sys/wait.h>

namespace exodus::testing {

namespace fs = std::filesystem;

fs::path source_dir() { return EXODUS_SOURCE_DIR; }
fs::path flee_data_dir() { return source_dir() / "data" / "flee"; }

void write_files(const fs::path& dir, const std::map<std::string, std::string>& files) {
  fs::create_directories(dir);
  for (const auto& [name, content] : files) std::ofstream(dir / name) << content;
}

fs::path make_temp_dir(const std::string& tag) {
  std::random_device rd;
  fs::path dir = fs::temp_directory_path() / ("exodus-test-" + tag + "-" + std::to_string(rd()));
  fs::create_directories(dir);
  return dir;
}

TextFile text(std::string name, std::string content) { return {std::move(name), std::move(content)}; }

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void copy_default_scenario_ending(const fs::path& folder, const std::string& end_date) {
  fs::copy(source_dir() / "scenarios" / "mobilization-2022", folder, fs::copy_options::recursive);
  std::string scenario_yaml = read_bytes(folder / "scenario.yaml");
  const std::string old_end = "end_date: 2022-12-31";
  const auto at = scenario_yaml.find(old_end);
  if (at == std::string::npos) throw std::runtime_error("scenarios/mobilization-2022/scenario.yaml: no " + old_end);
  scenario_yaml.replace(at, old_end.size(), "end_date: " + end_date);
  std::ofstream(folder / "scenario.yaml", std::ios::binary) << scenario_yaml;
}

int run_exodus(const std::string& args, std::string* output) { return run_exodus_in({}, args, output); }

int run_exodus_in(const std::filesystem::path& dir, const std::string& args, std::string* output) {
  const std::string cd = dir.empty() ? "" : "cd '" + dir.string() + "' && ";
  return run_shell(cd + std::string(EXODUS_BINARY) + " " + args + " 2>&1", output);
}

int run_shell(const std::string& cmd, std::string* output) {
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return -1;
  std::string captured;
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) captured.append(buffer, n);
  const int status = ::pclose(pipe);
  if (output) *output = captured;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace exodus::testing
