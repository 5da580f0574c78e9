// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/sql/migrations.h"

#include "core/logging.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Core::Migrations {

namespace {

// Step 1: the first shipped schema. Frozen: later changes are new steps.
// Sensitive columns are BLOBs of FieldCipher output; nothing identifying is stored plain.
// Every replicated table has the same housekeeping columns (id, created_at, created_by,
// updated_at, deleted) so Action can write any of them through one path.
const char16_t *const step1[] = {
    uR"(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID)",
    uR"(CREATE TABLE users (
        login TEXT PRIMARY KEY, role TEXT NOT NULL, salt BLOB NOT NULL,
        ops_limit INTEGER NOT NULL, mem_limit INTEGER NOT NULL, sealed_key BLOB NOT NULL,
        created_at INTEGER NOT NULL) WITHOUT ROWID)",
    uR"(CREATE TABLE cases (
        id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        number TEXT, registry_number TEXT, district_code TEXT, intake_channel TEXT,
        reported_on TEXT, incident_on TEXT, incident_region TEXT, region_decree TEXT,
        incident_scene TEXT, incident_place BLOB, violence_types TEXT, typing TEXT,
        narrative BLOB, status TEXT, risk_level TEXT, do_not_contact INTEGER,
        assigned_user TEXT, assigned_team TEXT))",
    uR"(CREATE UNIQUE INDEX cases_number ON cases(number))",
    uR"(CREATE TABLE persons (
        id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        name BLOB, nik BLOB, sex TEXT, birth_date BLOB, birth_year INTEGER, age_estimate INTEGER,
        disability TEXT, disability_note BLOB, education TEXT, occupation TEXT,
        marital_status TEXT, address_region TEXT, address_text BLOB, phone BLOB, merged_into TEXT))",
    uR"(CREATE TABLE case_persons (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        person_id TEXT REFERENCES persons(id), role TEXT, relationship TEXT,
        victim_person_id TEXT, notes BLOB))",
    uR"(CREATE INDEX case_persons_case ON case_persons(case_id))",
    uR"(CREATE INDEX case_persons_person ON case_persons(person_id))",
    uR"(CREATE TABLE visits (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        visited_at INTEGER, region_code TEXT, place_text BLOB, location BLOB,
        location_source TEXT, participants BLOB, purpose TEXT, notes BLOB, next_steps BLOB))",
    uR"(CREATE INDEX visits_case ON visits(case_id))",
    uR"(CREATE TABLE services (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        service_type TEXT, provider TEXT, status TEXT, referred_on TEXT, accepted_on TEXT,
        completed_on TEXT, outcome BLOB, notes BLOB))",
    uR"(CREATE INDEX services_case ON services(case_id))",
    uR"(CREATE TABLE risk_assessments (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        assessed_at INTEGER, level TEXT, factors BLOB, safety_plan BLOB))",
    uR"(CREATE INDEX risk_assessments_case ON risk_assessments(case_id))",
    uR"(CREATE TABLE plan_items (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        service_type TEXT, description BLOB, due_on TEXT, status TEXT))",
    uR"(CREATE INDEX plan_items_case ON plan_items(case_id))",
    uR"(CREATE TABLE followups (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        due_on TEXT, status TEXT, assigned_user TEXT, description BLOB, done_at INTEGER))",
    uR"(CREATE INDEX followups_case ON followups(case_id))",
    uR"(CREATE INDEX followups_due ON followups(due_on) WHERE status = 'open')",
    uR"(CREATE TABLE notes (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        written_at INTEGER, body BLOB))",
    uR"(CREATE INDEX notes_case ON notes(case_id))",
    uR"(CREATE TABLE attachments (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        file_name BLOB, mime_type TEXT, size_bytes INTEGER, description BLOB))",
    uR"(CREATE INDEX attachments_case ON attachments(case_id))",
    uR"(CREATE TABLE status_changes (
        id TEXT PRIMARY KEY, case_id TEXT NOT NULL REFERENCES cases(id),
        created_at INTEGER NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
        from_status TEXT, to_status TEXT, changed_at INTEGER, reason BLOB))",
    uR"(CREATE INDEX status_changes_case ON status_changes(case_id))",
    // The change log: one row per field change, the outbox of sync. (site_id, site_seq) is the
    // idempotency key; value is FieldCipher output (NULL for a cleared field).
    uR"(CREATE TABLE change_ops (
        site_id TEXT NOT NULL, site_seq INTEGER NOT NULL, txn_id TEXT NOT NULL,
        entity TEXT NOT NULL, entity_id TEXT NOT NULL, case_id TEXT, field TEXT NOT NULL,
        op TEXT NOT NULL, value BLOB, hlc INTEGER NOT NULL, author TEXT NOT NULL,
        base INTEGER NOT NULL, schema_version INTEGER NOT NULL,
        PRIMARY KEY (site_id, site_seq)) WITHOUT ROWID)",
    uR"(CREATE INDEX change_ops_case ON change_ops(case_id, hlc))",
    // Per-field clocks: the stamp of the write that produced each field's current value.
    uR"(CREATE TABLE field_clocks (
        entity TEXT NOT NULL, entity_id TEXT NOT NULL, field TEXT NOT NULL,
        hlc INTEGER NOT NULL, site_id TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id, field)) WITHOUT ROWID)",
};

// Step 2: per-field clocks move from a table of their own (one row per field written, about
// 45 rows for an intake) into a `clocks` column of each row (see FieldClocks), so an action
// writes no extra rows for them. Existing clocks are carried over.
const char16_t *const step2[] = {
    uR"(ALTER TABLE cases ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(ALTER TABLE persons ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(ALTER TABLE case_persons ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(ALTER TABLE visits ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(ALTER TABLE services ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(ALTER TABLE risk_assessments ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(ALTER TABLE plan_items ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(ALTER TABLE followups ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(ALTER TABLE notes ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(ALTER TABLE attachments ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(ALTER TABLE status_changes ADD COLUMN clocks TEXT NOT NULL DEFAULT '')",
    uR"(UPDATE cases SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'case' AND entity_id = cases.id), ''))",
    uR"(UPDATE persons SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'person' AND entity_id = persons.id), ''))",
    uR"(UPDATE case_persons SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'case_person' AND entity_id = case_persons.id), ''))",
    uR"(UPDATE visits SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'visit' AND entity_id = visits.id), ''))",
    uR"(UPDATE services SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'service' AND entity_id = services.id), ''))",
    uR"(UPDATE risk_assessments SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'risk_assessment' AND entity_id = risk_assessments.id), ''))",
    uR"(UPDATE plan_items SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'plan_item' AND entity_id = plan_items.id), ''))",
    uR"(UPDATE followups SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'followup' AND entity_id = followups.id), ''))",
    uR"(UPDATE notes SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'note' AND entity_id = notes.id), ''))",
    uR"(UPDATE attachments SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'attachment' AND entity_id = attachments.id), ''))",
    uR"(UPDATE status_changes SET clocks = COALESCE((SELECT group_concat(field || '=' || hlc || '@' || site_id, ';')
        FROM field_clocks WHERE entity = 'status_change' AND entity_id = status_changes.id), ''))",
    uR"(DROP TABLE field_clocks)",
};

// Step 3: lists of recent cases sort by updated_at; without an index every list scanned and
// sorted all cases (tens of ms per keystroke at 50k cases).
const char16_t *const step3[] = {
    uR"(CREATE INDEX cases_updated ON cases(updated_at))",
};

// Step 4: drafts of unfinished forms (an intake interrupted by a flat battery), local to this
// laptop, never replicated, sealed like every other sensitive value.
const char16_t *const step4[] = {
    uR"(CREATE TABLE drafts (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, created_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL, sealed BLOB NOT NULL) WITHOUT ROWID)",
};

// Step 5: sync. Conflicts are kept, never dropped: concurrent values of a field, safety fields
// held at the most protective value, concurrent status changes, ops the server refused and ops
// that could not be applied. Values are sealed (associated data: conflict id and side). The
// index finds the op behind a field's current value (its `base` decides concurrency).
const char16_t *const step5[] = {
    uR"(CREATE TABLE conflicts (
        id TEXT PRIMARY KEY, kind TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
        case_id TEXT, field TEXT NOT NULL,
        winner_site TEXT, winner_hlc INTEGER NOT NULL DEFAULT 0, winner_author TEXT, winner_value BLOB,
        loser_site TEXT NOT NULL, loser_hlc INTEGER NOT NULL, loser_author TEXT, loser_value BLOB,
        detail TEXT, detected_at INTEGER NOT NULL, resolved_at INTEGER, resolved_by TEXT, resolution TEXT,
        UNIQUE (entity_id, field, kind, loser_site, loser_hlc)))",
    uR"(CREATE INDEX conflicts_case ON conflicts(case_id))",
    uR"(CREATE INDEX change_ops_entity ON change_ops(entity_id, field))",
};

// Step 6: local case numbers are unique per device, not per database: two copies of a cloned
// laptop number from the same prefix until one of them learns it is a copy. A replica must hold
// both of their cases (the server's registry number is the unique one), so the index is plain.
const char16_t *const step6[] = {
    uR"(DROP INDEX cases_number)",
    uR"(CREATE INDEX cases_number ON cases(number))",
};

// Step 7: person merge. The people merged into someone are found by `merged_into` (every case
// load resolves its people through their merges).
const char16_t *const step7[] = {
    uR"(CREATE INDEX persons_merged ON persons(merged_into) WHERE merged_into IS NOT NULL)",
};

// Step 8: attachment contents in sync. A row per attachment whose content the server holds
// (sent from here, or received from it), so neither is transferred again.
const char16_t *const step8[] = {
    uR"(CREATE TABLE blob_sync (attachment_id TEXT PRIMARY KEY, state TEXT NOT NULL) WITHOUT ROWID)",
};

// Step 9: the caseworker's desk completed (issue 11). When the report was received (the
// response clock starts there), the address to dusun and RT, whether a perpetrator still has
// access to the victim, a guardian's consent (on the guardian's case_person row), and the
// structured risk instrument (its version, the answers, the level it suggested and why the
// caseworker chose another).
const char16_t *const step9[] = {
    uR"(ALTER TABLE cases ADD COLUMN received_at INTEGER)",
    uR"(ALTER TABLE persons ADD COLUMN address_hamlet BLOB)",
    uR"(ALTER TABLE persons ADD COLUMN address_rt BLOB)",
    uR"(ALTER TABLE case_persons ADD COLUMN has_access INTEGER)",
    uR"(ALTER TABLE case_persons ADD COLUMN consent TEXT)",
    uR"(ALTER TABLE case_persons ADD COLUMN consent_on TEXT)",
    uR"(ALTER TABLE case_persons ADD COLUMN consent_method TEXT)",
    uR"(ALTER TABLE risk_assessments ADD COLUMN instrument TEXT)",
    uR"(ALTER TABLE risk_assessments ADD COLUMN answers BLOB)",
    uR"(ALTER TABLE risk_assessments ADD COLUMN suggested_level TEXT)",
    uR"(ALTER TABLE risk_assessments ADD COLUMN override_reason BLOB)",
};

struct Step
{
    const char16_t *const *statements;
    std::size_t count;
};

template <std::size_t N> constexpr Step step(const char16_t *const (&statements)[N])
{
    return {statements, N};
}

const Step steps[] = {step(step1), step(step2), step(step3), step(step4), step(step5),
                      step(step6), step(step7), step(step8), step(step9)};

Status exec(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return Error{Error::Code::MigrationFailed, query.lastError().text()};
    return {};
}

// After a failed step. SQLite may have rolled back on its own (a full disk); if this fails too the
// connection is closed by the caller and the step's work is discarded with it, so it is logged.
void rollbackStep(QSqlDatabase &db)
{
    if (Status s = exec(db, u"ROLLBACK"_s); !s)
        qCWarning(lcStore) << "rolling back a failed migration step:" << s.error().detail;
}

} // namespace

int latestVersion()
{
    return int(std::size(steps));
}

Result<int> currentVersion(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (!query.exec(u"PRAGMA user_version"_s) || !query.next())
        return Error{Error::Code::StoreUnavailable, query.lastError().text()};
    return query.value(0).toInt();
}

Status migrateTo(QSqlDatabase &db, int target)
{
    const Result<int> current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latestVersion()) {
        return Error{
            Error::Code::SchemaTooNew,
            u"database schema %1 is newer than this build (%2)"_s.arg(*current).arg(latestVersion())};
    }
    target = std::min(target, latestVersion());
    for (int version = *current + 1; version <= target; ++version) {
        // Each step is one transaction together with its user_version bump: a crash leaves
        // the database at the previous version, never half-way.
        if (Status s = exec(db, u"BEGIN IMMEDIATE"_s); !s)
            return s;
        const Step &st = steps[version - 1];
        for (std::size_t i = 0; i < st.count; ++i) {
            if (Status s = exec(db, QString::fromUtf16(st.statements[i])); !s) {
                rollbackStep(db);
                return Error{Error::Code::MigrationFailed,
                             u"step %1: %2"_s.arg(version).arg(s.error().detail)};
            }
        }
        if (Status s = exec(db, u"PRAGMA user_version = %1"_s.arg(version)); !s) {
            rollbackStep(db);
            return s;
        }
        if (Status s = exec(db, u"COMMIT"_s); !s) {
            rollbackStep(db);
            return s;
        }
        qCInfo(lcStore) << "migrated schema to version" << version;
    }
    return {};
}

Status migrate(QSqlDatabase &db)
{
    return migrateTo(db, latestVersion());
}

} // namespace Core::Migrations
