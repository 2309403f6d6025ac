#pragma once

#include "protocol/types.h"

#include <QtCore/QByteArray>
#include <QtWidgets/QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSettings;

// The send panel: a text message, or a binary one typed as
// hex, for the selected connections; and a Ping with a payload. The engine
// refuses what cannot be sent (e.g. after our Close) and the refusal is
// shown here, under the buttons.
namespace closecall::ui {

class SendPanel final : public QWidget
{
    Q_OBJECT

public:
    SendPanel(QAction *send, QAction *ping, QWidget *parent = nullptr);

    protocol::MessageType messageType() const;
    // The message's bytes (UTF-8 text, or the hex decoded); empty when
    // sendError() is not.
    QByteArray payload() const;
    QByteArray pingPayload() const;

    // Why the message / the Ping payload cannot be sent as typed; empty when it can.
    QString sendError() const { return m_sendError; }
    QString pingError() const { return m_pingError; }

    void setMessageType(protocol::MessageType type);
    void setText(const QString &text);
    void setPingText(const QString &text);

    // Shows a command's outcome under the buttons: green when done, red with
    // the engine's reason when refused.
    void showResult(bool ok, const QString &text);

    void focusEditor();

    void loadSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

    // "01 02 ff" -> bytes; whitespace, ':' and '-' between digit pairs are
    // ignored. On a bad digit or an odd count returns an empty array and
    // says why in `error`.
    static QByteArray parseHex(const QString &text, QString *error);

Q_SIGNALS:
    void inputChanged();

private:
    void revalidate();

    QComboBox *m_type;
    QPlainTextEdit *m_editor;
    QLabel *m_size;
    QLineEdit *m_pingPayload;
    QLabel *m_result;
    QString m_sendError;
    QString m_pingError;
    QByteArray m_payload;
};

} // namespace closecall::ui
