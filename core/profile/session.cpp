// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/profile/session.h"

#include "core/cases/activityrepository.h"
#include "core/cases/attachmentstore.h"
#include "core/cases/caserepository.h"
#include "core/cases/casesubject.h"
#include "core/cases/draftstore.h"
#include "core/cases/personmerge.h"
#include "core/cases/recordreader.h"
#include "core/cases/worklist.h"
#include "core/changelog/changelog.h"
#include "core/changelog/historyreader.h"
#include "core/changelog/schema.h"
#include "core/changelog/valuecodec.h"
#include "core/clock/clock.h"
#include "core/codes/codelists.h"
#include "core/domain/permissions.h"
#include "core/domain/riskinstrument.h"
#include "core/domain/validator.h"
#include "core/logging.h"
#include "core/profile/profile.h"
#include "core/regions/regionindex.h"
#include "core/replication/replicator.h"
#include "core/search/searchindex.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace Core {

namespace {

void addPlace(SearchDocument &doc, const RegionIndex &regions, const QString &code)
{
    if (code.isEmpty())
        return;
    if (const std::optional<Region> region = regions.find(code)) {
        doc.places << region->name;
        // The kecamatan too: caseworkers think in kecamatan as often as in villages.
        if (const std::optional<Region> parent = regions.find(RegionIndex::parentCode(code)))
            doc.places << parent->name;
    }
}

SearchDocument documentFor(const Record &kase, const QList<std::pair<Record, Record>> &parties,
                           const RegionIndex &regions)
{
    SearchDocument doc;
    doc.id = kase.id;
    doc.caseNumber = kase.text(u"number"_s);
    if (const QString registry = kase.text(u"registry_number"_s); !registry.isEmpty())
        doc.numbers << registry;
    addPlace(doc, regions, kase.text(u"incident_region"_s));
    if (const QString place = kase.text(u"incident_place"_s); !place.isEmpty())
        doc.places << place;
    doc.narrative = kase.text(u"narrative"_s);
    for (const auto &[link, person] : parties) {
        Q_UNUSED(link);
        if (const QString name = person.text(u"name"_s); !name.isEmpty())
            doc.names << name;
        if (const QString nik = person.text(u"nik"_s); !nik.isEmpty())
            doc.niks << nik;
        addPlace(doc, regions, person.text(u"address_region"_s));
    }
    return doc;
}

// The ids of the search's hits, best first; only those among `within` when given (a list
// chosen on the home page, searched further).
QStringList hitsWithin(const SearchIndex &index, const QString &query, int wanted,
                       const std::optional<QStringList> &within)
{
    QStringList ids;
    for (const SearchHit &hit : index.search(query, wanted)) {
        if (!within || within->contains(hit.id))
            ids << hit.id;
    }
    return ids;
}

} // namespace

Session::Session(Profile &profile, const CodeLists &codes, const RegionIndex &regions)
    : m_profile(profile)
    , m_codes(codes)
    , m_regions(regions)
{
    Q_ASSERT(profile.unlocked());
    m_validator = std::make_unique<Validator>(codes, regions, profile.clock(), profile.districtTime());
    m_reader = std::make_unique<RecordReader>(profile.database(), profile.cipher());
    m_cases = std::make_unique<CaseRepository>(profile.changeLog(), *m_reader, *m_validator, profile.actor());
    m_people = std::make_unique<PersonMerge>(profile.changeLog(), *m_reader, profile.actor());
    m_activities
        = std::make_unique<ActivityRepository>(profile.changeLog(), *m_reader, *m_validator, profile.actor());
    m_attachments
        = std::make_unique<AttachmentStore>(profile.changeLog(), *m_reader, *m_validator, profile.files(),
                                            profile.attachmentsDirectory(), profile.actor());
    m_history = std::make_unique<HistoryReader>(profile.database(), profile.cipher());
    m_worklist
        = std::make_unique<Worklist>(profile.database(), *m_reader, profile.clock(), profile.districtTime());
    m_subjects = std::make_unique<CaseSubjects>(profile.database(), profile.cipher(), regions,
                                                profile.clock(), profile.districtTime());
    m_drafts = std::make_unique<DraftStore>(profile.database(), profile.cipher(), profile.clock());
    m_search = std::make_unique<SearchIndex>();
    m_riskInstrument = std::make_unique<Result<RiskInstrument>>(RiskInstrument::loadBuiltin());
}

Result<const RiskInstrument *> Session::riskInstrument() const
{
    if (!*m_riskInstrument)
        return m_riskInstrument->error();
    return &m_riskInstrument->value();
}

Session::~Session() = default;

Result<int> Session::buildSearchIndex()
{
    Result<std::unique_ptr<SearchIndex>> built = indexCases(*m_reader, m_regions);
    if (!built)
        return built.error();
    const int indexed = (*built)->size();
    adoptSearchIndex(std::move(*built));
    return indexed;
}

void Session::adoptSearchIndex(std::unique_ptr<SearchIndex> index)
{
    // Swapped in whole: searches see the old index or the new one, never a half-built one.
    m_search = std::move(index);
    m_searchReady = true;
    // Cases written while the index was being built elsewhere may be missing from it.
    // A case that fails here stays missing from search until the next rebuild (the next unlock);
    // its rows are stored, so the failure is logged and the others are still indexed.
    for (const QString &caseId : std::exchange(m_reindexedMeanwhile, {})) {
        if (const Status indexed = reindex(caseId); !indexed)
            qCWarning(lcSearch) << "adopted search index: a case written meanwhile was not indexed:"
                                << indexed.error().detail;
    }
}

Result<std::unique_ptr<SearchIndex>> Session::indexCases(RecordReader &reader, const RegionIndex &regions)
{
    // Streamed: persons are reduced to what the index needs, links to indexes into them, and
    // cases are read one at a time, so peak memory is the index plus a small person table,
    // not every decrypted record at once. Uses only `reader` (its connection and cipher), so
    // it can run in a worker thread on a connection of its own.
    QElapsedTimer timer;
    timer.start();
    struct PersonTerms
    {
        QString name;
        QString nik;
        QString region;
    };
    std::vector<PersonTerms> persons;
    QHash<QString, quint32> personIndex;
    Status s = reader.forEach(*Schema::entity(u"person"), true, [&](Record &&person) {
        personIndex.insert(person.id, quint32(persons.size()));
        persons.push_back({person.text(u"name"_s), person.text(u"nik"_s), person.text(u"address_region"_s)});
        return Status();
    });
    if (!s)
        return s.error();
    QHash<QString, std::vector<quint32>> partiesByCase;
    s = reader.forEach(*Schema::entity(u"case_person"), false, [&](Record &&link) {
        const auto it = personIndex.constFind(link.text(u"person_id"_s));
        if (it != personIndex.cend())
            partiesByCase[link.caseId].push_back(*it);
        return Status();
    });
    if (!s)
        return s.error();
    personIndex = {};
    auto fresh = std::make_unique<SearchIndex>();
    s = reader.forEach(*Schema::entity(u"case"), false, [&](Record &&kase) {
        SearchDocument doc = documentFor(kase, {}, regions);
        for (const quint32 i : partiesByCase.value(kase.id)) {
            const PersonTerms &person = persons[i];
            if (!person.name.isEmpty())
                doc.names << person.name;
            if (!person.nik.isEmpty())
                doc.niks << person.nik;
            addPlace(doc, regions, person.region);
        }
        fresh->upsert(doc);
        return Status();
    });
    if (!s)
        return s.error();
    qCInfo(lcSearch) << "indexed" << fresh->size() << "cases in" << timer.elapsed() << "ms";
    return fresh;
}

Status Session::resolveConflict(const QString &conflictId, const QString &keep)
{
    if (keep != u"winner" && keep != u"loser" && keep != u"current")
        return invalidInput(Error::Reason::NotAllowedValue, u"keep"_s,
                            u"keep one of winner, loser or current"_s);
    Replicator replicator(m_profile.changeLog());
    const Result<ConflictRecord> c = replicator.conflict(conflictId);
    if (!c)
        return c.error();
    if (c->resolvedAt != 0)
        return Error{
            Error::Code::Conflict, u"conflict %1 is already resolved"_s.arg(c->id), {}, Error::Reason::Stale};
    // docs/ARCHITECTURE.md, sync rules: the most protective value stands until a supervisor decides.
    if (c->kind == u"safety" && !may(m_profile.actor().role, Permission::ResolveSafety))
        return Error{Error::Code::Conflict,
                     u"only a supervisor decides a safety conflict"_s,
                     {},
                     Error::Reason::RoleForbidden};
    const EntityDef *entity = Schema::entity(c->entity);
    const FieldDef *field = entity ? entity->field(c->field) : nullptr;
    if (keep != u"current") {
        if (!field || c->kind == u"rejected" || c->kind == u"unapplied")
            return invalidInput(
                Error::Reason::NotAllowedValue, u"keep"_s,
                u"a %1 conflict has no value to keep; check the case and close it"_s.arg(c->kind));
        const std::optional<QByteArray> &chosen = keep == u"winner" ? c->winnerValue : c->loserValue;
        const QVariant value = chosen ? ValueCodec::decode(*field, *chosen) : QVariant();
        Status written;
        if (c->entity == u"case") {
            CaseDraft patch;
            patch.fields.insert(c->field, value);
            written = m_cases->update(c->entityId, std::move(patch));
        } else if (c->entity == u"person") {
            CaseDraft patch;
            PartyInput party;
            party.personId = c->entityId;
            party.person.insert(c->field, value);
            patch.parties << party;
            written = m_cases->update(c->caseId, std::move(patch));
        } else {
            written = m_activities->update(c->entity, c->entityId, {{c->field, value}});
        }
        if (!written)
            return written;
    }
    if (Status s = replicator.markResolved(c->id, m_profile.actor().login, u"kept "_s + keep,
                                           m_profile.clock().nowMs());
        !s)
        return s;
    // The resolution is stored; a failed re-index only makes search miss the kept value until the
    // next rebuild, so it is logged and the resolution still succeeds.
    if (!c->caseId.isEmpty()) {
        if (const Status indexed = reindex(c->caseId); !indexed)
            qCWarning(lcSearch) << "conflict resolved, but its case was not re-indexed:"
                                << indexed.error().detail;
    }
    return {};
}

Status Session::reindex(const QString &caseId)
{
    if (!m_searchReady)
        m_reindexedMeanwhile << caseId;
    const Result<CaseFile> file = m_cases->load(caseId);
    if (!file) {
        if (file.error().code == Error::Code::NotFound) {
            m_search->remove(caseId);
            return {};
        }
        return file.error();
    }
    QList<std::pair<Record, Record>> parties;
    for (const CaseParty &party : file->parties)
        parties.append({party.link, party.person});
    m_search->upsert(documentFor(file->kase, parties, m_regions));
    return {};
}

Result<QList<CaseSummary>> Session::search(const QString &query, const CaseFilter &filter)
{
    CaseFilter ranked = filter;
    if (!query.trimmed().isEmpty()) {
        // Ask the index for more than the limit: a status filter may drop some hits.
        const int wanted = filter.status.isEmpty() && !filter.ids ? filter.limit : filter.limit * 4;
        ranked.ids = hitsWithin(*m_search, query, wanted, filter.ids);
    }
    return m_cases->list(ranked);
}

Result<qint64> Session::countMatches(const QString &query, const CaseFilter &filter, int maxHits)
{
    CaseFilter all = filter;
    if (!query.trimmed().isEmpty()) {
        all.ids = hitsWithin(*m_search, query, maxHits, filter.ids);
    }
    return m_cases->count(all);
}

} // namespace Core
