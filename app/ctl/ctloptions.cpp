// SPDX-License-Identifier: GPL-3.0-or-later
#include "ctloptions.h"

#include <QFile>

using namespace Qt::StringLiterals;

CtlOptions CtlOptions::parse(const QStringList &arguments, const QStringList &flags, QString *error)
{
    CtlOptions options;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &arg = arguments.at(i);
        if (!arg.startsWith(u"--"_s) || arg == u"--") {
            options.words << arg;
            continue;
        }
        QString name = arg.mid(2);
        QString value;
        const qsizetype eq = name.indexOf(u'=');
        if (eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
            options.values.insert(name, value);
            continue;
        }
        if (flags.contains(name)) {
            options.setFlags << name;
            continue;
        }
        if (i + 1 >= arguments.size()) {
            *error = u"option --%1 needs a value"_s.arg(name);
            return options;
        }
        options.values.insert(name, arguments.at(++i));
    }
    return options;
}

Core::Result<QString> readSecretFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Core::invalidInput(Core::Error::Reason::None, u"passphrase-file"_s,
                                  u"cannot read the passphrase file"_s);
    QString text = QString::fromUtf8(file.readAll());
    while (text.endsWith(u'\n') || text.endsWith(u'\r'))
        text.chop(1);
    return text;
}
