// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QVariantHash>

namespace Core {

struct CaseDraft;
struct CaseFile;
struct CaseSummary;
struct EntityDef;
struct HistoryEntry;
struct Record;

// The JSON face of the domain, shared by dampingi-ctl, exports and (later) sync tooling.
// Field keys are the schema's field names; inputs are checked for shape here and for meaning
// by Validator.
namespace Json {

// Parses a JSON document, refusing invalid UTF-8 and anything but an object.
Result<QJsonObject> parseObject(QByteArrayView bytes);

QVariantHash toFields(const QJsonObject &object);
// {"people": [{"role": ..., "relationship": ..., "person": {...}, "person_id"?, "link_id"?}],
//  "risk": {...}, "status_reason": "...", ...case fields}
Result<CaseDraft> toCaseDraft(const QJsonObject &object);

QJsonObject fromRecord(const Record &record);
QJsonObject fromCaseFile(const CaseFile &file);
QJsonObject fromSummary(const CaseSummary &summary);
QJsonObject fromHistory(const HistoryEntry &entry);

} // namespace Json

} // namespace Core
