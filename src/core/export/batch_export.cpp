#include "gradphoto/export/batch_export.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <future>
#include <iterator>
#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "gradphoto/common/atomic_file.h"
#include "gradphoto/export/zip_package.h"
#include "gradphoto/store/photo_folder.h"

namespace gradphoto::exports {

namespace fs = std::filesystem;

namespace {

Error usage(const std::string& zh, const std::string& en) {
    return Error(Error::Kind::kUsage, {"export_batch", zh, en});
}

Error ioError(const fs::path& path, const std::error_code& ec) {
    return Error(Error::Kind::kIo, {"io_error", "无法写入 " + path.string() + "：" + ec.message(),
                                    "cannot write " + path.string() + ": " + ec.message()});
}

// Files an interrupted run may have left in the batch folder: ".NAME.tmp-..." (writeUnsynced,
// writeFileAtomically).
bool isTemporary(const std::string& name) {
    return !name.empty() && name.front() == '.' && name.find(".tmp-") != std::string::npos;
}

std::string hashOfFile(const fs::path& file, std::int64_t& bytes) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return {};
    std::vector<std::uint8_t> data((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
    bytes = static_cast<std::int64_t>(data.size());
    return store::sha256Hex(data);
}

// Writes bytes to a temporary file beside target and renames it over target, without waiting for
// the disk: syncFiles() makes a whole round durable before the ledger records it (one directory
// sync per round instead of one per photo). Until then the files are not in the ledger, and a
// later run removes or rewrites them.
void writeUnsynced(const fs::path& target, std::span<const std::uint8_t> bytes) {
    const fs::path tmp = target.parent_path() / ("." + target.filename().string() + ".tmp-export");
    const auto fail = [&](const char* what) {
        const std::string cause = std::strerror(errno);
        ::unlink(tmp.c_str());
        throw Error(Error::Kind::kIo,
                    {"io_error", "无法写入文件 " + target.string() + "：" + cause,
                     "cannot write " + target.string() + ": " + what + ": " + cause});
    };
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) fail("create temporary file");
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            ::close(fd);
            fail("write");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) fail("close");
    if (::rename(tmp.c_str(), target.c_str()) != 0) fail("rename");
}

// fsync of the files (concurrently: the disk merges the flushes) and of their folder.
void syncFiles(const std::vector<fs::path>& files, const fs::path& folder) {
    std::vector<std::future<int>> synced;
    for (const auto& file : files)
        synced.push_back(std::async(std::launch::async, [&file] {
            const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) return errno;
            const int rc = ::fsync(fd) == 0 ? 0 : errno;
            ::close(fd);
            return rc;
        }));
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (const int err = synced[i].get(); err != 0)
            throw Error(
                Error::Kind::kIo,
                {"io_error", "无法写入文件 " + files[i].string() + "：" + std::strerror(err),
                 "cannot write " + files[i].string() + ": fsync: " + std::strerror(err)});
    }
    const int dfd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

struct Pending {
    ApprovedPhoto photo;
    std::string baseName;
};

}  // namespace

BatchExport::BatchExport(store::SqliteRecordStore& store, const PhotoVerifier& verifier,
                         store::Clock clock)
    : store_(store), verifier_(verifier), clock_(std::move(clock)) {}

std::string BatchExport::defaultBatchName(store::UnixTime t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "chsi-%Y%m%d", &tm);
    return buf;
}

ExportSummary BatchExport::run(const ExportRequest& request, const store::StaffAccount& admin,
                               const ExportProgressCallback& progress,
                               const std::atomic<bool>* cancel) {
    // Re-read the account: the role or a lock may have changed since sign-in.
    const auto fresh = store_.staff().find(admin.staffNo);
    if (!fresh || fresh->role != store::StaffRole::kAdmin ||
        (fresh->lockedUntil && *fresh->lockedUntil > clock_()))
        throw store::Refusal({"forbidden", "只有管理员可以导出照片", "only an admin may export"});

    const FileNamePattern pattern(request.pattern);
    const std::string batchName =
        request.batchName.empty() ? defaultBatchName(clock_()) : request.batchName;
    if (safeFileName(batchName) != batchName || batchName.find(' ') != std::string::npos)
        throw usage("批次名 " + batchName + " 不能作为文件名（不要用空格和 / \\ : * ? \" < > |）",
                    "batch name " + batchName +
                        " is not usable as a file name (no spaces or / \\ : * ? \" < > |)");
    std::error_code ec;
    fs::create_directories(request.outDir, ec);
    if (ec) throw ioError(request.outDir, ec);
    fs::path outDir = fs::absolute(request.outDir).lexically_normal();
    if (outDir.filename().empty()) outDir = outDir.parent_path();  // "out/" is "out"

    ExportLedger ledger(store_.database());
    const store::UnixTime started = clock_();
    ExportBatch batch;
    store_.inTransaction([&] {
        if (auto found = ledger.findBatch(batchName)) {
            batch = *found;
            return;
        }
        // A new batch owns its folder (later runs remove files it does not know): never take
        // over a folder or a ZIP that is already there.
        const fs::path folder = outDir / batchName;
        std::error_code exists;
        if ((fs::exists(folder, exists) && !fs::is_empty(folder, exists)) ||
            fs::exists(outDir / (batchName + ".zip"), exists))
            throw usage("新批次 " + batchName + " 的文件夹或压缩包在 " + outDir.string() +
                            " 中已经存在，请换一个批次名或文件夹",
                        "a new batch " + batchName + " would overwrite " +
                            (outDir / batchName).string() +
                            " (or its .zip), which is already there; choose another --batch or "
                            "--out");
        batch = ledger.createBatch({0, batchName, outDir.string(), pattern.text(),
                                    request.zip ? batchName + ".zip" : "", "open", admin.staffNo,
                                    started, std::nullopt});
    });
    if (batch.pattern != pattern.text())
        throw usage("批次 " + batchName + " 用的文件名模式是 " + batch.pattern +
                        "，请用同一模式或新的批次名",
                    "batch " + batchName + " was named with pattern " + batch.pattern +
                        "; use the same pattern or a new --batch");
    if (fs::path(batch.outDir) != outDir)
        throw usage("批次 " + batchName + " 写在 " + batch.outDir + "，请用同一文件夹或新的批次名",
                    "batch " + batchName + " was written to " + batch.outDir +
                        "; use the same --out or a new --batch");
    const bool zip = request.zip || !batch.zipFile.empty();
    if (zip && batch.zipFile.empty()) {
        batch.zipFile = batchName + ".zip";
        ledger.setZipFile(batch.id, batch.zipFile);
    }

    ExportSummary summary;
    summary.batchName = batchName;
    summary.batchId = batch.id;
    summary.folder = outDir / batchName;
    if (zip) summary.zipFile = outDir / batch.zipFile;
    fs::create_directories(summary.folder, ec);
    if (ec) throw ioError(summary.folder, ec);
    for (const auto& entry : fs::directory_iterator(summary.folder, ec))
        if (isTemporary(entry.path().filename().string())) fs::remove(entry.path(), ec);
    if (zip) removeZipLeftovers(summary.zipFile);

    // What the batch already holds.
    std::set<std::int64_t> inBatch;
    std::set<std::string> takenNames;
    for (const auto& item : ledger.items(batch.id)) {
        inBatch.insert(item.captureId);
        takenNames.insert(lowerAscii(item.fileName));
    }
    takenNames.insert(lowerAscii(kManifestCsv));
    takenNames.insert(lowerAscii(kManifestJson));

    std::vector<Pending> pending;
    for (auto& photo : ledger.approvedPhotos(request.approvedSince)) {
        if (inBatch.count(photo.captureId)) {
            ++summary.alreadyInBatch;
            continue;
        }
        const auto refuse = [&](Problem problem) {
            summary.refused.push_back({photo.captureId, photo.student.studentNo, problem});
        };
        if (photo.finalPurged) {
            refuse({"photo_purged", "照片已按保留期限删除", "the photo was purged by retention"});
            continue;
        }
        const auto rendered = pattern.render(photo.student);
        if (rendered.fileName.empty()) {
            refuse({"missing_field", "缺少文件名需要的" + rendered.missingField,
                    "the student has no " + rendered.missingField + " for the file-name pattern"});
            continue;
        }
        pending.push_back({std::move(photo), rendered.fileName});
    }

    if (batch.state != "open" && !pending.empty()) ledger.markOpen(batch.id);

    const auto report = [&](ExportProgress::Stage stage, int done, int total) {
        if (progress) progress({stage, done, total});
    };
    const int total = static_cast<int>(pending.size());
    report(ExportProgress::Stage::kPhotos, 0, total);

    // Verify a few photos at once (inspect finds the face: the slow part), write them in order.
    const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
    const std::size_t chunk = threads * 2;
    std::vector<ExportItem> uncommitted;
    const auto commit = [&] {
        if (uncommitted.empty()) return;
        std::vector<fs::path> files;
        for (const auto& item : uncommitted) files.push_back(summary.folder / item.fileName);
        syncFiles(files, summary.folder);
        store_.inTransaction([&] {
            for (const auto& item : uncommitted) ledger.addItem(item);
        });
        summary.exported.insert(summary.exported.end(), uncommitted.begin(), uncommitted.end());
        uncommitted.clear();
    };
    int done = 0;
    for (std::size_t start = 0; start < pending.size() && !summary.cancelled; start += chunk) {
        if (cancel && cancel->load()) {
            summary.cancelled = true;
            break;
        }
        const std::size_t end = std::min(pending.size(), start + chunk);
        std::vector<std::future<PhotoVerdict>> verdicts;
        for (std::size_t i = start; i < end; ++i) {
            const auto& p = pending[i].photo;
            verdicts.push_back(std::async(
                std::launch::async, [this, &p, file = store_.photos().pathOf(p.finalSha256)] {
                    return verifier_.verify(file, p.finalSha256, p.preset);
                }));
        }
        for (std::size_t i = start; i < end; ++i) {
            if (cancel && cancel->load()) {
                summary.cancelled = true;
                break;
            }
            PhotoVerdict verdict = verdicts[i - start].get();
            const auto& p = pending[i].photo;
            if (!verdict.ok) {
                summary.refused.push_back({p.captureId, p.student.studentNo, verdict.problem});
            } else {
                const std::string name = uniqueFileName(pending[i].baseName, takenNames);
                writeUnsynced(summary.folder / name, verdict.bytes);
                takenNames.insert(lowerAscii(name));
                uncommitted.push_back({batch.id, p.captureId, name, p.finalSha256,
                                       static_cast<std::int64_t>(verdict.bytes.size()), clock_()});
            }
            report(ExportProgress::Stage::kPhotos, ++done, total);
        }
        commit();  // one transaction per handful of photos: a kill loses at most these
    }
    commit();

    const auto items = ledger.items(batch.id);
    summary.totalInBatch = static_cast<int>(items.size());
    const auto audit = [&] {
        nlohmann::json detail{{"batch", batchName},
                              {"exported", summary.exported.size()},
                              {"already_in_batch", summary.alreadyInBatch},
                              {"refused", summary.refused.size()},
                              {"total", summary.totalInBatch},
                              {"pattern", pattern.text()},
                              {"zip", zip},
                              {"cancelled", summary.cancelled}};
        store_.audit().append({0, clock_(), admin.staffNo, "export.batch",
                               "export_batch:" + std::to_string(batch.id), detail.dump()});
    };
    if (summary.cancelled) {
        audit();
        return summary;
    }

    // The folder holds exactly the batch: restore a photo removed or damaged since it was
    // exported (from the verified archive), drop files a killed run wrote but never recorded.
    std::set<std::string> itemNames{kManifestCsv, kManifestJson};
    for (const auto& item : items) {
        itemNames.insert(item.fileName);
        const fs::path file = summary.folder / item.fileName;
        std::int64_t bytes = 0;
        if (hashOfFile(file, bytes) == item.sha256) continue;
        std::vector<std::uint8_t> archived;
        if (store_.photos().contains(item.sha256)) archived = store_.photos().read(item.sha256);
        if (archived.empty() || store::sha256Hex(archived) != item.sha256)
            throw Error(Error::Kind::kIo,
                        {"export_item_lost", "批次中的照片 " + item.fileName + " 已损坏且无法恢复",
                         "the batch's photo " + item.fileName +
                             " is damaged and the archive copy is gone"});
        writeFileAtomically(file, archived);
    }
    for (const auto& entry : fs::directory_iterator(summary.folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_regular_file() && !itemNames.count(name)) fs::remove(entry.path(), ec);
    }

    report(ExportProgress::Stage::kManifest, 0, 1);
    const auto rows = ledger.manifestRows(batch.id);
    writeFileAtomically(summary.folder / kManifestCsv, manifestCsv(rows, request.encoding));
    writeFileAtomically(summary.folder / kManifestJson,
                        manifestJson(batchName, rows).dump(2) + "\n");
    report(ExportProgress::Stage::kManifest, 1, 1);

    if (zip) {
        report(ExportProgress::Stage::kZip, 0, 1);
        std::vector<ZipEntry> entries;
        entries.reserve(items.size() + 2);
        for (const auto& item : items)
            entries.push_back({item.fileName, summary.folder / item.fileName});
        entries.push_back({kManifestCsv, summary.folder / kManifestCsv});
        entries.push_back({kManifestJson, summary.folder / kManifestJson});
        writeZipPackage(summary.zipFile, entries);
        report(ExportProgress::Stage::kZip, 1, 1);
    }

    store_.inTransaction([&] {
        ledger.markComplete(batch.id, clock_());
        audit();
    });
    report(ExportProgress::Stage::kDone, total, total);
    return summary;
}

}  // namespace gradphoto::exports
