<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>Nomor kasus</translation>
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
        <source>Victim</source>
        <translation>Korban</translation>
    </message>
    <message>
        <source>Village, kecamatan</source>
        <translation>Desa/Kelurahan, kecamatan</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Terakhir diperbarui</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Keadaan sinkronisasi</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>Search name, NIK, case number, village or words…</source>
        <translation>Cari nama, NIK, nomor kasus, desa atau kata…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>The search is being prepared… it is ready in a moment.</source>
        <translation>Pencarian sedang disiapkan… sebentar lagi siap.</translation>
    </message>
    <message>
        <source>All violence types</source>
        <translation>Semua jenis kekerasan</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Semua tingkat risiko</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <source>Only my cases</source>
        <translation>Hanya kasus saya</translation>
    </message>
    <message>
        <source>With overdue follow-ups</source>
        <translation>Dengan tindak lanjut terlambat</translation>
    </message>
    <message>
        <source>Show all cases</source>
        <translation>Tampilkan semua kasus</translation>
    </message>
    <message>
        <source>Showing %1 of %2 cases — narrow the search</source>
        <translation>Menampilkan %1 dari %2 kasus — persempit pencarian</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n kasus</numerusform>
        </translation>
    </message>
    <message>
        <source>Show only the cases with changes not yet sent, a conflict to review or a change the server refused</source>
        <translation>Tampilkan hanya kasus dengan perubahan belum terkirim, konflik yang perlu ditinjau, atau perubahan yang ditolak server</translation>
    </message>
    <message>
        <source>All sync states</source>
        <translation>Semua keadaan sinkronisasi</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>View details</source>
        <translation>Lihat rincian</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <extracomment>The title of the dialog that corrects an entry, e.g. "Edit: Follow-up".</extracomment>
        <translation>Ubah: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>Record visit…</source>
        <translation>Catat kunjungan…</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>risiko</translation>
    </message>
    <message>
        <source>assigned to</source>
        <translation>ditangani oleh</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n konflik perlu ditinjau</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflicts to review</source>
        <translation>Konflik yang perlu ditinjau</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>No conflicts left to review in this case.</source>
        <translation>Tidak ada lagi konflik yang perlu ditinjau pada kasus ini.</translation>
    </message>
    <message>
        <source>This case was changed in two places, or a change was not accepted. Nothing was lost: look at both values and choose which to keep.</source>
        <translation>Kasus ini diubah di dua tempat, atau ada perubahan yang tidak diterima. Tidak ada yang hilang: lihat kedua nilai lalu pilih yang disimpan.</translation>
    </message>
    <message>
        <source>The district server did not accept this change from this laptop. Check the case and correct it by hand if needed.</source>
        <translation>Server kabupaten/kota tidak menerima perubahan ini dari laptop ini. Periksa kasusnya dan perbaiki secara manual bila perlu.</translation>
    </message>
    <message>
        <source>A change from another laptop could not be applied here. Check the case and correct it by hand if needed.</source>
        <translation>Perubahan dari laptop lain tidak dapat diterapkan di sini. Periksa kasusnya dan perbaiki secara manual bila perlu.</translation>
    </message>
    <message>
        <source>Reason given: %1</source>
        <translation>Alasan: %1</translation>
    </message>
    <message>
        <source>Value: %1 (by %2, %3)</source>
        <translation>Nilai: %1 (oleh %2, %3)</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Sudah diperiksa</translation>
    </message>
    <message>
        <source>Close this item after you checked the case.</source>
        <translation>Tutup butir ini setelah Anda memeriksa kasusnya.</translation>
    </message>
    <message>
        <source>For safety, the most protective value is kept until a supervisor decides.</source>
        <translation>Demi keselamatan, nilai yang paling melindungi dipakai sampai supervisor memutuskan.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kept now&lt;/b&gt;</source>
        <translation>&lt;b&gt;Dipakai sekarang&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The other value&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nilai yang lain&lt;/b&gt;</translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <translation>oleh %1, %2</translation>
    </message>
    <message>
        <source>Keep this</source>
        <translation>Simpan yang ini</translation>
    </message>
    <message>
        <source>Only a supervisor decides a safety value.</source>
        <translation>Hanya supervisor yang memutuskan nilai keselamatan.</translation>
    </message>
    <message>
        <source>Changed again since: the case now holds a third value.</source>
        <translation>Sudah diubah lagi sesudahnya: kasus kini berisi nilai ketiga.</translation>
    </message>
    <message>
        <source>this laptop</source>
        <translation>laptop ini</translation>
    </message>
    <message>
        <source>another laptop</source>
        <translation>laptop lain</translation>
    </message>
</context>
<context>
    <name>ConsentBox</name>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>C&amp;onsent:</source>
        <translation>P&amp;ersetujuan:</translation>
    </message>
    <message>
        <source>Given by:</source>
        <translation>Diberikan oleh:</translation>
    </message>
    <message>
        <source>Consent da&amp;te:</source>
        <translation>&amp;Tanggal:</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;Cara:</translation>
    </message>
    <message>
        <source>Choose how the consent was given.</source>
        <translation>Pilih cara persetujuan diberikan.</translation>
    </message>
</context>
<context>
    <name>CreateProfileDialog</name>
    <message>
        <source>Training profile (practice data for workshops, never real cases)</source>
        <translation>Profil pelatihan (data latihan untuk lokakarya, bukan kasus nyata)</translation>
    </message>
    <message>
        <source>New Dampingi profile</source>
        <translation>Profil Dampingi baru</translation>
    </message>
    <message>
        <source>A profile keeps the cases of one district on this laptop, encrypted with a key that only your passphrase opens. There is no way to recover a forgotten passphrase: keep it safe.</source>
        <translation>Profil menyimpan kasus satu kabupaten/kota di laptop ini, terenkripsi dengan kunci yang hanya bisa dibuka kata sandi Anda. Kata sandi yang terlupa tidak dapat dipulihkan: simpan baik-baik.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>District (kabupaten/kota)</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>e.g. siti.rahma</source>
        <translation>mis. siti.rahma</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Pendamping kasus</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Pelatih</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Ulangi kata sandi</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Buat profil</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ditambahkan</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Lampirkan berkas…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Simpan salinan…</translation>
    </message>
    <message>
        <source>The copy is not encrypted: keep it only as long as needed.</source>
        <translation>Salinan ini tidak terenkripsi: simpan hanya selama diperlukan.</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Lampirkan dokumen</translation>
    </message>
    <message>
        <source>%1 (arrives with a sync)</source>
        <translation>%1 (menyusul saat sinkronisasi)</translation>
    </message>
    <message>
        <source>The copy could not be written there. Choose another folder or drive with free space.</source>
        <translation>Salinan tidak dapat ditulis di sana. Pilih folder atau drive lain yang masih ada ruang kosong.</translation>
    </message>
    <message>
        <source>This file has not reached this laptop yet. It arrives with a sync, once the laptop that attached it has synced too.</source>
        <translation>Berkas ini belum sampai di laptop ini. Berkas akan tiba saat sinkronisasi, setelah laptop yang melampirkannya juga tersinkron.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Simpan salinan</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Risk level</source>
        <translation>Tingkat risiko</translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation>Faktor risiko</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Rencana keselamatan</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>Yang akan dilakukan</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
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
        <source>Something went wrong inside Dampingi. Nothing was saved.</source>
        <translation>Terjadi kesalahan di dalam Dampingi. Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>A field's label and what is wrong with it, e.g. "Incident date — This date cannot be in the future."</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>This entry is required.</source>
        <translation>Isian ini wajib diisi.</translation>
    </message>
    <message>
        <source>Choose one of the values offered.</source>
        <translation>Pilih salah satu nilai yang tersedia.</translation>
    </message>
    <message>
        <source>This value is outside the possible range.</source>
        <translation>Nilai ini di luar rentang yang mungkin.</translation>
    </message>
    <message>
        <source>Too long: at most %1 characters.</source>
        <translation>Terlalu panjang: paling banyak %1 karakter.</translation>
    </message>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation>Terlalu pendek: paling sedikit %1 karakter.</translation>
    </message>
    <message>
        <source>Too large: at most %1 MB.</source>
        <translation>Terlalu besar: paling besar %1 MB.</translation>
    </message>
    <message>
        <source>This entry is not in the expected form.</source>
        <translation>Isian ini tidak sesuai bentuk yang diharapkan.</translation>
    </message>
    <message>
        <source>This entry contains characters that cannot be stored.</source>
        <translation>Isian ini memuat karakter yang tidak dapat disimpan.</translation>
    </message>
    <message>
        <source>This date cannot be in the future.</source>
        <translation>Tanggal ini tidak boleh di masa depan.</translation>
    </message>
    <message>
        <source>This date is after a date it must precede.</source>
        <translation>Tanggal ini jatuh setelah tanggal yang seharusnya didahuluinya.</translation>
    </message>
    <message>
        <source>This date cannot be after the field "%1".</source>
        <translation>Tanggal ini tidak boleh setelah isian "%1".</translation>
    </message>
    <message>
        <source>This value is set by Dampingi and cannot be entered.</source>
        <translation>Nilai ini diisi oleh Dampingi dan tidak dapat diisi sendiri.</translation>
    </message>
    <message>
        <source>This already exists. Choose another.</source>
        <translation>Ini sudah ada. Pilih yang lain.</translation>
    </message>
    <message>
        <source>A NIK has 16 digits.</source>
        <translation>NIK terdiri dari 16 angka.</translation>
    </message>
    <message>
        <source>A NIK holds digits only.</source>
        <translation>NIK hanya berisi angka.</translation>
    </message>
    <message>
        <source>The first digits of the NIK are not a known province or regency.</source>
        <translation>Angka awal NIK bukan kode provinsi atau kabupaten/kota yang dikenal.</translation>
    </message>
    <message>
        <source>Digits 7 to 12 of the NIK are not a birth date.</source>
        <translation>Angka ke-7 sampai ke-12 NIK bukan tanggal lahir.</translation>
    </message>
    <message>
        <source>The birth date in the NIK is in the future.</source>
        <translation>Tanggal lahir dalam NIK ada di masa depan.</translation>
    </message>
    <message>
        <source>The last four digits of the NIK cannot be 0000.</source>
        <translation>Empat angka terakhir NIK tidak boleh 0000.</translation>
    </message>
    <message>
        <source>The NIK does not match the sex entered. Check both.</source>
        <translation>NIK tidak cocok dengan jenis kelamin yang diisi. Periksa keduanya.</translation>
    </message>
    <message>
        <source>The NIK does not match the birth date entered. Check both.</source>
        <translation>NIK tidak cocok dengan tanggal lahir yang diisi. Periksa keduanya.</translation>
    </message>
    <message>
        <source>This status change is not a step of the workflow.</source>
        <translation>Perubahan status ini bukan langkah dalam alur kerja.</translation>
    </message>
    <message>
        <source>This status change needs a reason.</source>
        <translation>Perubahan status ini memerlukan alasan.</translation>
    </message>
    <message>
        <source>Your role does not allow this. Please ask your supervisor.</source>
        <translation>Peran Anda tidak mengizinkan ini. Mohon minta kepada supervisor Anda.</translation>
    </message>
    <message>
        <source>This case is not among the cases you work on.</source>
        <translation>Kasus ini tidak termasuk kasus yang Anda tangani.</translation>
    </message>
    <message>
        <source>This was already changed, perhaps on another laptop. Reload it and check again.</source>
        <translation>Ini sudah diubah sebelumnya, mungkin di laptop lain. Muat ulang lalu periksa kembali.</translation>
    </message>
    <message>
        <source>This profile is already enrolled with the district server.</source>
        <translation>Profil ini sudah terdaftar di server kabupaten/kota.</translation>
    </message>
    <message>
        <source>The district office revoked this laptop and its case data was erased. Please contact the office.</source>
        <translation>Kantor kabupaten/kota mencabut laptop ini dan data kasusnya sudah dihapus. Mohon hubungi kantor.</translation>
    </message>
    <message>
        <source>The district server does not know this laptop. Please ask the office to enroll it again.</source>
        <translation>Server kabupaten/kota tidak mengenali laptop ini. Mohon minta kantor mendaftarkannya kembali.</translation>
    </message>
    <message>
        <source>The district server needs a newer version of Dampingi. Please update the application.</source>
        <translation>Server kabupaten/kota memerlukan versi Dampingi yang lebih baru. Mohon perbarui aplikasi.</translation>
    </message>
    <message>
        <source>The enrollment code is unknown, already used or expired. Please ask the office for a new one.</source>
        <translation>Kode pendaftaran tidak dikenal, sudah dipakai, atau kedaluwarsa. Mohon minta kode baru kepada kantor.</translation>
    </message>
    <message>
        <source>This bundle is not meant for this laptop.</source>
        <translation>Bundel ini bukan untuk laptop ini.</translation>
    </message>
    <message>
        <source>This bundle was altered or does not come from the district office. Nothing was imported.</source>
        <translation>Bundel ini telah diubah atau bukan dari kantor kabupaten/kota. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>Please check this entry.</source>
        <translation>Mohon periksa isian ini.</translation>
    </message>
    <message>
        <source>This change is not allowed now.</source>
        <translation>Perubahan ini belum diizinkan.</translation>
    </message>
    <message>
        <source>The district server refused this laptop. Please contact the district office.</source>
        <translation>Server kabupaten/kota menolak laptop ini. Mohon hubungi kantor kabupaten/kota.</translation>
    </message>
    <message>
        <source>A case needs at least one victim. Add the right victim first, then remove this one.</source>
        <translation>Kasus harus punya sedikitnya satu korban. Tambahkan dulu korban yang benar, lalu hapus peran yang ini.</translation>
    </message>
    <message>
        <source>The sync was cancelled. Nothing was lost: the next sync goes on where this one stopped.</source>
        <translation>Sinkronisasi dibatalkan. Tidak ada yang hilang: sinkronisasi berikutnya melanjutkan dari titik ini.</translation>
    </message>
    <message>
        <source>The district server is busy. Your work is kept on this laptop; Dampingi tries again shortly.</source>
        <translation>Server kabupaten/kota sedang sibuk. Pekerjaan Anda tersimpan di laptop ini; Dampingi akan mencoba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>This laptop's clock is far from the district server's. Set the date and time in the laptop's settings, then sync again.</source>
        <translation>Jam laptop ini berbeda jauh dari jam server kabupaten/kota. Atur tanggal dan jam di pengaturan laptop, lalu sinkronkan lagi.</translation>
    </message>
    <message>
        <source>This answer from the office was imported already. Nothing changed.</source>
        <translation>Jawaban kantor ini sudah pernah diimpor. Tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>The USB stick or folder is full. Nothing was lost: your changes stay on this laptop, not yet sent. Free some space or choose another drive.</source>
        <translation>Flashdisk atau folder ini penuh. Tidak ada yang hilang: perubahan Anda tetap di laptop ini, belum terkirim. Kosongkan sebagian ruang atau pilih tempat lain.</translation>
    </message>
    <message>
        <source>The USB stick or folder cannot be written (read-only or locked). Nothing was lost: your changes stay on this laptop, not yet sent. Choose another drive.</source>
        <translation>Flashdisk atau folder ini tidak dapat ditulisi (hanya-baca atau terkunci). Tidak ada yang hilang: perubahan Anda tetap di laptop ini, belum terkirim. Pilih tempat lain.</translation>
    </message>
    <message>
        <source>This file is far larger than any bundle from the office. Nothing was imported.</source>
        <translation>Berkas ini jauh lebih besar daripada bundel mana pun dari kantor. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>This file is not a Dampingi bundle. Nothing was imported.</source>
        <translation>Berkas ini bukan bundel Dampingi. Tidak ada yang diimpor.</translation>
    </message>
    <message>
        <source>This bundle is incomplete: the copy was cut short. Nothing was imported; copy it again from the office.</source>
        <translation>Bundel ini tidak lengkap: salinannya terpotong. Tidak ada yang diimpor; salin lagi dari kantor.</translation>
    </message>
    <message>
        <source>This bundle was written by a newer version of Dampingi. Please update the application, then import it again.</source>
        <translation>Bundel ini dibuat oleh versi Dampingi yang lebih baru. Mohon perbarui aplikasi, lalu impor lagi.</translation>
    </message>
    <message>
        <source>The file could not be written or read whole. Was the USB stick pulled out? Nothing was lost: plug it in and try again.</source>
        <translation>Berkas tidak dapat ditulis atau dibaca utuh. Apakah flashdisk tercabut? Tidak ada yang hilang: pasang lagi lalu coba lagi.</translation>
    </message>
    <message>
        <source>The file cannot be opened. Check that the USB stick is plugged in, then choose the file again.</source>
        <translation>Berkas tidak dapat dibuka. Pastikan flashdisk terpasang, lalu pilih berkasnya lagi.</translation>
    </message>
    <message>
        <source>This bundle is damaged and cannot be read. Nothing was imported; ask the office for a new copy.</source>
        <translation>Bundel ini rusak dan tidak dapat dibaca. Tidak ada yang diimpor; mintalah salinan baru kepada kantor.</translation>
    </message>
    <message>
        <source>This laptop is not enrolled for USB bundles. Enroll it with the district server first (Settings).</source>
        <translation>Laptop ini belum terdaftar untuk bundel USB. Daftarkan dulu ke server kabupaten/kota (Pengaturan).</translation>
    </message>
    <message>
        <source>This is not the district server this laptop was enrolled with (its certificate does not match); the network may be redirecting you, as a hotspot's login page does. Nothing was sent. Try another connection; if it keeps happening, call the district office.</source>
        <translation>Ini bukan server kabupaten/kota tempat laptop ini didaftarkan (sertifikatnya tidak cocok); jaringan mungkin mengalihkan Anda, seperti halaman login hotspot. Tidak ada yang dikirim. Coba lewat sambungan lain; jika terus terjadi, hubungi kantor kabupaten/kota.</translation>
    </message>
    <message>
        <source>The district server cannot be reached right now. Your work is safe on this laptop and is sent at the next sync, once there is a signal.</source>
        <translation>Server kabupaten/kota tidak dapat dihubungi saat ini. Pekerjaan Anda aman tersimpan di laptop ini dan akan terkirim pada sinkronisasi berikutnya, saat ada sinyal.</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Narrative</source>
        <translation>Kronologi</translation>
    </message>
    <message>
        <source>Intake channel</source>
        <translation>Saluran pengaduan</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Tanggal lapor</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Tanggal kejadian</translation>
    </message>
    <message>
        <source>Incident region</source>
        <translation>Wilayah kejadian</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Tempat kejadian</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Violence types</source>
        <translation>Jenis kekerasan</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Jenis kasus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Tingkat risiko</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Jangan dihubungi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Tanggal lahir</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Tahun lahir</translation>
    </message>
    <message>
        <source>Estimated age</source>
        <translation>Perkiraan umur</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Disabilitas</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Pendidikan</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Pekerjaan</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Status perkawinan</translation>
    </message>
    <message>
        <source>Address region</source>
        <translation>Wilayah alamat</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Hubungan</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Uraian</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Rencana keselamatan</translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation>Faktor risiko</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Person in the case</source>
        <translation>Orang dalam kasus</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Asesmen risiko</translation>
    </message>
    <message>
        <source>Case plan</source>
        <translation>Rencana intervensi</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>Perubahan status</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An entity and one of its fields, e.g. "Person: Name".</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>(location)</source>
        <translation>(lokasi)</translation>
    </message>
    <message>
        <source>edited on two laptops</source>
        <translation>diubah di dua laptop</translation>
    </message>
    <message>
        <source>safety value, for a supervisor</source>
        <translation>nilai keselamatan, untuk supervisor</translation>
    </message>
    <message>
        <source>status changed on two laptops</source>
        <translation>status diubah di dua laptop</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>ditolak server</translation>
    </message>
    <message>
        <source>not applied here</source>
        <translation>tidak diterapkan di sini</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Visit time</source>
        <translation>Waktu kunjungan</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Langkah berikutnya</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Tanggal dirujuk</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>Tanggal diterima</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Tanggal selesai</translation>
    </message>
    <message>
        <source>Disability note</source>
        <translation>Keterangan disabilitas</translation>
    </message>
    <message>
        <source>Place details</source>
        <translation>Rincian lokasi</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <translation>Kabupaten/kota</translation>
    </message>
    <message>
        <source>Report received at</source>
        <translation>Waktu laporan diterima</translation>
    </message>
    <message>
        <source>Region list version</source>
        <translation>Versi daftar wilayah</translation>
    </message>
    <message>
        <source>Hamlet (dusun)</source>
        <translation>Dusun</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Korban</translation>
    </message>
    <message>
        <source>Perpetrator still has access to the victim</source>
        <translation>Terlapor masih bisa menjangkau korban</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Tanggal persetujuan</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>Cara persetujuan diberikan</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/kelurahan</translation>
    </message>
    <message>
        <source>Location source</source>
        <translation>Sumber lokasi</translation>
    </message>
    <message>
        <source>Assessment date</source>
        <translation>Tanggal asesmen</translation>
    </message>
    <message>
        <source>Checklist version</source>
        <translation>Versi daftar periksa</translation>
    </message>
    <message>
        <source>Checklist answers</source>
        <translation>Jawaban daftar periksa</translation>
    </message>
    <message>
        <source>Suggested risk level</source>
        <translation>Tingkat risiko yang disarankan</translation>
    </message>
    <message>
        <source>Reason for a different level</source>
        <translation>Alasan memilih tingkat lain</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Ditangani oleh</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Waktu selesai</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>Waktu ditulis</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nama berkas</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Jenis berkas</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>Ukuran berkas</translation>
    </message>
    <message>
        <source>Previous status</source>
        <translation>Status sebelumnya</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>Status baru</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Waktu perubahan</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Nomor kasus</translation>
    </message>
    <message>
        <source>Registry number</source>
        <translation>Nomor register</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Digabung ke</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>(checklist answers)</source>
        <translation>(jawaban daftar periksa)</translation>
    </message>
</context>
<context>
    <name>FollowupsTab</name>
    <message>
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tugas</translation>
    </message>
    <message>
        <source>What needs doing, e.g. accompany to the hospital for visum</source>
        <translation>Apa yang perlu dilakukan, mis. mendampingi ke rumah sakit untuk visum</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Tambah tindak lanjut</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Tandai selesai</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Bagian</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Isian</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <source>added: %1</source>
        <translation>ditambahkan: %1</translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation>dihapus: %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Sync and attention</source>
        <translation>Sinkronisasi dan perhatian</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hari ini</translation>
    </message>
    <message numerus="yes">
        <source>Needs attention: %n item(s).</source>
        <translation>
            <numerusform>Perlu perhatian: %n hal.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unfinished intake, last saved %1 — open to continue</source>
        <translation>Pengaduan belum selesai, terakhir disimpan %1 — buka untuk melanjutkan</translation>
    </message>
    <message>
        <source>Conflict in %1: %2 (%3)</source>
        <translation>Konflik di %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Open the case to see both values and choose which to keep.</source>
        <translation>Buka kasusnya untuk melihat kedua nilai dan memilih yang disimpan.</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Tindak lanjut terlambat</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Jatuh tempo hari ini</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Jatuh tempo minggu ini</translation>
    </message>
    <message>
        <source>Urgent (High and Critical)</source>
        <translation>Mendesak (Tinggi dan Kritis)</translation>
    </message>
    <message>
        <source>Waiting for a first visit</source>
        <translation>Menunggu kunjungan pertama</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>Perubahan belum terkirim</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Urgent cases</source>
        <translation>Kasus mendesak</translation>
    </message>
    <message>
        <source>Show these cases in the case list</source>
        <translation>Tampilkan kasus-kasus ini di daftar kasus</translation>
    </message>
    <message numerus="yes">
        <source>and %n more…</source>
        <translation>
            <numerusform>dan %n lainnya…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>terlambat %n hari</numerusform>
        </translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>besok</translation>
    </message>
    <message>
        <source>Follow-ups due this week and overdue</source>
        <translation>Tindak lanjut minggu ini dan yang terlambat</translation>
    </message>
    <message>
        <source>Nothing due this week. Well done.</source>
        <translation>Tidak ada yang jatuh tempo minggu ini. Bagus!</translation>
    </message>
    <message>
        <source>No open case at high or critical risk.</source>
        <translation>Tidak ada kasus terbuka berisiko Tinggi atau Kritis.</translation>
    </message>
    <message numerus="yes">
        <source>reported %n day(s) ago</source>
        <translation>
            <numerusform>dilaporkan %n hari lalu</numerusform>
        </translation>
    </message>
    <message>
        <source>Every open case has had a visit.</source>
        <translation>Semua kasus terbuka sudah dikunjungi.</translation>
    </message>
    <message>
        <source>Never synced: this laptop is not enrolled with a server yet.</source>
        <translation>Belum pernah disinkronkan: laptop ini belum terdaftar ke server.</translation>
    </message>
    <message>
        <source>Last sync: %1.</source>
        <translation>Sinkronisasi terakhir: %1.</translation>
    </message>
    <message>
        <source>Not synced yet: your work is kept on this laptop until there is a connection to the district server.</source>
        <translation>Belum pernah disinkronkan: pekerjaan Anda tersimpan di laptop ini sampai ada sambungan ke server kabupaten/kota.</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Correct the incident</source>
        <translation>Ubah kejadian</translation>
    </message>
    <message>
        <source>empty when unknown</source>
        <translation>kosongkan bila tidak diketahui</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Tanggal:</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Tidak dicatat</translation>
    </message>
    <message>
        <source>S&amp;cene:</source>
        <translation>Te&amp;mpat kejadian:</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>&amp;Rincian lokasi:</translation>
    </message>
    <message>
        <source>Case t&amp;yping:</source>
        <translation>&amp;Jenis kasus:</translation>
    </message>
    <message>
        <source>Violence &amp;types:</source>
        <translation>Jenis &amp;kekerasan:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>D&amp;esa/kelurahan:</translation>
    </message>
    <message>
        <source>Na&amp;rrative:</source>
        <translation>Kr&amp;onologi:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Tick at least one violence type (“Other” when unsure).</source>
        <translation>Centang minimal satu jenis kekerasan (“Lainnya” bila belum jelas).</translation>
    </message>
</context>
<context>
    <name>IncidentTab</name>
    <message>
        <source>Reported</source>
        <translation>Dilaporkan</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Tanggal kejadian</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Tempat kejadian</translation>
    </message>
    <message>
        <source>Violence</source>
        <translation>Kekerasan</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Jenis kasus</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Kronologi</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>Edit incident…</source>
        <translation>Ubah kejadian…</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>New case — TRAINING profile</source>
        <translation>Kasus baru — profil PELATIHAN</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Kasus baru</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <source>&amp;Save case</source>
        <translation>&amp;Simpan kasus</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Pengaduan</translation>
    </message>
    <message>
        <source>How and when the report reached the unit.</source>
        <translation>Bagaimana dan kapan pengaduan diterima unit.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Report &amp;channel:</source>
        <translation>&amp;Saluran pengaduan:</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>mis. %1</translation>
    </message>
    <message>
        <source>&amp;Reported on:</source>
        <translation>&amp;Tanggal lapor:</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Pelapor</translation>
    </message>
    <message>
        <source>Optional. Leave empty when the reporter is the victim or wishes to stay anonymous.</source>
        <translation>Tidak wajib. Kosongkan bila pelapor adalah korban sendiri atau ingin tetap anonim.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;ma:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telepon:</translation>
    </message>
    <message>
        <source>e.g. neighbour, teacher, head of the RT</source>
        <translation>mis. tetangga, guru, ketua RT</translation>
    </message>
    <message>
        <source>&amp;Relation to the victim:</source>
        <translation>&amp;Hubungan dengan korban:</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Korban</translation>
    </message>
    <message>
        <source>Name or NIK is needed. Leave the NIK empty when it is unknown.</source>
        <translation>Nama atau NIK wajib diisi. Kosongkan NIK bila tidak diketahui.</translation>
    </message>
    <message>
        <source>&amp;Add another victim</source>
        <translation>T&amp;ambah korban</translation>
    </message>
    <message>
        <source>Remove the last victim</source>
        <translation>Hapus korban terakhir</translation>
    </message>
    <message>
        <source>16 digits; empty when unknown</source>
        <translation>16 angka; kosongkan bila tidak diketahui</translation>
    </message>
    <message>
        <source>NI&amp;K:</source>
        <translation>N&amp;IK:</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Tidak dicatat</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>&amp;Jenis kelamin:</translation>
    </message>
    <message>
        <source>Bi&amp;rth date:</source>
        <translation>Tanggal la&amp;hir:</translation>
    </message>
    <message>
        <source>years, when the birth date is unknown</source>
        <translation>tahun, bila tanggal lahir tidak diketahui</translation>
    </message>
    <message>
        <source>or estimated a&amp;ge:</source>
        <translation>atau perkiraan &amp;umur:</translation>
    </message>
    <message>
        <source>&amp;Disability:</source>
        <translation>&amp;Disabilitas:</translation>
    </message>
    <message>
        <source>&amp;Education:</source>
        <translation>&amp;Pendidikan:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>D&amp;esa/kelurahan:</translation>
    </message>
    <message>
        <source>Victim %1</source>
        <translation>Korban %1</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Kejadian</translation>
    </message>
    <message>
        <source>When and where it happened, and what happened.</source>
        <translation>Kapan dan di mana terjadi, dan apa yang terjadi.</translation>
    </message>
    <message>
        <source>empty when unknown</source>
        <translation>kosongkan bila tidak diketahui</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Tanggal:</translation>
    </message>
    <message>
        <source>S&amp;cene:</source>
        <translation>Te&amp;mpat kejadian:</translation>
    </message>
    <message>
        <source>e.g. the garden behind the house</source>
        <translation>mis. kebun di belakang rumah</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>&amp;Rincian lokasi:</translation>
    </message>
    <message>
        <source>Case t&amp;yping:</source>
        <translation>Jenis kas&amp;us:</translation>
    </message>
    <message>
        <source>Violence &amp;types:</source>
        <translation>&amp;Jenis kekerasan:</translation>
    </message>
    <message>
        <source>What happened, in the words of the reporter or victim.</source>
        <translation>Apa yang terjadi, menurut kata-kata pelapor atau korban.</translation>
    </message>
    <message>
        <source>Na&amp;rrative:</source>
        <translation>Kr&amp;onologi:</translation>
    </message>
    <message>
        <source>Alleged perpetrator</source>
        <translation>Terlapor (terduga pelaku)</translation>
    </message>
    <message>
        <source>Optional. Leave empty when nothing is known yet.</source>
        <translation>Tidak wajib. Kosongkan bila belum ada yang diketahui.</translation>
    </message>
    <message>
        <source>&amp;Add another perpetrator</source>
        <translation>T&amp;ambah terlapor</translation>
    </message>
    <message>
        <source>Remove the last perpetrator</source>
        <translation>Hapus terlapor terakhir</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <source>&amp;Relationship to the victim:</source>
        <translation>&amp;Hubungan dengan korban:</translation>
    </message>
    <message>
        <source>Estimated a&amp;ge:</source>
        <translation>Perkiraan &amp;umur:</translation>
    </message>
    <message>
        <source>Perpetrator %1</source>
        <translation>Terlapor %1</translation>
    </message>
    <message>
        <source>Risk and safety</source>
        <translation>Risiko dan keselamatan</translation>
    </message>
    <message>
        <source>A first judgement from the intake; the assessment will refine it.</source>
        <translation>Penilaian awal saat pengaduan; asesmen nanti akan memperbaruinya.</translation>
    </message>
    <message>
        <source>&amp;Risk level:</source>
        <translation>Tingkat &amp;risiko:</translation>
    </message>
    <message>
        <source>Immediate dangers and what keeps the victim safe now.</source>
        <translation>Bahaya yang mendesak dan apa yang membuat korban aman saat ini.</translation>
    </message>
    <message>
        <source>Safety &amp;notes:</source>
        <translation>Ca&amp;tatan keselamatan:</translation>
    </message>
    <message>
        <source>&amp;Do not contact the victim directly (contact could put her or him at risk)</source>
        <translation>&amp;Jangan hubungi korban secara langsung (kontak dapat membahayakan korban)</translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation>Isi tanggalnya.</translation>
    </message>
    <message>
        <source>This is not a date. Type it like %1.</source>
        <translation>Ini bukan tanggal. Ketik seperti %1.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>Tanggal ini belum terjadi (di masa depan).</translation>
    </message>
    <message>
        <source>This date is before 1900.</source>
        <translation>Tanggal ini sebelum tahun 1900.</translation>
    </message>
    <message>
        <source>Enter the age in whole years, from 0 to 130.</source>
        <translation>Isi umur dalam tahun penuh, dari 0 sampai 130.</translation>
    </message>
    <message>
        <source>A NIK has digits only.</source>
        <translation>NIK hanya berisi angka.</translation>
    </message>
    <message>
        <source>A NIK has 16 digits; this one has %1.</source>
        <translation>NIK terdiri dari 16 angka; yang ini %1 angka.</translation>
    </message>
    <message>
        <source>The first two digits are not a province code. Check the NIK.</source>
        <translation>Dua angka pertama bukan kode provinsi. Periksa NIK.</translation>
    </message>
    <message>
        <source>Digits 1–4 are not a regency or city code. Check the NIK.</source>
        <translation>Angka ke-1 sampai ke-4 bukan kode kabupaten/kota. Periksa NIK.</translation>
    </message>
    <message>
        <source>Digits 7–12 are not a birth date (DDMMYY, with 40 added to the day for women). Check the NIK.</source>
        <translation>Angka ke-7 sampai ke-12 bukan tanggal lahir (HHBBTT, tanggal ditambah 40 untuk perempuan). Periksa NIK.</translation>
    </message>
    <message>
        <source>The birth date in this NIK is in the future. Check the NIK.</source>
        <translation>Tanggal lahir dalam NIK ini belum terjadi. Periksa NIK.</translation>
    </message>
    <message>
        <source>The last four digits of a NIK are never 0000. Check the NIK.</source>
        <translation>Empat angka terakhir NIK tidak pernah 0000. Periksa NIK.</translation>
    </message>
    <message>
        <source>This NIK is not valid. Check it.</source>
        <translation>NIK ini tidak sah. Periksa kembali.</translation>
    </message>
    <message>
        <source>This NIK is a woman's (40 is added to her birth day), but the sex chosen is male. Check both.</source>
        <translation>NIK ini milik perempuan (tanggal lahir ditambah 40), tetapi jenis kelamin yang dipilih laki-laki. Periksa keduanya.</translation>
    </message>
    <message>
        <source>This NIK is a man's, but the sex chosen is female. Check both.</source>
        <translation>NIK ini milik laki-laki, tetapi jenis kelamin yang dipilih perempuan. Periksa keduanya.</translation>
    </message>
    <message>
        <source>This NIK gives the birth date %1, not the one entered. Check both.</source>
        <translation>Menurut NIK ini tanggal lahirnya %1, berbeda dengan yang diisi. Periksa keduanya.</translation>
    </message>
    <message>
        <source>The region code in this NIK is not in the current region list. It may be older than the list: confirm the NIK with the person.</source>
        <translation>Kode wilayah dalam NIK ini tidak ada di daftar wilayah saat ini. Mungkin NIK lebih lama dari daftar: pastikan NIK kepada yang bersangkutan.</translation>
    </message>
    <message>
        <source>%1 of 16 digits</source>
        <translation>%1 dari 16 angka</translation>
    </message>
    <message>
        <source>Possible match: case %1. Check it before going on; you may continue.</source>
        <translation>Mungkin sama dengan kasus %1. Periksa dulu; pengisian tetap boleh dilanjutkan.</translation>
    </message>
    <message>
        <source>Possible matches: cases %1. Check them before going on; you may continue.</source>
        <translation>Mungkin sama dengan kasus %1. Periksa dulu; pengisian tetap boleh dilanjutkan.</translation>
    </message>
    <message>
        <source>Choose how the report came in.</source>
        <translation>Pilih saluran pengaduan.</translation>
    </message>
    <message>
        <source>Enter the victim's name, or the NIK.</source>
        <translation>Isi nama korban, atau NIK-nya.</translation>
    </message>
    <message>
        <source>The incident date is after the report date (%1).</source>
        <translation>Tanggal kejadian sesudah tanggal lapor (%1).</translation>
    </message>
    <message>
        <source>Tick at least one violence type (“Other” when unsure).</source>
        <translation>Centang minimal satu jenis kekerasan (“Lainnya” bila belum jelas).</translation>
    </message>
    <message>
        <source>Choose a risk level.</source>
        <translation>Pilih tingkat risiko.</translation>
    </message>
    <message>
        <source>Discard the intake?</source>
        <translation>Buang isian pengaduan?</translation>
    </message>
    <message>
        <source>Victim it concerns:</source>
        <translation>Korban yang dimaksud:</translation>
    </message>
    <message>
        <source>street, house, landmark</source>
        <translation>jalan, rumah, patokan</translation>
    </message>
    <message>
        <source>e.g. 003/001</source>
        <translation>mis. 003/001</translation>
    </message>
    <message>
        <source>D&amp;usun:</source>
        <translation>D&amp;usun:</translation>
    </message>
    <message>
        <source>RT/R&amp;W:</source>
        <translation>RT/R&amp;W:</translation>
    </message>
    <message>
        <source>e.g. 14:30</source>
        <translation>mis. 14.30</translation>
    </message>
    <message>
        <source>at</source>
        <translation>pukul</translation>
    </message>
    <message>
        <source>The day and time the report reached the unit: the response time counts from here.</source>
        <translation>Hari dan jam pengaduan diterima unit: waktu respons dihitung dari sini.</translation>
    </message>
    <message>
        <source>This is not a time. Type it like 14:30.</source>
        <translation>Ini bukan jam. Ketik seperti 14.30.</translation>
    </message>
    <message>
        <source>This time is in the future.</source>
        <translation>Jam ini belum terjadi.</translation>
    </message>
    <message>
        <source>The guardian is not known &amp;yet (wali belum diketahui)</source>
        <translation>Wali &amp;belum diketahui</translation>
    </message>
    <message>
        <source>Guardian (wali)</source>
        <translation>Wali</translation>
    </message>
    <message>
        <source>&amp;Relationship to the child:</source>
        <translation>&amp;Hubungan dengan anak:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Alamat:</translation>
    </message>
    <message>
        <source>Consent to the unit's help</source>
        <translation>Persetujuan atas layanan unit</translation>
    </message>
    <message>
        <source>Guardian and consent</source>
        <translation>Wali dan persetujuan</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Persetujuan</translation>
    </message>
    <message>
        <source>Who is responsible for the child, and whether they agree to the unit's help.</source>
        <translation>Siapa yang bertanggung jawab atas anak, dan apakah ia menyetujui layanan unit.</translation>
    </message>
    <message>
        <source>Whether the victim agrees to the unit's help.</source>
        <translation>Apakah korban menyetujui layanan unit.</translation>
    </message>
    <message>
        <source>%1 is a child. A child's intake needs the guardian (wali), or a tick at “not known yet”: consent is then recorded as not yet asked.</source>
        <translation>%1 masih anak. Pengaduan anak harus mencatat wali, atau centang “belum diketahui”: persetujuan lalu dicatat belum ditanyakan.</translation>
    </message>
    <message>
        <source>the guardian</source>
        <translation>wali</translation>
    </message>
    <message>
        <source>Enter the child's guardian, or tick “The guardian is not known yet”.</source>
        <translation>Isi wali anak, atau centang “Wali belum diketahui”.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Still has a&amp;ccess to the victim?</source>
        <translation>Masih punya a&amp;kses ke korban?</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>Periksa dan simpan</translation>
    </message>
    <message>
        <source>Everything entered, page by page. “Change” goes back to a page; “Save case” stores it.</source>
        <translation>Semua isian, per halaman. “Ubah” kembali ke halamannya; “Simpan kasus” menyimpan.</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>belum diketahui</translation>
    </message>
    <message>
        <source>Nothing entered.</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ubah</translation>
    </message>
    <message>
        <source>Relation to the victim</source>
        <translation>Hubungan dengan korban</translation>
    </message>
    <message>
        <source>Victim it concerns</source>
        <translation>Korban yang dimaksud</translation>
    </message>
    <message>
        <source>Needed when the level is not the suggested one</source>
        <translation>Wajib bila tingkat berbeda dari saran</translation>
    </message>
    <message>
        <source>Reason for the le&amp;vel:</source>
        <translation>A&amp;lasan tingkat risiko:</translation>
    </message>
    <message>
        <source>Answer what you can; the level the answers suggest shows here.</source>
        <translation>Jawab yang Anda ketahui; tingkat risiko yang disarankan jawaban muncul di sini.</translation>
    </message>
    <message>
        <source>Write why you chose another level than the suggested one.</source>
        <translation>Tulis alasan memilih tingkat yang berbeda dari saran.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
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
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Kasus baru</translation>
    </message>
    <message>
        <source>Find case</source>
        <translation>Cari kasus</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <source>Offline · not enrolled with a district server yet</source>
        <translation>Offline · belum terdaftar ke server kabupaten/kota</translation>
    </message>
    <message>
        <source>Preparing the search…</source>
        <translation>Menyiapkan pencarian…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Send this laptop's changes to the district server and fetch the team's (Ctrl+Shift+S)</source>
        <translation>Kirim perubahan dari laptop ini ke server kabupaten/kota dan ambil perubahan tim (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>The case you had open is no longer on this laptop (it left your team's cases) and was closed.</source>
        <translation>Kasus yang sedang Anda buka tidak ada lagi di laptop ini (sudah tidak ditangani tim Anda) dan telah ditutup.</translation>
    </message>
    <message>
        <source>Enroll this laptop with the district server first (Settings).</source>
        <translation>Daftarkan laptop ini ke server kabupaten/kota terlebih dahulu (Pengaturan).</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>The last sync did not finish. Your work is kept on this laptop.</source>
        <translation>Sinkronisasi terakhir tidak selesai. Pekerjaan Anda tetap tersimpan di laptop ini.</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Tersinkron pukul %1</translation>
    </message>
    <message>
        <source>Enrolled · not synced yet</source>
        <translation>Terdaftar · belum pernah disinkronkan</translation>
    </message>
    <message>
        <source>Export to USB</source>
        <translation>Ekspor ke USB</translation>
    </message>
    <message>
        <source>Save your changes not yet sent to a USB stick for the district office</source>
        <translation>Simpan perubahan yang belum terkirim ke flashdisk untuk kantor kabupaten/kota</translation>
    </message>
    <message>
        <source>Import from USB</source>
        <translation>Impor dari USB</translation>
    </message>
    <message>
        <source>Import the district office's answer from a USB stick</source>
        <translation>Impor jawaban kantor kabupaten/kota dari flashdisk</translation>
    </message>
    <message>
        <source>Sync details</source>
        <translation>Rincian sinkronisasi</translation>
    </message>
    <message>
        <source>Progress of the running sync and the last syncs</source>
        <translation>Kemajuan sinkronisasi yang sedang berjalan dan sinkronisasi terakhir</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Home</source>
        <translation>Beranda</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Kasus terbuka</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Written</source>
        <translation>Ditulis</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>Tulis catatan…</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Simpan catatan</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message numerus="yes">
        <source>about %n year(s)</source>
        <translation>
            <numerusform>sekitar %n tahun</numerusform>
        </translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Jenis kelamin</translation>
    </message>
    <message>
        <source>Birth date / age</source>
        <translation>Tanggal lahir / umur</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Hubungan</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>Hapus peran</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Tambah orang…</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>orang ini</translation>
    </message>
    <message>
        <source>Take %1 out of this case as %2? The person's record is kept, and the change shows in the history.</source>
        <translation>Keluarkan %1 dari kasus ini sebagai %2? Data orangnya tetap disimpan, dan perubahan ini tercatat di Riwayat.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Add a person to the case</source>
        <translation>Tambah orang ke kasus</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>&amp;Role in the case:</source>
        <translation>&amp;Peran dalam kasus:</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <source>R&amp;elationship to the victim:</source>
        <translation>&amp;Hubungan dengan korban:</translation>
    </message>
    <message>
        <source>Yes, still has access</source>
        <translation>Ya, masih punya akses</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Still has access to the &amp;victim:</source>
        <translation>Masih punya akses ke &amp;korban:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;ma:</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Tidak dicatat</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>&amp;Jenis kelamin:</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>mis. %1</translation>
    </message>
    <message>
        <source>Bi&amp;rth date:</source>
        <translation>Tanggal la&amp;hir:</translation>
    </message>
    <message>
        <source>years, when the birth date is unknown</source>
        <translation>tahun, bila tanggal lahir tidak diketahui</translation>
    </message>
    <message>
        <source>or estimated a&amp;ge:</source>
        <translation>atau perkiraan &amp;umur:</translation>
    </message>
    <message>
        <source>16 digits; empty when unknown</source>
        <translation>16 angka; kosongkan bila tidak diketahui</translation>
    </message>
    <message>
        <source>NI&amp;K:</source>
        <translation>N&amp;IK:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Telepon:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>D&amp;esa/kelurahan:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Alamat:</translation>
    </message>
    <message>
        <source>Correct a person of the case</source>
        <translation>Ubah data orang dalam kasus</translation>
    </message>
    <message>
        <source>Enter at least the person's name.</source>
        <translation>Isi sedikitnya nama orang ini.</translation>
    </message>
    <message>
        <source>Disa&amp;bility:</source>
        <translation>Disa&amp;bilitas:</translation>
    </message>
    <message>
        <source>Ed&amp;ucation:</source>
        <translation>Pendid&amp;ikan:</translation>
    </message>
    <message>
        <source>&amp;Occupation:</source>
        <translation>Pe&amp;kerjaan:</translation>
    </message>
</context>
<context>
    <name>PositionProvider</name>
    <message>
        <source>No GPS receiver was found on the serial or USB ports.</source>
        <translation>Tidak ada penerima GPS yang ditemukan di port serial atau USB.</translation>
    </message>
    <message>
        <source>The GPS receiver on %1 could not be opened. Check that it is plugged in.</source>
        <translation>Penerima GPS di %1 tidak dapat dibuka. Periksa apakah sudah tersambung.</translation>
    </message>
    <message>
        <source>The NMEA log %1 could not be opened.</source>
        <translation>Berkas log NMEA %1 tidak dapat dibuka.</translation>
    </message>
    <message>
        <source>The GPS source "%1" in the settings is not understood.</source>
        <translation>Sumber GPS "%1" di pengaturan tidak dikenali.</translation>
    </message>
    <message>
        <source>No location service is available on this computer.</source>
        <translation>Tidak ada layanan lokasi di komputer ini.</translation>
    </message>
    <message>
        <source>Access to the location service was refused. Allow it in the system settings, or use the village centroid.</source>
        <translation>Akses ke layanan lokasi ditolak. Izinkan di pengaturan sistem, atau pakai titik tengah desa.</translation>
    </message>
    <message>
        <source>The GPS receiver was disconnected.</source>
        <translation>Penerima GPS terputus.</translation>
    </message>
    <message>
        <source>No GPS fix yet. Move to open sky and wait a little.</source>
        <translation>Belum ada posisi GPS. Pindah ke tempat terbuka dan tunggu sebentar.</translation>
    </message>
    <message>
        <source>The GPS source stopped working.</source>
        <translation>Sumber GPS berhenti bekerja.</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Dicatat</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 oleh %2</translation>
    </message>
</context>
<context>
    <name>RecordTabs</name>
    <message>
        <source>Case plan</source>
        <translation>Rencana intervensi</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>Yang akan dilakukan</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Jatuh tempo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Kunjungan</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Tujuan</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>— Province —</source>
        <translation>— Provinsi —</translation>
    </message>
    <message>
        <source>— Regency/city —</source>
        <extracomment>Kabupaten or kota</extracomment>
        <translation>— Kabupaten/Kota —</translation>
    </message>
    <message>
        <source>— District —</source>
        <extracomment>Kecamatan</extracomment>
        <translation>— Kecamatan —</translation>
    </message>
    <message>
        <source>— Village —</source>
        <extracomment>Desa or kelurahan</extracomment>
        <translation>— Desa/Kelurahan —</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Provinsi</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <extracomment>Kabupaten or kota</extracomment>
        <translation>Kabupaten/Kota</translation>
    </message>
    <message>
        <source>District</source>
        <extracomment>Kecamatan</extracomment>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Village</source>
        <extracomment>Desa or kelurahan</extracomment>
        <translation>Desa/Kelurahan</translation>
    </message>
    <message>
        <source>Province: %1</source>
        <translation>Provinsi: %1</translation>
    </message>
    <message>
        <source>Regency/city: %1</source>
        <extracomment>Kabupaten or kota</extracomment>
        <translation>Kabupaten/Kota: %1</translation>
    </message>
    <message>
        <source>District: %1</source>
        <extracomment>Kecamatan</extracomment>
        <translation>Kecamatan: %1</translation>
    </message>
    <message>
        <source>Village: %1</source>
        <extracomment>Desa or kelurahan</extracomment>
        <translation>Desa/Kelurahan: %1</translation>
    </message>
    <message>
        <source>Type a village, district or regency name…</source>
        <translation>Ketik nama desa, kecamatan, atau kabupaten…</translation>
    </message>
    <message>
        <source>Search region</source>
        <translation>Cari wilayah</translation>
    </message>
</context>
<context>
    <name>RiskChecklist</name>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Tidak tahu</translation>
    </message>
    <message>
        <source>Nothing is answered yet, so no level is suggested. Answer what you know.</source>
        <translation>Belum ada jawaban, jadi belum ada tingkat yang disarankan. Jawab yang Anda ketahui.</translation>
    </message>
    <message>
        <source>Suggested by the answers: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Saran dari jawaban: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>(%n question(s) still unknown: the risk may be higher)</source>
        <translation>
            <numerusform>(%n pertanyaan masih belum diketahui: risikonya mungkin lebih tinggi)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <source>New risk assessment</source>
        <translation>Asesmen risiko baru</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Asesmen risiko</translation>
    </message>
    <message>
        <source>Ask each question; answer "Unknown" when you do not know yet. Checklist version %1.</source>
        <translation>Tanyakan setiap pertanyaan; jawab "Tidak tahu" bila belum diketahui. Daftar periksa versi %1.</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>Simpan asesmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>What the levels mean</source>
        <translation>Arti setiap tingkat risiko</translation>
    </message>
    <message>
        <source>&amp;Risk level:</source>
        <translation>Tingkat &amp;risiko:</translation>
    </message>
    <message>
        <source>Reason for this &amp;level:</source>
        <translation>A&amp;lasan memilih tingkat ini:</translation>
    </message>
    <message>
        <source>Risk &amp;factors:</source>
        <translation>&amp;Faktor risiko:</translation>
    </message>
    <message>
        <source>&amp;Safety plan:</source>
        <translation>Rencana &amp;keselamatan:</translation>
    </message>
    <message>
        <source>Suggested by the answers: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Saran dari jawaban: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 is lower than the case's current level (%2): write why the risk went down.</source>
        <translation>%1 lebih rendah dari tingkat risiko kasus saat ini (%2): tulis mengapa risikonya turun.</translation>
    </message>
    <message>
        <source>%1 is not the suggested level (%2): write why.</source>
        <translation>%1 bukan tingkat yang disarankan (%2): tulis alasannya.</translation>
    </message>
    <message>
        <source>Write the reason for choosing this level.</source>
        <translation>Tulis alasan memilih tingkat ini.</translation>
    </message>
    <message>
        <source>Assessed %1 by %2, without the checklist.</source>
        <translation>Asesmen %1 oleh %2, tanpa daftar periksa.</translation>
    </message>
    <message>
        <source>Assessed %1 by %2, checklist version %3.</source>
        <translation>Asesmen %1 oleh %2, daftar periksa versi %3.</translation>
    </message>
    <message>
        <source>No suggestion was recorded.</source>
        <translation>Tidak ada saran yang tercatat.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Save corrections</source>
        <translation>Simpan koreksi</translation>
    </message>
</context>
<context>
    <name>RisksTab</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Assessment and safety</source>
        <translation>Asesmen dan keselamatan</translation>
    </message>
    <message>
        <source>Date of assessment</source>
        <translation>Tanggal asesmen</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Saran</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Rencana keselamatan</translation>
    </message>
    <message>
        <source>New risk assessment…</source>
        <translation>Asesmen risiko baru…</translation>
    </message>
    <message>
        <source>Double-click an assessment to read it in full.</source>
        <translation>Klik dua kali pada asesmen untuk membacanya lengkap.</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>Services and referrals</source>
        <translation>Layanan dan rujukan</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Dirujuk</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Selected referral:</source>
        <translation>Rujukan terpilih:</translation>
    </message>
    <message>
        <source>Update referral</source>
        <translation>Perbarui rujukan</translation>
    </message>
    <message>
        <source>Mediation is not allowed for sexual violence against a child (UU TPKS, article 23). The case goes to the police and the child is accompanied; the perpetrator's family does not settle it.</source>
        <translation>Mediasi tidak boleh untuk kekerasan seksual terhadap anak (UU TPKS pasal 23). Kasus diteruskan ke polisi dan anak didampingi; keluarga pelaku tidak boleh menyelesaikannya secara damai.</translation>
    </message>
    <message>
        <source>I have read this and still record mediation</source>
        <translation>Saya sudah membaca ini dan tetap mencatat mediasi</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>A new language applies when Dampingi starts again.</source>
        <translation>Bahasa baru berlaku saat Dampingi dibuka kembali.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>never</source>
        <translation>tidak pernah</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Kunci setelah tidak aktif</translation>
    </message>
    <message>
        <source>Laptop's own location service</source>
        <translation>Layanan lokasi laptop</translation>
    </message>
    <message>
        <source>GPS receiver on a serial port (e.g. serial:/dev/ttyUSB0)</source>
        <translation>Penerima GPS di port serial (mis. serial:/dev/ttyUSB0)</translation>
    </message>
    <message>
        <source>Recorded NMEA log (training, e.g. nmea:/path/track.nmea)</source>
        <translation>Rekaman log NMEA (pelatihan, mis. nmea:/path/jejak.nmea)</translation>
    </message>
    <message>
        <source>GPS source</source>
        <translation>Sumber GPS</translation>
    </message>
    <message>
        <source>District server</source>
        <translation>Server kabupaten/kota</translation>
    </message>
    <message>
        <source>Ask the district office for the server address and a one-time enrollment code for this laptop.</source>
        <translation>Mintalah alamat server dan kode pendaftaran sekali pakai untuk laptop ini ke kantor kabupaten/kota.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Alamat server</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Kode pendaftaran</translation>
    </message>
    <message>
        <source>Enroll this laptop</source>
        <translation>Daftarkan laptop ini</translation>
    </message>
    <message>
        <source>Signed in at the server as</source>
        <translation>Masuk ke server sebagai</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Laptop ini</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>Sertifikat server</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A login and its role at the district server, e.g. "siti (caseworker)".</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none (test server without encryption)</source>
        <translation>tidak ada (server uji tanpa enkripsi)</translation>
    </message>
    <message>
        <source>SHA-256 %1…</source>
        <translation>SHA-256 %1…</translation>
    </message>
    <message>
        <source>Enter the server address from the district office.</source>
        <translation>Isi alamat server dari kantor kabupaten/kota.</translation>
    </message>
    <message>
        <source>This enrollment code is not valid. Check it for typos, or ask the district office for a new one.</source>
        <translation>Kode pendaftaran ini tidak sah. Periksa salah ketik, atau minta kode baru ke kantor kabupaten/kota.</translation>
    </message>
    <message>
        <source>caseworker</source>
        <translation>pendamping kasus</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>pelatih</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>Automatic sync</source>
        <translation>Sinkronisasi otomatis</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>Sinkronkan otomatis</translation>
    </message>
    <message>
        <source>When the district server can be reached, a few minutes after your last change and every 15 minutes while connected. Turn it off on a link paid by the megabyte; "Sync now" always works.</source>
        <translation>Saat server kabupaten/kota dapat dihubungi, beberapa menit setelah perubahan terakhir Anda, dan setiap 15 menit selama tersambung. Matikan jika sambungan dibayar per megabita; "Sinkronkan sekarang" selalu bisa dipakai.</translation>
    </message>
    <message>
        <source>Only over Wi-Fi or a cable, not mobile data</source>
        <translation>Hanya lewat Wi-Fi atau kabel, bukan data seluler</translation>
    </message>
    <message>
        <source>This laptop does not tell which connection is in use, so this option is not available.</source>
        <translation>Laptop ini tidak memberi tahu sambungan mana yang dipakai, jadi pilihan ini tidak tersedia.</translation>
    </message>
</context>
<context>
    <name>StatusControl</name>
    <message>
        <source>Change status</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <source>Return to an earlier stage…</source>
        <translation>Kembalikan ke tahap sebelumnya…</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Tahap berikutnya:</translation>
    </message>
    <message>
        <source>Reason (needed for closure and transfer)</source>
        <translation>Alasan (wajib untuk terminasi dan pengalihan)</translation>
    </message>
    <message>
        <source>Return to:</source>
        <translation>Kembalikan ke:</translation>
    </message>
    <message>
        <source>Why the case goes back (required)</source>
        <translation>Alasan kasus dikembalikan (wajib)</translation>
    </message>
    <message>
        <source>Return the case</source>
        <translation>Kembalikan kasus</translation>
    </message>
    <message>
        <source>Closing a case needs a supervisor's approval: the case waits as "%1" until a supervisor closes it.</source>
        <translation>Penutupan kasus perlu persetujuan supervisor: kasus menunggu sebagai "%1" sampai supervisor menutupnya.</translation>
    </message>
    <message>
        <source>You approve the closure as supervisor; the case will be closed.</source>
        <translation>Anda menyetujui terminasi sebagai supervisor; kasus akan ditutup.</translation>
    </message>
    <message>
        <source>Closure requested: waiting for a supervisor to approve it.</source>
        <translation>Terminasi sudah diajukan: menunggu persetujuan supervisor.</translation>
    </message>
    <message>
        <source>The case will be moved from %1 to %2.</source>
        <translation>Kasus akan dipindahkan dari %1 ke %2.</translation>
    </message>
    <message>
        <source>Closing a case needs a supervisor's approval.</source>
        <translation>Penutupan kasus perlu persetujuan supervisor.</translation>
    </message>
    <message>
        <source>Write why the case goes back to an earlier stage.</source>
        <translation>Tulis alasan kasus dikembalikan ke tahap sebelumnya.</translation>
    </message>
    <message>
        <source>The case will go back from %1 to %2.</source>
        <translation>Kasus akan dikembalikan dari %1 ke %2.</translation>
    </message>
    <message>
        <source>Change the case's status</source>
        <translation>Ubah status kasus</translation>
    </message>
    <message>
        <source>Yes, change it</source>
        <translation>Ya, ubah</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>SubjectText</name>
    <message numerus="yes">
        <source>%n yr(s)</source>
        <translation>
            <numerusform>%n th</numerusform>
        </translation>
    </message>
    <message>
        <source>victim, name unknown</source>
        <translation>korban, nama tidak diketahui</translation>
    </message>
    <message>
        <source>no victim recorded</source>
        <translation>korban belum dicatat</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 dan %n lainnya</numerusform>
        </translation>
    </message>
    <message>
        <source>Kec. %1</source>
        <translation>Kec. %1</translation>
    </message>
</context>
<context>
    <name>SyncNoticeBar</name>
    <message>
        <source>Show what needs attention</source>
        <translation>Lihat yang perlu perhatian</translation>
    </message>
    <message>
        <source>Hide this notice (the items stay in the needs-attention list)</source>
        <translation>Sembunyikan pemberitahuan ini (butir-butirnya tetap ada di daftar perlu perhatian)</translation>
    </message>
    <message>
        <source>The last sync needs you: %1.</source>
        <translation>Sinkronisasi terakhir memerlukan Anda: %1.</translation>
    </message>
    <message>
        <source>Dampingi</source>
        <translation>Dampingi</translation>
    </message>
    <message>
        <source>Dampingi: something needs you</source>
        <translation>Dampingi: ada yang memerlukan Anda</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync with the district server</source>
        <translation>Sinkronisasi dengan server kabupaten/kota</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Berhenti setelah langkah ini selesai…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Sekarang</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Batalkan sinkronisasi</translation>
    </message>
    <message>
        <source>Stops after the current step. Nothing is lost; the next sync goes on from there.</source>
        <translation>Berhenti setelah langkah yang sedang berjalan. Tidak ada yang hilang; sinkronisasi berikutnya melanjutkan dari situ.</translation>
    </message>
    <message>
        <source>Last syncs</source>
        <translation>Sinkronisasi terakhir</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kapan</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Lewat</translation>
    </message>
    <message>
        <source>What moved</source>
        <translation>Yang dipindahkan</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>No sync yet on this laptop.</source>
        <translation>Belum ada sinkronisasi di laptop ini.</translation>
    </message>
    <message>
        <source>%1 · %2
%3
%4</source>
        <extracomment>The selected sync in full: when, how; what moved; how it went.</extracomment>
        <translation>%1 · %2
%3
%4</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>SyncStateText</name>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>%n perubahan ditolak server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n konflik perlu ditinjau</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent</source>
        <translation>
            <numerusform>%n perubahan belum terkirim</numerusform>
        </translation>
    </message>
    <message>
        <source>synced</source>
        <translation>tersinkron</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Tersinkron</translation>
    </message>
    <message>
        <source>Not yet sent</source>
        <translation>Belum terkirim</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Ditolak</translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>Connecting to the district server</source>
        <translation>Menghubungi server kabupaten/kota</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Mengirim perubahan</translation>
    </message>
    <message>
        <source>Moving files</source>
        <translation>Memindahkan berkas</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Menerima perubahan</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Menyelesaikan</translation>
    </message>
    <message>
        <source>%1 files</source>
        <extracomment>How many changes (or files) a running sync has moved, its total not known yet.</extracomment>
        <translation>%1 berkas</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 perubahan</translation>
    </message>
    <message>
        <source>%1 of %2 files</source>
        <extracomment>e.g. "120 of 1,000 changes" while a sync runs.</extracomment>
        <translation>%1 dari %2 berkas</translation>
    </message>
    <message>
        <source>%1 of %2 changes</source>
        <translation>%1 dari %2 perubahan</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Bytes a running sync has moved of its estimated total, e.g. "40 KB of 300 KB".</extracomment>
        <translation>%1 dari %2</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>kurang dari semenit lagi</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>sekitar %n menit lagi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>sekitar %n jam lagi</numerusform>
        </translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Jaringan</translation>
    </message>
    <message>
        <source>USB stick (to the office)</source>
        <translation>USB (dikirim ke kantor dinas)</translation>
    </message>
    <message>
        <source>USB stick (from the office)</source>
        <translation>USB (dari kantor dinas)</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <extracomment>What one sync moved, one part each, joined with " · ": "5 sent · 12 received · 1 files".</extracomment>
        <translation>%1 terkirim</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 diterima</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 konflik</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1 ditolak</translation>
    </message>
    <message>
        <source>nothing to move</source>
        <translation>tidak ada yang dipindahkan</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
</context>
<context>
    <name>UiText</name>
    <message>
        <source>—</source>
        <extracomment>Shown for any value that was never recorded. The glossary (translations/glossary.tsv) keeps it the only way to say so.</extracomment>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Dampingi is locked</source>
        <translation>Dampingi terkunci</translation>
    </message>
    <message>
        <source>Unlock Dampingi</source>
        <translation>Buka kunci Dampingi</translation>
    </message>
    <message>
        <source>Locked after a period of inactivity. Your open work is kept; enter your passphrase to continue.</source>
        <translation>Terkunci karena tidak ada aktivitas. Pekerjaan yang terbuka tetap tersimpan; masukkan kata sandi untuk melanjutkan.</translation>
    </message>
    <message>
        <source>Case data on this laptop is encrypted. Enter your passphrase to open it.</source>
        <translation>Data kasus di laptop ini terenkripsi. Masukkan kata sandi untuk membukanya.</translation>
    </message>
    <message>
        <source>Training profile: practice data only.</source>
        <translation>Profil pelatihan: hanya data latihan.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Locked. Your open work is kept; enter your passphrase to continue.</source>
        <translation>Dikunci. Pekerjaan yang terbuka tetap tersimpan; masukkan kata sandi untuk melanjutkan.</translation>
    </message>
</context>
<context>
    <name>UsbExportDialog</name>
    <message>
        <source>Choose a folder for the bundle</source>
        <translation>Pilih folder untuk bundel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Export to USB</source>
        <translation>Ekspor ke USB</translation>
    </message>
    <message>
        <source>Where there is no connection, your changes not yet sent can travel to the district office on a USB stick.</source>
        <translation>Jika tidak ada sinyal, perubahan yang belum terkirim dapat dibawa ke kantor kabupaten/kota dengan flashdisk.</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Pilih folder…</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Simpan ke</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Nama berkas</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>No USB stick found: plug one in, or choose a folder</source>
        <translation>Flashdisk tidak ditemukan: pasang flashdisk, atau pilih folder</translation>
    </message>
    <message>
        <source>%1 — %2 free</source>
        <translation>%1 — sisa %2</translation>
    </message>
    <message>
        <source>No changes are waiting. The bundle still tells the office what this laptop has, so its answer brings your team's changes.</source>
        <translation>Tidak ada perubahan yang menunggu. Bundel tetap memberi tahu kantor apa yang sudah ada di laptop ini, sehingga jawabannya membawa perubahan dari tim Anda.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent will go in the bundle.</source>
        <translation>
            <numerusform>%n perubahan belum terkirim akan masuk ke bundel.</numerusform>
        </translation>
    </message>
    <message>
        <source>A sync is running. Wait until it has finished, then export.</source>
        <translation>Sinkronisasi sedang berjalan. Tunggu sampai selesai, lalu ekspor.</translation>
    </message>
    <message>
        <source>Choose a USB stick or a folder, and a file name.</source>
        <translation>Pilih flashdisk atau folder, dan nama berkas.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent were saved to %1.</source>
        <translation>
            <numerusform>%n perubahan belum terkirim disimpan ke %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The bundle was saved to %1 (no changes were waiting).</source>
        <translation>Bundel disimpan ke %1 (tidak ada perubahan yang menunggu).</translation>
    </message>
    <message>
        <source>Next: take the USB stick to the district office. The office imports it with “dampingi-server admin bundle import” and gives you an answer file; import that here with “Import from USB”. Until then your changes stay on this laptop as not yet sent.</source>
        <translation>Berikutnya: bawa flashdisk ke kantor kabupaten/kota. Kantor mengimpornya dengan “dampingi-server admin bundle import” dan memberi Anda berkas jawaban; impor berkas itu di sini dengan “Impor dari USB”. Sampai saat itu perubahan Anda tetap di laptop ini sebagai belum terkirim.</translation>
    </message>
    <message>
        <source>This stick keeps no file permissions; the bundle is sealed for the district server, so nobody else can read it.</source>
        <translation>Flashdisk ini tidak menyimpan izin berkas; bundel tersegel untuk server kabupaten/kota, jadi tidak ada orang lain yang dapat membacanya.</translation>
    </message>
</context>
<context>
    <name>UsbImportDialog</name>
    <message>
        <source>Choose the office's answer</source>
        <translation>Pilih jawaban kantor</translation>
    </message>
    <message>
        <source>Dampingi bundles (*.bundle);;All files (*)</source>
        <translation>Bundel Dampingi (*.bundle);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Import from USB</source>
        <translation>Impor dari USB</translation>
    </message>
    <message>
        <source>The district office answers your bundle with a file for this laptop: it confirms the changes it received and brings your team's changes.</source>
        <translation>Kantor kabupaten/kota menjawab bundel Anda dengan berkas untuk laptop ini: berisi konfirmasi perubahan yang diterima dan perubahan dari tim Anda.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Belum ada berkas dipilih</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>A sync is running. Wait until it has finished, then import.</source>
        <translation>Sinkronisasi sedang berjalan. Tunggu sampai selesai, lalu impor.</translation>
    </message>
    <message>
        <source>The office's answer was imported.</source>
        <translation>Jawaban kantor sudah diimpor.</translation>
    </message>
    <message numerus="yes">
        <source>The office received %n change(s) from this laptop.</source>
        <translation>
            <numerusform>Kantor menerima %n perubahan dari laptop ini.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from your team arrived.</source>
        <translation>
            <numerusform>%n perubahan dari tim Anda masuk.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review.</source>
        <translation>
            <numerusform>%n konflik perlu ditinjau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused by the district server; they are kept on this laptop for review.</source>
        <translation>
            <numerusform>%n perubahan ditolak server kabupaten/kota; perubahan itu disimpan di laptop ini untuk ditinjau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) left your team's cases and were removed from this laptop.</source>
        <translation>
            <numerusform>%n kasus tidak lagi termasuk kasus tim Anda dan dihapus dari laptop ini.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent: they go with your next bundle or sync.</source>
        <translation>
            <numerusform>%n perubahan belum terkirim: akan ikut di bundel atau sinkronisasi berikutnya.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a visit</source>
        <translation>Catat kunjungan</translation>
    </message>
    <message>
        <source>e.g. grandmother's house, RT 05</source>
        <translation>mis. rumah nenek, RT 05</translation>
    </message>
    <message>
        <source>Who took part in the visit</source>
        <translation>Siapa saja yang ikut dalam kunjungan</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Tidak disebutkan</translation>
    </message>
    <message>
        <source>&amp;Visited at</source>
        <translation>&amp;Waktu kunjungan</translation>
    </message>
    <message>
        <source>Vi&amp;llage</source>
        <translation>&amp;Desa/kelurahan</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Tempat</translation>
    </message>
    <message>
        <source>P&amp;articipants</source>
        <translation>&amp;Peserta</translation>
    </message>
    <message>
        <source>P&amp;urpose</source>
        <translation>T&amp;ujuan</translation>
    </message>
    <message>
        <source>What happened during the visit, what the victim said and needs</source>
        <translation>Apa yang terjadi saat kunjungan, apa yang disampaikan dan dibutuhkan korban</translation>
    </message>
    <message>
        <source>What the team will do next, and by when</source>
        <translation>Apa yang akan dilakukan tim selanjutnya, dan kapan</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>Ne&amp;xt steps</source>
        <translation>&amp;Langkah berikutnya</translation>
    </message>
    <message>
        <source>&amp;Save visit</source>
        <translation>&amp;Simpan kunjungan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lokasi</translation>
    </message>
    <message>
        <source>Use &amp;GPS fix</source>
        <translation>Pakai posisi &amp;GPS</translation>
    </message>
    <message>
        <source>Use village &amp;centroid</source>
        <translation>Pakai titik te&amp;ngah desa</translation>
    </message>
    <message>
        <source>The centre point of the chosen village, from the region list</source>
        <translation>Titik tengah desa/kelurahan yang dipilih, dari daftar wilayah</translation>
    </message>
    <message>
        <source>N&amp;o location</source>
        <translation>Tanpa l&amp;okasi</translation>
    </message>
    <message>
        <source>No GPS is set up. You can use the village centroid, or save without a location.</source>
        <translation>GPS belum diatur. Anda bisa memakai titik tengah desa, atau menyimpan tanpa lokasi.</translation>
    </message>
    <message>
        <source>Waiting for a GPS fix…</source>
        <translation>Menunggu posisi GPS…</translation>
    </message>
    <message>
        <source>%1
You can still save without a location.</source>
        <translation>%1
Anda tetap bisa menyimpan tanpa lokasi.</translation>
    </message>
    <message>
        <source>Latitude %1 · Longitude %2</source>
        <translation>Lintang %1 · Bujur %2</translation>
    </message>
    <message>
        <source>±%1 m</source>
        <translation>±%1 m</translation>
    </message>
    <message>
        <source>accuracy unknown</source>
        <translation>akurasi tidak diketahui</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n detik lalu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n menit lalu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n jam lalu</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n hari lalu</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>GPS accuracy, age of the fix</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No location will be saved.</source>
        <translation>Tidak ada lokasi yang akan disimpan.</translation>
    </message>
    <message>
        <source>Location to save: %1 (%2 · %3)</source>
        <translation>Lokasi yang disimpan: %1 (%2 · %3)</translation>
    </message>
    <message>
        <source>Location to save: centre of %1 (%2 · %3)</source>
        <translation>Lokasi yang disimpan: titik tengah %1 (%2 · %3)</translation>
    </message>
    <message>
        <source>Choose a village first: its centre point is used as the location.</source>
        <translation>Pilih desa/kelurahan dulu: titik tengahnya dipakai sebagai lokasi.</translation>
    </message>
    <message>
        <source>No centre point is known for %1. Use a GPS fix or save without a location.</source>
        <translation>Titik tengah %1 tidak diketahui. Pakai posisi GPS atau simpan tanpa lokasi.</translation>
    </message>
    <message>
        <source>Correct a visit</source>
        <translation>Ubah kunjungan</translation>
    </message>
</context>
</TS>