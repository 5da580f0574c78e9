// SPDX-License-Identifier: GPL-3.0-or-later
#include "ctlcommands.h"

#include "core/cases/activityrepository.h"
#include "core/cases/attachmentstore.h"
#include "core/cases/caserepository.h"
#include "core/cases/personmerge.h"
#include "core/cases/recordreader.h"
#include "core/changelog/changelog.h"
#include "core/changelog/historyreader.h"
#include "core/changelog/schema.h"
#include "core/clock/clock.h"
#include "core/clock/districttime.h"
#include "core/codes/codelists.h"
#include "core/demo/demogenerator.h"
#include "core/domain/json.h"
#include "core/domain/nikvalidator.h"
#include "core/domain/validator.h"
#include "core/export/caseexport.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/regions/regionindex.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <cstdio>
#include <functional>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Core::Error;

namespace {

QString exitName(CtlCommands::Exit exit)
{
    switch (exit) {
    case CtlCommands::Usage:
        return u"usage"_s;
    case CtlCommands::Validation:
        return u"validation"_s;
    case CtlCommands::NotFound:
        return u"not_found"_s;
    case CtlCommands::Locked:
        return u"locked"_s;
    case CtlCommands::Storage:
        return u"storage"_s;
    case CtlCommands::Conflict:
        return u"conflict"_s;
    case CtlCommands::Unreachable:
        return u"unreachable"_s;
    case CtlCommands::Refused:
        return u"refused"_s;
    default:
        return u"internal"_s;
    }
}

CtlCommands::Exit exitFor(Error::Code code)
{
    switch (code) {
    case Error::Code::InvalidInput:
        return CtlCommands::Validation;
    case Error::Code::NotFound:
        return CtlCommands::NotFound;
    case Error::Code::Locked:
        return CtlCommands::Locked;
    case Error::Code::StoreUnavailable:
    case Error::Code::SchemaTooNew:
    case Error::Code::MigrationFailed:
    case Error::Code::Corrupt:
        return CtlCommands::Storage;
    case Error::Code::Conflict:
        return CtlCommands::Conflict;
    case Error::Code::Unreachable:
        return CtlCommands::Unreachable;
    case Error::Code::Refused:
        return CtlCommands::Refused;
    case Error::Code::Internal:
        break;
    }
    return CtlCommands::Internal;
}

Core::CaseFilter everyCase()
{
    Core::CaseFilter filter;
    filter.limit = std::numeric_limits<int>::max();
    return filter;
}

void writeOut(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

} // namespace

CtlCommands::CtlCommands(CtlOptions options)
    : m_options(std::move(options))
    , m_clock(std::make_unique<Core::SystemClock>())
{ }

CtlCommands::~CtlCommands()
{
    // Tear down in reverse: the session before the profile it uses.
    m_session.reset();
    m_profile.reset();
}

QString CtlCommands::usage()
{
    return uR"(Usage: dampingi-ctl --profile DIR [--user LOGIN] [--passphrase-file F] VERB ...
The passphrase comes from --passphrase-file F or the DAMPINGI_PASSPHRASE variable.
JSON in on stdin, JSON out on stdout; errors as JSON on stderr.

  profile init --district CODE --user LOGIN --role caseworker|supervisor|trainer|admin [--training]
  profile info
  user add LOGIN --role ROLE            (new user's passphrase: --new-passphrase-file F)
  case new                              case JSON on stdin → {"id", "number"}
  case update CASE                      JSON patch on stdin (status changes: "status_reason")
  case show CASE                        CASE is an id or a case number
  case list [--query TEXT] [--status S] [--limit N]
  case delete CASE | case undelete CASE
  visit|service|risk|plan|followup|note add CASE      entry JSON on stdin
  visit|service|risk|plan|followup|note update ID     JSON patch on stdin
  person merge CASE PERSON --into PERSON   supervisors: one person entered twice in a case
  person unmerge CASE PERSON             undo a merge (each record has its own values again)
  attach CASE FILE [--description TEXT]
  attachment get ID --out FILE          the decrypted file, written 0600
  history CASE                          field-level history from the change log
  demo --cases N [--seed S]             synthetic cases, marked DEMO, in real villages
  export --format json [--out FILE]     every case with its people and entries, decrypted:
                                        FILE (or a file stdout is redirected to) is made 0600
  nik check NIK [--sex female|male] [--birth-date YYYY-MM-DD]
                                        "today" is the --profile's district's, else the NIK's province's
  region search TEXT [--within CODE]
  sync enroll --server URL --code-file FILE [--device-name NAME]
                                        join the district server (the code pins its certificate);
                                        --code - reads the code from stdin instead
  sync now [--attempts N] [--progress]  push, then pull; JSON summary; retries with backoff;
                                        --progress: one JSON line per report on stderr
  sync status                           enrolment, unsent changes, open conflicts, last sync
  sync history [--limit N]              the last syncs and USB bundles, newest first (JSON)
  bundle export FILE                    no connection at all: unsent changes in a USB bundle
                                        (signed, encrypted to the district office)
  bundle import FILE                    the office's answer for this laptop (checked whole
                                        before anything is applied)
  conflicts list [--all]                concurrent edits, safety holds, refused changes
  conflicts show ID
  conflicts resolve ID --keep winner|loser|current

Exit codes: 0 ok, 1 internal, 2 usage, 3 validation, 4 not found,
            5 locked or wrong passphrase, 6 storage (disk full, read-only, damaged), 7 conflict,
            8 server unreachable (nothing lost: sync again later), 9 refused by the server.
)"_s;
}

int CtlCommands::fail(const Error &error)
{
    const Exit exit = exitFor(error.code);
    QJsonObject body{{u"kind"_s, exitName(exit)}, {u"message"_s, error.detail}};
    if (!error.field.isEmpty())
        body.insert(u"field"_s, error.field);
    writeOut(stderr, QJsonDocument(QJsonObject{{u"error"_s, body}}).toJson(QJsonDocument::Compact) + '\n');
    return exit;
}

int CtlCommands::usageError(const QString &message)
{
    writeOut(stderr, QJsonDocument(QJsonObject{{u"error"_s, QJsonObject{{u"kind"_s, u"usage"_s},
                                                                        {u"message"_s, message}}}})
                             .toJson(QJsonDocument::Compact)
                         + '\n');
    return Usage;
}

int CtlCommands::print(const QJsonValue &value)
{
    const QJsonDocument doc
        = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    writeOut(stdout, doc.toJson(QJsonDocument::Indented));
    return Ok;
}

Core::Result<QByteArray> CtlCommands::readStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return Error{Error::Code::Internal, u"cannot read standard input"_s};
    // A bound on input: the largest legitimate action (a 100k-character narrative) is far below.
    constexpr qint64 limit = 16 * 1024 * 1024;
    QByteArray bytes = in.read(limit + 1);
    if (bytes.size() > limit)
        return Core::invalidInput(Core::Error::Reason::TooLarge, u"input"_s,
                                  u"the input is larger than 16 MiB"_s);
    return bytes;
}

Core::Result<QJsonObject> CtlCommands::readJsonObject()
{
    const Core::Result<QByteArray> input = readStdin();
    if (!input)
        return input.error();
    return Core::Json::parseObject(*input);
}

Core::Result<QString> CtlCommands::passphrase()
{
    if (m_options.has(u"passphrase-file"_s)) {
        Core::Result<QString> secret = readSecretFile(m_options.value(u"passphrase-file"_s));
        if (!secret)
            return Error{Error::Code::Locked, secret.error().detail};
        return secret;
    }
    const QString env = qEnvironmentVariable("DAMPINGI_PASSPHRASE");
    if (env.isEmpty())
        return Error{Error::Code::Locked, u"no passphrase: use --passphrase-file or DAMPINGI_PASSPHRASE"_s};
    return env;
}

Core::Status CtlCommands::loadReference()
{
    if (!m_codes) {
        Core::Result<Core::CodeLists> codes = Core::CodeLists::loadBuiltin();
        if (!codes)
            return codes.error();
        m_codes = std::make_unique<Core::CodeLists>(std::move(*codes));
    }
    if (!m_regions) {
        Core::Result<Core::RegionIndex> regions = Core::RegionIndex::loadBuiltin();
        if (!regions)
            return regions.error();
        m_regions = std::make_unique<Core::RegionIndex>(std::move(*regions));
    }
    return {};
}

Core::Status CtlCommands::openSession()
{
    const QString dir = m_options.value(u"profile"_s);
    if (dir.isEmpty())
        return Error{Error::Code::InvalidInput, u"--profile DIR is required"_s, u"profile"_s};
    if (Core::Status s = loadReference(); !s)
        return s;
    Core::Result<std::unique_ptr<Core::Profile>> profile = Core::Profile::open(dir, *m_clock);
    if (!profile)
        return profile.error();
    m_profile = std::move(*profile);
    const Core::Result<QString> secret = passphrase();
    if (!secret)
        return secret.error();
    if (Core::Status s = m_profile->unlock(m_options.value(u"user"_s), *secret); !s)
        return s;
    m_session = std::make_unique<Core::Session>(*m_profile, *m_codes, *m_regions);
    if (const Core::Result<int> swept = m_session->attachments().sweepOrphans(); !swept)
        return swept.error();
    return {};
}

Core::Result<QString> CtlCommands::caseArgument(int index)
{
    const QString arg = m_options.word(index);
    if (arg.isEmpty())
        return Core::invalidInput(Core::Error::Reason::Required, u"case"_s,
                                  u"a case id or number is required"_s);
    return m_session->cases().resolve(arg);
}

int CtlCommands::run()
{
    const QString verb = m_options.word(0);
    const QString sub = m_options.word(1);
    struct Route
    {
        QString verb;
        QString sub;
        bool needsSession;
        std::function<int()> handler;
    };
    const QList<Route> routes = {
        {u"profile"_s, u"init"_s, false, [this] { return profileInit(); }},
        {u"profile"_s, u"info"_s, true, [this] { return profileInfo(); }},
        {u"user"_s, u"add"_s, true, [this] { return userAdd(); }},
        {u"case"_s, u"new"_s, true, [this] { return caseNew(); }},
        {u"case"_s, u"update"_s, true, [this] { return caseUpdate(); }},
        {u"case"_s, u"show"_s, true, [this] { return caseShow(); }},
        {u"case"_s, u"list"_s, true, [this] { return caseList(); }},
        {u"case"_s, u"delete"_s, true, [this] { return caseDelete(); }},
        {u"case"_s, u"undelete"_s, true, [this] { return caseDelete(); }},
        {u"person"_s, u"merge"_s, true, [this] { return personMerge(); }},
        {u"person"_s, u"unmerge"_s, true, [this] { return personMerge(); }},
        {u"attach"_s, {}, true, [this] { return attach(); }},
        {u"attachment"_s, u"get"_s, true, [this] { return attachmentGet(); }},
        {u"history"_s, {}, true, [this] { return history(); }},
        {u"demo"_s, {}, true, [this] { return demo(); }},
        {u"export"_s, {}, true, [this] { return exportAll(); }},
        {u"nik"_s, u"check"_s, false, [this] { return nikCheck(); }},
        {u"region"_s, u"search"_s, false, [this] { return regionSearch(); }},
        {u"sync"_s, u"enroll"_s, true, [this] { return syncEnroll(); }},
        {u"sync"_s, u"now"_s, true, [this] { return syncNow(); }},
        {u"sync"_s, u"status"_s, true, [this] { return syncStatus(); }},
        {u"sync"_s, u"history"_s, true, [this] { return syncHistory(); }},
        {u"bundle"_s, u"export"_s, true, [this] { return bundleExport(); }},
        {u"bundle"_s, u"import"_s, true, [this] { return bundleImport(); }},
        {u"conflicts"_s, u"list"_s, true, [this] { return conflictsList(); }},
        {u"conflicts"_s, u"show"_s, true, [this] { return conflictsShow(); }},
        {u"conflicts"_s, u"resolve"_s, true, [this] { return conflictsResolve(); }},
    };
    static const QHash<QString, QString> entries
        = {{u"visit"_s, u"visit"_s},    {u"service"_s, u"service"_s},   {u"risk"_s, u"risk_assessment"_s},
           {u"plan"_s, u"plan_item"_s}, {u"followup"_s, u"followup"_s}, {u"note"_s, u"note"_s}};

    std::function<int()> handler;
    bool needsSession = true;
    for (const Route &route : routes) {
        if (route.verb == verb && (route.sub.isEmpty() || route.sub == sub)) {
            handler = route.handler;
            needsSession = route.needsSession;
            break;
        }
    }
    if (!handler && entries.contains(verb) && (sub == u"add" || sub == u"update")) {
        const QString entity = entries.value(verb);
        handler = sub == u"add" ? std::function<int()>([this, entity] { return activityAdd(entity); })
                                : std::function<int()>([this, entity] { return activityUpdate(entity); });
    }
    if (!handler)
        return usageError(
            u"unknown command \"%1\"; see dampingi-ctl --help"_s.arg(m_options.words.join(u' ')));
    if (needsSession) {
        if (Core::Status s = openSession(); !s)
            return fail(s.error());
    }
    return handler();
}

int CtlCommands::profileInit()
{
    const QString dir = m_options.value(u"profile"_s);
    const QString district = Core::RegionIndex::normaliseCode(m_options.value(u"district"_s));
    const std::optional<Core::Role> role = Core::roleFromName(m_options.value(u"role"_s));
    if (dir.isEmpty() || m_options.value(u"user"_s).isEmpty() || !role)
        return usageError(u"profile init needs --profile DIR --district CODE --user LOGIN --role ROLE"_s);
    if (Core::Status s = loadReference(); !s)
        return fail(s.error());
    const std::optional<Core::Region> region = m_regions->find(district);
    if (!region || region->level != Core::RegionLevel::Regency)
        return fail(Core::invalidInput(
            Core::Error::Reason::NotAllowedValue, u"district"_s,
            u"\"%1\" is not a kabupaten/kota code (e.g. 64.02)"_s.arg(m_options.value(u"district"_s))));
    const Core::Result<QString> secret = passphrase();
    if (!secret)
        return fail(secret.error());
    Core::ProfileOptions options;
    options.districtCode = district;
    options.login = m_options.value(u"user"_s);
    options.role = *role;
    options.passphrase = *secret;
    options.training = m_options.has(u"training"_s);
    if (m_options.value(u"kdf"_s) == u"minimum") // tests only: see README
        options.kdf = Core::KdfStrength::Minimum;
    Core::Result<std::unique_ptr<Core::Profile>> profile = Core::Profile::create(dir, options, *m_clock);
    if (!profile)
        return fail(profile.error());
    return print(QJsonObject{{u"profile"_s, dir},
                             {u"district"_s, district},
                             {u"district_name"_s, region->name},
                             {u"user"_s, options.login},
                             {u"role"_s, Core::roleName(options.role)},
                             {u"kind"_s, options.training ? u"training"_s : u"real"_s}});
}

int CtlCommands::profileInfo()
{
    Core::ChangeLog &log = m_profile->changeLog();
    const Core::Result<qint64> pending = log.pendingCount();
    if (!pending)
        return fail(pending.error());
    const Core::Result<QList<Core::CaseSummary>> cases = m_session->cases().list(everyCase());
    if (!cases)
        return fail(cases.error());
    return print(QJsonObject{{u"kind"_s, m_profile->info().training ? u"training"_s : u"real"_s},
                             {u"district"_s, m_profile->info().districtCode},
                             {u"user"_s, m_profile->actor().login},
                             {u"role"_s, Core::roleName(m_profile->actor().role)},
                             {u"site_id"_s, log.siteId()},
                             {u"device_prefix"_s, log.meta(u"device_prefix"_s).value()},
                             {u"cases"_s, qint64(cases->size())},
                             {u"unsynced_changes"_s, *pending},
                             {u"code_lists"_s, m_codes->version()},
                             {u"region_decree"_s, m_regions->decree()}});
}

int CtlCommands::userAdd()
{
    const QString login = m_options.word(2);
    const std::optional<Core::Role> role = Core::roleFromName(m_options.value(u"role"_s));
    if (login.isEmpty() || !role || !m_options.has(u"new-passphrase-file"_s))
        return usageError(u"user add LOGIN --role ROLE --new-passphrase-file F"_s);
    if (m_profile->actor().role != Core::Role::Admin && m_profile->actor().role != Core::Role::Supervisor)
        return fail(Error{Error::Code::Conflict, u"only an admin or a supervisor adds users"_s});
    const Core::Result<QString> secret = readSecretFile(m_options.value(u"new-passphrase-file"_s));
    if (!secret)
        return fail(secret.error());
    if (Core::Status s = m_profile->addUser(login, *role, *secret); !s)
        return fail(s.error());
    return print(QJsonObject{{u"user"_s, login}, {u"role"_s, Core::roleName(*role)}});
}

int CtlCommands::caseNew()
{
    const Core::Result<QJsonObject> json = readJsonObject();
    if (!json)
        return fail(json.error());
    Core::Result<Core::CaseDraft> draft = Core::Json::toCaseDraft(*json);
    if (!draft)
        return fail(draft.error());
    if (!draft->fields.contains(u"district_code"_s))
        draft->fields.insert(u"district_code"_s, m_profile->info().districtCode);
    const Core::Result<Core::Record> created = m_session->cases().create(std::move(*draft));
    if (!created)
        return fail(created.error());
    QJsonObject out{{u"id"_s, created->id}, {u"number"_s, created->text(u"number"_s)}};
    if (const QStringList warnings = m_session->validator().takeWarnings(); !warnings.isEmpty())
        out.insert(u"warnings"_s, QJsonArray::fromStringList(warnings));
    return print(out);
}

int CtlCommands::caseUpdate()
{
    const Core::Result<QString> id = caseArgument(2);
    if (!id)
        return fail(id.error());
    const Core::Result<QJsonObject> json = readJsonObject();
    if (!json)
        return fail(json.error());
    Core::Result<Core::CaseDraft> patch = Core::Json::toCaseDraft(*json);
    if (!patch)
        return fail(patch.error());
    if (Core::Status s = m_session->cases().update(*id, std::move(*patch)); !s)
        return fail(s.error());
    return caseShow();
}

int CtlCommands::caseShow()
{
    const Core::Result<QString> id = caseArgument(2);
    if (!id)
        return fail(id.error());
    const Core::Result<Core::CaseFile> file = m_session->cases().load(*id);
    if (!file)
        return fail(file.error());
    return print(Core::Json::fromCaseFile(*file));
}

int CtlCommands::caseList()
{
    Core::CaseFilter filter;
    filter.status = m_options.value(u"status"_s);
    if (!filter.status.isEmpty() && !m_codes->contains(u"case_status", filter.status))
        return fail(Core::invalidInput(Core::Error::Reason::NotAllowedValue, u"status"_s,
                                       u"\"%1\" is not a case status"_s.arg(filter.status)));
    bool ok = true;
    filter.limit = m_options.value(u"limit"_s, u"100"_s).toInt(&ok);
    if (!ok || filter.limit < 1 || filter.limit > 100000)
        return usageError(u"--limit takes a number from 1 to 100000"_s);
    const QString query = m_options.value(u"query"_s);
    if (!query.isEmpty()) {
        if (const Core::Result<int> indexed = m_session->buildSearchIndex(); !indexed)
            return fail(indexed.error());
    }
    const Core::Result<QList<Core::CaseSummary>> rows = m_session->search(query, filter);
    if (!rows)
        return fail(rows.error());
    QJsonArray out;
    for (const Core::CaseSummary &row : *rows)
        out.append(Core::Json::fromSummary(row));
    return print(out);
}

int CtlCommands::caseDelete()
{
    const Core::Result<QString> id = caseArgument(2);
    if (!id)
        return fail(id.error());
    const bool undelete = m_options.word(1) == u"undelete";
    if (Core::Status s = m_session->cases().setDeleted(*id, !undelete); !s)
        return fail(s.error());
    return print(QJsonObject{{u"id"_s, *id}, {u"deleted"_s, !undelete}});
}

int CtlCommands::personMerge()
{
    const Core::Result<QString> id = caseArgument(2);
    if (!id)
        return fail(id.error());
    const QString person = m_options.word(3);
    const bool merge = m_options.word(1) == u"merge";
    const QString into = m_options.value(u"into"_s);
    if (person.isEmpty() || (merge && into.isEmpty()))
        return fail(Core::invalidInput(Core::Error::Reason::Required, u"person"_s,
                                       u"name the person (and for a merge --into PERSON)"_s));
    Core::PersonMerge &people = m_session->people();
    if (Core::Status s = merge ? people.merge(*id, person, into) : people.unmerge(*id, person); !s)
        return fail(s.error());
    const Core::Result<QString> standsFor = people.canonical(person);
    if (!standsFor)
        return fail(standsFor.error());
    return print(QJsonObject{{u"case"_s, *id}, {u"person"_s, person}, {u"stands_for"_s, *standsFor}});
}

int CtlCommands::activityAdd(const QString &entity)
{
    const Core::Result<QString> id = caseArgument(2);
    if (!id)
        return fail(id.error());
    const Core::Result<QJsonObject> json = readJsonObject();
    if (!json)
        return fail(json.error());
    const Core::Result<Core::Record> added
        = m_session->activities().add(entity, *id, Core::Json::toFields(*json));
    if (!added)
        return fail(added.error());
    return print(Core::Json::fromRecord(*added));
}

int CtlCommands::activityUpdate(const QString &entity)
{
    const QString id = m_options.word(2);
    if (id.isEmpty())
        return usageError(u"%1 update needs the entry's id"_s.arg(m_options.word(0)));
    const Core::Result<QJsonObject> json = readJsonObject();
    if (!json)
        return fail(json.error());
    if (Core::Status s = m_session->activities().update(entity, id, Core::Json::toFields(*json)); !s)
        return fail(s.error());
    const Core::Result<Core::Record> record = m_session->reader().find(*Core::Schema::entity(entity), id);
    if (!record)
        return fail(record.error());
    return print(Core::Json::fromRecord(*record));
}

int CtlCommands::attach()
{
    const Core::Result<QString> id = caseArgument(1);
    if (!id)
        return fail(id.error());
    const QString path = m_options.word(2);
    if (path.isEmpty())
        return usageError(u"attach CASE FILE"_s);
    const Core::Result<Core::Record> added
        = m_session->attachments().attach(*id, path, m_options.value(u"description"_s));
    if (!added)
        return fail(added.error());
    return print(Core::Json::fromRecord(*added));
}

int CtlCommands::attachmentGet()
{
    const QString id = m_options.word(2);
    const QString out = m_options.value(u"out"_s);
    if (id.isEmpty() || out.isEmpty())
        return usageError(u"attachment get ID --out FILE"_s);
    const Core::Result<QByteArray> content = m_session->attachments().read(id);
    if (!content)
        return fail(content.error());
    // Decrypted: whole or not at all, and for this user only.
    QSaveFile file(out);
    const bool opened = file.open(QIODevice::WriteOnly)
                     && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!opened || file.write(*content) != content->size() || !file.commit())
        return fail(
            Error{Error::Code::StoreUnavailable, u"cannot write %1: %2"_s.arg(out, file.errorString())});
    return print(QJsonObject{{u"id"_s, id}, {u"out"_s, out}, {u"bytes"_s, qint64(content->size())}});
}

int CtlCommands::history()
{
    const Core::Result<QString> id = caseArgument(1);
    if (!id)
        return fail(id.error());
    const Core::Result<QList<Core::HistoryEntry>> entries = m_session->history().forCase(*id);
    if (!entries)
        return fail(entries.error());
    QJsonArray out;
    for (const Core::HistoryEntry &entry : *entries)
        out.append(Core::Json::fromHistory(entry));
    return print(out);
}

int CtlCommands::demo()
{
    bool ok = false;
    const int cases = m_options.value(u"cases"_s).toInt(&ok);
    if (!ok || cases < 1 || cases > 1000000)
        return usageError(u"demo --cases N (1 to 1,000,000) [--seed S]"_s);
    const quint64 seed = m_options.value(u"seed"_s, u"1"_s).toULongLong();
    Core::DemoGenerator generator(*m_session, seed);
    const Core::Result<int> written = generator.generate(cases);
    if (!written)
        return fail(written.error());
    return print(QJsonObject{{u"cases"_s, *written}, {u"seed"_s, QString::number(seed)}});
}

int CtlCommands::exportAll()
{
    if (m_options.value(u"format"_s, u"json"_s) != u"json")
        return usageError(u"export supports --format json"_s);
    // Decrypted case files: --out FILE appears whole or not at all, 0600; a regular file that
    // stdout was redirected to is made 0600 too (the shell created it with the umask's mode).
    const QString outPath = m_options.value(u"out"_s);
    QSaveFile saved(outPath);
    QFile standardOut;
    QIODevice *out = &standardOut;
    if (!outPath.isEmpty()) {
        if (!saved.open(QIODevice::WriteOnly)
            || !saved.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return fail(Error{Error::Code::StoreUnavailable,
                              u"cannot write %1: %2"_s.arg(outPath, saved.errorString())});
        out = &saved;
    } else {
        struct stat st = {};
        if (::fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0077) != 0)
            ::fchmod(STDOUT_FILENO, st.st_mode & 0700);
        if (!standardOut.open(stdout, QIODevice::WriteOnly))
            return fail(Error{Error::Code::Internal, u"cannot write to standard output"_s});
    }
    const Core::Result<qint64> written = Core::CaseExport(m_session->cases()).writeAll(*out);
    if (outPath.isEmpty()) {
        standardOut.flush();
        return written ? Ok : fail(written.error());
    }
    if (!written)
        return fail(written.error());
    if (!saved.commit())
        return fail(
            Error{Error::Code::StoreUnavailable, u"cannot write %1: %2"_s.arg(outPath, saved.errorString())});
    return print(QJsonObject{{u"out"_s, outPath}, {u"cases"_s, *written}});
}

int CtlCommands::nikCheck()
{
    if (Core::Status s = loadReference(); !s)
        return fail(s.error());
    const QString nik = m_options.word(2);
    std::optional<QDate> birth;
    if (m_options.has(u"birth-date"_s)) {
        birth = QDate::fromString(m_options.value(u"birth-date"_s), Qt::ISODate);
        if (!birth->isValid())
            return usageError(u"--birth-date takes YYYY-MM-DD"_s);
    }
    // "Today" (a birth date after it is impossible) in the profile's district when one is named;
    // otherwise where the NIK was issued: its first two digits are the province. A NIK naming no
    // province is refused anyway, so its day need not be exact (and logs nothing).
    std::optional<Core::DistrictTime> time;
    if (const QString dir = m_options.value(u"profile"_s); !dir.isEmpty()) {
        const Core::Result<Core::ProfileInfo> info = Core::Profile::readInfo(dir);
        if (!info)
            return fail(info.error());
        time.emplace(info->districtCode);
    } else {
        time.emplace(Core::DistrictTime::zoneOf(nik).value_or(Core::DistrictTime::Zone::Wib));
    }
    const Core::NikValidator validator(*m_regions);
    const Core::NikCheck check
        = validator.check(nik, time->today(*m_clock), m_options.value(u"sex"_s), birth);
    QJsonObject out{{u"valid"_s, check.valid}, {u"message"_s, check.message()}};
    if (check.birthDate)
        out.insert(u"birth_date"_s, check.birthDate->toString(Qt::ISODate));
    if (!check.sex.isEmpty())
        out.insert(u"sex"_s, check.sex);
    if (!check.districtCode.isEmpty())
        out.insert(u"district"_s, check.districtCode);
    print(out);
    return check.valid ? Ok : Validation;
}

int CtlCommands::regionSearch()
{
    if (Core::Status s = loadReference(); !s)
        return fail(s.error());
    QJsonArray out;
    const QList<Core::Region> hits
        = m_regions->searchByName(m_options.word(2), 20, m_options.value(u"within"_s));
    for (const Core::Region &region : hits)
        out.append(QJsonObject{{u"code"_s, region.code},
                               {u"name"_s, region.name},
                               {u"path"_s, m_regions->displayPath(region.code)}});
    return print(out);
}
