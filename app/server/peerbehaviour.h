#pragma once

#include "protocol/closecodes.h"
#include "protocol/types.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <optional>

namespace closecall::server {

// How an outgoing connection misbehaves once open (docs/headless.md "Peer
// behaviours"): its traffic, what it does when the other side's Close
// arrives, and whether it starts the close itself. One grammar everywhere
// (the `connect` command, `closecall peer --behaviour`, the Connect…
// dialog, the demo): semicolon-separated `key=value` pairs, e.g.
// "traffic=text; every=200; on-close=send; sends=5". The default value
// (and the empty spec) is a plain client that answers a Close at once.
struct PeerBehaviour
{
    Q_DECLARE_TR_FUNCTIONS(PeerBehaviour)

public:
    enum class Traffic : quint8 {
        Silent, // sends nothing by itself
        Echo,   // sends each data message back
        Text,   // "msg 1", "msg 2", … every `everyMs`
        Binary, // `size` bytes every `everyMs`
    };
    // What it does when the other side's Close arrives first.
    enum class OnClose : quint8 {
        Answer, // at once (the session's own acknowledge)
        Delay,  // after `delayMs`, traffic going on meanwhile
        Send,   // "late 1" … "late `sends`", then answer
        Never,  // no answer: the other side's close timeout ends it
        Reset,  // TCP reset (RST), no Close
        Fin,    // TCP closed (FIN), no Close
    };

    // Ranges (inclusive) and defaults; the parser names them in its errors.
    static constexpr int MinEveryMs = 10;
    static constexpr int MaxMs = 3600000; // every, delay, close-after
    static constexpr int MinSize = 1;
    static constexpr int MaxSize = 16 * 1024 * 1024;
    static constexpr int MinSends = 1;
    static constexpr int MaxSends = 1000;
    static constexpr int MinDelayMs = 1;

    Traffic traffic = Traffic::Silent;
    int everyMs = 1000;
    int size = 1024;
    OnClose onClose = OnClose::Answer;
    int delayMs = 1000;
    int sends = 3;
    std::optional<int> closeAfterMs; // none: never starts the close itself
    protocol::CloseMode closeMode = protocol::CloseMode::Close; // Close or CloseOutput
    protocol::CloseCode closeCode = protocol::closecode::Normal;
    QString closeReason;

    // Parses a spec; nullopt with `error` set to a sentence naming the key
    // and what was wrong (an unknown key gets "did you mean"). Empty (or
    // only spaces and semicolons) is the default behaviour.
    static std::optional<PeerBehaviour> parse(QStringView spec, QString *error = nullptr);

    // The canonical spec: keys in the grammar's order, only values that
    // differ from the default, "; " between pairs; empty for the default.
    // parse(b.toSpec()) == b.
    QString toSpec() const;

    // The default: nothing for a driver to do.
    bool isPlain() const { return *this == PeerBehaviour(); }
    // The session answers the other side's Close by itself.
    bool answersAtOnce() const { return onClose == OnClose::Answer; }

    friend bool operator==(const PeerBehaviour &, const PeerBehaviour &) = default;
};

} // namespace closecall::server
