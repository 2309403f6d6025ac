#include "peerbehaviour.h"

#include <QtCore/QList>
#include <QtCore/QStringList>

#include <algorithm>
#include <array>

namespace closecall::server {

using namespace protocol;
using namespace Qt::StringLiterals;

namespace {

// The grammar's keys, in the order toSpec() writes them (docs/headless.md
// "Peer behaviours").
enum Key : int {
    KeyTraffic,
    KeyEvery,
    KeySize,
    KeyOnClose,
    KeyDelay,
    KeySends,
    KeyCloseAfter,
    KeyCloseMode,
    KeyCloseCode,
    KeyCloseReason,
    KeyCount
};
constexpr std::array<QLatin1StringView, KeyCount> KeyNames = {
    "traffic"_L1, "every"_L1,       "size"_L1,       "on-close"_L1,   "delay"_L1,
    "sends"_L1,   "close-after"_L1, "close-mode"_L1, "close-code"_L1, "close-reason"_L1,
};

constexpr std::array<QLatin1StringView, 4> TrafficNames = {"silent"_L1, "echo"_L1, "text"_L1,
                                                           "binary"_L1};
constexpr std::array<QLatin1StringView, 6> OnCloseNames = {"answer"_L1, "delay"_L1, "send"_L1,
                                                           "never"_L1,  "reset"_L1, "fin"_L1};

int editDistance(QStringView a, QStringView b)
{
    QList<int> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] =
                std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

QString keyList()
{
    QStringList names;
    for (QLatin1StringView name : KeyNames)
        names.append(name);
    return names.join(u", "_s);
}

template<std::size_t N> QString choiceList(const std::array<QLatin1StringView, N> &names)
{
    QStringList list;
    for (QLatin1StringView name : names)
        list.append(name);
    return list.join(u", "_s);
}

// The index of `value` among `names` (case ignored), or -1.
template<std::size_t N>
int indexOf(const std::array<QLatin1StringView, N> &names, QStringView value)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (value.compare(names[i], Qt::CaseInsensitive) == 0)
            return int(i);
    }
    return -1;
}

QString codeText(CloseCode code)
{
    return code ? QString::number(*code) : u"empty"_s;
}

} // namespace

std::optional<PeerBehaviour> PeerBehaviour::parse(QStringView spec, QString *error)
{
    const auto fail = [error](const QString &why) -> std::optional<PeerBehaviour> {
        if (error)
            *error = why;
        return std::nullopt;
    };

    // Split into the pairs, every key at most once.
    std::array<std::optional<QString>, KeyCount> given;
    for (QStringView pair : spec.split(u';')) {
        pair = pair.trimmed();
        if (pair.isEmpty())
            continue; // "a=1;;b=2" and a trailing ';' are harmless
        const qsizetype equals = pair.indexOf(u'=');
        if (equals < 0)
            return fail(tr("behaviour: \"%1\" is not key=value").arg(pair.left(60)));
        const QString key = pair.left(equals).trimmed().toString().toLower();
        const QString value = pair.mid(equals + 1).trimmed().toString();
        const int k = indexOf(KeyNames, key);
        if (k < 0) {
            // A typo, or '_' for '-' (close_after): the nearest key.
            QString normalized = key;
            normalized.replace(u'_', u'-');
            int best = -1;
            int bestDistance = 3; // further than 2 edits is no suggestion
            for (int i = 0; i < KeyCount; ++i) {
                const int d = editDistance(normalized, QString(KeyNames[i]));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            if (key.isEmpty())
                return fail(
                    tr("behaviour: \"%1\" has no key; keys are %2").arg(pair.left(60), keyList()));
            if (best >= 0)
                return fail(tr("behaviour: unknown key \"%1\"; did you mean \"%2\"?")
                                .arg(key.left(40), KeyNames[best]));
            return fail(
                tr("behaviour: unknown key \"%1\"; keys are %2").arg(key.left(40), keyList()));
        }
        if (given[k])
            return fail(tr("behaviour: %1 is given twice").arg(KeyNames[k]));
        given[k] = value;
    }

    PeerBehaviour b;
    const auto number = [&](Key k, int min, int max, int *out) -> bool {
        const QString &value = *given[k];
        const bool digits =
            !value.isEmpty() &&
            std::all_of(value.begin(), value.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
        bool ok = false;
        const qint64 n = digits ? value.toLongLong(&ok) : 0;
        if (!digits || !ok) {
            fail(tr("behaviour: %1=%2 is not a whole number; give %3 to %4")
                     .arg(KeyNames[k], value.left(40))
                     .arg(min)
                     .arg(max));
            return false;
        }
        if (n < min || n > max) {
            fail(tr("behaviour: %1=%2 is out of range; give %3 to %4")
                     .arg(KeyNames[k], value.left(40))
                     .arg(min)
                     .arg(max));
            return false;
        }
        *out = int(n);
        return true;
    };
    const auto notApplicable = [&](Key k, const QString &needs) {
        return fail(tr("behaviour: %1 applies only with %2").arg(KeyNames[k], needs));
    };

    if (given[KeyTraffic]) {
        const int i = indexOf(TrafficNames, *given[KeyTraffic]);
        if (i < 0)
            return fail(tr("behaviour: traffic=%1 is not one of %2")
                            .arg(given[KeyTraffic]->left(40), choiceList(TrafficNames)));
        b.traffic = PeerBehaviour::Traffic(i);
    }
    if (given[KeyEvery]) {
        if (b.traffic != Traffic::Text && b.traffic != Traffic::Binary)
            return notApplicable(KeyEvery, u"traffic=text or traffic=binary"_s);
        if (!number(KeyEvery, MinEveryMs, MaxMs, &b.everyMs))
            return std::nullopt;
    }
    if (given[KeySize]) {
        if (b.traffic != Traffic::Binary)
            return notApplicable(KeySize, u"traffic=binary"_s);
        if (!number(KeySize, MinSize, MaxSize, &b.size))
            return std::nullopt;
    }
    if (given[KeyOnClose]) {
        const int i = indexOf(OnCloseNames, *given[KeyOnClose]);
        if (i < 0)
            return fail(tr("behaviour: on-close=%1 is not one of %2")
                            .arg(given[KeyOnClose]->left(40), choiceList(OnCloseNames)));
        b.onClose = PeerBehaviour::OnClose(i);
    }
    if (given[KeyDelay]) {
        if (b.onClose != OnClose::Delay)
            return notApplicable(KeyDelay, u"on-close=delay"_s);
        if (!number(KeyDelay, MinDelayMs, MaxMs, &b.delayMs))
            return std::nullopt;
    }
    if (given[KeySends]) {
        if (b.onClose != OnClose::Send)
            return notApplicable(KeySends, u"on-close=send"_s);
        if (!number(KeySends, MinSends, MaxSends, &b.sends))
            return std::nullopt;
    }
    if (given[KeyCloseAfter]) {
        int ms = 0;
        if (!number(KeyCloseAfter, 0, MaxMs, &ms))
            return std::nullopt;
        b.closeAfterMs = ms;
    }
    for (Key k : {KeyCloseMode, KeyCloseCode, KeyCloseReason}) {
        if (given[k] && !b.closeAfterMs)
            return notApplicable(k, u"close-after"_s);
    }
    if (given[KeyCloseMode]) {
        const QString &mode = *given[KeyCloseMode];
        if (mode.compare(u"close"_s, Qt::CaseInsensitive) == 0)
            b.closeMode = CloseMode::Close;
        else if (mode.compare(u"close_output"_s, Qt::CaseInsensitive) == 0 ||
                 mode.compare(u"close-output"_s, Qt::CaseInsensitive) == 0)
            b.closeMode = CloseMode::CloseOutput;
        else
            return fail(tr("behaviour: close-mode=%1 is not one of close, close_output")
                            .arg(mode.left(40)));
    }
    if (given[KeyCloseCode]) {
        QString why;
        const std::optional<CloseCode> code = parseCloseCode(*given[KeyCloseCode], &why);
        if (!code)
            return fail(tr("behaviour: close-code: %1").arg(why));
        b.closeCode = *code;
    }
    if (given[KeyCloseReason])
        b.closeReason = *given[KeyCloseReason];
    if (b.closeAfterMs) {
        // The same rules as an operator's Close [R10]: a code that may be
        // sent, a reason of at most 123 bytes, no reason without a code.
        if (const Refused why = checkOutgoingClose(b.closeCode, b.closeReason)) {
            const QString sentence = RefusalText::sentence(why);
            if (why.refusal == Refusal::CodeNotSendable)
                return fail(
                    tr("behaviour: close-code=%1: %2").arg(codeText(b.closeCode), sentence));
            return fail(tr("behaviour: close-reason: %1").arg(sentence));
        }
    }
    return b;
}

QString PeerBehaviour::toSpec() const
{
    const PeerBehaviour defaults;
    QStringList pairs;
    const auto add = [&pairs](Key k, const QString &value) {
        pairs.append(KeyNames[k] + u'=' + value);
    };
    if (traffic != defaults.traffic)
        add(KeyTraffic, TrafficNames[std::size_t(traffic)]);
    if ((traffic == Traffic::Text || traffic == Traffic::Binary) && everyMs != defaults.everyMs)
        add(KeyEvery, QString::number(everyMs));
    if (traffic == Traffic::Binary && size != defaults.size)
        add(KeySize, QString::number(size));
    if (onClose != defaults.onClose)
        add(KeyOnClose, OnCloseNames[std::size_t(onClose)]);
    if (onClose == OnClose::Delay && delayMs != defaults.delayMs)
        add(KeyDelay, QString::number(delayMs));
    if (onClose == OnClose::Send && sends != defaults.sends)
        add(KeySends, QString::number(sends));
    if (closeAfterMs) {
        add(KeyCloseAfter, QString::number(*closeAfterMs));
        if (closeMode != defaults.closeMode)
            add(KeyCloseMode, closeModeName(closeMode));
        if (closeCode != defaults.closeCode)
            add(KeyCloseCode, codeText(closeCode));
        if (!closeReason.isEmpty())
            add(KeyCloseReason, closeReason);
    }
    return pairs.join(u"; "_s);
}

} // namespace closecall::server
