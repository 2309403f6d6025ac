#pragma once

#include <QtWidgets/QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

// The TLS settings: a PEM certificate (chain) and its private key. With
// both set the server serves wss://; the change applies at the next Start.
namespace closecall::ui {

class TlsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit TlsDialog(QWidget *parent = nullptr);

    QString certificateFile() const;
    QString keyFile() const;
    void setFiles(const QString &certificate, const QString &key);

    // Empty when the pair can be used (both empty = plain ws://, or both
    // readable files), else why not.
    QString problem() const;

private:
    void browse(QLineEdit *edit, const QString &title);
    void revalidate();

    QLineEdit *m_cert;
    QLineEdit *m_key;
    QLabel *m_problem;
    QPushButton *m_ok = nullptr;
};

} // namespace closecall::ui
