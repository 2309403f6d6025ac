#pragma once

#include "server/connectrequest.h"

#include <QtCore/QString>
#include <QtCore/QStringList>

// The command line of `closecall peer URL [options]` (docs/headless.md
// "closecall peer"): what to connect to and how the connections behave.
// Parsing never prints and never exits, so the rules are testable; main()
// decides what to print and which status.
namespace closecall::peer {

struct PeerOptions
{
    server::ConnectRequest request;
    // Give up after this long (0 = never): every connection still live is
    // closed with 1001 and the exit status is 1.
    int timeoutMs = 0;
    // Leave message_in/out and ping/pong events out of stdout and make none
    // (a load generator); the summaries' counters then come from the
    // engine's rows at the end.
    bool stdoutMessageEvents = true;
};

struct PeerCommandLine
{
    enum class Status : quint8 { Run, Error, Help };
    Status status = Status::Run;
    PeerOptions options;
    QString error; // Status::Error: one line naming the option and the value
    QString text;  // Status::Help: what to print on stdout
};

// `arguments` as QCoreApplication::arguments(): the program name, then
// "peer", then the rest.
PeerCommandLine parsePeerCommandLine(const QStringList &arguments);

// Whether the command line asks for the peer mode: "peer" right after the
// program name.
bool isPeerCommand(int argc, char *argv[]);

} // namespace closecall::peer
