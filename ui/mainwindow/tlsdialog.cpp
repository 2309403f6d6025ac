#include "tlsdialog.h"

#include "files/filedialog.h"

#include <QtCore/QFileInfo>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

using namespace Qt::StringLiterals;

namespace closecall::ui {

TlsDialog::TlsDialog(QWidget *parent)
    : QDialog(parent)
    , m_cert(new QLineEdit(this))
    , m_key(new QLineEdit(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("TLS (wss://)"));
    m_cert->setObjectName(u"tlsCertEdit"_s);
    m_key->setObjectName(u"tlsKeyEdit"_s);
    m_cert->setPlaceholderText(tr("PEM certificate, e.g. server.crt"));
    m_key->setPlaceholderText(tr("PEM private key, e.g. server.key"));
    m_cert->setClearButtonEnabled(true);
    m_key->setClearButtonEnabled(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"QLabel { color: #c62828; }"_s);

    const auto fileRow = [this](QLineEdit *edit, const QString &title) {
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        auto *button = new QPushButton(tr("Browse…"), this);
        connect(button, &QPushButton::clicked, this, [this, edit, title] { browse(edit, title); });
        row->addWidget(button);
        return row;
    };

    auto *intro = new QLabel(tr("With a certificate and its key the server serves wss:// "
                                "instead of ws://. Leave both empty for plain ws://. The "
                                "change applies at the next Start."),
                             this);
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    auto *certLabel = new QLabel(tr("&Certificate:"), this);
    certLabel->setBuddy(m_cert);
    form->addRow(certLabel, fileRow(m_cert, tr("Choose the TLS certificate")));
    auto *keyLabel = new QLabel(tr("&Private key:"), this);
    keyLabel->setBuddy(m_key);
    form->addRow(keyLabel, fileRow(m_key, tr("Choose the TLS private key")));

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Reset, this);
    buttons->button(QDialogButtonBox::Reset)->setText(tr("Use plain ws://"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::Reset), &QPushButton::clicked, this, [this] {
        m_cert->clear();
        m_key->clear();
    });
    m_ok = buttons->button(QDialogButtonBox::Ok);
    connect(m_cert, &QLineEdit::textChanged, this, &TlsDialog::revalidate);
    connect(m_key, &QLineEdit::textChanged, this, &TlsDialog::revalidate);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    resize(520, sizeHint().height());
    revalidate();
}

QString TlsDialog::certificateFile() const
{
    return m_cert->text().trimmed();
}

QString TlsDialog::keyFile() const
{
    return m_key->text().trimmed();
}

void TlsDialog::setFiles(const QString &certificate, const QString &key)
{
    m_cert->setText(certificate);
    m_key->setText(key);
}

QString TlsDialog::problem() const
{
    const QString cert = certificateFile();
    const QString key = keyFile();
    if (cert.isEmpty() && key.isEmpty())
        return {};
    if (cert.isEmpty())
        return tr("A key without a certificate: choose the certificate too, or clear both.");
    if (key.isEmpty())
        return tr("A certificate without a key: choose the private key too, or clear both.");
    for (const QString &file : {cert, key}) {
        const QFileInfo info(file);
        if (!info.exists())
            return tr("%1 does not exist.").arg(file);
        if (!info.isReadable())
            return tr("%1 cannot be read (permissions).").arg(file);
    }
    return {};
}

void TlsDialog::browse(QLineEdit *edit, const QString &title)
{
    const QString start = edit->text().isEmpty() ? QString() : QFileInfo(edit->text()).path();
    const QString file = askOpenFileName(
        this, title, start, {tr("PEM files (*.pem *.crt *.cer *.key)"), tr("All files (*)")});
    if (!file.isEmpty())
        edit->setText(file);
}

void TlsDialog::revalidate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    if (m_ok)
        m_ok->setEnabled(why.isEmpty());
}

} // namespace closecall::ui
