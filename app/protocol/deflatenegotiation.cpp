#include "deflatenegotiation.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QStringList>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace closecall::protocol {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DeflateNegotiation", text);
}

constexpr QByteArrayView ExtensionName = "permessage-deflate";

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

// A cursor over one header value, for RFC 6455 §9.1's grammar.
class Reader
{
public:
    explicit Reader(QByteArrayView text)
        : m_text(text)
    {}
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    qsizetype pos() const { return m_pos; }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t'))
            ++m_pos;
    }
    bool take(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }
    QByteArray token()
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (!atEnd() && isTokenChar(peek()))
            ++m_pos;
        return m_text.sliced(start, m_pos - start).toByteArray();
    }
    // A quoted-string, unescaped; nullopt when it does not end.
    std::optional<QByteArray> quoted()
    {
        QByteArray out;
        ++m_pos; // the opening quote
        while (!atEnd()) {
            const char c = m_text[m_pos++];
            if (c == '"')
                return out;
            if (c == '\\') {
                if (atEnd())
                    return std::nullopt;
                out += m_text[m_pos++];
            } else {
                out += c;
            }
        }
        return std::nullopt;
    }

private:
    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

QString syntaxError(const QByteArray &value, qsizetype pos, const QString &what)
{
    return tr("Sec-WebSocket-Extensions \"%1\" is malformed at character %2: %3")
        .arg(QString::fromLatin1(value))
        .arg(pos + 1)
        .arg(what);
}

// One value of 8–15 written without leading zeros (RFC 7692 §7.1.2).
std::optional<int> windowBits(const QByteArray &value)
{
    if (value.size() == 1 && value[0] == '8')
        return 8;
    if (value.size() == 1 && value[0] == '9')
        return 9;
    if (value.size() == 2 && value[0] == '1' && value[1] >= '0' && value[1] <= '5')
        return 10 + (value[1] - '0');
    return std::nullopt;
}

// What the four parameters say, read once each; nullopt with `why` set for
// an unknown or repeated parameter or a value that is not allowed.
// `windowValueRequired`: client_max_window_bits must carry a value (in an
// answer) or may go without (in an offer).
std::optional<DeflateParams> readParams(const ExtensionOffer &ext, bool windowValueRequired,
                                        QString *why)
{
    DeflateParams p;
    QList<QByteArray> seen;
    const auto fail = [why](const QString &text) -> std::optional<DeflateParams> {
        if (why)
            *why = text;
        return std::nullopt;
    };
    for (const auto &[name, value] : ext.params) {
        const QString shown = QString::fromLatin1(name);
        if (seen.contains(name))
            return fail(tr("%1 is given twice").arg(shown));
        seen.append(name);
        if (name == "server_no_context_takeover" || name == "client_no_context_takeover") {
            if (!value.isNull())
                return fail(tr("%1 takes no value").arg(shown));
            (name[0] == 's' ? p.serverNoContextTakeover : p.clientNoContextTakeover) = true;
        } else if (name == "server_max_window_bits") {
            const std::optional<int> bits = windowBits(value);
            if (!bits)
                return fail(tr("server_max_window_bits must be 8 to 15, not \"%1\"")
                                .arg(QString::fromLatin1(value)));
            p.serverMaxWindowBits = *bits;
        } else if (name == "client_max_window_bits") {
            p.clientMaxWindowBitsSent = true;
            if (value.isNull() && !windowValueRequired)
                continue;
            const std::optional<int> bits = windowBits(value);
            if (!bits)
                return fail(tr("client_max_window_bits must be 8 to 15, not \"%1\"")
                                .arg(QString::fromLatin1(value)));
            p.clientMaxWindowBits = *bits;
        } else {
            return fail(tr("%1 is not a permessage-deflate parameter").arg(shown));
        }
    }
    return p;
}

} // namespace

std::optional<QList<ExtensionOffer>> parseExtensions(const QList<QByteArray> &headerValues,
                                                     QString *error)
{
    QList<ExtensionOffer> out;
    const auto fail = [error](const QString &text) -> std::optional<QList<ExtensionOffer>> {
        if (error)
            *error = text;
        return std::nullopt;
    };
    for (const QByteArray &value : headerValues) {
        Reader r(value);
        while (true) {
            r.skipSpace();
            if (r.atEnd())
                break;
            if (r.take(',')) // an empty list element (RFC 9110 §5.6.1)
                continue;
            ExtensionOffer ext;
            ext.name = r.token();
            if (ext.name.isEmpty())
                return fail(syntaxError(value, r.pos(), tr("an extension name was expected")));
            while (r.take(';')) {
                QByteArray name = r.token();
                if (name.isEmpty())
                    return fail(syntaxError(value, r.pos(), tr("a parameter name was expected")));
                QByteArray paramValue; // null: no value
                if (r.take('=')) {
                    r.skipSpace();
                    if (r.peek() == '"') {
                        const std::optional<QByteArray> unquoted = r.quoted();
                        if (!unquoted)
                            return fail(syntaxError(value, r.pos(), tr("a quote is not closed")));
                        // RFC 6455 §9.1: once unquoted it must still be a token.
                        if (unquoted->isEmpty() ||
                            !std::all_of(unquoted->begin(), unquoted->end(), isTokenChar))
                            return fail(
                                syntaxError(value, r.pos(), tr("a quoted value must be a token")));
                        paramValue = *unquoted;
                    } else {
                        paramValue = r.token();
                        if (paramValue.isEmpty())
                            return fail(syntaxError(value, r.pos(), tr("a value was expected")));
                    }
                }
                ext.params.append({std::move(name), std::move(paramValue)});
            }
            out.append(std::move(ext));
            r.skipSpace();
            if (r.atEnd())
                break;
            if (!r.take(','))
                return fail(syntaxError(value, r.pos(), tr("a ',' or ';' was expected")));
        }
    }
    return out;
}

QByteArray DeflateParams::toHeaderValue() const
{
    QByteArray out = ExtensionName.toByteArray();
    if (serverNoContextTakeover)
        out += "; server_no_context_takeover";
    if (clientNoContextTakeover)
        out += "; client_no_context_takeover";
    if (serverMaxWindowBits != 15)
        out += "; server_max_window_bits=" + QByteArray::number(serverMaxWindowBits);
    if (clientMaxWindowBitsSent)
        out += "; client_max_window_bits=" + QByteArray::number(clientMaxWindowBits);
    return out;
}

std::optional<DeflateParams> readOffer(const ExtensionOffer &offer, QString *why)
{
    return readParams(offer, false, why);
}

std::optional<DeflateParams> negotiateDeflate(const QList<ExtensionOffer> &offers,
                                              const DeflateServerConfig &config,
                                              QStringList *declined)
{
    if (!config.enabled)
        return std::nullopt;
    for (const ExtensionOffer &offer : offers) {
        if (offer.name.compare(ExtensionName, Qt::CaseInsensitive) != 0)
            continue;
        QString why;
        const std::optional<DeflateParams> asked = readOffer(offer, &why);
        if (!asked) {
            if (declined)
                declined->append(why);
            continue;
        }
        DeflateParams p;
        p.serverNoContextTakeover =
            asked->serverNoContextTakeover || config.serverNoContextTakeover;
        p.clientNoContextTakeover =
            asked->clientNoContextTakeover || config.clientNoContextTakeover;
        p.serverMaxWindowBits = std::min(asked->serverMaxWindowBits, config.serverMaxWindowBits);
        // The client's window may be limited only when it offered the
        // parameter (§7.1.2.2); otherwise it compresses within 15 bits.
        if (asked->clientMaxWindowBitsSent && config.clientMaxWindowBits < 15) {
            p.clientMaxWindowBits =
                std::min(asked->clientMaxWindowBits, config.clientMaxWindowBits);
            p.clientMaxWindowBitsSent = true;
        } else {
            p.clientMaxWindowBits = asked->clientMaxWindowBits;
        }
        return p;
    }
    return std::nullopt;
}

QByteArray deflateClientOffer()
{
    return "permessage-deflate; client_max_window_bits"_ba;
}

std::optional<DeflateParams> readDeflateAnswer(const ExtensionOffer &answer, QString *error)
{
    if (answer.name.compare(ExtensionName, Qt::CaseInsensitive) != 0) {
        if (error)
            *error = tr("the server chose extension %1, which was not offered")
                         .arg(QString::fromLatin1(answer.name));
        return std::nullopt;
    }
    QString why;
    std::optional<DeflateParams> p = readParams(answer, true, &why);
    if (!p && error)
        *error = tr("the server's permessage-deflate answer is not valid: %1").arg(why);
    return p;
}

} // namespace closecall::protocol
