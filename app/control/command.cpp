#include "command.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFileInfo>

#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace closecall::control {

namespace {

constexpr std::array<std::pair<CommandKind, QLatin1StringView>, 9> CommandNames{{
    {CommandKind::List, "list"_L1},
    {CommandKind::Close, "close"_L1},
    {CommandKind::CloseOutput, "close_output"_L1},
    {CommandKind::Abort, "abort"_L1},
    {CommandKind::Send, "send"_L1},
    {CommandKind::Ping, "ping"_L1},
    {CommandKind::Set, "set"_L1},
    {CommandKind::Export, "export"_L1},
    {CommandKind::Quit, "quit"_L1},
}};

constexpr std::array<std::pair<ExportFormat, QLatin1StringView>, 4> FormatNames{{
    {ExportFormat::Jsonl, "jsonl"_L1},
    {ExportFormat::Text, "text"_L1},
    {ExportFormat::Csv, "csv"_L1},
    {ExportFormat::Har, "har"_L1},
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

QLatin1StringView exportFormatName(ExportFormat format)
{
    for (const auto &[f, name] : FormatNames) {
        if (f == format)
            return name;
    }
    return {};
}

std::optional<ExportFormat> exportFormatFromName(QStringView name)
{
    for (const auto &[format, n] : FormatNames) {
        if (name == n)
            return format;
    }
    return std::nullopt;
}

ExportFormat exportFormatForFile(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"csv")
        return ExportFormat::Csv;
    if (suffix == u"har")
        return ExportFormat::Har;
    if (suffix == u"log" || suffix == u"txt")
        return ExportFormat::Text;
    return ExportFormat::Jsonl;
}

QString defaultQuitReason()
{
    // Sent on the wire, so not translated: peers and their logs see the
    // same words whatever the operator's language.
    return u"server shutting down"_s;
}

} // namespace closecall::control
