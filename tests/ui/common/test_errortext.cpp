// SPDX-License-Identifier: GPL-3.0-or-later
// Every error reason has its own Indonesian sentence, built from the reason and the field's
// translated label, never from the English detail.
#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "tests/support/fixtures.h"
#include "ui/common/errortext.h"

#include <QCoreApplication>
#include <QHash>
#include <QScopeGuard>
#include <QTranslator>

#include <catch2/catch.hpp>

using namespace Qt::StringLiterals;

namespace Catch {
template <> struct StringMaker<QString>
{
    static std::string convert(const QString &text) { return '"' + text.toStdString() + '"'; }
};
} // namespace Catch

namespace {

using Reason = Core::Error::Reason;

// Technical English that must never reach a sentence.
const QString detail = u"incident_on is in the future (detail 7f3a)"_s;

struct Expected
{
    Reason reason;
    QString sentence; // the whole message for an error naming the case's incident date
};

// One row per reason; a reason added to the enum without a row here fails the walk below.
const QList<Expected> &expectations()
{
    static const QString field = u"Tanggal kejadian — "_s;
    static const QList<Expected> rows = {
        {Reason::None, u"Mohon periksa isian ini."_s},
        {Reason::Required, field + u"Isian ini wajib diisi."_s},
        {Reason::NotAllowedValue, field + u"Pilih salah satu nilai yang tersedia."_s},
        {Reason::OutOfRange, field + u"Nilai ini di luar rentang yang mungkin."_s},
        {Reason::TooLong, field + u"Terlalu panjang: paling banyak 2000 karakter."_s},
        {Reason::TooShort, field + u"Terlalu pendek: paling sedikit 2000 karakter."_s},
        {Reason::TooLarge, field + u"Terlalu besar: paling besar 1 MB."_s},
        {Reason::BadFormat, field + u"Isian ini tidak sesuai bentuk yang diharapkan."_s},
        {Reason::BadCharacters, field + u"Isian ini memuat karakter yang tidak dapat disimpan."_s},
        {Reason::InTheFuture, field + u"Tanggal ini tidak boleh di masa depan."_s},
        {Reason::AfterOther, field + u"Tanggal ini tidak boleh setelah isian \"Tanggal lapor\"."_s},
        {Reason::SetBySystem, field + u"Nilai ini diisi oleh Dampingi dan tidak dapat diisi sendiri."_s},
        {Reason::Duplicate, field + u"Ini sudah ada. Pilih yang lain."_s},
        {Reason::NikWrongLength, field + u"NIK terdiri dari 16 angka."_s},
        {Reason::NikNotDigits, field + u"NIK hanya berisi angka."_s},
        {Reason::NikUnknownRegion,
         field + u"Angka awal NIK bukan kode provinsi atau kabupaten/kota yang dikenal."_s},
        {Reason::NikInvalidBirthDate, field + u"Angka ke-7 sampai ke-12 NIK bukan tanggal lahir."_s},
        {Reason::NikBirthDateInFuture, field + u"Tanggal lahir dalam NIK ada di masa depan."_s},
        {Reason::NikZeroSerial, field + u"Empat angka terakhir NIK tidak boleh 0000."_s},
        {Reason::NikSexMismatch,
         field + u"NIK tidak cocok dengan jenis kelamin yang diisi. Periksa keduanya."_s},
        {Reason::NikBirthDateMismatch,
         field + u"NIK tidak cocok dengan tanggal lahir yang diisi. Periksa keduanya."_s},
        {Reason::DiskFull,
         field + u"Disk penuh. Tidak ada data yang hilang: kosongkan sebagian ruang lalu simpan lagi."_s},
        {Reason::ReadOnly,
         field + u"Folder profil tidak dapat ditulisi (hanya-baca). Tidak ada yang disimpan."_s},
        {Reason::TransitionForbidden, field + u"Perubahan status ini bukan langkah dalam alur kerja."_s},
        {Reason::TransitionNeedsReason, field + u"Perubahan status ini memerlukan alasan."_s},
        {Reason::RoleForbidden,
         field + u"Peran Anda tidak mengizinkan ini. Mohon minta kepada supervisor Anda."_s},
        {Reason::OutOfScope, field + u"Kasus ini tidak termasuk kasus yang Anda tangani."_s},
        {Reason::Stale,
         field + u"Ini sudah diubah sebelumnya, mungkin di laptop lain. Muat ulang lalu periksa kembali."_s},
        {Reason::AlreadyEnrolled, field + u"Profil ini sudah terdaftar di server kabupaten/kota."_s},
        {Reason::Revoked,
         field
             + u"Kantor kabupaten/kota mencabut laptop ini dan data kasusnya sudah dihapus. Mohon hubungi kantor."_s},
        {Reason::NotEnrolled,
         field
             + u"Server kabupaten/kota tidak mengenali laptop ini. Mohon minta kantor mendaftarkannya kembali."_s},
        {Reason::VersionTooOld,
         field
             + u"Server kabupaten/kota memerlukan versi Dampingi yang lebih baru. Mohon perbarui aplikasi."_s},
        {Reason::EnrollmentRejected,
         field
             + u"Kode pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa. Mohon minta kode baru kepada kantor."_s},
        {Reason::BadCertificate,
         field
             + u"Ini bukan server kabupaten/kota tempat laptop ini didaftarkan (sertifikatnya tidak cocok); "
               u"jaringan "
               "mungkin mengalihkan Anda, seperti halaman login hotspot. Tidak ada yang dikirim. Coba lewat "
               "sambungan lain; jika terus terjadi, hubungi kantor kabupaten/kota."_s},
        {Reason::NotForThisLaptop, field + u"Bundel ini bukan untuk laptop ini."_s},
        {Reason::BundleAltered,
         field + u"Bundel ini telah diubah atau bukan dari kantor kabupaten/kota. Tidak ada yang diimpor."_s},
        {Reason::LastVictim,
         field
             + u"Kasus harus punya sedikitnya satu korban. Tambahkan dulu korban yang benar, lalu "
               "hapus peran yang ini."_s},
        {Reason::Cancelled,
         field
             + u"Sinkronisasi dibatalkan. Tidak ada yang hilang: sinkronisasi berikutnya melanjutkan dari "
               "titik ini."_s},
        {Reason::RateLimited,
         field
             + u"Server kabupaten/kota sedang sibuk. Pekerjaan Anda tersimpan di laptop ini; Dampingi akan "
               "mencoba lagi sebentar lagi."_s},
        {Reason::ClockSkew,
         field
             + u"Jam laptop ini berbeda jauh dari jam server kabupaten/kota. Atur tanggal dan jam di "
               "pengaturan laptop, lalu sinkronkan lagi."_s},
    };
    return rows;
}

struct Indonesian
{
    Indonesian()
    {
        REQUIRE(translator.load(QStringLiteral(DAMPINGI_QM_DIR "/dampingi_id.qm")));
        QCoreApplication::installTranslator(&translator);
    }
    ~Indonesian() { QCoreApplication::removeTranslator(&translator); }
    QTranslator translator;
};

} // namespace

TEST_CASE("every error reason has its own Indonesian sentence without the detail", "[ui][errors][i18n]")
{
    Indonesian id;
    QHash<int, QString> expected;
    for (const Expected &row : expectations())
        expected.insert(int(row.reason), row.sentence);
    QHash<QString, int> seen; // sentence → reason: no two reasons share one
    for (int r = 0; r < int(Reason::LastReason); ++r) {
        const auto reason = Reason(r);
        INFO("reason " << r);
        REQUIRE(expected.contains(r));
        Core::Error error{Core::Error::Code::InvalidInput, detail, u"incident_on"_s, reason, u"case"_s};
        error.limit = reason == Reason::TooLarge ? 1024 * 1024 : 2000;
        error.other = u"reported_on"_s;
        const QString message = ErrorText::message(error);
        CHECK(message == expected.value(r));
        CHECK_FALSE(message.contains(u"7f3a"_s));
        CHECK_FALSE(message.contains(u"incident_on"_s));
        CHECK_FALSE(seen.contains(message));
        seen.insert(message, r);
    }
}

TEST_CASE("an error without a reason gets its code's sentence, not the detail", "[ui][errors][i18n]")
{
    Indonesian id;
    using Code = Core::Error::Code;
    const QList<std::pair<Code, QString>> codes = {
        {Code::InvalidInput, u"Mohon periksa isian ini."_s},
        {Code::Conflict, u"Perubahan ini belum diizinkan."_s},
        {Code::Refused, u"Server kabupaten/kota menolak laptop ini. Mohon hubungi kantor kabupaten/kota."_s},
        {Code::StoreUnavailable,
         u"Penyimpanan kasus tidak dapat ditulisi saat ini. Tidak ada yang disimpan; silakan coba lagi."_s},
    };
    for (const auto &[code, sentence] : codes) {
        // A detail that looks like a reason is not read: disk full is a reason, not a prefix.
        const QString message = ErrorText::message(Core::Error{code, u"disk full: 7f3a"_s, u"login"_s});
        CHECK(message == sentence);
    }
}

TEST_CASE("errors of the store name the field and the reason in Indonesian", "[ui][errors][i18n]")
{
    Indonesian id;
    Test::ProfileFixture f;

    Core::CaseDraft future = Test::sampleDraft();
    future.fields[u"incident_on"_s] = u"2099-01-01"_s;
    future.fields[u"reported_on"_s] = u"2099-01-02"_s;
    const auto inFuture = f.session->cases().create(future);
    REQUIRE_FALSE(inFuture.ok());
    CHECK(inFuture.error().reason == Reason::InTheFuture);
    CHECK(ErrorText::message(inFuture.error()) == u"Tanggal lapor — Tanggal ini tidak boleh di masa depan.");

    Core::CaseDraft order = Test::sampleDraft();
    order.fields[u"incident_on"_s] = u"2026-11-19"_s;
    const auto late = f.session->cases().create(order);
    REQUIRE_FALSE(late.ok());
    CHECK(ErrorText::message(late.error())
          == u"Tanggal kejadian — Tanggal ini tidak boleh setelah isian \"Tanggal lapor\".");

    Core::CaseDraft nik = Test::sampleDraft();
    nik.parties[0].person[u"nik"_s] = u"640206550712000"_s; // 15 digits
    const auto shortNik = f.session->cases().create(nik);
    REQUIRE_FALSE(shortNik.ok());
    CHECK(shortNik.error().field == u"people[0].person.nik");
    CHECK(ErrorText::message(shortNik.error()) == u"Orang: NIK — NIK terdiri dari 16 angka.");

    Core::CaseDraft sex = Test::sampleDraft();
    sex.parties[0].person[u"sex"_s] = u"male"_s; // the NIK says female
    const auto mismatch = f.session->cases().create(sex);
    REQUIRE_FALSE(mismatch.ok());
    CHECK(ErrorText::message(mismatch.error())
          == u"Orang: NIK — NIK tidak cocok dengan jenis kelamin yang diisi. Periksa keduanya.");
}
