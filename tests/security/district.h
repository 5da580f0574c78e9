// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tests/security/hostilelaptop.h"
#include "tests/support/ctllaptop.h"
#include "tests/support/serverpeek.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testca.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <string>

namespace Test {

// The district every attack runs in: the real dampingi-server over TLS (a test CA) on SQLite or
// PostgreSQL, teams Tenggarong and Loa Kulu, caseworkers siti and budi (Tenggarong) and mallory
// (Loa Kulu), supervisor rina; and siti's honest laptop (the real dampingi-ctl) holding the
// victim's case she recorded and synced: a victim (person) with a NIK, do_not_contact set.
struct District
{
    explicit District(const std::string &backend);
    ~District();

    // `dampingi-server admin ...` on this district's store, REQUIRing exit 0.
    AdminRun admin(const QStringList &args);
    QString enrollmentCode(const QString &login);
    // A hostile laptop of `login`, enrolled through the real admin path and /v1/enroll.
    std::unique_ptr<HostileLaptop> hostile(const QString &login, const QString &siteId = {});
    // An honest laptop of `login` (dampingi-ctl), enrolled the same way.
    std::unique_ptr<CtlLaptop> honest(const QString &login);
    // The device id `admin device list` shows for a site.
    QString deviceOfSite(const QString &site);

    // What an attack must leave as it was: the server's ops on the victim's case and person
    // (and on `extraIds`), siti's replica of the case (`case show`, `history`, her conflicts about them) and
    // every file around her profile folder (the profile's own database files excepted).
    struct Snapshot
    {
        QStringList serverOps;
        QJsonObject shown;
        QJsonArray history;
        QJsonArray conflicts;
        QMap<QString, QByteArray> files;
    };
    // Of siti's laptop and the victim's case and person (and `extraIds` at the server); siti
    // syncs first, so what the server would hand her is in it.
    Snapshot snapshot(const QStringList &extraIds = {});
    // The same of another honest laptop and one of its cases.
    Snapshot snapshot(CtlLaptop &laptop, const QString &caseId, const QStringList &serverIds);
    // CHECKs siti's side against `before` (a new snapshot taken the same way).
    void expectUnchanged(const Snapshot &before, const QStringList &extraIds = {});
    void expectUnchanged(const Snapshot &before, const Snapshot &after);

    // Files under a laptop's folder (its profile's attachments included, its database and logs
    // not), path relative to the folder → SHA-256.
    static QMap<QString, QByteArray> filesAroundProfile(const CtlLaptop &laptop);
    static QString laptopFolder(const CtlLaptop &laptop);

    std::string backend;
    TestCa ca;
    QTemporaryDir data;
    QString url; // empty: SQLite
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<ServerPeek> peek;
    std::unique_ptr<CtlLaptop> siti;
    QString victimCase;
    QString victimPerson;
};

// The verdict reasons of a push, in op order ("accepted", "duplicate" or the rejection reason).
QStringList verdicts(const Answer<Sync::PushReply> &answer);

} // namespace Test
