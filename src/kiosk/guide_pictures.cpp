#include "guide_pictures.h"

#include <QPainter>
#include <QPainterPath>

namespace gradphoto::kiosk {

namespace {
const QColor kSkin(240, 200, 170);
const QColor kHair(60, 45, 40);
const QColor kShirt(236, 239, 241);
const QColor kGood(46, 125, 50);
const QColor kBad(198, 40, 40);

// A head-and-shoulders figure centred in r.
void drawPerson(QPainter& p, const QRectF& r, const QColor& shirt, bool ears = true) {
    const double cx = r.center().x();
    const double head = r.height() * 0.36;
    const QRectF face(cx - head * 0.4, r.top() + r.height() * 0.12, head * 0.8, head);
    QPainterPath body;
    body.moveTo(r.left() + r.width() * 0.18, r.bottom());
    body.cubicTo(r.left() + r.width() * 0.2, r.top() + r.height() * 0.62, cx - head * 0.5,
                 r.top() + r.height() * 0.6, cx, r.top() + r.height() * 0.6);
    body.cubicTo(cx + head * 0.5, r.top() + r.height() * 0.6, r.right() - r.width() * 0.2,
                 r.top() + r.height() * 0.62, r.right() - r.width() * 0.18, r.bottom());
    body.closeSubpath();
    p.setPen(Qt::NoPen);
    p.setBrush(shirt);
    p.drawPath(body);
    p.setBrush(kSkin);
    p.drawRect(QRectF(cx - head * 0.15, face.bottom() - head * 0.1, head * 0.3, head * 0.25));
    if (ears) {
        p.drawEllipse(QRectF(face.left() - head * 0.1, face.center().y() - head * 0.1, head * 0.18,
                             head * 0.26));
        p.drawEllipse(QRectF(face.right() - head * 0.08, face.center().y() - head * 0.1,
                             head * 0.18, head * 0.26));
    }
    p.drawEllipse(face);
    p.setBrush(kHair);
    p.drawChord(face.adjusted(-2, -4, 2, 0), 0, 180 * 16);
    p.setBrush(QColor(50, 50, 50));
    const double eyeY = face.top() + face.height() * 0.55;
    p.drawEllipse(QPointF(cx - head * 0.15, eyeY), head * 0.04, head * 0.04);
    p.drawEllipse(QPointF(cx + head * 0.15, eyeY), head * 0.04, head * 0.04);
    p.setPen(QPen(QColor(150, 80, 70), 2));
    p.drawLine(QPointF(cx - head * 0.1, face.top() + face.height() * 0.8),
               QPointF(cx + head * 0.1, face.top() + face.height() * 0.8));
}

void drawMark(QPainter& p, const QRectF& r, bool good) {
    const QRectF badge(r.right() - 44, r.top() + 6, 38, 38);
    p.setPen(Qt::NoPen);
    p.setBrush(good ? kGood : kBad);
    p.drawEllipse(badge);
    p.setPen(QPen(Qt::white, 5, Qt::SolidLine, Qt::RoundCap));
    if (good) {
        p.drawLine(QPointF(badge.left() + 10, badge.center().y()),
                   QPointF(badge.left() + 17, badge.bottom() - 11));
        p.drawLine(QPointF(badge.left() + 17, badge.bottom() - 11),
                   QPointF(badge.right() - 9, badge.top() + 11));
    } else {
        p.drawLine(badge.topLeft() + QPointF(11, 11), badge.bottomRight() - QPointF(11, 11));
        p.drawLine(badge.topRight() + QPointF(-11, 11), badge.bottomLeft() + QPointF(11, -11));
    }
}
}  // namespace

QPixmap guidePicture(int index, QSize size) {
    QPixmap pixmap(size);
    pixmap.fill(QColor(250, 250, 250));
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(0, 0, size.width(), size.height());
    const QRectF person = r.adjusted(r.width() * 0.22, 6, -r.width() * 0.22, 0);
    switch (index) {
        case 0: {  // even light in front of a white wall
            p.fillRect(r, QColor(255, 255, 255));
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(255, 193, 7));
            for (const double x : {r.width() * 0.1, r.width() * 0.9}) {
                p.drawEllipse(QPointF(x, r.height() * 0.45), 12, 12);
                p.setPen(QPen(QColor(255, 193, 7), 3));
                for (int i = -1; i <= 1; ++i)
                    p.drawLine(
                        QPointF(x + (x < r.width() / 2 ? 16 : -16), r.height() * 0.45 + i * 10),
                        QPointF(x + (x < r.width() / 2 ? 30 : -30), r.height() * 0.45 + i * 16));
                p.setPen(Qt::NoPen);
            }
            drawPerson(p, person, kShirt);
            drawMark(p, r, true);
            break;
        }
        case 1: {  // upright, shoulders level
            drawPerson(p, person, kShirt);
            p.setPen(QPen(kGood, 2, Qt::DashLine));
            p.drawLine(QPointF(r.center().x(), 4), QPointF(r.center().x(), r.bottom()));
            p.drawLine(QPointF(r.width() * 0.12, r.height() * 0.82),
                       QPointF(r.width() * 0.88, r.height() * 0.82));
            drawMark(p, r, true);
            break;
        }
        case 2: {  // ears and forehead visible
            drawPerson(p, person, kShirt, true);
            p.setPen(QPen(kGood, 3));
            p.setBrush(Qt::NoBrush);
            const double head = person.height() * 0.36;
            const double cy = person.top() + person.height() * 0.12 + head * 0.5;
            p.drawEllipse(QPointF(person.center().x() - head * 0.45, cy), head * 0.16, head * 0.22);
            p.drawEllipse(QPointF(person.center().x() + head * 0.45, cy), head * 0.16, head * 0.22);
            drawMark(p, r, true);
            break;
        }
        case 3: {  // no hat, no earrings or necklace
            drawPerson(p, person, kShirt);
            const double head = person.height() * 0.36;
            const double top = person.top() + person.height() * 0.12;
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(121, 85, 72));
            p.drawRect(QRectF(person.center().x() - head * 0.55, top - head * 0.05, head * 1.1,
                              head * 0.18));
            p.drawRect(QRectF(person.center().x() - head * 0.35, top - head * 0.4, head * 0.7,
                              head * 0.38));
            p.setPen(QPen(QColor(255, 193, 7), 3));
            p.setBrush(Qt::NoBrush);
            p.drawArc(QRectF(person.center().x() - head * 0.45,
                             person.top() + person.height() * 0.55, head * 0.9, head * 0.5),
                      200 * 16, 140 * 16);
            drawMark(p, r, false);
            break;
        }
        case 4:  // no blue clothes on a blue background
            p.fillRect(r, QColor(100, 197, 255));
            drawPerson(p, person, QColor(30, 110, 200));
            drawMark(p, r, false);
            break;
        default: {  // no filters or makeup
            drawPerson(p, person, kShirt);
            p.setPen(QPen(QColor(236, 64, 122), 3));
            for (const QPointF c : {QPointF(r.width() * 0.18, r.height() * 0.3),
                                    QPointF(r.width() * 0.8, r.height() * 0.55),
                                    QPointF(r.width() * 0.25, r.height() * 0.7)}) {
                p.drawLine(c + QPointF(-8, 0), c + QPointF(8, 0));
                p.drawLine(c + QPointF(0, -8), c + QPointF(0, 8));
            }
            drawMark(p, r, false);
            break;
        }
    }
    p.setPen(QPen(QColor(214, 226, 240), 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r.adjusted(1, 1, -1, -1));
    return pixmap;
}

}  // namespace gradphoto::kiosk
