<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>Nomor kasus</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Dilaporkan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Violence type</source>
        <translation>Jenis kekerasan</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
</context>
<context>
    <name>CaseListWindow</name>
    <message>
        <source>Dampingi — TRAINING profile</source>
        <translation>Dampingi — profil PELATIHAN</translation>
    </message>
    <message>
        <source>Dampingi</source>
        <translation>Dampingi</translation>
    </message>
    <message>
        <source>Training profile: practice data only, never real cases.</source>
        <translation>Profil pelatihan: hanya data latihan, bukan kasus nyata.</translation>
    </message>
    <message>
        <source>Search name, NIK, case number, village or words…</source>
        <translation>Cari nama, NIK, nomor kasus, desa atau kata…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) shown</source>
        <translation>
            <numerusform>%n kasus ditampilkan</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Please check this entry: %1</source>
        <translation>Mohon periksa isian ini: %1</translation>
    </message>
    <message>
        <source>The record was not found. It may have been removed or moved to another team.</source>
        <translation>Data tidak ditemukan. Mungkin sudah dihapus atau dipindahkan ke tim lain.</translation>
    </message>
    <message>
        <source>Wrong user name or passphrase.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was lost: free some space and save again.</source>
        <translation>Disk penuh. Tidak ada data yang hilang: kosongkan sebagian ruang lalu simpan lagi.</translation>
    </message>
    <message>
        <source>The profile folder cannot be written (read-only). Nothing was saved.</source>
        <translation>Folder profil tidak dapat ditulisi (hanya-baca). Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>The case store cannot be written right now. Nothing was saved; please try again.</source>
        <translation>Penyimpanan kasus tidak dapat ditulisi saat ini. Tidak ada yang disimpan; silakan coba lagi.</translation>
    </message>
    <message>
        <source>This profile was written by a newer version of Dampingi. Please update the application.</source>
        <translation>Profil ini dibuat oleh versi Dampingi yang lebih baru. Mohon perbarui aplikasi.</translation>
    </message>
    <message>
        <source>The profile could not be upgraded. It was left unchanged.</source>
        <translation>Profil tidak dapat diperbarui. Profil dibiarkan seperti semula.</translation>
    </message>
    <message>
        <source>Some stored data is damaged and was not shown. Please contact your supervisor.</source>
        <translation>Sebagian data tersimpan rusak dan tidak ditampilkan. Mohon hubungi supervisor Anda.</translation>
    </message>
    <message>
        <source>This change is not allowed now: %1</source>
        <translation>Perubahan ini belum diizinkan: %1</translation>
    </message>
    <message>
        <source>Something went wrong inside Dampingi. Nothing was saved.</source>
        <translation>Terjadi kesalahan di dalam Dampingi. Tidak ada yang disimpan.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Unlock profile</source>
        <translation>Buka kunci profil</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Kata sandi:</translation>
    </message>
</context>
</TS>
