#include "closecodes.h"

#include "utf8validator.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QtEndian>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace closecall::protocol {

namespace {

// RFC 6455 §7.4.1 and the IANA registry; .NET's WebSocketCloseStatus and Qt's
// QWebSocketProtocol::CloseCode names alongside (docs/close-semantics.md table).
// `sendable` is whether an operator may put the number in a Close frame:
// 1004 is reserved, 1005/1006/1015 are only ever reported locally (§7.4.1:
// "MUST NOT be set as a status code in a Close control frame").
constexpr std::array<CloseCodeInfo, 16> Registry{{
    {1000, "Normal Closure"_L1, "NormalClosure"_L1, "CloseCodeNormal"_L1, true},
    {1001, "Going Away"_L1, "EndpointUnavailable"_L1, "CloseCodeGoingAway"_L1, true},
    {1002, "Protocol Error"_L1, "ProtocolError"_L1, "CloseCodeProtocolError"_L1, true},
    {1003, "Unsupported Data"_L1, "InvalidMessageType"_L1, "CloseCodeDatatypeNotSupported"_L1,
     true},
    {1004, "Reserved"_L1, {}, "CloseCodeReserved1004"_L1, false},
    {1005, "No Status Rcvd"_L1, "Empty"_L1, "CloseCodeMissingStatusCode"_L1, false},
    {1006, "Abnormal Closure"_L1, {}, "CloseCodeAbnormalDisconnection"_L1, false},
    {1007, "Invalid frame payload data"_L1, "InvalidPayloadData"_L1, "CloseCodeWrongDatatype"_L1,
     true},
    {1008, "Policy Violation"_L1, "PolicyViolation"_L1, "CloseCodePolicyViolated"_L1, true},
    {1009, "Message Too Big"_L1, "MessageTooBig"_L1, "CloseCodeTooMuchData"_L1, true},
    {1010, "Mandatory Ext."_L1, "MandatoryExtension"_L1, "CloseCodeMissingExtension"_L1, true},
    {1011, "Internal Error"_L1, "InternalServerError"_L1, "CloseCodeBadOperation"_L1, true},
    {1012, "Service Restart"_L1, {}, {}, true},
    {1013, "Try Again Later"_L1, {}, {}, true},
    {1014, "Bad Gateway"_L1, {}, {}, true},
    {1015, "TLS handshake"_L1, {}, "CloseCodeTlsHandshakeFailed"_L1, false},
}};

constexpr quint16 FirstRegistered = 1000;
constexpr quint16 LastRegistered = 1015;
constexpr quint16 FirstLibraryCode = 3000; // 3000-3999: IANA, libraries and frameworks
constexpr quint16 FirstPrivateCode = 4000; // 4000-4999: private use (RFC 6455 §7.4.2)
constexpr quint16 LastPrivateCode = 4999;

// How names are compared: case-insensitive, ignoring spaces, '_', '-' and '.'
// so "Going Away", "going_away", "GOING-AWAY" and "Mandatory Ext." all match.
QString normalizedName(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c.isSpace() || c == u'_' || c == u'-' || c == u'.')
            continue;
        out.append(c.toCaseFolded());
    }
    return out;
}

// Index of the first unpaired UTF-16 surrogate, or -1. QString::toUtf8()
// would silently turn one into '?', so a reason the operator typed (or a
// script sent) that is not valid text is refused rather than altered.
qsizetype firstLoneSurrogate(QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return i;
    }
    return -1;
}

} // namespace

std::span<const CloseCodeInfo> registeredCloseCodes()
{
    return Registry;
}

const CloseCodeInfo *closeCodeInfo(quint16 code)
{
    if (code < FirstRegistered || code > LastRegistered)
        return nullptr;
    return &Registry[code - FirstRegistered];
}

bool isClientOnlyCode(quint16 code)
{
    // RFC 6455 §7.4.1: 1010 is sent by a client whose required extension the
    // server did not negotiate; a server sending it is legal but unusual.
    return code == closecode::MandatoryExtension;
}

QString describeCloseCode(CloseCode code)
{
    if (!code)
        return QCoreApplication::translate("CloseCodes", "Empty (no status code)");
    const quint16 value = *code;
    if (const CloseCodeInfo *info = closeCodeInfo(value)) {
        QString text = QString::number(value) + u' ' + info->rfcName;
        if (!info->dotNetName.isEmpty())
            text += u" ("_s + info->dotNetName + u')';
        return text;
    }
    if (value >= FirstLibraryCode && value < FirstPrivateCode)
        return QCoreApplication::translate("CloseCodes",
                                           "%1 (registered for libraries and frameworks)")
            .arg(value);
    if (value >= FirstPrivateCode && value <= LastPrivateCode)
        return QCoreApplication::translate("CloseCodes", "%1 (private use)").arg(value);
    if (value < FirstRegistered)
        return QCoreApplication::translate("CloseCodes", "%1 (not used)").arg(value);
    if (value > LastPrivateCode)
        return QCoreApplication::translate("CloseCodes", "%1 (out of range)").arg(value);
    return QCoreApplication::translate("CloseCodes", "%1 (reserved, not registered)").arg(value);
}

std::optional<CloseCode> parseCloseCode(QStringView text, QString *error)
{
    const QStringView trimmed = text.trimmed();
    const auto setError = [error](const QString &message) {
        if (error)
            *error = message;
    };

    if (trimmed.isEmpty()) {
        setError(QCoreApplication::translate(
            "CloseCodes", "No close code given. Type a number such as 1000 or 1001, a name such as "
                          "GoingAway, or Empty for a Close with no status code."));
        return std::nullopt;
    }

    // A number: all digits (no sign; codes are unsigned 16-bit on the wire).
    if (trimmed.front().isDigit() || trimmed.front() == u'-' || trimmed.front() == u'+') {
        const bool allDigits =
            std::all_of(trimmed.begin(), trimmed.end(), [](QChar c) { return c.isDigit(); });
        bool ok = false;
        const uint value = allDigits ? trimmed.toUInt(&ok) : 0;
        if (!allDigits || !ok || value > 0xFFFF) {
            setError(QCoreApplication::translate(
                         "CloseCodes",
                         "'%1' is not a close code number; codes are whole numbers from 0 to "
                         "65535 (usable: 1000-1003, 1007-1014, 3000-4999).")
                         .arg(trimmed));
            return std::nullopt;
        }
        return CloseCode{static_cast<quint16>(value)};
    }

    const QString name = normalizedName(trimmed);
    // .NET's WebSocketCloseStatus.Empty: a Close frame without payload.
    if (name == u"empty") {
        // Built in place: GCC 12 at -O2 warns (falsely) that a returned
        // CloseCode{} temporary inside the outer optional may be uninitialised.
        std::optional<CloseCode> empty;
        empty.emplace(std::nullopt);
        return empty;
    }

    static const QString qtPrefix = u"closecode"_s;
    for (const CloseCodeInfo &info : Registry) {
        const QString qtName = normalizedName(QString(info.qtName));
        if (name == normalizedName(QString(info.rfcName)) ||
            (!info.dotNetName.isEmpty() && name == normalizedName(QString(info.dotNetName))) ||
            (!qtName.isEmpty() &&
             (name == qtName || name == QStringView(qtName).mid(qtPrefix.size())))) {
            return CloseCode{info.code};
        }
    }

    setError(QCoreApplication::translate(
                 "CloseCodes",
                 "'%1' is not a close code. Type a number (e.g. 1001) or a registry name "
                 "(e.g. Going Away, GoingAway, EndpointUnavailable, CloseCodeGoingAway), or "
                 "Empty for a Close with no status code.")
                 .arg(trimmed));
    return std::nullopt;
}

Refused checkOutgoingClose(CloseCode code, QStringView reason)
{
    if (!code) {
        // RFC 6455 §5.5.1: a reason may only follow a status code.
        if (!reason.isEmpty())
            return Refused::of(Refusal::EmptyCloseWithReason);
        return {};
    }

    const quint16 value = *code;
    if (value < FirstRegistered || (value > LastRegistered && value < FirstLibraryCode) ||
        value > LastPrivateCode)
        return Refused::withCode(Refusal::CodeNotSendable, value);
    if (const CloseCodeInfo *info = closeCodeInfo(value); info && !info->sendable)
        return Refused::withCode(Refusal::CodeNotSendable, value);

    if (const qsizetype at = firstLoneSurrogate(reason); at >= 0)
        return Refused::withSize(Refusal::ReasonLoneSurrogate, at + 1);
    // RFC 6455 §5.5: a control frame carries at most 125 bytes, 2 of them
    // the code. Count bytes, not characters; never truncate behind the
    // operator's back.
    const qsizetype bytes = reason.toUtf8().size();
    if (bytes > MaxCloseReasonBytes)
        return Refused::withSize(Refusal::ReasonTooLong, bytes);
    return {};
}

QString validateOutgoingClose(CloseCode code, QStringView reason)
{
    return RefusalText::sentence(checkOutgoingClose(code, reason));
}

bool isValidReceivedCloseCode(quint16 code)
{
    // RFC 6455 §7.4.1/§7.4.2 and IANA: 1004, 1005, 1006 and 1015 must never
    // be on the wire; 1016-2999 are unassigned; 5000+ is undefined.
    if (const CloseCodeInfo *info = closeCodeInfo(code))
        return info->sendable;
    return code >= FirstLibraryCode && code <= LastPrivateCode;
}

ReceivedClose parseClosePayload(QByteArrayView payload)
{
    ReceivedClose result;
    if (payload.isEmpty())
        return result; // RFC 6455 §5.5.1: no body, seen as 1005 locally

    if (payload.size() == 1) {
        // §5.5.1: a body starts with a 2-byte code, so 1 byte cannot be valid.
        result.errorCode = closecode::ProtocolError;
        result.error = QCoreApplication::translate(
            "CloseCodes", "Close payload is 1 byte; a status code needs 2 (RFC 6455 §5.5.1).");
        return result;
    }

    const quint16 code = qFromBigEndian<quint16>(payload.data());
    result.code = code;
    if (!isValidReceivedCloseCode(code)) {
        result.errorCode = closecode::ProtocolError;
        result.error =
            QCoreApplication::translate(
                "CloseCodes", "Close code %1 may not be sent on the wire (RFC 6455 §7.4): %2.")
                .arg(code)
                .arg(describeCloseCode(code));
        return result;
    }

    if (payload.size() - 2 > MaxCloseReasonBytes) {
        // The frame parser already refuses control payloads over 125 bytes;
        // checked again so this function is safe on its own.
        result.errorCode = closecode::ProtocolError;
        result.error =
            QCoreApplication::translate(
                "CloseCodes", "Close payload is %1 bytes; a control frame carries at most 125 "
                              "(RFC 6455 §5.5).")
                .arg(payload.size());
        return result;
    }

    // RFC 6455 §5.5.1/§8.1: the reason is UTF-8; invalid data fails the
    // connection with 1007 (docs/close-semantics.md R12).
    const QByteArrayView reason = payload.sliced(2);
    if (!Utf8Validator::isValid(reason)) {
        result.errorCode = closecode::InvalidPayload;
        result.error = QCoreApplication::translate(
            "CloseCodes", "Close reason is not valid UTF-8 (RFC 6455 §5.5.1).");
        return result;
    }
    result.reason = QString::fromUtf8(reason);
    return result;
}

QByteArray buildClosePayload(CloseCode code, QStringView reason)
{
    if (!code)
        return {};
    const QByteArray text = reason.toUtf8();
    QByteArray payload(2 + text.size(), Qt::Uninitialized);
    qToBigEndian<quint16>(*code, payload.data());
    std::copy(text.cbegin(), text.cend(), payload.begin() + 2);
    return payload;
}

} // namespace closecall::protocol
