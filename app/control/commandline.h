#pragma once

#include "monitor/logexport.h"
#include "server/serverconfig.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

// The command line of docs/headless.md, parsed once for both front ends: the
// headless mode runs with it, the GUI takes it as its
// start-up settings. Parsing never exits the process and never prints, so
// the rules are testable; main() decides what to print and which status.
namespace closecall::control {

// What the front end needs beyond the engine's ServerConfig.
struct FrontEndOptions
{
    bool headless = false;
    QString logFile;                                          // empty = no streaming log
    monitor::LogFormat logFormat = monitor::LogFormat::Jsonl; // never Har: it cannot stream
    // --no-message-events: stdout leaves out message_in/out and ping/pong
    // events; the --log-file still gets everything.
    bool stdoutMessageEvents = true;
    // --demo: once listening, open the built-in peers (control/demopeers.h)
    // against the server itself.
    bool demo = false;
};

struct CommandLine
{
    enum class Status : quint8 { Run, Error, Help, Version };
    Status status = Status::Run;
    server::ServerConfig config;
    FrontEndOptions frontEnd;
    QString error; // Status::Error: one line that names the option and the value
    QString text;  // Status::Help / Version: what to print on stdout
};

// `arguments` includes the program name first, as QCoreApplication::arguments().
CommandLine parseCommandLine(const QStringList &arguments);

// A whole number in [min, max], typed as digits only (also used by
// `closecall peer`). Returns an error sentence naming the value (the caller
// prefixes the option) or an empty string.
QString parseInteger(const QString &text, qint64 min, qint64 max, qint64 *out);

// "127.0.0.1:9001", "[::1]:9001", "localhost:0". Returns an error sentence
// (without the option name) or an empty string.
QString parseListenAddress(const QString &text, QHostAddress *address, quint16 *port);

} // namespace closecall::control
