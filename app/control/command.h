#pragma once

#include "monitor/logexport.h"
#include "monitor/timelinelayout.h"
#include "protocol/closecodes.h"
#include "protocol/types.h"
#include "server/connectrequest.h"
#include "server/engine.h"

#include <QtCore/QByteArray>
#include <QtCore/QLatin1StringView>
#include <QtCore/QString>

#include <optional>

// The one command vocabulary of docs/headless.md ("Commands"). The headless
// stdin reader, the GUI's buttons and the tests all build
// these; the Controller carries them out. A Command is always valid: the
// parser refuses anything the engine would have to refuse on its own
// (codes, reason length, base64, field types), so validation lives here and
// in the protocol registry only.
namespace closecall::control {

enum class CommandKind : quint8 {
    List,
    Close,
    CloseOutput,
    Abort,
    Send,
    Ping,
    Set,
    Export,
    Quit,
    Timeline,
    Connect,
};

// The contract name ("close_output", ...).
QLatin1StringView commandName(CommandKind kind);
std::optional<CommandKind> commandKindFromName(QStringView name);

// An export's `filter`: space-separated terms that must all hold, each
// `key:value[,value...]` with key conn (ids), event (contract names) or
// state (the state names). Empty = every event.
struct ExportFilter
{
    QList<quint32> conns;
    QList<server::EventType> events;
    QList<protocol::State> states;

    bool isEmpty() const { return conns.isEmpty() && events.isEmpty() && states.isEmpty(); }
    bool matches(const server::Event &event) const;
};
// Parses a filter; on failure returns nullopt and says why in `error`.
std::optional<ExportFilter> parseExportFilter(const QString &text, QString *error);

// The defaults a command gets when it leaves a field out.
inline constexpr quint16 DefaultCloseCode = protocol::closecode::Normal;
inline constexpr quint16 DefaultQuitCode = protocol::closecode::GoingAway;
QString defaultQuitReason(); // "server shutting down", the same as SIGTERM

struct Command
{
    CommandKind kind = CommandKind::List;
    // The command's `id` as JSON text ("7", "\"a\""), empty when it had
    // none: passed through to the engine so its `result` echoes it as given.
    QByteArray id;

    server::ConnSelector conns; // close, close_output, abort, send, ping

    protocol::CloseCode code; // close, close_output, quit (nullopt = Empty)
    QString reason;
    int timeoutMs = -1; // -1 = the configured default for the mode

    protocol::MessageType messageType = protocol::MessageType::Text; // send, ping
    QByteArray payload;

    int echo = -1; // set: -1 unchanged, 0 off, 1 on
    int manualAck = -1;
    int autoPong = -1;
    // set, proxy mode (docs/headless.md "Proxy mode"): -1 unchanged, 0
    // relay closes, 1 hold them. With `conns`, `auto_pong` and this act on
    // those legs (and their pairs) through Engine::setProxyOptions.
    int holdCloses = -1;

    QString path; // export
    monitor::LogFormat format = monitor::LogFormat::Jsonl;
    QString filterText; // as given, for the result
    ExportFilter filter;

    quint32 conn = 0; // timeline: the one connection drawn (path: where)
    monitor::TimelineFormat timelineFormat = monitor::TimelineFormat::Svg;

    // connect: passed to Engine::connectTo as it is; the engine checks the
    // URL, the count's upper bound, the header shape and the behaviour spec.
    server::ConnectRequest connect;
};

} // namespace closecall::control
