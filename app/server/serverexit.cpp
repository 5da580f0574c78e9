// SPDX-License-Identifier: GPL-3.0-or-later
#include "serverexit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace Qt::StringLiterals;
using Core::Error;

namespace ServerExit {

namespace {

Code exitFor(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidInput:
        return Validation;
    case Error::Code::NotFound:
        return NotFound;
    case Error::Code::Locked:
        return Locked;
    case Error::Code::StoreUnavailable:
    case Error::Code::SchemaTooNew:
    case Error::Code::MigrationFailed:
    case Error::Code::Corrupt:
        return Storage;
    case Error::Code::Conflict:
        return Conflict;
    case Error::Code::Refused:
        return Refused;
    default:
        return Internal;
    }
}

QString kindName(Code exit)
{
    switch (exit) {
    case Usage:
        return u"usage"_s;
    case Validation:
        return u"validation"_s;
    case NotFound:
        return u"not_found"_s;
    case Locked:
        return u"locked"_s;
    case Storage:
        return u"storage"_s;
    case Conflict:
        return u"conflict"_s;
    case Listen:
        return u"listen"_s;
    case Refused:
        return u"refused"_s;
    default:
        return u"internal"_s;
    }
}

void writeOut(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

int writeError(Code exit, const QString &message, const QString &field = {})
{
    QJsonObject body{{u"kind"_s, kindName(exit)}, {u"message"_s, message}};
    if (!field.isEmpty())
        body.insert(u"field"_s, field);
    writeOut(stderr, QJsonDocument(QJsonObject{{u"error"_s, body}}).toJson(QJsonDocument::Compact) + '\n');
    return exit;
}

} // namespace

int fail(const Error &error)
{
    return writeError(exitFor(error.code), error.detail, error.field);
}

int usageError(const QString &message)
{
    return writeError(Usage, message);
}

int print(const QJsonValue &value)
{
    const QJsonDocument document
        = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    writeOut(stdout, document.toJson(QJsonDocument::Indented));
    return Ok;
}

} // namespace ServerExit
