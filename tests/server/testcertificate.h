#pragma once

// A self-signed certificate made at test time by the openssl CLI, shared by
// the wss:// tests (real TLS, real verification): by default for 127.0.0.1
// (CN localhost); another name to test the client's name check.

#include <QtCore/QFile>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QString>
#include <QtNetwork/QSslCertificate>
#include <QtNetwork/QSslConfiguration>
#include <QtNetwork/QSslKey>
#include <QtNetwork/QSslSocket>

namespace closecall::test {

struct TestCertificate
{
    QString certFile;
    QString keyFile;
    QString error;          // empty when made
    bool noOpenssl = false; // the openssl CLI is missing: the test skips

    // Writes cert.pem and key.pem into `dir`.
    static TestCertificate make(const QString &dir,
                                const QString &commonName = QStringLiteral("localhost"),
                                const QString &altName = QStringLiteral("IP:127.0.0.1"))
    {
        using namespace Qt::StringLiterals;
        TestCertificate c;
        if (QStandardPaths::findExecutable(u"openssl"_s).isEmpty()) {
            c.error = u"the openssl CLI is not installed"_s;
            c.noOpenssl = true;
            return c;
        }
        c.certFile = dir + u"/cert.pem"_s;
        c.keyFile = dir + u"/key.pem"_s;
        QProcess openssl;
        openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s,
                                     u"-subj"_s, u"/CN="_s + commonName, u"-days"_s, u"1"_s,
                                     u"-addext"_s, u"subjectAltName="_s + altName, u"-keyout"_s,
                                     c.keyFile, u"-out"_s, c.certFile});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            c.error =
                u"openssl req failed: "_s + QString::fromLocal8Bit(openssl.readAllStandardError());
        return c;
    }

    // A client configuration trusting only this certificate.
    QSslConfiguration clientConfig() const
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(certFile));
        return ssl;
    }

    // A server configuration as the engine builds it (EngineImpl::loadTls).
    QSslConfiguration serverConfig() const
    {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(QSslCertificate::fromPath(certFile));
        QFile f(keyFile);
        if (f.open(QIODevice::ReadOnly))
            ssl.setPrivateKey(QSslKey(&f, QSsl::Rsa));
        ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        return ssl;
    }
};

} // namespace closecall::test
