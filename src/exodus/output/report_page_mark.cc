#include "exodus/output/report_page_mark.h"

#include <fmt/format.h>

#include <fstream>
#include <string>

namespace exodus {

bool is_exodus_report_page(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(512, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.find(fmt::format("<meta name=\"generator\" content=\"{}\">", kReportGenerator)) != std::string::npos;
}

}  // namespace exodus
