#include "monitoricons.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QPointer>
#include <QtGui/QGuiApplication>
#include <QtGui/QPainter>
#include <QtGui/QPalette>
#include <QtGui/QPixmap>

#include <array>

namespace closecall::monitor::icons {

using namespace Qt::StringLiterals;

namespace {

bool haveGui()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
}

enum class Mark { None, Check, Cross };

QPixmap dot(int size, const QColor &fill, Mark mark)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal m = size * 0.15;
    const QRectF r(m, m, size - 2 * m, size - 2 * m);
    p.setPen(QPen(fill.darker(140), size / 16.0));
    p.setBrush(fill);
    p.drawEllipse(r);
    if (mark != Mark::None) {
        p.setPen(QPen(Qt::white, size / 8.0, Qt::SolidLine, Qt::RoundCap));
        const QPointF c = r.center();
        const qreal d = r.width() * 0.22;
        if (mark == Mark::Check) {
            p.drawLine(QPointF(c.x() - d, c.y()), QPointF(c.x() - d / 3, c.y() + d * 0.8));
            p.drawLine(QPointF(c.x() - d / 3, c.y() + d * 0.8), QPointF(c.x() + d, c.y() - d));
        } else {
            p.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d));
            p.drawLine(QPointF(c.x() - d, c.y() + d), QPointF(c.x() + d, c.y() - d));
        }
    }
    return pixmap;
}

QIcon drawnIcon(const QColor &fill, Mark mark = Mark::None)
{
    QIcon icon;
    for (const int size : {16, 32})
        icon.addPixmap(dot(size, fill, mark));
    return icon;
}

// The icons are made once, on first use, and belong to the application
// object: QPixmaps must not outlive the QGuiApplication (a function-local
// static would be destroyed after it).
class Cache final : public QObject
{
public:
    using QObject::QObject;
    std::array<QIcon, 6> states;
    std::array<QIcon, 3> postClose;
};

Cache *cache()
{
    static QPointer<Cache> instance;
    if (!instance) {
        instance = new Cache(QCoreApplication::instance());
        const std::array<QColor, 6> colours{
            QColor(0x9e, 0x9e, 0x9e), // Connecting
            QColor(0x2e, 0xa0, 0x43), // Open
            QColor(0xf0, 0xa0, 0x20), // CloseSent
            QColor(0x3a, 0x7b, 0xd5), // CloseReceived
            QColor(0x61, 0x61, 0x61), // Closed
            QColor(0xd3, 0x2f, 0x2f), // Aborted
        };
        const std::array<QLatin1StringView, 6> names{"connecting"_L1, "open"_L1,
                                                     "closesent"_L1,  "closereceived"_L1,
                                                     "closed"_L1,     "aborted"_L1};
        for (size_t i = 0; i < colours.size(); ++i) {
            const QString svg = u":/icons/state-"_s + names[i] + u".svg"_s;
            instance->states[i] = QFile::exists(svg) ? QIcon(svg) : drawnIcon(colours[i]);
        }
        const QString delivered = u":/icons/postclose-delivered.svg"_s;
        const QString discarded = u":/icons/postclose-discarded.svg"_s;
        instance->postClose[1] = QFile::exists(delivered)
                                     ? QIcon(delivered)
                                     : drawnIcon(QColor(0xf0, 0xa0, 0x20), Mark::Check);
        instance->postClose[2] = QFile::exists(discarded)
                                     ? QIcon(discarded)
                                     : drawnIcon(QColor(0xd3, 0x2f, 0x2f), Mark::Cross);
    }
    return instance;
}

bool darkPalette()
{
    return QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
}

} // namespace

QIcon stateIcon(protocol::State state)
{
    if (!haveGui())
        return {};
    return cache()->states.at(size_t(state));
}

QIcon postCloseIcon(protocol::PostClose pc)
{
    if (!haveGui() || pc == protocol::PostClose::None)
        return {};
    return cache()->postClose.at(size_t(pc));
}

QBrush postCloseBackground(protocol::PostClose pc)
{
    if (pc == protocol::PostClose::None)
        return {};
    const bool dark = haveGui() && darkPalette();
    if (pc == protocol::PostClose::Delivered)
        return dark ? QColor(0x5c, 0x48, 0x14) : QColor(0xff, 0xf0, 0xc8);
    return dark ? QColor(0x64, 0x23, 0x23) : QColor(0xff, 0xdd, 0xdd);
}

QBrush awaitingAckBackground()
{
    const bool dark = haveGui() && darkPalette();
    return dark ? QColor(0x1e, 0x3a, 0x5f) : QColor(0xdc, 0xea, 0xfb);
}

QBrush endedForeground()
{
    if (!haveGui())
        return QColor(Qt::gray);
    return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
}

} // namespace closecall::monitor::icons
