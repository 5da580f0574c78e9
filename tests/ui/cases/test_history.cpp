// SPDX-License-Identifier: GPL-3.0-or-later
// Riwayat is for caseworkers: field labels, code labels, record names in words and times in the
// district's zone with four-digit years, never raw ids, codes or millisecond stamps.
#include "core/cases/caserepository.h"
#include "core/changelog/schema.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"
#include "ui/cases/historytab.h"
#include "ui/common/fieldlabels.h"

#include <QRegularExpression>
#include <QScopeGuard>
#include <QTableWidget>
#include <QTranslator>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace {

// Every cell of the history table, one line per row, cells separated by " | ".
QString renderedText(const QTableWidget &table)
{
    QStringList lines;
    for (int row = 0; row < table.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < table.columnCount(); ++column)
            cells << (table.item(row, column) ? table.item(row, column)->text() : QString());
        lines << cells.join(u" | "_s);
    }
    return lines.join(u'\n');
}

// The case moved forward step by step to "closure requested", each step as the workspace does it.
void requestClosure(Test::ProfileFixture &f, const QString &caseId)
{
    for (const QString &status : {u"outreach"_s, u"assessment"_s, u"planning"_s, u"services"_s,
                                  u"monitoring"_s, u"closure_requested"_s}) {
        f.clock.advance(3'600'000);
        Core::CaseDraft patch;
        patch.fields.insert(u"status"_s, status);
        patch.statusReason = u"Korban sudah aman di rumah nenek"_s;
        INFO(status.toStdString());
        REQUIRE(f.session->cases().update(caseId, patch).ok());
    }
}

} // namespace

TEST_CASE("the history shows a status change and a field edit in Indonesian words", "[ui][history][i18n]")
{
    QTranslator translator;
    REQUIRE(translator.load(QStringLiteral(DAMPINGI_QM_DIR "/dampingi_id.qm")));
    QCoreApplication::installTranslator(&translator);
    const auto restore = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    Test::ProfileFixture f;
    const auto kase = f.session->cases().create(Test::sampleDraft());
    REQUIRE(kase.ok());
    requestClosure(f, kase->id);
    f.clock.advance(60'000);
    // A field edit of each kind: sensitive text, a code, a set, a moment.
    const qint64 receivedAt = Test::fixedNowMs - 86'400'000 - 123; // a stamp with milliseconds
    Core::CaseDraft edit;
    edit.fields = {{u"narrative"_s, u"Keterangan baru dari korban"_s},
                   {u"incident_scene"_s, u"school"_s},
                   {u"violence_types"_s, QStringList{u"seksual"_s, u"fisik"_s}},
                   {u"received_at"_s, receivedAt}};
    REQUIRE(f.session->cases().update(kase->id, edit).ok());

    HistoryTab tab(*f.session, u"id"_s, nullptr);
    tab.open(kase->id);
    const Core::Result<Core::CaseFile> file = f.session->cases().load(kase->id);
    REQUIRE(file.ok());
    tab.fill(*file);
    auto *table = tab.findChild<QTableWidget *>(u"historyTable"_s);
    REQUIRE(table);
    const QString text = renderedText(*table);
    INFO(text.toStdString());

    // Newest first: the edit's rows, then the status changes.
    CHECK(table->item(0, 0)->text().contains(u"2026"_s));
    CHECK(table->item(0, 1)->text() == u"siti.caseworker");
    // The status change: the code list's label, the record named in words.
    CHECK(text.contains(u"Status | Terminasi diajukan"_s));
    CHECK(text.contains(u"Perubahan status | Status baru | Terminasi diajukan"_s));
    CHECK(text.contains(u"Perubahan status | Status sebelumnya | Pemantauan"_s));
    // The field edits: Indonesian labels, labels of codes, the sensitive text decrypted.
    CHECK(text.contains(u"Kasus | Kronologi | Keterangan baru dari korban"_s));
    CHECK(text.contains(u"Kasus | Tempat kejadian | Sekolah"_s));
    CHECK(text.contains(u"Jenis kekerasan | "_s));
    CHECK(text.contains(u"Kekerasan fisik"_s));
    CHECK(text.contains(u"Kekerasan psikis"_s));
    // The moment of a Time field in the district's zone, four-digit year, no seconds.
    const QString received = f.profile->districtTime().display(receivedAt, QLocale(u"id"_s));
    CHECK(received.startsWith(u"19/11/2026 "_s));
    CHECK(text.contains(u"Waktu laporan diterima | "_s + received));

    // Nothing for programmers: no codes, no field ids, no millisecond stamps, no two-digit years.
    for (const QString &raw :
         {u"closure_requested"_s, u"monitoring"_s, u"narrative"_s, u"incident_scene"_s, u"violence_types"_s,
          u"status_change"_s, u"to_status"_s, u"school"_s, u"received_at"_s, u"fisik"_s}) {
        INFO(raw.toStdString());
        CHECK_FALSE(text.contains(u" | "_s + raw));
    }
    CHECK_FALSE(text.contains(QString::number(receivedAt)));
    CHECK_FALSE(text.contains(QRegularExpression(u"(?<!\\d)\\d{13}(?!\\d)"_s))); // epoch milliseconds
    CHECK_FALSE(text.contains(QRegularExpression(u"\\b\\d\\d/\\d\\d/\\d\\d\\b"_s))); // dd/MM/yy
}

TEST_CASE("every field a history row can name has a label", "[ui][history]")
{
    // A field without one would show its id ("victim_person_id") in Riwayat.
    for (const Core::EntityDef &entity : Core::Schema::entities()) {
        CHECK(FieldLabels::entity(entity.name) != entity.name);
        for (const Core::FieldDef &field : entity.fields) {
            INFO(entity.name.toStdString() << '.' << field.name.toStdString());
            CHECK_FALSE(FieldLabels::name(field.name).isEmpty());
        }
    }
}
