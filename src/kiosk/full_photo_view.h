#pragma once

#include <QImage>
#include <QWidget>

namespace gradphoto::kiosk {

// 全屏查看: the 标准照 over the whole window on white, as large as fits, for the student to
// photograph with a phone. A tap anywhere closes it.
class FullPhotoView : public QWidget {
    Q_OBJECT
  public:
    FullPhotoView(const QImage& photo, const QString& hint, QWidget* window);

    // Where the photo is drawn (tests check it is large).
    QRect photoRect() const;

  signals:
    void closed();

  protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

  private:
    QImage photo_;
    QString hint_;
};

}  // namespace gradphoto::kiosk
