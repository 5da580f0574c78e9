// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace Test {

// One run of dampingi-ctl: exit code, stdout, stderr.
struct CtlRun
{
    int exit = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const;
    QJsonArray array() const;
    // The "message" of the JSON error on stderr.
    QString message() const;
};

// One laptop for end-to-end tests: a caseworker profile (district 64.02, `login`) in a temporary
// folder, driven through the real dampingi-ctl binary (`program`, by default the one built here).
class CtlLaptop
{
public:
    explicit CtlLaptop(QString login);
    CtlLaptop(QString program, QString login);

    CtlRun run(const QStringList &args, const QByteArray &input = {});
    // run(), REQUIRing exit 0 (with the command and stderr in the failure message).
    CtlRun ok(const QStringList &args, const QByteArray &input = {});

    qint64 pending();
    QByteArray cases();
    QString file(const QString &name) const { return m_dir.filePath(name); }
    const QString &login() const { return m_login; }

private:
    QString m_program;
    QString m_login;
    QTemporaryDir m_dir;
};

} // namespace Test
