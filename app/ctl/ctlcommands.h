// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"
#include "ctloptions.h"

#include <QJsonValue>

#include <memory>

namespace Core {
class CodeLists;
class Profile;
class RegionIndex;
class Session;
class SystemClock;
} // namespace Core

namespace Sync {
class HttpTransport;
}

// The verbs of dampingi-ctl: JSON in on stdin, JSON out on stdout, errors as JSON on stderr
// with an exit code per kind. Every verb goes through the same core objects the desktop app
// uses (Session), so scripts and tests exercise the real thing.
class CtlCommands final
{
public:
    enum Exit {
        Ok = 0,
        Internal = 1,
        Usage = 2,
        Validation = 3,
        NotFound = 4,
        Locked = 5,
        Storage = 6,
        Conflict = 7,
        Unreachable = 8,
        Refused = 9
    };

    explicit CtlCommands(CtlOptions options);
    ~CtlCommands();

    int run();
    static QString usage();

private:
    using Handler = int (CtlCommands::*)();

    int fail(const Core::Error &error);
    int usageError(const QString &message);
    int print(const QJsonValue &value);
    Core::Result<QByteArray> readStdin();
    Core::Result<QJsonObject> readJsonObject();
    Core::Result<QString> passphrase();
    Core::Status loadReference();
    Core::Status openSession();
    Core::Result<QString> caseArgument(int index);

    int profileInit();
    int profileInfo();
    int userAdd();
    int caseNew();
    int caseUpdate();
    int caseShow();
    int caseList();
    int caseDelete();
    int personMerge();
    int activityAdd(const QString &entity);
    int activityUpdate(const QString &entity);
    int attach();
    int attachmentGet();
    int history();
    int demo();
    int exportAll();
    int nikCheck();
    int regionSearch();
    int syncEnroll();
    int syncNow();
    int syncStatus();
    int syncHistory();
    int bundleExport();
    int bundleImport();
    int conflictsList();
    int conflictsShow();
    int conflictsResolve();
    std::unique_ptr<Sync::HttpTransport> transportFor(const QString &serverUrl, const QByteArray &pin);

    CtlOptions m_options;
    std::unique_ptr<Core::SystemClock> m_clock;
    std::unique_ptr<Core::CodeLists> m_codes;
    std::unique_ptr<Core::RegionIndex> m_regions;
    std::unique_ptr<Core::Profile> m_profile;
    std::unique_ptr<Core::Session> m_session;
};
