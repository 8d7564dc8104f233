#pragma once

// Shared by the test executables: where the corpus is, a scratch folder, running the CLI.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace gradphoto::test {

// ../shared/testdata, or $GRADPHOTO_TESTDATA; nullopt when absent (tests then GTEST_SKIP).
std::optional<std::filesystem::path> testdataDir();

// Every image directly inside testdata/SUBDIR (sorted); empty when the corpus is absent.
std::vector<std::filesystem::path> corpusImages(const std::string& subdir);

// A fresh empty folder under the system temp dir, removed when the object dies.
class ScratchDir {
  public:
    explicit ScratchDir(const std::string& tag = "gradphoto-test");
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

  private:
    std::filesystem::path path_;
};

struct CommandResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs the built `gradphoto` binary with args (no shell), capturing stdout and stderr.
CommandResult runCli(const std::vector<std::string>& args,
                     const std::vector<std::string>& env = {});

std::string readText(const std::filesystem::path& file);

}  // namespace gradphoto::test

#define GRADPHOTO_REQUIRE_TESTDATA(var)                                                       \
    const auto var##_opt = ::gradphoto::test::testdataDir();                                  \
    if (!var##_opt) GTEST_SKIP() << "shared testdata folder absent (set GRADPHOTO_TESTDATA)"; \
    const std::filesystem::path var = *var##_opt
