// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/testca.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>

using namespace Qt::StringLiterals;

namespace Test {

namespace {

const QStringList ecKey{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s};

} // namespace

TestCa::TestCa()
{
    if (!m_dir.isValid()) {
        m_error = u"no temporary folder"_s;
        return;
    }
    QFile ext(path(u"server.ext"));
    if (!ext.open(QIODevice::WriteOnly)
        || ext.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                     "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n")
               < 0) {
        m_error = u"cannot write server.ext"_s;
        return;
    }
    ext.close();

    const bool made = openssl(QStringList{u"req"_s, u"-x509"_s} + ecKey
                              + QStringList{u"-keyout"_s, path(u"ca.key"), u"-out"_s, caCert(), u"-days"_s,
                                            u"30"_s, u"-subj"_s, u"/CN=Dampingi Test District CA"_s,
                                            u"-addext"_s, u"basicConstraints=critical,CA:TRUE"_s,
                                            u"-addext"_s, u"keyUsage=critical,keyCertSign,cRLSign"_s})
                   && openssl(QStringList{u"req"_s} + ecKey
                              + QStringList{u"-keyout"_s, serverKey(), u"-out"_s, path(u"server.csr"),
                                            u"-subj"_s, u"/CN=127.0.0.1"_s})
                   && openssl({u"x509"_s, u"-req"_s, u"-in"_s, path(u"server.csr"), u"-CA"_s, caCert(),
                               u"-CAkey"_s, path(u"ca.key"), u"-CAcreateserial"_s, u"-out"_s,
                               path(u"server.crt"), u"-days"_s, u"30"_s, u"-extfile"_s, path(u"server.ext")})
                   && openssl(QStringList{u"req"_s, u"-x509"_s} + ecKey
                              + QStringList{u"-keyout"_s, otherKey(), u"-out"_s, otherCert(), u"-days"_s,
                                            u"30"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s,
                                            u"subjectAltName=IP:127.0.0.1"_s});
    if (!made)
        return;

    QFile leaf(path(u"server.crt"));
    QFile ca(caCert());
    QFile chain(serverChain());
    if (!leaf.open(QIODevice::ReadOnly) || !ca.open(QIODevice::ReadOnly) || !chain.open(QIODevice::WriteOnly)
        || chain.write(leaf.readAll() + ca.readAll()) < 0)
        m_error = u"cannot write the server chain"_s;
}

bool TestCa::openssl(const QStringList &args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"openssl"_s, args);
    if (!process.waitForStarted(10000)) {
        m_error = u"cannot run openssl: "_s + process.errorString();
        return false;
    }
    process.waitForFinished(60000);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = u"openssl %1 failed: %2"_s.arg(args.join(u' '), QString::fromLocal8Bit(process.readAll()));
        return false;
    }
    return true;
}

QByteArray TestCa::sha256OfPem(const QString &pemPath)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(pemPath, QSsl::Pem);
    if (certificates.isEmpty())
        return {};
    return QCryptographicHash::hash(certificates.constFirst().toDer(), QCryptographicHash::Sha256);
}

} // namespace Test
