// SPDX-License-Identifier: GPL-3.0-or-later
#include "tests/support/ctllaptop.h"

#include "tests/support/fixtures.h"

#include <QJsonDocument>
#include <QProcess>

#include <utility>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace Test {

QJsonObject CtlRun::json() const
{
    return QJsonDocument::fromJson(out).object();
}

QJsonArray CtlRun::array() const
{
    return QJsonDocument::fromJson(out).array();
}

QString CtlRun::message() const
{
    return QJsonDocument::fromJson(err).object().value(u"error"_s).toObject().value(u"message"_s).toString();
}

CtlLaptop::CtlLaptop(QString login)
    : CtlLaptop(QStringLiteral(DAMPINGI_CTL), std::move(login))
{ }

CtlLaptop::CtlLaptop(QString program, QString login)
    : m_program(std::move(program))
    , m_login(std::move(login))
{
    REQUIRE(m_dir.isValid());
    ok({u"profile"_s, u"init"_s, u"--district"_s, u"64.02"_s, u"--user"_s, m_login, u"--role"_s,
        u"caseworker"_s, u"--kdf"_s, u"minimum"_s});
}

CtlRun CtlLaptop::run(const QStringList &args, const QByteArray &input)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DAMPINGI_PASSPHRASE"_s, passphrase);
    process.setProcessEnvironment(env);
    process.start(m_program, QStringList{u"--profile"_s, m_dir.filePath(u"p"_s)} + args);
    REQUIRE(process.waitForStarted());
    process.write(input);
    process.closeWriteChannel();
    REQUIRE(process.waitForFinished(120000));
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

CtlRun CtlLaptop::ok(const QStringList &args, const QByteArray &input)
{
    CtlRun r = run(args, input);
    INFO(m_login.toStdString() << " " << args.join(u' ').toStdString() << ": " << r.err.toStdString());
    REQUIRE(r.exit == 0);
    return r;
}

qint64 CtlLaptop::pending()
{
    return ok({u"sync"_s, u"status"_s}).json().value(u"pending_changes"_s).toInteger();
}

QByteArray CtlLaptop::cases()
{
    return ok({u"case"_s, u"list"_s}).out;
}

} // namespace Test
