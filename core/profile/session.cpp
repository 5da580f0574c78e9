// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/profile/session.h"

#include "core/codes/codelists.h"
#include "core/domain/validator.h"
#include "core/logging.h"
#include "core/profile/profile.h"
#include "core/regions/regionindex.h"
#include "core/search/searchindex.h"
#include "core/store/activityrepository.h"
#include "core/store/attachmentstore.h"
#include "core/store/caserepository.h"
#include "core/store/historyreader.h"
#include "core/store/recordreader.h"
#include "core/store/schema.h"

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

} // namespace

Session::Session(Profile &profile, const CodeLists &codes, const RegionIndex &regions)
    : m_profile(profile)
    , m_codes(codes)
    , m_regions(regions)
{
    Q_ASSERT(profile.unlocked());
    m_validator = std::make_unique<Validator>(codes, regions, profile.clock());
    m_reader = std::make_unique<RecordReader>(profile.database(), profile.cipher());
    m_cases = std::make_unique<CaseRepository>(profile.changeLog(), *m_reader, *m_validator, profile.actor());
    m_activities = std::make_unique<ActivityRepository>(profile.changeLog(), *m_reader, *m_validator, profile.actor());
    m_attachments = std::make_unique<AttachmentStore>(profile.changeLog(), *m_reader, *m_validator, profile.files(),
                                                      profile.attachmentsDirectory(), profile.actor());
    m_history = std::make_unique<HistoryReader>(profile.database(), profile.cipher());
    m_search = std::make_unique<SearchIndex>();
}

Session::~Session() = default;

Result<int> Session::buildSearchIndex()
{
    QElapsedTimer timer;
    timer.start();
    const Result<QList<Record>> cases = m_reader->all(*Schema::entity(u"case"));
    if (!cases)
        return cases.error();
    const Result<QList<Record>> links = m_reader->all(*Schema::entity(u"case_person"));
    if (!links)
        return links.error();
    const Result<QList<Record>> persons = m_reader->all(*Schema::entity(u"person"), true);
    if (!persons)
        return persons.error();
    QHash<QString, const Record *> personById;
    personById.reserve(persons->size());
    for (const Record &person : *persons)
        personById.insert(person.id, &person);
    QHash<QString, QList<std::pair<Record, Record>>> partiesByCase;
    for (const Record &link : *links) {
        if (const Record *person = personById.value(link.text(u"person_id"_s)))
            partiesByCase[link.caseId].append({link, *person});
    }
    m_search->clear();
    m_search->reserve(int(cases->size()));
    for (const Record &kase : *cases)
        m_search->upsert(documentFor(kase, partiesByCase.value(kase.id), m_regions));
    qCInfo(lcSearch) << "indexed" << cases->size() << "cases in" << timer.elapsed() << "ms";
    return int(cases->size());
}

Status Session::reindex(const QString &caseId)
{
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
        const int wanted = filter.status.isEmpty() ? filter.limit : filter.limit * 4;
        QStringList ids;
        for (const SearchHit &hit : m_search->search(query, wanted))
            ids << hit.id;
        ranked.ids = ids;
    }
    return m_cases->list(ranked);
}

} // namespace Core
