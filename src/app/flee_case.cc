#include "app/flee_case.h"

#include <memory>

#include "core/embedded_files.h"
#include "io/flee/flee_readers.h"

namespace exodus {

namespace fs = std::filesystem;

LoadedFleeCase load_flee_case(const FleeCaseSpec& spec) {
  std::unique_ptr<FileSource> input, validation, settings_folder;
  std::string case_name;
  if (spec.input_dir) {
    if (!fs::is_directory(*spec.input_dir))
      throw InputError({spec.input_dir->string(), 0, ""}, "is not a folder (--flee expects a Flee input folder)");
    input = std::make_unique<DirectorySource>(*spec.input_dir);
    case_name = fs::absolute(*spec.input_dir).lexically_normal().filename().string();
    if (case_name.empty()) case_name = fs::absolute(*spec.input_dir).parent_path().filename().string();
    if (spec.validation_dir) {
      if (!fs::is_directory(*spec.validation_dir))
        throw InputError({spec.validation_dir->string(), 0, ""}, "is not a folder (--validation expects a Flee validation folder)");
      validation = std::make_unique<DirectorySource>(*spec.validation_dir);
    }
    settings_folder = std::make_unique<DirectorySource>(*spec.input_dir);
  } else {
    case_name = std::string(embedded_default_case_name());
    input = std::make_unique<EmbeddedSource>(case_name, "input");
    validation = std::make_unique<EmbeddedSource>(case_name, "validation");
    settings_folder = std::make_unique<EmbeddedSource>(case_name, "");
  }

  RecordingSource recorded_input(*input);
  std::unique_ptr<RecordingSource> recorded_validation;
  if (validation) recorded_validation = std::make_unique<RecordingSource>(*validation);

  std::optional<TextFile> settings;
  if (spec.settings_file) settings = read_text_file(*spec.settings_file);
  else settings = settings_folder->read("simsetting.yml");
  if (settings) recorded_input.note(*settings);

  FleeInputs inputs = read_flee_case(recorded_input, recorded_validation.get(),
                                     settings ? &*settings : nullptr);
  LoadedFleeCase loaded{build_flee_world(inputs, case_name), {}, settings ? settings->name : "Flee's code defaults"};
  if (spec.max_days > 0 && spec.max_days < loaded.world.days) loaded.world.days = spec.max_days;
  loaded.inputs = recorded_input.records();
  if (recorded_validation)
    for (const auto& r : recorded_validation->records()) loaded.inputs.push_back(r);
  return loaded;
}

}  // namespace exodus
