#pragma once

#include "command.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QJsonObject>

// One stdin line (a JSON object) → a typed, validated Command, or a sentence
// saying precisely what is wrong. No I/O, no engine: the same rules serve
// the headless reader and the tests.
namespace closecall::control {

struct ParsedCommand
{
    // A line with nothing but white space: not a command, nothing to answer.
    bool blank = false;
    std::optional<Command> command;
    // Set even when the line is refused, whenever an id could be read, so
    // the error `result` still names the command it answers.
    QByteArray id;
    QString error;

    bool ok() const { return command.has_value(); }
};

ParsedCommand parseCommand(QByteArrayView line);
ParsedCommand parseCommand(const QJsonObject &object);

} // namespace closecall::control
