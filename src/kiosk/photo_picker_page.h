#pragma once

#include <QImage>
#include <QStringList>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "ui_photo_picker_page.h"

namespace gradphoto::kiosk {

// 相册识别: a touch-friendly list of the images on USB sticks (/media/*/*, /run/media/*/*) and in
// the shared folder of kiosk.photo_folder, with thumbnails. Picking one decodes it with
// CollectionCodeScanner on a worker thread; a found code is handed on by codeFound(), an image
// without a readable code gets the seed's advice (save the image from the app instead of taking a
// screenshot).
//
// The folders may sit on a slow or failing USB stick or on a network share whose server went away,
// where listing a folder or reading a file blocks for minutes. So refresh() lists the images and
// reads their thumbnails on a listing thread: the page says 正在读取图片… and stays responsive, the
// names appear as soon as they are listed (a tap works before the thumbnail is there) and the
// thumbnails follow in small batches. Only one listing runs at a time: refresh() while one runs
// drops what that one still sends and lists again once it has ended. A folder that was there at
// the last listing and is gone now (a pulled-out stick, a share that went away) is named in the
// notice. Closing waits at most kHungDeviceWait for the listing and the decoding threads, then
// leaves them behind (they own copies of what they read, and their answers reach the page through
// a QPointer).
class PhotoPickerPage : public QWidget {
    Q_OBJECT
  public:
    // Works out the folders to list; called on the listing thread at each listing, so a stick
    // mounted after start-up is listed (and a slow mount table does not freeze the screen).
    using RootsLister = std::function<QStringList()>;
    // roots: the folders whose images (and whose sub-folders' images, one level down) are listed.
    explicit PhotoPickerPage(QStringList roots, QWidget* parent = nullptr);
    explicit PhotoPickerPage(RootsLister roots, QWidget* parent = nullptr);
    ~PhotoPickerPage() override;

    // The default roots: the USB mount points and the shared folder (may be empty).
    static QStringList defaultRoots(const QString& sharedFolder);

    void refresh();
    // Forgets what is shown (a new student): the list and the notice are emptied, and what a
    // listing or a decoding still running sends afterwards is dropped.
    void clear();
    void pick(const QString& file);  // as a tap on the file's thumbnail
    void setNotice(const QString& text);
    QStringList files() const;
    bool decoding() const { return decoding_; }
    bool listing() const { return listing_; }  // a listing thread is reading the folders
    // The thread decoding the latest pick, until it has gone (tests).
    class QThread* decodingThread() const {
        return worker_;
    }
    Ui::PhotoPickerPage& ui() { return ui_; }

  signals:
    void codeFound(const QByteArray& payload);
    void backRequested();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    using Thumbnails = std::vector<std::pair<QString, QImage>>;  // file, its thumbnail
    void startListing();
    void showListed(const QStringList& files, const QStringList& presentRoots);
    void showThumbnails(const Thumbnails& thumbnails);
    void listingEnded();
    void showReading();  // 正在读取图片… until the listing ends or something else is said

    Ui::PhotoPickerPage ui_;
    RootsLister roots_;
    bool decoding_ = false;
    int pickNumber_ = 0;  // of the pick whose answer is shown; clear() drops older ones
    class QThread* worker_ = nullptr;  // decoding the picked image

    class QThread* lister_ = nullptr;  // listing the folders and reading the thumbnails
    bool listing_ = false;
    bool listAgain_ = false;  // refresh() came while a listing ran
    int generation_ = 0;      // of the listing whose answers are shown; older ones are dropped
    std::shared_ptr<std::atomic_bool> stopListing_;  // tells the running listing to stop early
    bool readingShown_ = false;
    QStringList seenRoots_;  // the roots that were there at the last listing
};

}  // namespace gradphoto::kiosk
