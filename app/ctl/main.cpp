// SPDX-License-Identifier: GPL-3.0-or-later
// dampingi-ctl: the scriptable face of Dampingi (see `dampingi-ctl --help`).
#include "ctlcommands.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"dampingi-ctl"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(DAMPINGI_VERSION));

    // stderr carries the JSON error; informational logs only when asked for with
    // QT_LOGGING_RULES (which takes precedence over this default).
    QLoggingCategory::setFilterRules(u"dampingi.*.info=false"_s);

    QString error;
    CtlOptions options = CtlOptions::parse(
        QCoreApplication::arguments(),
        {u"training"_s, u"help"_s, u"version"_s, u"include-deleted"_s, u"all"_s, u"progress"_s}, &error);
    if (options.has(u"version"_s)) {
        std::fputs(qPrintable(u"dampingi-ctl " DAMPINGI_VERSION "\n"_s), stdout);
        return CtlCommands::Ok;
    }
    if (options.has(u"help"_s) || options.words.isEmpty()) {
        std::fputs(qPrintable(CtlCommands::usage()),
                   options.words.isEmpty() && !options.has(u"help"_s) ? stderr : stdout);
        return options.has(u"help"_s) ? CtlCommands::Ok : CtlCommands::Usage;
    }
    if (!error.isEmpty()) {
        std::fprintf(stderr, "dampingi-ctl: %s\n", qPrintable(error));
        return CtlCommands::Usage;
    }
    return CtlCommands(std::move(options)).run();
}
