// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

namespace Core {

// How a field merges and whether it is stored encrypted. The store writes every field through
// one path (Action), so these kinds are the single place where the rules live.
enum class FieldKind {
    Plain, // aggregate-safe value (codes, dates, region codes); last writer wins per field
    Sensitive, // identifying or narrative: encrypted at rest, LWW per field
    Set, // multi-select of codes, stored as a JSON array; replicated as add/remove ops
    Safety, // risk level, do-not-contact: concurrent edits resolve to the most protective
    Status, // workflow status: only transitions allowed by Workflow are written
    ServerOnly, // assignment, registry number: set locally only at creation, later by the server
};

enum class ValueType {
    Text, // free text (length-limited)
    Code, // a code from `codeList`
    Region, // a Kemendagri region code
    Date, // ISO yyyy-MM-dd
    Time, // milliseconds since the epoch (UTC)
    Int,
    Bool,
    Json, // a JSON object/array (e.g. a GPS fix)
    Id, // the UUID of another record
    Nik, // 16-digit NIK, validated with NikValidator
};

struct FieldDef
{
    QString name; // also the column name and the JSON key
    FieldKind kind;
    ValueType type;
    QString codeList = {}; // for Code and Set
    int maxLength = 0; // for Text: characters; 0 = default limit
    bool required = false;
};

// One replicated entity: a table whose rows are written only through Action.
struct EntityDef
{
    QString name; // "case", "person", "visit", ...
    QString table;
    bool caseChild; // has a case_id column and belongs to one case
    QList<FieldDef> fields;

    const FieldDef *field(QStringView name) const;
};

namespace Schema {

const QList<EntityDef> &entities();
const EntityDef *entity(QStringView name);

// A field renamed by the local migration step `sinceVersion`: an op written under a schema
// version below it names the field `from`. The list is append-only, in step order.
struct FieldRename
{
    QString entity;
    QString from;
    QString to;
    int sinceVersion;
};

const QList<FieldRename> &renames();

// The current name of the field that an op written under `schemaVersion` calls `field`, through
// every later rename; `field` itself when it was never renamed (or is unknown). Every reader of
// an op's field (server validation, the laptop's merge, sealing) goes through this.
QString currentFieldName(QStringView entity, const QString &field, int schemaVersion);

// The largest text we accept in a single field, unless the field says otherwise.
constexpr int defaultTextLimit = 2000;
constexpr int narrativeLimit = 100000;

} // namespace Schema

} // namespace Core
