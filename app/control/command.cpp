#include "command.h"

#include "monitor/eventjson.h"
#include <QtCore/QCoreApplication>

#include <QtCore/QFileInfo>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace closecall::control {

namespace {

constexpr std::array<std::pair<CommandKind, QLatin1StringView>, 11> CommandNames{{
    {CommandKind::List, "list"_L1},
    {CommandKind::Close, "close"_L1},
    {CommandKind::CloseOutput, "close_output"_L1},
    {CommandKind::Abort, "abort"_L1},
    {CommandKind::Send, "send"_L1},
    {CommandKind::Ping, "ping"_L1},
    {CommandKind::Set, "set"_L1},
    {CommandKind::Export, "export"_L1},
    {CommandKind::Quit, "quit"_L1},
    {CommandKind::Timeline, "timeline"_L1},
    {CommandKind::Connect, "connect"_L1},
}};

} // namespace

QLatin1StringView commandName(CommandKind kind)
{
    for (const auto &[k, name] : CommandNames) {
        if (k == kind)
            return name;
    }
    return {};
}

std::optional<CommandKind> commandKindFromName(QStringView name)
{
    for (const auto &[kind, n] : CommandNames) {
        if (name == n)
            return kind;
    }
    return std::nullopt;
}

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(CommandParser)
};

} // namespace

bool ExportFilter::matches(const server::Event &event) const
{
    return (conns.isEmpty() || conns.contains(event.conn)) &&
           (events.isEmpty() || events.contains(event.type())) &&
           (states.isEmpty() || (event.conn != 0 && states.contains(event.state)));
}

std::optional<ExportFilter> parseExportFilter(const QString &text, QString *error)
{
    ExportFilter filter;
    const auto fail = [error](const QString &message) {
        *error = message;
        return std::nullopt;
    };
    const QString usage = Text::tr("write terms such as conn:3,4 event:message_in,closed "
                                   "state:CloseSent (all must hold)");
    for (const QString &term : text.split(u' ', Qt::SkipEmptyParts)) {
        const qsizetype colon = term.indexOf(u':');
        const QString key = term.left(colon);
        const QStringList values = term.mid(colon + 1).split(u',');
        if (colon <= 0 || values.contains(QString()))
            return fail(Text::tr("filter term '%1' is not key:value; %2").arg(term, usage));
        for (const QString &value : values) {
            if (key == u"conn") {
                bool ok = false;
                const uint id = value.toUInt(&ok);
                if (!ok || id == 0)
                    return fail(Text::tr("filter: '%1' is not a connection id").arg(value));
                filter.conns.append(id);
            } else if (key == u"event") {
                const auto type = monitor::eventTypeFromName(value);
                if (!type)
                    return fail(Text::tr("filter: '%1' is not an event name (e.g. open, "
                                         "message_in, close_sent, closed)")
                                    .arg(value));
                filter.events.append(*type);
            } else if (key == u"state") {
                std::optional<protocol::State> state;
                for (auto s : {protocol::State::Connecting, protocol::State::Open,
                               protocol::State::CloseSent, protocol::State::CloseReceived,
                               protocol::State::Closed, protocol::State::Aborted}) {
                    if (value == protocol::stateName(s))
                        state = s;
                }
                if (!state)
                    return fail(Text::tr("filter: '%1' is not a state (Connecting, Open, "
                                         "CloseSent, CloseReceived, Closed, Aborted)")
                                    .arg(value));
                filter.states.append(*state);
            } else {
                return fail(Text::tr("filter: unknown key '%1'; %2").arg(key, usage));
            }
        }
    }
    return filter;
}

QString defaultQuitReason()
{
    // Sent on the wire, so not translated: peers and their logs see the
    // same words whatever the operator's language.
    return u"server shutting down"_s;
}

} // namespace closecall::control
