// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/demo/demogenerator.h"

#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/changelog/changelog.h"
#include "core/clock/clock.h"
#include "core/codes/codelists.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/regions/regionindex.h"
#include "core/sql/transaction.h"

#include <QDate>
#include <QDateTime>

#include <random>

using namespace Qt::StringLiterals;

namespace Core {

class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_engine(seed)
    { }
    int range(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_engine); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_engine); }
    template <typename List> const auto &pick(const List &list)
    {
        return list.at(range(0, int(list.size()) - 1));
    }

private:
    std::mt19937_64 m_engine;
};

namespace {

const QStringList &narrativeOpenings()
{
    static const QStringList list = {
        u"Korban melaporkan bahwa pelaku sering melakukan kekerasan di rumah"_s,
        u"Laporan diterima dari ketua RT tentang dugaan kekerasan terhadap anak"_s,
        u"Guru sekolah melaporkan siswa datang dengan luka memar"_s,
        u"Kader PATBM desa menghubungi hotline setelah mendengar keributan"_s,
        u"Ibu korban datang ke kantor UPTD PPA untuk melapor"_s,
        u"Polsek merujuk korban untuk pendampingan dan visum"_s,
        u"Tetangga melaporkan anak ditelantarkan tanpa makanan selama beberapa hari"_s,
    };
    return list;
}

const QStringList &narrativeDetails()
{
    static const QStringList list = {
        u"korban tampak takut dan belum mau bercerita banyak"_s,
        u"keluarga meminta pendampingan saat pemeriksaan di polres"_s,
        u"korban membutuhkan layanan psikologis segera"_s,
        u"pelaku masih tinggal serumah dengan korban"_s,
        u"korban tidak bersekolah sejak kejadian"_s,
        u"tim jemput bola dijadwalkan mengunjungi rumah korban"_s,
        u"perlu koordinasi dengan puskesmas dan dinas sosial"_s,
        u"korban tinggal bersama nenek di desa"_s,
    };
    return list;
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

QStringList DemoGenerator::givenNames(bool female)
{
    static const QStringList women
        = {u"Siti"_s,      u"Nur"_s,   u"Dewi"_s,    u"Rina"_s,   u"Ayu"_s,       u"Fitri"_s, u"Indah"_s,
           u"Putri"_s,     u"Wulan"_s, u"Lestari"_s, u"Aisyah"_s, u"Rahmawati"_s, u"Sri"_s,   u"Yuliana"_s,
           u"Nurhaliza"_s, u"Mega"_s,  u"Ratna"_s,   u"Intan"_s,  u"Kartika"_s,   u"Anisa"_s};
    static const QStringList men
        = {u"Budi"_s,  u"Agus"_s,     u"Joko"_s,     u"Andi"_s,    u"Rudi"_s,  u"Hendra"_s, u"Rizky"_s,
           u"Ahmad"_s, u"Muhammad"_s, u"Dedi"_s,     u"Eko"_s,     u"Bayu"_s,  u"Fajar"_s,  u"Arif"_s,
           u"Yusuf"_s, u"Samsul"_s,   u"Darmawan"_s, u"Cahyono"_s, u"Hasan"_s, u"Irfan"_s};
    return female ? women : men;
}

QStringList DemoGenerator::familyNames()
{
    static const QStringList list
        = {u"Saputra"_s,     u"Wijaya"_s,    u"Hidayat"_s, u"Santoso"_s, u"Pratama"_s,
           u"Kurniawan"_s,   u"Setiawan"_s,  u"Nugroho"_s, u"Siregar"_s, u"Lubis"_s,
           u"Rahman"_s,      u"Syahputra"_s, u"Hakim"_s,   u"Wahyudi"_s, u"Purnomo"_s,
           u"Simanjuntak"_s, u"Daeng"_s,     u"Latif"_s,   u"Amir"_s,    u"Sulistyo"_s};
    return list;
}

DemoGenerator::DemoGenerator(Session &session, quint64 seed)
    : m_session(session)
    , m_seed(seed)
{ }

Status DemoGenerator::generateOne(DemoRandom &random)
{
    const CodeLists &codes = m_session.codes();
    const RegionIndex &regions = m_session.regions();
    const QString district = m_session.profile().info().districtCode;
    const QDate today = m_session.profile().districtTime().today(m_session.profile().clock());

    // A real village of the profile's regency: kecamatan, then desa.
    const QList<Region> kecamatan = regions.children(district);
    if (kecamatan.isEmpty())
        return invalidInput(Error::Reason::NotAllowedValue, u"district"_s,
                            u"the profile's district %1 has no kecamatan"_s.arg(district));
    const Region &kec = random.pick(kecamatan);
    const QList<Region> villages = regions.children(kec.code);
    const QString village = villages.isEmpty() ? kec.code : random.pick(villages).code;

    const QDate reported = today.addDays(-random.range(0, 720));
    const QDate incident = reported.addDays(-random.range(0, 30));
    const bool child = random.chance(0.6);
    const bool female = random.chance(0.8);
    const QDate birth = child ? incident.addDays(-random.range(2 * 365, 17 * 365))
                              : incident.addDays(-random.range(18 * 365, 60 * 365));

    QStringList violence;
    const QList<CodeItem> &violenceItems = codes.items(u"violence_type");
    violence << random.pick(violenceItems).code;
    if (random.chance(0.3))
        violence << random.pick(violenceItems).code;

    CaseDraft draft;
    draft.fields = {
        {u"district_code"_s, district},
        {u"intake_channel"_s, random.pick(codes.items(u"intake_channel")).code},
        {u"reported_on"_s, isoDate(reported)},
        {u"incident_on"_s, isoDate(incident)},
        {u"incident_region"_s, village},
        {u"region_decree"_s, regions.decree()},
        {u"incident_scene"_s, random.pick(codes.items(u"scene")).code},
        {u"violence_types"_s, violence},
        {u"typing"_s, QStringList{child ? u"ampk"_s : u"ktp"_s}},
        {u"narrative"_s,
         QString(QStringView(marker) + u' ' + random.pick(narrativeOpenings()) + u", "_s
                 + random.pick(narrativeDetails()) + u". "_s + random.pick(narrativeDetails()) + u'.')},
    };
    draft.parties = parties(random, {kec.code, village}, birth, female, child);
    draft.risk = QVariantHash{{u"level"_s, random.pick(codes.items(u"risk_level")).code},
                              {u"safety_plan"_s, u"Rencana keselamatan disusun bersama korban."_s}};

    const Result<Record> created = m_session.cases().create(draft);
    if (!created)
        return created.error();
    return addActivities(random, created->id, village, today);
}

QList<PartyInput> DemoGenerator::parties(DemoRandom &random, const DemoGenerator::DemoPlace &place,
                                         const QDate &birth, bool female, bool child) const
{
    const CodeLists &codes = m_session.codes();
    const QString &village = place.village;
    const QString victimName = random.pick(givenNames(female)) + u' ' + random.pick(familyNames());
    PartyInput victim;
    victim.link = {{u"role"_s, u"victim"_s}};
    victim.person
        = {{u"name"_s, victimName},
           {u"sex"_s, female ? u"female"_s : u"male"_s},
           {u"birth_date"_s, isoDate(birth)},
           {u"address_region"_s, village},
           {u"education"_s, random.pick(codes.items(u"education")).code},
           {u"disability"_s, random.chance(0.9) ? u"none"_s : random.pick(codes.items(u"disability")).code}};
    if (random.chance(0.7)) {
        // A NIK consistent with the birth date and sex, from the village's kecamatan.
        QString region = place.kecamatan;
        region.remove(u'.');
        const int day = birth.day() + (female ? 40 : 0);
        victim.person.insert(u"nik"_s, u"%1%2%3%4%5"_s.arg(region)
                                           .arg(day, 2, 10, QChar(u'0'))
                                           .arg(birth.month(), 2, 10, QChar(u'0'))
                                           .arg(birth.year() % 100, 2, 10, QChar(u'0'))
                                           .arg(random.range(1, 9999), 4, 10, QChar(u'0')));
    }
    PartyInput perpetrator;
    perpetrator.link = {{u"role"_s, u"perpetrator"_s}, {u"relationship"_s, relationship(random, child)}};
    perpetrator.person
        = {{u"name"_s, QString(random.pick(givenNames(false)) + u' ' + random.pick(familyNames()))},
           {u"sex"_s, u"male"_s},
           {u"age_estimate"_s, qint64(random.range(18, 65))}};
    QList<PartyInput> all{victim, perpetrator};
    if (random.chance(0.5)) {
        PartyInput reporter;
        reporter.link = {{u"role"_s, u"reporter"_s}};
        reporter.person = {{u"name"_s, QString(random.pick(givenNames(random.chance(0.5))) + u' '
                                               + random.pick(familyNames()))},
                           {u"phone"_s, u"08%1"_s.arg(random.range(100000000, 999999999))}};
        all << reporter;
    }
    return all;
}

QString DemoGenerator::relationship(DemoRandom &random, bool child) const
{
    // As the field reports tell it: a child is most often harmed by a parent, step-parent,
    // relative, neighbour or teacher, never by a "spouse" or a co-worker in demo data; an adult
    // woman most often by her husband. Every code is still a code of the list.
    static const QStringList childRelations{
        u"parent"_s,  u"step_parent"_s,       u"grandparent"_s,    u"family"_s,  u"neighbour"_s,
        u"teacher"_s, u"religious_teacher"_s, u"partner_friend"_s, u"stranger"_s};
    static const QStringList adultRelations{u"spouse"_s,         u"spouse"_s,    u"spouse"_s,
                                            u"partner_friend"_s, u"family"_s,    u"employer"_s,
                                            u"coworker"_s,       u"neighbour"_s, u"stranger"_s};
    const QStringList &pool = child ? childRelations : adultRelations;
    const QString code = random.pick(pool);
    // A code list without the code (an older list): any code of the list, as before.
    return m_session.codes().contains(u"perpetrator_relationship", code)
             ? code
             : random.pick(m_session.codes().items(u"perpetrator_relationship")).code;
}

Status DemoGenerator::addActivities(DemoRandom &random, const QString &caseId, const QString &village,
                                    const QDate &today)
{
    const CodeLists &codes = m_session.codes();
    if (random.chance(0.5)) {
        const Result<Record> visit
            = m_session.activities().add(u"visit", caseId,
                                         {{u"region_code"_s, village},
                                          {u"location_source"_s, u"village_centroid"_s},
                                          {u"purpose"_s, u"outreach"_s},
                                          {u"notes"_s, u"Kunjungan jemput bola ke rumah korban."_s}});
        if (!visit)
            return visit.error();
    }
    if (random.chance(0.4)) {
        const Result<Record> service = m_session.activities().add(
            u"service", caseId, {{u"service_type"_s, random.pick(codes.items(u"service_type")).code}});
        if (!service)
            return service.error();
    }
    if (random.chance(0.3)) {
        // Follow-ups around today: some overdue, some today, most ahead.
        static const QStringList tasks
            = {u"Dampingi korban ke RSUD untuk visum"_s, u"Telepon ibu korban"_s,
               u"Antar korban ke Polres untuk BAP"_s,    u"Kunjungan pemantauan ke rumah"_s,
               u"Koordinasi dengan psikolog"_s,          u"Hadiri sidang di pengadilan"_s};
        const Result<Record> followup
            = m_session.activities().add(u"followup", caseId,
                                         {{u"due_on"_s, isoDate(today.addDays(random.range(-10, 21)))},
                                          {u"description"_s, random.pick(tasks)}});
        if (!followup)
            return followup.error();
    }
    return {};
}

Result<int> DemoGenerator::generate(int cases, const std::function<void(int)> &progress)
{
    constexpr int batch = 250;
    DemoRandom random(m_seed);
    Database &db = m_session.profile().database();
    int done = 0;
    while (done < cases) {
        Transaction txn(db);
        if (Status s = txn.begin(); !s)
            return s.error();
        const int end = std::min(cases, done + batch);
        for (int i = done; i < end; ++i) {
            if (Status s = generateOne(random); !s) {
                // The batch's actions were released into this transaction and roll back with
                // it; the next action re-reads the stored sequence (ChangeLog::begin).
                txn.rollback();
                return s.error();
            }
        }
        if (Status s = txn.commit(); !s)
            return s.error();
        done = end;
        if (progress)
            progress(done);
    }
    return done;
}

} // namespace Core
