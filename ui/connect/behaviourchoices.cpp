#include "behaviourchoices.h"

#include <QtCore/QCoreApplication>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BehaviourChoices)
};

} // namespace

QList<BehaviourChoice> behaviourChoices(BehaviourDimension dimension)
{
    switch (dimension) {
    case BehaviourDimension::Traffic:
        return {
            {Text::tr("Silent"), {}},
            {Text::tr("Echo what arrives"), u"traffic=echo"_s},
            {Text::tr("Text “msg 1”, “msg 2”, … every second"), u"traffic=text"_s},
            {Text::tr("Text every 100 ms"), u"traffic=text; every=100"_s},
            {Text::tr("Binary, 1 KiB every second"), u"traffic=binary"_s},
        };
    case BehaviourDimension::OnClose:
        return {
            {Text::tr("Answer at once"), {}},
            {Text::tr("Answer after 1 s"), u"on-close=delay"_s},
            {Text::tr("Answer after 5 s"), u"on-close=delay; delay=5000"_s},
            {Text::tr("Send 3 more messages, then answer"), u"on-close=send"_s},
            {Text::tr("Never answer (the server times out)"), u"on-close=never"_s},
            {Text::tr("Reset TCP (RST)"), u"on-close=reset"_s},
            {Text::tr("Close TCP without a Close (FIN)"), u"on-close=fin"_s},
        };
    case BehaviourDimension::CloseAfter:
        return {
            {Text::tr("Never: wait for the server"), {}},
            {Text::tr("Close after 2 s"), u"close-after=2000"_s},
            {Text::tr("Close after 10 s"), u"close-after=10000"_s},
            {Text::tr("Close Output after 2 s"), u"close-after=2000; close-mode=close_output"_s},
            {Text::tr("Close Output 1001 “going away” after 5 s"),
             u"close-after=5000; close-mode=close_output; close-code=1001; "
             "close-reason=going away"_s},
        };
    case BehaviourDimension::Count:
        break;
    }
    return {};
}

QString joinBehaviour(const QStringList &pieces)
{
    QStringList kept;
    for (const QString &piece : pieces) {
        if (!piece.trimmed().isEmpty())
            kept.append(piece.trimmed());
    }
    return kept.join(u"; "_s);
}

} // namespace closecall::ui
