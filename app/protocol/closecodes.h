#pragma once

#include "refusal.h"

#include <QtCore/QByteArrayView>
#include <QtCore/QLatin1StringView>
#include <QtCore/QString>
#include <QtCore/QStringView>

#include <optional>
#include <span>

// The close status code registry (RFC 6455 §7.4.1 and the IANA "WebSocket
// Close Code Number Registry"), and the rules for which codes and
// descriptions may be sent and which received ones are a protocol error.
// The UI, the headless mode and the session all ask this one file.
namespace closecall::protocol {

// A Close frame's status: a code, or nothing at all ("Empty": a Close frame
// with no payload, .NET's WebSocketCloseStatus.Empty, seen as 1005 remotely).
using CloseCode = std::optional<quint16>;

namespace closecode {
inline constexpr quint16 Normal = 1000;
inline constexpr quint16 GoingAway = 1001;
inline constexpr quint16 ProtocolError = 1002;
inline constexpr quint16 UnsupportedData = 1003;
inline constexpr quint16 Reserved1004 = 1004;
inline constexpr quint16 NoStatusReceived = 1005;
inline constexpr quint16 Abnormal = 1006;
inline constexpr quint16 InvalidPayload = 1007;
inline constexpr quint16 PolicyViolation = 1008;
inline constexpr quint16 MessageTooBig = 1009;
inline constexpr quint16 MandatoryExtension = 1010;
inline constexpr quint16 InternalError = 1011;
inline constexpr quint16 ServiceRestart = 1012;
inline constexpr quint16 TryAgainLater = 1013;
inline constexpr quint16 BadGateway = 1014;
inline constexpr quint16 TlsHandshake = 1015;
} // namespace closecode

// RFC §5.5: control payload ≤ 125 bytes, of which 2 are the code.
inline constexpr qsizetype MaxCloseReasonBytes = 123;

struct CloseCodeInfo
{
    quint16 code;
    QLatin1StringView rfcName;    // "Going Away"
    QLatin1StringView dotNetName; // "EndpointUnavailable", empty when .NET has none
    QLatin1StringView qtName;     // "CloseCodeGoingAway", empty when Qt has none
    bool sendable;                // may an operator send it as a number?
};

// Every registered code, 1000..1015, in order.
std::span<const CloseCodeInfo> registeredCloseCodes();

// The entry for a registered code, or nullptr (3000-4999 and unknown codes).
const CloseCodeInfo *closeCodeInfo(quint16 code);

// "1001 Going Away (EndpointUnavailable)"; "4000 (private use)"; "Empty (no status code)".
QString describeCloseCode(CloseCode code);

// Parses what a person or a script types for a code: "1001", "GoingAway",
// "Going Away", "EndpointUnavailable", "CloseCodeGoingAway" (case and spaces
// ignored), or "Empty". Returns the error in `error` when it is none of those.
// The result is not yet validated for sending: call validateOutgoingClose.
std::optional<CloseCode> parseCloseCode(QStringView text, QString *error = nullptr);

// An operator's request to send a Close (docs/close-semantics.md "What may
// be sent"): none when it may be sent, else why not (which code, how many
// bytes of reason) [R10].
Refused checkOutgoingClose(CloseCode code, QStringView reason);

// The same, in words a person can act on (RefusalText::sentence): empty
// when it may be sent, else e.g. "reason is 131 bytes of UTF-8; the limit is 123".
QString validateOutgoingClose(CloseCode code, QStringView reason);

// Whether a code is normally sent only by a client (1010, Mandatory Ext.,
// RFC §7.4.1): a server may still send it; the UI warns.
bool isClientOnlyCode(quint16 code);

// Whether a code received in a Close frame is legal on the wire (RFC §7.4).
bool isValidReceivedCloseCode(quint16 code);

// The result of reading a received Close frame's payload.
struct ReceivedClose
{
    CloseCode code;        // nullopt for an empty payload
    QString reason;        // decoded UTF-8 (empty when invalid)
    quint16 errorCode = 0; // 0 = valid; else the code to answer with (1002 or 1007)
    QString error;         // why it is invalid
};

// Parses and validates a Close frame payload received from the peer.
ReceivedClose parseClosePayload(QByteArrayView payload);

// Builds the payload of a Close frame to send (code + UTF-8 reason), or empty for Empty.
QByteArray buildClosePayload(CloseCode code, QStringView reason);

} // namespace closecall::protocol
