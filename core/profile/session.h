// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QStringList>

#include <memory>

namespace Core {

class ActivityRepository;
class AttachmentStore;
class CaseRepository;
class CaseSubjects;
class CodeLists;
class HistoryReader;
class PersonMerge;
class Worklist;
class DraftStore;
class Profile;
class RecordReader;
class RegionIndex;
class RiskInstrument;
class SearchIndex;
class Validator;
struct CaseSummary;
struct CaseFilter;

// The object graph of an unlocked profile, built bottom-up in one place for the desktop app
// and dampingi-ctl alike: validator, readers, repositories and the in-memory search index.
// Destroyed before the profile is locked; nothing here outlives the key.
class Session final
{
public:
    Session(Profile &profile, const CodeLists &codes, const RegionIndex &regions);
    ~Session();

    // Decrypts names, NIKs, places and narratives into the in-memory index. Returns the number
    // of cases indexed.
    Result<int> buildSearchIndex();
    // The same work on any reader, for a worker thread with a connection of its own; the result
    // is then handed to adoptSearchIndex() on the session's thread.
    static Result<std::unique_ptr<SearchIndex>> indexCases(RecordReader &reader, const RegionIndex &regions);
    void adoptSearchIndex(std::unique_ptr<SearchIndex> index);
    // False until an index was built or adopted: searches before that find nothing.
    bool searchReady() const { return m_searchReady; }
    // Re-reads one case into the index (after a write), or drops it when gone.
    Status reindex(const QString &caseId);
    Result<QList<CaseSummary>> search(const QString &query, const CaseFilter &filter);
    // How many cases search() would find without its limit (a list capped at 200 says "of N").
    // A search counts at most `maxHits` index hits.
    Result<qint64> countMatches(const QString &query, const CaseFilter &filter, int maxHits = 10000);

    // Settles a sync conflict by keeping one side: the chosen value is written as a new,
    // validated edit (which syncs, and settles the conflict on every replica that receives it),
    // then the record is closed. `keep`: "winner", "loser", or "current" (close without writing;
    // the only choice for refused or unapplied ops, after the case was checked by hand).
    Status resolveConflict(const QString &conflictId, const QString &keep);

    Profile &profile() { return m_profile; }
    const Profile &profile() const { return m_profile; }
    const Validator &validator() const { return *m_validator; }
    RecordReader &reader() { return *m_reader; }
    CaseRepository &cases() { return *m_cases; }
    ActivityRepository &activities() { return *m_activities; }
    AttachmentStore &attachments() { return *m_attachments; }
    HistoryReader &history() { return *m_history; }
    // Merging duplicate people (supervisors) and reading a person through merges.
    PersonMerge &people() { return *m_people; }
    Worklist &worklist() { return *m_worklist; }
    // Who each case is about and where (decrypted in memory, for lists and headers).
    CaseSubjects &subjects() { return *m_subjects; }
    DraftStore &drafts() { return *m_drafts; }
    SearchIndex &searchIndex() { return *m_search; }
    const RegionIndex &regions() const { return m_regions; }
    const CodeLists &codes() const { return m_codes; }
    // The structured risk assessment compiled into the binary, or why it could not be read.
    Result<const RiskInstrument *> riskInstrument() const;

private:
    Profile &m_profile;
    const CodeLists &m_codes;
    const RegionIndex &m_regions;
    std::unique_ptr<Validator> m_validator;
    std::unique_ptr<RecordReader> m_reader;
    std::unique_ptr<CaseRepository> m_cases;
    std::unique_ptr<ActivityRepository> m_activities;
    std::unique_ptr<AttachmentStore> m_attachments;
    std::unique_ptr<HistoryReader> m_history;
    std::unique_ptr<PersonMerge> m_people;
    std::unique_ptr<Worklist> m_worklist;
    std::unique_ptr<CaseSubjects> m_subjects;
    std::unique_ptr<DraftStore> m_drafts;
    std::unique_ptr<SearchIndex> m_search;
    std::unique_ptr<Result<RiskInstrument>> m_riskInstrument;
    bool m_searchReady = false;
    QStringList m_reindexedMeanwhile;
};

} // namespace Core
