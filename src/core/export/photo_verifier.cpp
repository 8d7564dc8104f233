#include "gradphoto/export/photo_verifier.h"

#include <fstream>
#include <iterator>

#include "gradphoto/imaging/standardizer.h"
#include "gradphoto/store/photo_folder.h"

namespace gradphoto::exports {

PhotoVerifier::Inspection PhotoVerifier::defaultInspection() {
    return
        [](std::span<const std::uint8_t> jpeg, const std::string& fileName, const Preset& preset) {
            return inspectPhoto(jpeg, fileName, preset, *FaceLocator::shared());
        };
}

PhotoVerifier::PhotoVerifier(Inspection inspection) : inspection_(std::move(inspection)) {}

const Preset* PhotoVerifier::presetNamed(const std::string& name, Problem& problem) const {
    std::lock_guard lock(mutex_);
    auto it = presets_.find(name);
    if (it == presets_.end()) {
        std::unique_ptr<Preset> loaded;
        try {
            loaded = std::make_unique<Preset>(Preset::load(name));
        } catch (const Error& e) {
            problem = {"preset_unknown",
                       "照片规格 " + name + " 无法加载：" + e.problem().message_zh,
                       "preset " + name + " cannot be loaded: " + e.problem().message_en};
        }
        it = presets_.emplace(name, std::move(loaded)).first;
    }
    if (!it->second && problem.code.empty())
        problem = {"preset_unknown", "照片规格 " + name + " 无法加载",
                   "preset " + name + " cannot be loaded"};
    return it->second.get();
}

PhotoVerdict PhotoVerifier::verify(const std::filesystem::path& file,
                                   const std::string& expectedSha256,
                                   const std::string& presetName) const {
    PhotoVerdict verdict;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        verdict.problem = {"photo_missing", "照片文件不见了", "the photo file is missing"};
        return verdict;
    }
    verdict.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) {
        verdict.problem = {"photo_unreadable", "照片文件无法读取", "the photo file cannot be read"};
        verdict.bytes.clear();
        return verdict;
    }
    if (store::sha256Hex(verdict.bytes) != expectedSha256) {
        verdict.problem = {"hash_mismatch", "照片文件被改动或损坏（SHA-256 与记录不符）",
                           "the photo file was changed or damaged (SHA-256 differs from the "
                           "record)"};
        verdict.bytes.clear();
        return verdict;
    }
    const Preset* preset = presetNamed(presetName, verdict.problem);
    if (preset == nullptr) {
        verdict.bytes.clear();
        return verdict;
    }
    const Report report = inspection_(verdict.bytes, file.filename().string(), *preset);
    if (!report.ok) {
        std::string zh, en;
        for (const auto& e : report.errors) {
            zh += (zh.empty() ? "" : "；") + e.message_zh;
            en += (en.empty() ? "" : "; ") + e.message_en;
        }
        if (en.empty()) zh = "不符合规格", en = "not compliant";
        verdict.problem = {"inspect_failed", "照片不符合 " + presetName + " 规格：" + zh,
                           "the photo fails inspect against " + presetName + ": " + en};
        verdict.bytes.clear();
        return verdict;
    }
    verdict.ok = true;
    return verdict;
}

}  // namespace gradphoto::exports
