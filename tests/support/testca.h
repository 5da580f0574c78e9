// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace Test {

// A throwaway district CA made with the openssl CLI in a temporary folder: a CA, a server
// certificate for 127.0.0.1 (subjectAltName IP:127.0.0.1) signed by it, and an unrelated
// self-signed certificate for the same address (the "wrong server"). EC P-256, valid 30 days.
class TestCa final
{
public:
    TestCa();

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    QString caCert() const { return path(u"ca.crt"); }
    // The server's leaf followed by the CA: what --tls-cert and `device enroll --tls-cert` take.
    QString serverChain() const { return path(u"server-chain.crt"); }
    QString serverKey() const { return path(u"server.key"); }
    QString otherCert() const { return path(u"other.crt"); }
    QString otherKey() const { return path(u"other.key"); }

    // SHA-256 of the DER of a PEM file's first certificate.
    static QByteArray sha256OfPem(const QString &pemPath);

private:
    QString path(QStringView name) const { return m_dir.filePath(name.toString()); }
    bool openssl(const QStringList &args);

    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace Test
