// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QHash>
#include <QStringList>

// The parsed command line of dampingi-ctl: `--name value` options, `--flag`s and positional
// words (the verb first). Unknown options are reported, not ignored.
class CtlOptions final
{
public:
    // `flags` are the option names that take no value.
    static CtlOptions parse(const QStringList &arguments, const QStringList &flags, QString *error);

    QStringList words;
    QHash<QString, QString> values;
    QStringList setFlags;

    QString value(const QString &name, const QString &fallback = {}) const
    {
        return values.value(name, fallback);
    }
    bool has(const QString &name) const { return values.contains(name) || setFlags.contains(name); }
    QString word(int i) const { return words.value(i); }
};

// A passphrase file holds the passphrase and at most a final line break: the one reading used by
// dampingi-ctl and dampingi-server alike, so what was stored unlocks. InvalidInput (field
// "passphrase-file") when it cannot be read.
Core::Result<QString> readSecretFile(const QString &path);
