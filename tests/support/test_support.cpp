#include "test_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace gradphoto::test {
namespace fs = std::filesystem;

std::optional<fs::path> testdataDir() {
    fs::path dir = GRADPHOTO_TESTDATA_DEFAULT;
    if (const char* env = std::getenv("GRADPHOTO_TESTDATA"); env && *env) dir = env;
    std::error_code ec;
    if (!fs::is_directory(dir / "portraits", ec)) return std::nullopt;
    return dir;
}

std::vector<fs::path> corpusImages(const std::string& subdir) {
    std::vector<fs::path> files;
    const auto dir = testdataDir();
    if (!dir) return files;
    for (const auto& e : fs::directory_iterator(*dir / subdir)) {
        const auto ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".jpg" || ext == ".png" || ext == ".jpeg"))
            files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

ScratchDir::ScratchDir(const std::string& tag) {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            (tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
}

ScratchDir::~ScratchDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
}

std::string readText(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

CommandResult runCli(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    ScratchDir io("gradphoto-cli");
    const fs::path outFile = io / "out", errFile = io / "err";
    std::vector<std::string> argStrings{GRADPHOTO_CLI_PATH};
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argStrings) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> envStrings;
    for (char** e = environ; *e; ++e) envStrings.emplace_back(*e);
    envStrings.insert(envStrings.end(), env.begin(), env.end());
    std::vector<char*> envp;
    for (auto& e : envStrings) envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    posix_spawn_file_actions_addopen(&actions, 2, errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0644);
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start " + argStrings[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    CommandResult r;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = readText(outFile);
    r.err = readText(errFile);
    return r;
}

}  // namespace gradphoto::test
