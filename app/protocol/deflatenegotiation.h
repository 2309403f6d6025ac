#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QByteArrayView>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>
#include <utility>

// Negotiating permessage-deflate (RFC 7692 §5, §7.1), sans-I/O: the
// Sec-WebSocket-Extensions header read into offers, the server's choice
// among them, and the client's check of the server's answer. Compressing
// and inflating are deflatecodec.h's.
namespace closecall::protocol {

// One extension of a Sec-WebSocket-Extensions list (RFC 6455 §9.1): its
// token and its parameters in order, values unquoted (an absent value is a
// null QByteArray).
struct ExtensionOffer
{
    QByteArray name;
    QList<std::pair<QByteArray, QByteArray>> params;
};

// Every extension of every header line, in order. nullopt when the text
// breaks RFC 6455 §9.1's grammar (a server answers 400, a client fails the
// connection); `error` says where.
std::optional<QList<ExtensionOffer>> parseExtensions(const QList<QByteArray> &headerValues,
                                                     QString *error = nullptr);

// The parameters in effect for one direction pair once negotiated. Window
// bits are 8–15; "no context takeover" resets the compressor (or expects
// the peer's to be reset) after every message.
struct DeflateParams
{
    bool serverNoContextTakeover = false;
    bool clientNoContextTakeover = false;
    int serverMaxWindowBits = 15;         // the server compresses within this window
    int clientMaxWindowBits = 15;         // the client compresses within this window
    bool clientMaxWindowBitsSent = false; // the answer names client_max_window_bits

    // The Sec-WebSocket-Extensions value that states these parameters.
    QByteArray toHeaderValue() const;
    friend bool operator==(const DeflateParams &, const DeflateParams &) = default;
};

// What the server is willing to do (the operator's --deflate choices).
struct DeflateServerConfig
{
    bool enabled = false;
    int serverMaxWindowBits = 15;         // 9–15: zlib cannot compress raw deflate in 8
    bool serverNoContextTakeover = false; // ours: less memory, worse ratio
    bool clientNoContextTakeover = false; // asked of the client when it allows it
    int clientMaxWindowBits = 15;         // asked of the client when it offered the parameter
};

// One offer of permessage-deflate read against RFC 7692 §7.1: nullopt when
// it must be declined (an unknown or repeated parameter, a value that is not
// allowed); `why` says which.
std::optional<DeflateParams> readOffer(const ExtensionOffer &offer, QString *why = nullptr);

// The server's choice (RFC 7692 §5.1): the first permessage-deflate offer it
// can accept, with its own limits applied; nullopt declines them all (the
// connection goes on without compression). `declined` collects why each
// offer that was passed over was.
std::optional<DeflateParams> negotiateDeflate(const QList<ExtensionOffer> &offers,
                                              const DeflateServerConfig &config,
                                              QStringList *declined = nullptr);

// What a client offers: `permessage-deflate; client_max_window_bits` (it
// can work with any window the server asks for).
QByteArray deflateClientOffer();

// The client's check of the server's answer to deflateClientOffer() (RFC
// 7692 §5.1, §7.1): nullopt means the client must fail the connection;
// `error` says why.
std::optional<DeflateParams> readDeflateAnswer(const ExtensionOffer &answer, QString *error);

} // namespace closecall::protocol
