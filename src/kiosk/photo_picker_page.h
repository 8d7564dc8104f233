#pragma once

#include <QStringList>
#include <QWidget>

#include "ui_photo_picker_page.h"

namespace gradphoto::kiosk {

// 相册识别: a touch-friendly list of the images on USB sticks (/media/*/*, /run/media/*/*) and in
// the shared folder of kiosk.photo_folder, with thumbnails. Picking one decodes it with
// CollectionCodeScanner on a worker thread; a found code is handed on by codeFound(), an image
// without a readable code gets the seed's advice (save the image from the app instead of taking a
// screenshot).
class PhotoPickerPage : public QWidget {
    Q_OBJECT
  public:
    // roots: the folders whose images (and whose sub-folders' images, one level down) are listed.
    explicit PhotoPickerPage(QStringList roots, QWidget* parent = nullptr);
    ~PhotoPickerPage() override;

    // The default roots: the USB mount points and the shared folder (may be empty).
    static QStringList defaultRoots(const QString& sharedFolder);

    void refresh();
    void pick(const QString& file);  // as a tap on the file's thumbnail
    void setNotice(const QString& text);
    QStringList files() const;
    bool decoding() const { return decoding_; }
    Ui::PhotoPickerPage& ui() { return ui_; }

  signals:
    void codeFound(const QByteArray& payload);
    void backRequested();

  protected:
    void changeEvent(QEvent* event) override;

  private:
    Ui::PhotoPickerPage ui_;
    QStringList roots_;
    bool decoding_ = false;
    class QThread* worker_ = nullptr;
};

}  // namespace gradphoto::kiosk
