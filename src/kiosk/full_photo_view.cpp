#include "full_photo_view.h"

#include <QEvent>
#include <QMouseEvent>
#include <QPainter>

namespace gradphoto::kiosk {

namespace {
constexpr int kHintHeight = 60;
}

FullPhotoView::FullPhotoView(const QImage& photo, const QString& hint, QWidget* window)
    : QWidget(window), photo_(photo), hint_(hint) {
    setObjectName("fullPhotoView");
    setAttribute(Qt::WA_DeleteOnClose);
    setGeometry(window->rect());
    window->installEventFilter(this);
    raise();
    show();
}

QRect FullPhotoView::photoRect() const {
    if (photo_.isNull()) return {};
    const QRect area = rect().adjusted(20, 20, -20, -20 - kHintHeight);
    QSize size = photo_.size().scaled(area.size(), Qt::KeepAspectRatio);
    QRect target(QPoint(0, 0), size);
    target.moveCenter(area.center());
    return target;
}

void FullPhotoView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(photoRect(), photo_);
    QFont font = painter.font();
    font.setPixelSize(28);
    painter.setFont(font);
    painter.setPen(QColor(80, 80, 80));
    painter.drawText(QRect(0, height() - kHintHeight - 10, width(), kHintHeight), Qt::AlignCenter,
                     hint_);
}

void FullPhotoView::mousePressEvent(QMouseEvent* event) {
    event->accept();
    emit closed();
    close();
}

bool FullPhotoView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

}  // namespace gradphoto::kiosk
