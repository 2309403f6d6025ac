#pragma once

#include "control/command.h"

#include <QtWidgets/QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSettings;
class QSpinBox;

// Connection ▸ Connect…: opens outgoing connections, CloseCall in the client
// role (docs/headless.md "Outgoing connections"). The fields are the
// `connect` command's; the behaviour menus build the peer behaviour spec.
// Connect checks the fields with the command parser (the rules a script's
// `connect` meets) and asks for the command; the dialog stays open until
// its result comes, so an error is shown here, beside what caused it.
namespace closecall::ui {

class ConnectDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    // The running server's own URL ("ws://127.0.0.1:9001"), offered first
    // and filled in; empty when it is not listening.
    void setOwnServerUrl(const QString &serverUrl);

    void restoreSettings(const QSettings &settings);
    // The fields as they are, and the URL among the recent ones.
    void saveSettings(QSettings &settings) const;

    // The `connect` command the fields make, or nullopt and why not.
    std::optional<control::Command> command(QString *error) const;

    // The answer to the command connectRequested() asked for: closes the
    // dialog when it was carried out, shows the error otherwise.
    void showResult(bool ok, const QString &error);
    // Says why nothing was sent (e.g. the server is not running).
    void showError(const QString &error);

    QString urlText() const;

Q_SIGNALS:
    void connectRequested(const closecall::control::Command &command);

private:
    void tryConnect();
    void rebuildBehaviour();
    void updateInsecure();
    void setMessage(const QString &text, bool error);

    QComboBox *m_url;
    QSpinBox *m_count;
    QLineEdit *m_subprotocols;
    QPlainTextEdit *m_headers;
    QComboBox *m_traffic;
    QComboBox *m_onClose;
    QComboBox *m_closeAfter;
    QLineEdit *m_behaviour;
    QCheckBox *m_insecure;
    QLabel *m_message;
    QPushButton *m_connect = nullptr;
    QStringList m_recentUrls;
    QString m_ownUrl;
};

} // namespace closecall::ui
