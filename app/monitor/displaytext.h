#pragma once

#include "monitor/logbuffer.h"
#include "server/event.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

// The words the connections table and the log show, translated, spelled
// once so both models (and the widgets' tooltips) say the same thing.
// The .NET state names and the RFC close code names are proper names and
// stay as they are; everything else goes through tr().
namespace closecall::monitor {

class DisplayText final
{
    Q_DECLARE_TR_FUNCTIONS(closecall::monitor::DisplayText)

public:
    DisplayText() = delete;

    // "1001 Going Away", "4000", or "Empty (no status code)" for nullopt.
    static QString closeCode(protocol::CloseCode code);
    // "1001 Going Away: deploy" (the reason, control characters escaped,
    // only when there is one).
    static QString closeStatus(protocol::CloseCode code, const QString &reason);

    static QString eventLabel(server::EventType type);      // "Message in"
    static QString direction(Direction dir);                // "in" / "out" / ""
    static QString messageType(protocol::MessageType type); // "text" / "binary"
    static QString closeMode(protocol::CloseMode mode);     // "Close Output", ...
    static QString howEnded(protocol::HowEnded how);        // "client closed TCP", ...
    static QString initiator(protocol::Initiator who);      // "server" / "client" / ""
    static QString postClose(protocol::PostClose pc);       // "delivered" / "discarded" / ""
    // "3 (2 delivered, 1 discarded)"; "" when both are 0.
    static QString postCloseCounts(quint64 delivered, quint64 discarded);

    // "42 s", "3:07", "1:02:03" (µs in, whole seconds shown).
    static QString duration(qint64 us);
    // "12.3" ms from µs; "" for a negative (null) value.
    static QString milliseconds(qint64 us);
    // Local wall-clock time "10:44:22.123456" (or "10:44:22" without
    // the fraction) from µs since the Unix epoch.
    static QString clockTime(qint64 wallUs, bool micros = true);
    // "2026-11-26 10:44:22.123456 UTC".
    static QString fullTime(qint64 wallUs);

    // A payload preview for one line: UTF-8 with control characters, '\\',
    // C1 controls and bidi overrides escaped; invalid bytes as U+FFFD. With
    // `binary`, hex bytes ("00 01 ff"). `cut` appends "…".
    static QString preview(QByteArrayView bytes, bool binary, bool cut);
    // Appends the same escaping to UTF-8 (the filter matches this form).
    static void appendEscapedUtf8(QByteArray &out, QByteArrayView bytes, bool binary);
};

} // namespace closecall::monitor
