#pragma once

#include "protocol/closecodes.h"

#include <QtWidgets/QWidget>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSettings;
class QStringListModel;
class QToolButton;

// The close panel: what to send — a status code (every sendable registered
// code, Empty, or a custom code typed as text) and a description with a
// live UTF-8 byte counter — and the Close, Close Output and Abort buttons.
// A typed code is never clamped or replaced: what the box shows is what is
// sent, or the panel says why it cannot be sent and the buttons are off. The buttons show the main
// window's actions, so the panel, the menus, the context menu and the shortcuts enable and explain
// themselves the same way (ConnectionActions). Validation is the protocol
// registry's (checkOutgoingClose), its words RefusalText's; the panel only shows them.
namespace closecall::ui {

class ClosePanel final : public QWidget
{
    Q_OBJECT

public:
    ClosePanel(QAction *close, QAction *closeOutput, QAction *abort, QWidget *parent = nullptr);

    // What the operator chose.
    protocol::CloseCode code() const;
    QString reason() const;
    // Per-command timeouts; Close Output 0 = never.
    int closeTimeoutMs() const;
    int closeOutputTimeoutMs() const;

    // Empty when the code and description may be sent, else why not (the
    // registry's words: "reason is 131 bytes of UTF-8; the limit is 123").
    QString inputError() const { return m_inputError; }

    // Selects a code: a registered sendable one or Empty in the list, any
    // other number as a custom code (refused inline when it cannot be sent).
    void setCode(protocol::CloseCode code);
    void setReason(const QString &reason);
    void setTimeouts(int closeMs, int closeOutputMs);

    // The line under the buttons: what the buttons will act on, and in
    // manual-ack mode that Close / Close Output acknowledge the peer's Close.
    void setSelectionNote(const QString &text, bool acknowledges);

    // Shows a command's outcome under the buttons: green when done, red with
    // the engine's reason when refused.
    void showResult(bool ok, const QString &text);
    // Removes that line (the selection moved to other connections).
    void clearResult();
    QString resultText() const;

    // Remembers the code and reason after a close was sent (the recent
    // reasons are offered as completions).
    void rememberLastUsed();

    void loadSettings(const QSettings &settings);
    void saveSettings(QSettings &settings) const;

    // Focuses the description (the close menu's "Edit description").
    void focusReason();
    // Focuses the status code list (View ▸ Go to the Close Panel).
    void focusCode();

Q_SIGNALS:
    // The code, description or a timeout changed: the actions re-check.
    void inputChanged();

private:
    void onCodeChanged();
    void revalidate();
    // The custom box parsed by the registry; nullopt when it is not a code
    // (then m_inputError says why).
    std::optional<protocol::CloseCode> customCode(QString *error = nullptr) const;

    QComboBox *m_codes;
    QLineEdit *m_customCode;
    QLineEdit *m_reason;
    QLabel *m_counter;
    QLabel *m_problem;
    QDoubleSpinBox *m_closeTimeout;
    QDoubleSpinBox *m_closeOutputTimeout;
    QLabel *m_note;
    QLabel *m_result;
    QStringListModel *m_recentReasons;
    QString m_inputError;
};

} // namespace closecall::ui
