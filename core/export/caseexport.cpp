// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/export/caseexport.h"

#include "core/cases/caserepository.h"
#include "core/domain/json.h"

#include <QIODevice>
#include <QJsonDocument>

#include <limits>

using namespace Qt::StringLiterals;

namespace Core {

CaseExport::CaseExport(CaseRepository &cases)
    : m_cases(cases)
{ }

Result<qint64> CaseExport::writeAll(QIODevice &out)
{
    CaseFilter everyCase;
    everyCase.limit = std::numeric_limits<int>::max();
    const Result<QList<CaseSummary>> rows = m_cases.list(everyCase);
    if (!rows)
        return rows.error();
    const auto put = [&out](const QByteArray &bytes) { return out.write(bytes) == bytes.size(); };
    const auto writeFailed = [&out] {
        return Error{Error::Code::StoreUnavailable, u"cannot write the export: %1"_s.arg(out.errorString())};
    };
    if (!put(QByteArray("{\"format\":\"") + Format + "\",\"cases\":[\n"))
        return writeFailed();
    bool first = true;
    for (const CaseSummary &row : *rows) {
        const Result<CaseFile> file = m_cases.load(row.id);
        if (!file)
            return file.error();
        const QByteArray separator = first ? QByteArray() : QByteArray(",\n");
        if (!put(separator + QJsonDocument(Json::fromCaseFile(*file)).toJson(QJsonDocument::Compact)))
            return writeFailed();
        first = false;
    }
    if (!put("\n]}\n"))
        return writeFailed();
    return qint64(rows->size());
}

} // namespace Core
