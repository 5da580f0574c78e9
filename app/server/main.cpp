// SPDX-License-Identifier: GPL-3.0-or-later
// dampingi-server: the district sync server and its admin verbs (see `dampingi-server --help`).
#include "admincommands.h"
#include "serverexit.h"
#include "serverrun.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace {

QString usage()
{
    return u"Usage:\n"_s + ServerRun::usage() + u"\n"_s + AdminCommands::usage() + uR"(
Data (JSON) on stdout; errors as one JSON object on stderr; logs on stderr
(QT_LOGGING_RULES="dampingi.server.*=true" for more, "dampingi.server.http.info=false" for less).
Exit codes: 0 ok, 1 internal, 2 usage, 3 invalid input, 4 not found,
            5 locked (no office passphrase, or a wrong one), 6 storage,
            7 conflict (exists already), 8 cannot listen on the address,
            9 refused (a bundle from an unknown or revoked device, or not signed by it).
)"_s;
}

} // namespace

int main(int argc, char **argv)
{
    // Everything this process creates is its owner's alone: the store and its WAL, key files,
    // backups, bundle replies (DataDir also tightens what exists already).
    ::umask(077);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"dampingi-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(DAMPINGI_VERSION));

    QString error;
    CtlOptions options = CtlOptions::parse(
        QCoreApplication::arguments(), {u"help"_s, u"version"_s, u"allow-insecure"_s, u"force"_s}, &error);
    if (options.has(u"version"_s)) {
        std::fputs(qPrintable(u"dampingi-server " DAMPINGI_VERSION "\n"_s), stdout);
        return ServerExit::Ok;
    }
    if (options.has(u"help"_s)) {
        std::fputs(qPrintable(usage()), stdout);
        return ServerExit::Ok;
    }
    if (!error.isEmpty())
        return ServerExit::usageError(error);

    if (options.word(0) == u"admin"_s) {
        // Admin verbs print data; store logs only when asked for.
        QLoggingCategory::setFilterRules(u"dampingi.*.info=false"_s);
        return AdminCommands(std::move(options)).run();
    }
    if (!options.words.isEmpty()) {
        std::fputs(qPrintable(usage()), stderr);
        return ServerExit::usageError(u"unexpected \"%1\""_s.arg(options.word(0)));
    }
    qSetMessagePattern(u"%{time yyyy-MM-ddThh:mm:ss.zzz} %{category} %{type}: %{message}"_s);
    return ServerRun(std::move(options)).run();
}
