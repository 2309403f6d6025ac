#include "sendpanel.h"

#include "protocol/refusal.h"

#include <QtCore/QSettings>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace closecall::ui {

namespace {

// RFC 6455 §5.5: a control frame's payload is at most 125 bytes.
constexpr qsizetype MaxPingBytes = 125;

QToolButton *actionButton(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace

SendPanel::SendPanel(QAction *send, QAction *ping, QWidget *parent)
    : QWidget(parent)
    , m_type(new QComboBox(this))
    , m_editor(new QPlainTextEdit(this))
    , m_size(new QLabel(this))
    , m_pingPayload(new QLineEdit(this))
    , m_result(new QLabel(this))
{
    m_type->setObjectName(u"messageTypeCombo"_s);
    m_type->addItem(tr("Text"), int(protocol::MessageType::Text));
    m_type->addItem(tr("Binary (hex)"), int(protocol::MessageType::Binary));

    m_editor->setObjectName(u"messageEditor"_s);
    m_editor->setTabChangesFocus(true);
    m_editor->setPlaceholderText(tr("The message to send (Ctrl+Return sends)"));
    m_editor->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_editor->setMinimumHeight(m_editor->fontMetrics().height() * 3);

    m_pingPayload->setObjectName(u"pingPayloadEdit"_s);
    m_pingPayload->setPlaceholderText(tr("Optional payload, at most 125 bytes"));
    m_pingPayload->setClearButtonEnabled(true);

    m_size->setObjectName(u"messageSizeLabel"_s);
    m_result->setObjectName(u"sendResultLabel"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *typeRow = new QHBoxLayout;
    auto *typeLabel = new QLabel(tr("&Message:"), this);
    typeLabel->setBuddy(m_editor);
    typeRow->addWidget(typeLabel);
    typeRow->addWidget(m_type);
    typeRow->addStretch(1);
    typeRow->addWidget(m_size);

    auto *sendRow = new QHBoxLayout;
    sendRow->addStretch(1);
    QToolButton *sendButton = actionButton(send, this);
    sendButton->setObjectName(u"sendButton"_s);
    sendRow->addWidget(sendButton);

    auto *pingRow = new QHBoxLayout;
    auto *pingLabel = new QLabel(tr("P&ing payload:"), this);
    pingLabel->setBuddy(m_pingPayload);
    pingRow->addWidget(pingLabel);
    pingRow->addWidget(m_pingPayload, 1);
    QToolButton *pingButton = actionButton(ping, this);
    pingButton->setObjectName(u"pingButton"_s);
    pingRow->addWidget(pingButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(typeRow);
    layout->addWidget(m_editor, 1);
    layout->addLayout(sendRow);
    layout->addLayout(pingRow);
    layout->addWidget(m_result);

    connect(m_type, &QComboBox::currentIndexChanged, this, &SendPanel::revalidate);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &SendPanel::revalidate);
    connect(m_pingPayload, &QLineEdit::textChanged, this, &SendPanel::revalidate);
    revalidate();
}

protocol::MessageType SendPanel::messageType() const
{
    return protocol::MessageType(m_type->currentData().toInt());
}

QByteArray SendPanel::payload() const
{
    return m_payload;
}

QByteArray SendPanel::pingPayload() const
{
    return m_pingPayload->text().toUtf8();
}

void SendPanel::setMessageType(protocol::MessageType type)
{
    m_type->setCurrentIndex(m_type->findData(int(type)));
}

void SendPanel::setText(const QString &text)
{
    m_editor->setPlainText(text);
}

void SendPanel::setPingText(const QString &text)
{
    m_pingPayload->setText(text);
}

QByteArray SendPanel::parseHex(const QString &text, QString *error)
{
    QByteArray out;
    out.reserve(text.size() / 2);
    int high = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isSpace() || c == u':' || c == u'-') {
            if (high >= 0) {
                *error = tr("hex: a lone digit before position %1; write bytes as pairs like "
                            "0a")
                             .arg(i + 1);
                return {};
            }
            continue;
        }
        const int v = hexValue(c);
        if (v < 0) {
            *error =
                tr("hex: \"%1\" at position %2 is not a hex digit (0-9, a-f)").arg(c).arg(i + 1);
            return {};
        }
        if (high < 0) {
            high = v;
        } else {
            out.append(char((high << 4) | v));
            high = -1;
        }
    }
    if (high >= 0) {
        *error = tr("hex: an odd number of digits; write bytes as pairs like 0a");
        return {};
    }
    error->clear();
    return out;
}

void SendPanel::revalidate()
{
    const QString text = m_editor->toPlainText();
    if (messageType() == protocol::MessageType::Binary) {
        m_payload = parseHex(text, &m_sendError);
        m_editor->setPlaceholderText(tr("Bytes as hex, e.g. 48 65 6c 6c 6f (Ctrl+Return sends)"));
    } else {
        m_payload = text.toUtf8();
        m_sendError.clear();
        m_editor->setPlaceholderText(tr("The message to send (Ctrl+Return sends)"));
    }
    m_size->setText(m_sendError.isEmpty() ? tr("%n byte(s)", nullptr, int(m_payload.size()))
                                          : QString());
    m_editor->setToolTip(m_sendError);

    const qsizetype pingBytes = m_pingPayload->text().toUtf8().size();
    // The words are the protocol's one wording of this refusal.
    m_pingError = pingBytes > MaxPingBytes
                      ? protocol::RefusalText::sentence(
                            protocol::Refused::withSize(protocol::Refusal::PingTooLarge, pingBytes))
                      : QString();
    m_pingPayload->setStyleSheet(m_pingError.isEmpty() ? QString()
                                                       : u"QLineEdit { color: #c62828; }"_s);
    m_pingPayload->setToolTip(m_pingError);

    if (!m_sendError.isEmpty())
        showResult(false, m_sendError);
    else if (!m_pingError.isEmpty())
        showResult(false, m_pingError);
    else
        m_result->clear();
    emit inputChanged();
}

void SendPanel::showResult(bool ok, const QString &text)
{
    m_result->setText(text);
    m_result->setStyleSheet(ok ? u"QLabel { color: #2e7d32; }"_s : u"QLabel { color: #c62828; }"_s);
}

void SendPanel::focusEditor()
{
    m_editor->setFocus(Qt::ShortcutFocusReason);
}

void SendPanel::loadSettings(const QSettings &settings)
{
    setMessageType(protocol::MessageType(settings.value(u"send/type"_s, 0).toInt()));
    setText(settings.value(u"send/text"_s).toString());
    setPingText(settings.value(u"send/ping"_s).toString());
}

void SendPanel::saveSettings(QSettings &settings) const
{
    settings.setValue(u"send/type"_s, int(messageType()));
    settings.setValue(u"send/text"_s, m_editor->toPlainText());
    settings.setValue(u"send/ping"_s, m_pingPayload->text());
}

} // namespace closecall::ui
