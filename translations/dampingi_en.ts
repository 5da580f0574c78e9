<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Violence type</source>
        <translation>Violence type</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Victim</translation>
    </message>
    <message>
        <source>Village, kecamatan</source>
        <translation>Village, kecamatan</translation>
    </message>
    <message>
        <source>Last update</source>
        <translation>Last update</translation>
    </message>
    <message>
        <source>Sync state</source>
        <translation>Sync state</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <source>Search name, NIK, case number, village or words…</source>
        <translation>Search name, NIK, case number, village or words…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>The search is being prepared… it is ready in a moment.</source>
        <translation>The search is being prepared… it is ready in a moment.</translation>
    </message>
    <message>
        <source>All violence types</source>
        <translation>All violence types</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Any risk</translation>
    </message>
    <message>
        <source>All kecamatan</source>
        <translation>All kecamatan</translation>
    </message>
    <message>
        <source>Only my cases</source>
        <translation>Only my cases</translation>
    </message>
    <message>
        <source>With overdue follow-ups</source>
        <translation>With overdue follow-ups</translation>
    </message>
    <message>
        <source>Show all cases</source>
        <translation>Show all cases</translation>
    </message>
    <message>
        <source>Showing %1 of %2 cases — narrow the search</source>
        <translation>Showing %1 of %2 cases — narrow the search</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <source>Show only the cases with changes not yet sent, a conflict to review or a change the server refused</source>
        <translation>Show only the cases with changes not yet sent, a conflict to review or a change the server refused</translation>
    </message>
    <message>
        <source>All sync states</source>
        <translation>All sync states</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>View details</source>
        <translation>View details</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Edit: %1</source>
        <extracomment>The title of the dialog that corrects an entry, e.g. "Edit: Follow-up".</extracomment>
        <translation>Edit: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <source>Record visit…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <source>risk</source>
        <translation>risk</translation>
    </message>
    <message>
        <source>assigned to</source>
        <translation>assigned to</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n conflict to review</numerusform>
            <numerusform>%n conflicts to review</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflicts to review</source>
        <translation>Conflicts to review</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>No conflicts left to review in this case.</source>
        <translation>No conflicts left to review in this case.</translation>
    </message>
    <message>
        <source>This case was changed in two places, or a change was not accepted. Nothing was lost: look at both values and choose which to keep.</source>
        <translation>This case was changed in two places, or a change was not accepted. Nothing was lost: look at both values and choose which to keep.</translation>
    </message>
    <message>
        <source>The district server did not accept this change from this laptop. Check the case and correct it by hand if needed.</source>
        <translation>The district server did not accept this change from this laptop. Check the case and correct it by hand if needed.</translation>
    </message>
    <message>
        <source>A change from another laptop could not be applied here. Check the case and correct it by hand if needed.</source>
        <translation>A change from another laptop could not be applied here. Check the case and correct it by hand if needed.</translation>
    </message>
    <message>
        <source>Reason given: %1</source>
        <translation>Reason given: %1</translation>
    </message>
    <message>
        <source>Value: %1 (by %2, %3)</source>
        <translation>Value: %1 (by %2, %3)</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Close this item after you checked the case.</source>
        <translation>Close this item after you checked the case.</translation>
    </message>
    <message>
        <source>For safety, the most protective value is kept until a supervisor decides.</source>
        <translation>For safety, the most protective value is kept until a supervisor decides.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kept now&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kept now&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;The other value&lt;/b&gt;</source>
        <translation>&lt;b&gt;The other value&lt;/b&gt;</translation>
    </message>
    <message>
        <source>by %1, %2</source>
        <translation>by %1, %2</translation>
    </message>
    <message>
        <source>Keep this</source>
        <translation>Keep this</translation>
    </message>
    <message>
        <source>Only a supervisor decides a safety value.</source>
        <translation>Only a supervisor decides a safety value.</translation>
    </message>
    <message>
        <source>Changed again since: the case now holds a third value.</source>
        <translation>Changed again since: the case now holds a third value.</translation>
    </message>
    <message>
        <source>this laptop</source>
        <translation>this laptop</translation>
    </message>
    <message>
        <source>another laptop</source>
        <translation>another laptop</translation>
    </message>
</context>
<context>
    <name>ConsentBox</name>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>C&amp;onsent:</source>
        <translation>C&amp;onsent:</translation>
    </message>
    <message>
        <source>Given by:</source>
        <translation>Given by:</translation>
    </message>
    <message>
        <source>Consent da&amp;te:</source>
        <translation>Consent da&amp;te:</translation>
    </message>
    <message>
        <source>&amp;How:</source>
        <translation>&amp;How:</translation>
    </message>
    <message>
        <source>Choose how the consent was given.</source>
        <translation>Choose how the consent was given.</translation>
    </message>
</context>
<context>
    <name>CreateProfileDialog</name>
    <message>
        <source>Training profile (practice data for workshops, never real cases)</source>
        <translation>Training profile (practice data for workshops, never real cases)</translation>
    </message>
    <message>
        <source>New Dampingi profile</source>
        <translation>New Dampingi profile</translation>
    </message>
    <message>
        <source>A profile keeps the cases of one district on this laptop, encrypted with a key that only your passphrase opens. There is no way to recover a forgotten passphrase: keep it safe.</source>
        <translation>A profile keeps the cases of one district on this laptop, encrypted with a key that only your passphrase opens. There is no way to recover a forgotten passphrase: keep it safe.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>District (kabupaten/kota)</source>
        <translation>District (kabupaten/kota)</translation>
    </message>
    <message>
        <source>e.g. siti.rahma</source>
        <translation>e.g. siti.rahma</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>Create profile</source>
        <translation>Create profile</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Added</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <source>The copy is not encrypted: keep it only as long as needed.</source>
        <translation>The copy is not encrypted: keep it only as long as needed.</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Attach a document</translation>
    </message>
    <message>
        <source>%1 (arrives with a sync)</source>
        <translation>%1 (arrives with a sync)</translation>
    </message>
    <message>
        <source>The copy could not be written there. Choose another folder or drive with free space.</source>
        <translation>The copy could not be written there. Choose another folder or drive with free space.</translation>
    </message>
    <message>
        <source>This file has not reached this laptop yet. It arrives with a sync, once the laptop that attached it has synced too.</source>
        <translation>This file has not reached this laptop yet. It arrives with a sync, once the laptop that attached it has synced too.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>EntryForm</name>
    <message>
        <source>Risk level</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation>Risk factors</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Safety plan</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>What will be done</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The record was not found. It may have been removed or moved to another team.</source>
        <translation>The record was not found. It may have been removed or moved to another team.</translation>
    </message>
    <message>
        <source>Wrong user name or passphrase.</source>
        <translation>Wrong user name or passphrase.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was lost: free some space and save again.</source>
        <translation>The disk is full. Nothing was lost: free some space and save again.</translation>
    </message>
    <message>
        <source>The profile folder cannot be written (read-only). Nothing was saved.</source>
        <translation>The profile folder cannot be written (read-only). Nothing was saved.</translation>
    </message>
    <message>
        <source>The case store cannot be written right now. Nothing was saved; please try again.</source>
        <translation>The case store cannot be written right now. Nothing was saved; please try again.</translation>
    </message>
    <message>
        <source>This profile was written by a newer version of Dampingi. Please update the application.</source>
        <translation>This profile was written by a newer version of Dampingi. Please update the application.</translation>
    </message>
    <message>
        <source>The profile could not be upgraded. It was left unchanged.</source>
        <translation>The profile could not be upgraded. It was left unchanged.</translation>
    </message>
    <message>
        <source>Some stored data is damaged and was not shown. Please contact your supervisor.</source>
        <translation>Some stored data is damaged and was not shown. Please contact your supervisor.</translation>
    </message>
    <message>
        <source>Something went wrong inside Dampingi. Nothing was saved.</source>
        <translation>Something went wrong inside Dampingi. Nothing was saved.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>A field's label and what is wrong with it, e.g. "Incident date — This date cannot be in the future."</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>This entry is required.</source>
        <translation>This entry is required.</translation>
    </message>
    <message>
        <source>Choose one of the values offered.</source>
        <translation>Choose one of the values offered.</translation>
    </message>
    <message>
        <source>This value is outside the possible range.</source>
        <translation>This value is outside the possible range.</translation>
    </message>
    <message>
        <source>Too long: at most %1 characters.</source>
        <translation>Too long: at most %1 characters.</translation>
    </message>
    <message>
        <source>Too short: at least %1 characters.</source>
        <translation>Too short: at least %1 characters.</translation>
    </message>
    <message>
        <source>Too large: at most %1 MB.</source>
        <translation>Too large: at most %1 MB.</translation>
    </message>
    <message>
        <source>This entry is not in the expected form.</source>
        <translation>This entry is not in the expected form.</translation>
    </message>
    <message>
        <source>This entry contains characters that cannot be stored.</source>
        <translation>This entry contains characters that cannot be stored.</translation>
    </message>
    <message>
        <source>This date cannot be in the future.</source>
        <translation>This date cannot be in the future.</translation>
    </message>
    <message>
        <source>This date is after a date it must precede.</source>
        <translation>This date is after a date it must precede.</translation>
    </message>
    <message>
        <source>This date cannot be after the field "%1".</source>
        <translation>This date cannot be after the field "%1".</translation>
    </message>
    <message>
        <source>This value is set by Dampingi and cannot be entered.</source>
        <translation>This value is set by Dampingi and cannot be entered.</translation>
    </message>
    <message>
        <source>This already exists. Choose another.</source>
        <translation>This already exists. Choose another.</translation>
    </message>
    <message>
        <source>A NIK has 16 digits.</source>
        <translation>A NIK has 16 digits.</translation>
    </message>
    <message>
        <source>A NIK holds digits only.</source>
        <translation>A NIK holds digits only.</translation>
    </message>
    <message>
        <source>The first digits of the NIK are not a known province or regency.</source>
        <translation>The first digits of the NIK are not a known province or regency.</translation>
    </message>
    <message>
        <source>Digits 7 to 12 of the NIK are not a birth date.</source>
        <translation>Digits 7 to 12 of the NIK are not a birth date.</translation>
    </message>
    <message>
        <source>The birth date in the NIK is in the future.</source>
        <translation>The birth date in the NIK is in the future.</translation>
    </message>
    <message>
        <source>The last four digits of the NIK cannot be 0000.</source>
        <translation>The last four digits of the NIK cannot be 0000.</translation>
    </message>
    <message>
        <source>The NIK does not match the sex entered. Check both.</source>
        <translation>The NIK does not match the sex entered. Check both.</translation>
    </message>
    <message>
        <source>The NIK does not match the birth date entered. Check both.</source>
        <translation>The NIK does not match the birth date entered. Check both.</translation>
    </message>
    <message>
        <source>This status change is not a step of the workflow.</source>
        <translation>This status change is not a step of the workflow.</translation>
    </message>
    <message>
        <source>This status change needs a reason.</source>
        <translation>This status change needs a reason.</translation>
    </message>
    <message>
        <source>Your role does not allow this. Please ask your supervisor.</source>
        <translation>Your role does not allow this. Please ask your supervisor.</translation>
    </message>
    <message>
        <source>This case is not among the cases you work on.</source>
        <translation>This case is not among the cases you work on.</translation>
    </message>
    <message>
        <source>This was already changed, perhaps on another laptop. Reload it and check again.</source>
        <translation>This was already changed, perhaps on another laptop. Reload it and check again.</translation>
    </message>
    <message>
        <source>This profile is already enrolled with the district server.</source>
        <translation>This profile is already enrolled with the district server.</translation>
    </message>
    <message>
        <source>The district office revoked this laptop and its case data was erased. Please contact the office.</source>
        <translation>The district office revoked this laptop and its case data was erased. Please contact the office.</translation>
    </message>
    <message>
        <source>The district server does not know this laptop. Please ask the office to enroll it again.</source>
        <translation>The district server does not know this laptop. Please ask the office to enroll it again.</translation>
    </message>
    <message>
        <source>The district server needs a newer version of Dampingi. Please update the application.</source>
        <translation>The district server needs a newer version of Dampingi. Please update the application.</translation>
    </message>
    <message>
        <source>The enrollment code is unknown, already used or expired. Please ask the office for a new one.</source>
        <translation>The enrollment code is unknown, already used or expired. Please ask the office for a new one.</translation>
    </message>
    <message>
        <source>This bundle is not meant for this laptop.</source>
        <translation>This bundle is not meant for this laptop.</translation>
    </message>
    <message>
        <source>This bundle was altered or does not come from the district office. Nothing was imported.</source>
        <translation>This bundle was altered or does not come from the district office. Nothing was imported.</translation>
    </message>
    <message>
        <source>Please check this entry.</source>
        <translation>Please check this entry.</translation>
    </message>
    <message>
        <source>This change is not allowed now.</source>
        <translation>This change is not allowed now.</translation>
    </message>
    <message>
        <source>The district server refused this laptop. Please contact the district office.</source>
        <translation>The district server refused this laptop. Please contact the district office.</translation>
    </message>
    <message>
        <source>A case needs at least one victim. Add the right victim first, then remove this one.</source>
        <translation>A case needs at least one victim. Add the right victim first, then remove this one.</translation>
    </message>
    <message>
        <source>The sync was cancelled. Nothing was lost: the next sync goes on where this one stopped.</source>
        <translation>The sync was cancelled. Nothing was lost: the next sync goes on where this one stopped.</translation>
    </message>
    <message>
        <source>The district server is busy. Your work is kept on this laptop; Dampingi tries again shortly.</source>
        <translation>The district server is busy. Your work is kept on this laptop; Dampingi tries again shortly.</translation>
    </message>
    <message>
        <source>This laptop's clock is far from the district server's. Set the date and time in the laptop's settings, then sync again.</source>
        <translation>This laptop's clock is far from the district server's. Set the date and time in the laptop's settings, then sync again.</translation>
    </message>
    <message>
        <source>This answer from the office was imported already. Nothing changed.</source>
        <translation>This answer from the office was imported already. Nothing changed.</translation>
    </message>
    <message>
        <source>The USB stick or folder is full. Nothing was lost: your changes stay on this laptop, not yet sent. Free some space or choose another drive.</source>
        <translation>The USB stick or folder is full. Nothing was lost: your changes stay on this laptop, not yet sent. Free some space or choose another drive.</translation>
    </message>
    <message>
        <source>The USB stick or folder cannot be written (read-only or locked). Nothing was lost: your changes stay on this laptop, not yet sent. Choose another drive.</source>
        <translation>The USB stick or folder cannot be written (read-only or locked). Nothing was lost: your changes stay on this laptop, not yet sent. Choose another drive.</translation>
    </message>
    <message>
        <source>This file is far larger than any bundle from the office. Nothing was imported.</source>
        <translation>This file is far larger than any bundle from the office. Nothing was imported.</translation>
    </message>
    <message>
        <source>This file is not a Dampingi bundle. Nothing was imported.</source>
        <translation>This file is not a Dampingi bundle. Nothing was imported.</translation>
    </message>
    <message>
        <source>This bundle is incomplete: the copy was cut short. Nothing was imported; copy it again from the office.</source>
        <translation>This bundle is incomplete: the copy was cut short. Nothing was imported; copy it again from the office.</translation>
    </message>
    <message>
        <source>This bundle was written by a newer version of Dampingi. Please update the application, then import it again.</source>
        <translation>This bundle was written by a newer version of Dampingi. Please update the application, then import it again.</translation>
    </message>
    <message>
        <source>The file could not be written or read whole. Was the USB stick pulled out? Nothing was lost: plug it in and try again.</source>
        <translation>The file could not be written or read whole. Was the USB stick pulled out? Nothing was lost: plug it in and try again.</translation>
    </message>
    <message>
        <source>The file cannot be opened. Check that the USB stick is plugged in, then choose the file again.</source>
        <translation>The file cannot be opened. Check that the USB stick is plugged in, then choose the file again.</translation>
    </message>
    <message>
        <source>This bundle is damaged and cannot be read. Nothing was imported; ask the office for a new copy.</source>
        <translation>This bundle is damaged and cannot be read. Nothing was imported; ask the office for a new copy.</translation>
    </message>
    <message>
        <source>This laptop is not enrolled for USB bundles. Enroll it with the district server first (Settings).</source>
        <translation>This laptop is not enrolled for USB bundles. Enroll it with the district server first (Settings).</translation>
    </message>
    <message>
        <source>This is not the district server this laptop was enrolled with (its certificate does not match); the network may be redirecting you, as a hotspot's login page does. Nothing was sent. Try another connection; if it keeps happening, call the district office.</source>
        <translation>This is not the district server this laptop was enrolled with (its certificate does not match); the network may be redirecting you, as a hotspot's login page does. Nothing was sent. Try another connection; if it keeps happening, call the district office.</translation>
    </message>
    <message>
        <source>The district server cannot be reached right now. Your work is safe on this laptop and is sent at the next sync, once there is a signal.</source>
        <translation>The district server cannot be reached right now. Your work is safe on this laptop and is sent at the next sync, once there is a signal.</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <source>Narrative</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <source>Intake channel</source>
        <translation>Intake channel</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>Reported on</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Incident date</translation>
    </message>
    <message>
        <source>Incident region</source>
        <translation>Incident region</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Scene</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Violence types</source>
        <translation>Violence types</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Risk level</translation>
    </message>
    <message>
        <source>Do not contact</source>
        <translation>Do not contact</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Birth year</translation>
    </message>
    <message>
        <source>Estimated age</source>
        <translation>Estimated age</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Occupation</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>Address region</source>
        <translation>Address region</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Safety plan</translation>
    </message>
    <message>
        <source>Risk factors</source>
        <translation>Risk factors</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Person in the case</source>
        <translation>Person in the case</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Risk assessment</translation>
    </message>
    <message>
        <source>Case plan</source>
        <translation>Case plan</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Status change</source>
        <translation>Status change</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>An entity and one of its fields, e.g. "Person: Name".</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>(location)</source>
        <translation>(location)</translation>
    </message>
    <message>
        <source>edited on two laptops</source>
        <translation>edited on two laptops</translation>
    </message>
    <message>
        <source>safety value, for a supervisor</source>
        <translation>safety value, for a supervisor</translation>
    </message>
    <message>
        <source>status changed on two laptops</source>
        <translation>status changed on two laptops</translation>
    </message>
    <message>
        <source>refused by the server</source>
        <translation>refused by the server</translation>
    </message>
    <message>
        <source>not applied here</source>
        <translation>not applied here</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Visit time</source>
        <translation>Visit time</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Referred on</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>Completed on</translation>
    </message>
    <message>
        <source>Disability note</source>
        <translation>Disability note</translation>
    </message>
    <message>
        <source>Place details</source>
        <translation>Place details</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <source>Report received at</source>
        <translation>Report received at</translation>
    </message>
    <message>
        <source>Region list version</source>
        <translation>Region list version</translation>
    </message>
    <message>
        <source>Hamlet (dusun)</source>
        <translation>Hamlet (dusun)</translation>
    </message>
    <message>
        <source>RT/RW</source>
        <translation>RT/RW</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Victim</translation>
    </message>
    <message>
        <source>Perpetrator still has access to the victim</source>
        <translation>Perpetrator still has access to the victim</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>How consent was given</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Location source</source>
        <translation>Location source</translation>
    </message>
    <message>
        <source>Assessment date</source>
        <translation>Assessment date</translation>
    </message>
    <message>
        <source>Checklist version</source>
        <translation>Checklist version</translation>
    </message>
    <message>
        <source>Checklist answers</source>
        <translation>Checklist answers</translation>
    </message>
    <message>
        <source>Suggested risk level</source>
        <translation>Suggested risk level</translation>
    </message>
    <message>
        <source>Reason for a different level</source>
        <translation>Reason for a different level</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Done at</source>
        <translation>Done at</translation>
    </message>
    <message>
        <source>Written at</source>
        <translation>Written at</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>File type</translation>
    </message>
    <message>
        <source>File size</source>
        <translation>File size</translation>
    </message>
    <message>
        <source>Previous status</source>
        <translation>Previous status</translation>
    </message>
    <message>
        <source>New status</source>
        <translation>New status</translation>
    </message>
    <message>
        <source>Changed at</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Registry number</source>
        <translation>Registry number</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Merged into</source>
        <translation>Merged into</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>(checklist answers)</source>
        <translation>(checklist answers)</translation>
    </message>
</context>
<context>
    <name>FollowupsTab</name>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>What needs doing, e.g. accompany to the hospital for visum</source>
        <translation>What needs doing, e.g. accompany to the hospital for visum</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Add follow-up</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Mark done</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>added: %1</source>
        <translation>added: %1</translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation>removed: %1</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Sync and attention</source>
        <translation>Sync and attention</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message numerus="yes">
        <source>Needs attention: %n item(s).</source>
        <translation>
            <numerusform>Needs attention: %n item.</numerusform>
            <numerusform>Needs attention: %n items.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unfinished intake, last saved %1 — open to continue</source>
        <translation>Unfinished intake, last saved %1 — open to continue</translation>
    </message>
    <message>
        <source>Conflict in %1: %2 (%3)</source>
        <translation>Conflict in %1: %2 (%3)</translation>
    </message>
    <message>
        <source>Open the case to see both values and choose which to keep.</source>
        <translation>Open the case to see both values and choose which to keep.</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Overdue follow-ups</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <source>Urgent (High and Critical)</source>
        <translation>Urgent (High and Critical)</translation>
    </message>
    <message>
        <source>Waiting for a first visit</source>
        <translation>Waiting for a first visit</translation>
    </message>
    <message>
        <source>Changes not yet sent</source>
        <translation>Changes not yet sent</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Urgent cases</source>
        <translation>Urgent cases</translation>
    </message>
    <message>
        <source>Show these cases in the case list</source>
        <translation>Show these cases in the case list</translation>
    </message>
    <message numerus="yes">
        <source>and %n more…</source>
        <translation>
            <numerusform>and %n more…</numerusform>
            <numerusform>and %n more…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <source>Follow-ups due this week and overdue</source>
        <translation>Follow-ups due this week and overdue</translation>
    </message>
    <message>
        <source>Nothing due this week. Well done.</source>
        <translation>Nothing due this week. Well done.</translation>
    </message>
    <message>
        <source>No open case at high or critical risk.</source>
        <translation>No open case at high or critical risk.</translation>
    </message>
    <message numerus="yes">
        <source>reported %n day(s) ago</source>
        <translation>
            <numerusform>reported %n day ago</numerusform>
            <numerusform>reported %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Every open case has had a visit.</source>
        <translation>Every open case has had a visit.</translation>
    </message>
    <message>
        <source>Never synced: this laptop is not enrolled with a server yet.</source>
        <translation>Never synced: this laptop is not enrolled with a server yet.</translation>
    </message>
    <message>
        <source>Last sync: %1.</source>
        <translation>Last sync: %1.</translation>
    </message>
    <message>
        <source>Not synced yet: your work is kept on this laptop until there is a connection to the district server.</source>
        <translation>Not synced yet: your work is kept on this laptop until there is a connection to the district server.</translation>
    </message>
</context>
<context>
    <name>IncidentDialog</name>
    <message>
        <source>Correct the incident</source>
        <translation>Correct the incident</translation>
    </message>
    <message>
        <source>empty when unknown</source>
        <translation>empty when unknown</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>S&amp;cene:</source>
        <translation>S&amp;cene:</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>P&amp;lace:</translation>
    </message>
    <message>
        <source>Case t&amp;yping:</source>
        <translation>Case t&amp;yping:</translation>
    </message>
    <message>
        <source>Violence &amp;types:</source>
        <translation>Violence &amp;types:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Village:</translation>
    </message>
    <message>
        <source>Na&amp;rrative:</source>
        <translation>Na&amp;rrative:</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Tick at least one violence type (“Other” when unsure).</source>
        <translation>Tick at least one violence type (“Other” when unsure).</translation>
    </message>
</context>
<context>
    <name>IncidentTab</name>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <source>Incident date</source>
        <translation>Incident date</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Scene</translation>
    </message>
    <message>
        <source>Violence</source>
        <translation>Violence</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>Case type</translation>
    </message>
    <message>
        <source>Narrative</source>
        <translation>Narrative</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>Edit incident…</source>
        <translation>Edit incident…</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>New case — TRAINING profile</source>
        <translation>New case — TRAINING profile</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&amp;Save case</source>
        <translation>&amp;Save case</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>How and when the report reached the unit.</source>
        <translation>How and when the report reached the unit.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Report &amp;channel:</source>
        <translation>Report &amp;channel:</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>&amp;Reported on:</source>
        <translation>&amp;Reported on:</translation>
    </message>
    <message>
        <source>Reporter</source>
        <translation>Reporter</translation>
    </message>
    <message>
        <source>Optional. Leave empty when the reporter is the victim or wishes to stay anonymous.</source>
        <translation>Optional. Leave empty when the reporter is the victim or wishes to stay anonymous.</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>e.g. neighbour, teacher, head of the RT</source>
        <translation>e.g. neighbour, teacher, head of the RT</translation>
    </message>
    <message>
        <source>&amp;Relation to the victim:</source>
        <translation>&amp;Relation to the victim:</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Victim</translation>
    </message>
    <message>
        <source>Name or NIK is needed. Leave the NIK empty when it is unknown.</source>
        <translation>Name or NIK is needed. Leave the NIK empty when it is unknown.</translation>
    </message>
    <message>
        <source>&amp;Add another victim</source>
        <translation>&amp;Add another victim</translation>
    </message>
    <message>
        <source>Remove the last victim</source>
        <translation>Remove the last victim</translation>
    </message>
    <message>
        <source>16 digits; empty when unknown</source>
        <translation>16 digits; empty when unknown</translation>
    </message>
    <message>
        <source>NI&amp;K:</source>
        <translation>NI&amp;K:</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>&amp;Sex:</translation>
    </message>
    <message>
        <source>Bi&amp;rth date:</source>
        <translation>Bi&amp;rth date:</translation>
    </message>
    <message>
        <source>years, when the birth date is unknown</source>
        <translation>years, when the birth date is unknown</translation>
    </message>
    <message>
        <source>or estimated a&amp;ge:</source>
        <translation>or estimated a&amp;ge:</translation>
    </message>
    <message>
        <source>&amp;Disability:</source>
        <translation>&amp;Disability:</translation>
    </message>
    <message>
        <source>&amp;Education:</source>
        <translation>&amp;Education:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Village:</translation>
    </message>
    <message>
        <source>Victim %1</source>
        <translation>Victim %1</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Incident</translation>
    </message>
    <message>
        <source>When and where it happened, and what happened.</source>
        <translation>When and where it happened, and what happened.</translation>
    </message>
    <message>
        <source>empty when unknown</source>
        <translation>empty when unknown</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>S&amp;cene:</source>
        <translation>S&amp;cene:</translation>
    </message>
    <message>
        <source>e.g. the garden behind the house</source>
        <translation>e.g. the garden behind the house</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>P&amp;lace:</translation>
    </message>
    <message>
        <source>Case t&amp;yping:</source>
        <translation>Case t&amp;yping:</translation>
    </message>
    <message>
        <source>Violence &amp;types:</source>
        <translation>Violence &amp;types:</translation>
    </message>
    <message>
        <source>What happened, in the words of the reporter or victim.</source>
        <translation>What happened, in the words of the reporter or victim.</translation>
    </message>
    <message>
        <source>Na&amp;rrative:</source>
        <translation>Na&amp;rrative:</translation>
    </message>
    <message>
        <source>Alleged perpetrator</source>
        <translation>Alleged perpetrator</translation>
    </message>
    <message>
        <source>Optional. Leave empty when nothing is known yet.</source>
        <translation>Optional. Leave empty when nothing is known yet.</translation>
    </message>
    <message>
        <source>&amp;Add another perpetrator</source>
        <translation>&amp;Add another perpetrator</translation>
    </message>
    <message>
        <source>Remove the last perpetrator</source>
        <translation>Remove the last perpetrator</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Not known</translation>
    </message>
    <message>
        <source>&amp;Relationship to the victim:</source>
        <translation>&amp;Relationship to the victim:</translation>
    </message>
    <message>
        <source>Estimated a&amp;ge:</source>
        <translation>Estimated a&amp;ge:</translation>
    </message>
    <message>
        <source>Perpetrator %1</source>
        <translation>Perpetrator %1</translation>
    </message>
    <message>
        <source>Risk and safety</source>
        <translation>Risk and safety</translation>
    </message>
    <message>
        <source>A first judgement from the intake; the assessment will refine it.</source>
        <translation>A first judgement from the intake; the assessment will refine it.</translation>
    </message>
    <message>
        <source>&amp;Risk level:</source>
        <translation>&amp;Risk level:</translation>
    </message>
    <message>
        <source>Immediate dangers and what keeps the victim safe now.</source>
        <translation>Immediate dangers and what keeps the victim safe now.</translation>
    </message>
    <message>
        <source>Safety &amp;notes:</source>
        <translation>Safety &amp;notes:</translation>
    </message>
    <message>
        <source>&amp;Do not contact the victim directly (contact could put her or him at risk)</source>
        <translation>&amp;Do not contact the victim directly (contact could put her or him at risk)</translation>
    </message>
    <message>
        <source>Enter the date.</source>
        <translation>Enter the date.</translation>
    </message>
    <message>
        <source>This is not a date. Type it like %1.</source>
        <translation>This is not a date. Type it like %1.</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>This date is in the future.</translation>
    </message>
    <message>
        <source>This date is before 1900.</source>
        <translation>This date is before 1900.</translation>
    </message>
    <message>
        <source>Enter the age in whole years, from 0 to 130.</source>
        <translation>Enter the age in whole years, from 0 to 130.</translation>
    </message>
    <message>
        <source>A NIK has digits only.</source>
        <translation>A NIK has digits only.</translation>
    </message>
    <message>
        <source>A NIK has 16 digits; this one has %1.</source>
        <translation>A NIK has 16 digits; this one has %1.</translation>
    </message>
    <message>
        <source>The first two digits are not a province code. Check the NIK.</source>
        <translation>The first two digits are not a province code. Check the NIK.</translation>
    </message>
    <message>
        <source>Digits 1–4 are not a regency or city code. Check the NIK.</source>
        <translation>Digits 1–4 are not a regency or city code. Check the NIK.</translation>
    </message>
    <message>
        <source>Digits 7–12 are not a birth date (DDMMYY, with 40 added to the day for women). Check the NIK.</source>
        <translation>Digits 7–12 are not a birth date (DDMMYY, with 40 added to the day for women). Check the NIK.</translation>
    </message>
    <message>
        <source>The birth date in this NIK is in the future. Check the NIK.</source>
        <translation>The birth date in this NIK is in the future. Check the NIK.</translation>
    </message>
    <message>
        <source>The last four digits of a NIK are never 0000. Check the NIK.</source>
        <translation>The last four digits of a NIK are never 0000. Check the NIK.</translation>
    </message>
    <message>
        <source>This NIK is not valid. Check it.</source>
        <translation>This NIK is not valid. Check it.</translation>
    </message>
    <message>
        <source>This NIK is a woman's (40 is added to her birth day), but the sex chosen is male. Check both.</source>
        <translation>This NIK is a woman's (40 is added to her birth day), but the sex chosen is male. Check both.</translation>
    </message>
    <message>
        <source>This NIK is a man's, but the sex chosen is female. Check both.</source>
        <translation>This NIK is a man's, but the sex chosen is female. Check both.</translation>
    </message>
    <message>
        <source>This NIK gives the birth date %1, not the one entered. Check both.</source>
        <translation>This NIK gives the birth date %1, not the one entered. Check both.</translation>
    </message>
    <message>
        <source>The region code in this NIK is not in the current region list. It may be older than the list: confirm the NIK with the person.</source>
        <translation>The region code in this NIK is not in the current region list. It may be older than the list: confirm the NIK with the person.</translation>
    </message>
    <message>
        <source>%1 of 16 digits</source>
        <translation>%1 of 16 digits</translation>
    </message>
    <message>
        <source>Possible match: case %1. Check it before going on; you may continue.</source>
        <translation>Possible match: case %1. Check it before going on; you may continue.</translation>
    </message>
    <message>
        <source>Possible matches: cases %1. Check them before going on; you may continue.</source>
        <translation>Possible matches: cases %1. Check them before going on; you may continue.</translation>
    </message>
    <message>
        <source>Choose how the report came in.</source>
        <translation>Choose how the report came in.</translation>
    </message>
    <message>
        <source>Enter the victim's name, or the NIK.</source>
        <translation>Enter the victim's name, or the NIK.</translation>
    </message>
    <message>
        <source>The incident date is after the report date (%1).</source>
        <translation>The incident date is after the report date (%1).</translation>
    </message>
    <message>
        <source>Tick at least one violence type (“Other” when unsure).</source>
        <translation>Tick at least one violence type (“Other” when unsure).</translation>
    </message>
    <message>
        <source>Choose a risk level.</source>
        <translation>Choose a risk level.</translation>
    </message>
    <message>
        <source>Discard the intake?</source>
        <translation>Discard the intake?</translation>
    </message>
    <message>
        <source>Victim it concerns:</source>
        <translation>Victim it concerns:</translation>
    </message>
    <message>
        <source>street, house, landmark</source>
        <translation>street, house, landmark</translation>
    </message>
    <message>
        <source>e.g. 003/001</source>
        <translation>e.g. 003/001</translation>
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
        <translation>e.g. 14:30</translation>
    </message>
    <message>
        <source>at</source>
        <translation>at</translation>
    </message>
    <message>
        <source>The day and time the report reached the unit: the response time counts from here.</source>
        <translation>The day and time the report reached the unit: the response time counts from here.</translation>
    </message>
    <message>
        <source>This is not a time. Type it like 14:30.</source>
        <translation>This is not a time. Type it like 14:30.</translation>
    </message>
    <message>
        <source>This time is in the future.</source>
        <translation>This time is in the future.</translation>
    </message>
    <message>
        <source>The guardian is not known &amp;yet (wali belum diketahui)</source>
        <translation>The guardian is not known &amp;yet (wali belum diketahui)</translation>
    </message>
    <message>
        <source>Guardian (wali)</source>
        <translation>Guardian (wali)</translation>
    </message>
    <message>
        <source>&amp;Relationship to the child:</source>
        <translation>&amp;Relationship to the child:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>Consent to the unit's help</source>
        <translation>Consent to the unit's help</translation>
    </message>
    <message>
        <source>Guardian and consent</source>
        <translation>Guardian and consent</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Who is responsible for the child, and whether they agree to the unit's help.</source>
        <translation>Who is responsible for the child, and whether they agree to the unit's help.</translation>
    </message>
    <message>
        <source>Whether the victim agrees to the unit's help.</source>
        <translation>Whether the victim agrees to the unit's help.</translation>
    </message>
    <message>
        <source>%1 is a child. A child's intake needs the guardian (wali), or a tick at “not known yet”: consent is then recorded as not yet asked.</source>
        <translation>%1 is a child. A child's intake needs the guardian (wali), or a tick at “not known yet”: consent is then recorded as not yet asked.</translation>
    </message>
    <message>
        <source>the guardian</source>
        <translation>the guardian</translation>
    </message>
    <message>
        <source>Enter the child's guardian, or tick “The guardian is not known yet”.</source>
        <translation>Enter the child's guardian, or tick “The guardian is not known yet”.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Still has a&amp;ccess to the victim?</source>
        <translation>Still has a&amp;ccess to the victim?</translation>
    </message>
    <message>
        <source>Check and save</source>
        <translation>Check and save</translation>
    </message>
    <message>
        <source>Everything entered, page by page. “Change” goes back to a page; “Save case” stores it.</source>
        <translation>Everything entered, page by page. “Change” goes back to a page; “Save case” stores it.</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>not known yet</translation>
    </message>
    <message>
        <source>Nothing entered.</source>
        <translation>Nothing entered.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Relation to the victim</source>
        <translation>Relation to the victim</translation>
    </message>
    <message>
        <source>Victim it concerns</source>
        <translation>Victim it concerns</translation>
    </message>
    <message>
        <source>Needed when the level is not the suggested one</source>
        <translation>Needed when the level is not the suggested one</translation>
    </message>
    <message>
        <source>Reason for the le&amp;vel:</source>
        <translation>Reason for the le&amp;vel:</translation>
    </message>
    <message>
        <source>Answer what you can; the level the answers suggest shows here.</source>
        <translation>Answer what you can; the level the answers suggest shows here.</translation>
    </message>
    <message>
        <source>Write why you chose another level than the suggested one.</source>
        <translation>Write why you chose another level than the suggested one.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Dampingi — TRAINING profile</source>
        <translation>Dampingi — TRAINING profile</translation>
    </message>
    <message>
        <source>Dampingi</source>
        <translation>Dampingi</translation>
    </message>
    <message>
        <source>Training profile: practice data only, never real cases.</source>
        <translation>Training profile: practice data only, never real cases.</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Find case</source>
        <translation>Find case</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Offline · not enrolled with a district server yet</source>
        <translation>Offline · not enrolled with a district server yet</translation>
    </message>
    <message>
        <source>Preparing the search…</source>
        <translation>Preparing the search…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Send this laptop's changes to the district server and fetch the team's (Ctrl+Shift+S)</source>
        <translation>Send this laptop's changes to the district server and fetch the team's (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>The case you had open is no longer on this laptop (it left your team's cases) and was closed.</source>
        <translation>The case you had open is no longer on this laptop (it left your team's cases) and was closed.</translation>
    </message>
    <message>
        <source>Enroll this laptop with the district server first (Settings).</source>
        <translation>Enroll this laptop with the district server first (Settings).</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>The last sync did not finish. Your work is kept on this laptop.</source>
        <translation>The last sync did not finish. Your work is kept on this laptop.</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Synced at %1</translation>
    </message>
    <message>
        <source>Enrolled · not synced yet</source>
        <translation>Enrolled · not synced yet</translation>
    </message>
    <message>
        <source>Export to USB</source>
        <translation>Export to USB</translation>
    </message>
    <message>
        <source>Save your changes not yet sent to a USB stick for the district office</source>
        <translation>Save your changes not yet sent to a USB stick for the district office</translation>
    </message>
    <message>
        <source>Import from USB</source>
        <translation>Import from USB</translation>
    </message>
    <message>
        <source>Import the district office's answer from a USB stick</source>
        <translation>Import the district office's answer from a USB stick</translation>
    </message>
    <message>
        <source>Sync details</source>
        <translation>Sync details</translation>
    </message>
    <message>
        <source>Progress of the running sync and the last syncs</source>
        <translation>Progress of the running sync and the last syncs</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Open case</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Write a note…</source>
        <translation>Write a note…</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Save note</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>PeopleTab</name>
    <message numerus="yes">
        <source>about %n year(s)</source>
        <translation>
            <numerusform>about %n year</numerusform>
            <numerusform>about %n years</numerusform>
        </translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Birth date / age</source>
        <translation>Birth date / age</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>Relationship</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Remove role</source>
        <translation>Remove role</translation>
    </message>
    <message>
        <source>Add person…</source>
        <translation>Add person…</translation>
    </message>
    <message>
        <source>this person</source>
        <translation>this person</translation>
    </message>
    <message>
        <source>Take %1 out of this case as %2? The person's record is kept, and the change shows in the history.</source>
        <translation>Take %1 out of this case as %2? The person's record is kept, and the change shows in the history.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Add a person to the case</source>
        <translation>Add a person to the case</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Role in the case:</source>
        <translation>&amp;Role in the case:</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Not known</translation>
    </message>
    <message>
        <source>R&amp;elationship to the victim:</source>
        <translation>R&amp;elationship to the victim:</translation>
    </message>
    <message>
        <source>Yes, still has access</source>
        <translation>Yes, still has access</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Still has access to the &amp;victim:</source>
        <translation>Still has access to the &amp;victim:</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>&amp;Sex:</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>Bi&amp;rth date:</source>
        <translation>Bi&amp;rth date:</translation>
    </message>
    <message>
        <source>years, when the birth date is unknown</source>
        <translation>years, when the birth date is unknown</translation>
    </message>
    <message>
        <source>or estimated a&amp;ge:</source>
        <translation>or estimated a&amp;ge:</translation>
    </message>
    <message>
        <source>16 digits; empty when unknown</source>
        <translation>16 digits; empty when unknown</translation>
    </message>
    <message>
        <source>NI&amp;K:</source>
        <translation>NI&amp;K:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>&amp;Village:</source>
        <translation>&amp;Village:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>Correct a person of the case</source>
        <translation>Correct a person of the case</translation>
    </message>
    <message>
        <source>Enter at least the person's name.</source>
        <translation>Enter at least the person's name.</translation>
    </message>
    <message>
        <source>Disa&amp;bility:</source>
        <translation>Disa&amp;bility:</translation>
    </message>
    <message>
        <source>Ed&amp;ucation:</source>
        <translation>Ed&amp;ucation:</translation>
    </message>
    <message>
        <source>&amp;Occupation:</source>
        <translation>&amp;Occupation:</translation>
    </message>
</context>
<context>
    <name>PositionProvider</name>
    <message>
        <source>No GPS receiver was found on the serial or USB ports.</source>
        <translation>No GPS receiver was found on the serial or USB ports.</translation>
    </message>
    <message>
        <source>The GPS receiver on %1 could not be opened. Check that it is plugged in.</source>
        <translation>The GPS receiver on %1 could not be opened. Check that it is plugged in.</translation>
    </message>
    <message>
        <source>The NMEA log %1 could not be opened.</source>
        <translation>The NMEA log %1 could not be opened.</translation>
    </message>
    <message>
        <source>The GPS source "%1" in the settings is not understood.</source>
        <translation>The GPS source "%1" in the settings is not understood.</translation>
    </message>
    <message>
        <source>No location service is available on this computer.</source>
        <translation>No location service is available on this computer.</translation>
    </message>
    <message>
        <source>Access to the location service was refused. Allow it in the system settings, or use the village centroid.</source>
        <translation>Access to the location service was refused. Allow it in the system settings, or use the village centroid.</translation>
    </message>
    <message>
        <source>The GPS receiver was disconnected.</source>
        <translation>The GPS receiver was disconnected.</translation>
    </message>
    <message>
        <source>No GPS fix yet. Move to open sky and wait a little.</source>
        <translation>No GPS fix yet. Move to open sky and wait a little.</translation>
    </message>
    <message>
        <source>The GPS source stopped working.</source>
        <translation>The GPS source stopped working.</translation>
    </message>
</context>
<context>
    <name>RecordDetail</name>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 by %2</translation>
    </message>
</context>
<context>
    <name>RecordTabs</name>
    <message>
        <source>Case plan</source>
        <translation>Case plan</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>What will be done</source>
        <translation>What will be done</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>— Province —</source>
        <translation>— Province —</translation>
    </message>
    <message>
        <source>— Regency/city —</source>
        <extracomment>Kabupaten or kota</extracomment>
        <translation>— Regency/city —</translation>
    </message>
    <message>
        <source>— District —</source>
        <extracomment>Kecamatan</extracomment>
        <translation>— District —</translation>
    </message>
    <message>
        <source>— Village —</source>
        <extracomment>Desa or kelurahan</extracomment>
        <translation>— Village —</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <extracomment>Kabupaten or kota</extracomment>
        <translation>Regency/city</translation>
    </message>
    <message>
        <source>District</source>
        <extracomment>Kecamatan</extracomment>
        <translation>District</translation>
    </message>
    <message>
        <source>Village</source>
        <extracomment>Desa or kelurahan</extracomment>
        <translation>Village</translation>
    </message>
    <message>
        <source>Province: %1</source>
        <translation>Province: %1</translation>
    </message>
    <message>
        <source>Regency/city: %1</source>
        <extracomment>Kabupaten or kota</extracomment>
        <translation>Regency/city: %1</translation>
    </message>
    <message>
        <source>District: %1</source>
        <extracomment>Kecamatan</extracomment>
        <translation>District: %1</translation>
    </message>
    <message>
        <source>Village: %1</source>
        <extracomment>Desa or kelurahan</extracomment>
        <translation>Village: %1</translation>
    </message>
    <message>
        <source>Type a village, district or regency name…</source>
        <translation>Type a village, district or regency name…</translation>
    </message>
    <message>
        <source>Search region</source>
        <translation>Search region</translation>
    </message>
</context>
<context>
    <name>RiskChecklist</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Nothing is answered yet, so no level is suggested. Answer what you know.</source>
        <translation>Nothing is answered yet, so no level is suggested. Answer what you know.</translation>
    </message>
    <message>
        <source>Suggested by the answers: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Suggested by the answers: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>(%n question(s) still unknown: the risk may be higher)</source>
        <translation>
            <numerusform>(%n question still unknown: the risk may be higher)</numerusform>
            <numerusform>(%n questions still unknown: the risk may be higher)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RiskDialog</name>
    <message>
        <source>New risk assessment</source>
        <translation>New risk assessment</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation>Risk assessment</translation>
    </message>
    <message>
        <source>Ask each question; answer "Unknown" when you do not know yet. Checklist version %1.</source>
        <translation>Ask each question; answer "Unknown" when you do not know yet. Checklist version %1.</translation>
    </message>
    <message>
        <source>Save assessment</source>
        <translation>Save assessment</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>What the levels mean</source>
        <translation>What the levels mean</translation>
    </message>
    <message>
        <source>&amp;Risk level:</source>
        <translation>&amp;Risk level:</translation>
    </message>
    <message>
        <source>Reason for this &amp;level:</source>
        <translation>Reason for this &amp;level:</translation>
    </message>
    <message>
        <source>Risk &amp;factors:</source>
        <translation>Risk &amp;factors:</translation>
    </message>
    <message>
        <source>&amp;Safety plan:</source>
        <translation>&amp;Safety plan:</translation>
    </message>
    <message>
        <source>Suggested by the answers: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Suggested by the answers: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 is lower than the case's current level (%2): write why the risk went down.</source>
        <translation>%1 is lower than the case's current level (%2): write why the risk went down.</translation>
    </message>
    <message>
        <source>%1 is not the suggested level (%2): write why.</source>
        <translation>%1 is not the suggested level (%2): write why.</translation>
    </message>
    <message>
        <source>Write the reason for choosing this level.</source>
        <translation>Write the reason for choosing this level.</translation>
    </message>
    <message>
        <source>Assessed %1 by %2, without the checklist.</source>
        <translation>Assessed %1 by %2, without the checklist.</translation>
    </message>
    <message>
        <source>Assessed %1 by %2, checklist version %3.</source>
        <translation>Assessed %1 by %2, checklist version %3.</translation>
    </message>
    <message>
        <source>No suggestion was recorded.</source>
        <translation>No suggestion was recorded.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Save corrections</source>
        <translation>Save corrections</translation>
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
        <translation>Assessment and safety</translation>
    </message>
    <message>
        <source>Date of assessment</source>
        <translation>Date of assessment</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Suggested</source>
        <translation>Suggested</translation>
    </message>
    <message>
        <source>Safety plan</source>
        <translation>Safety plan</translation>
    </message>
    <message>
        <source>New risk assessment…</source>
        <translation>New risk assessment…</translation>
    </message>
    <message>
        <source>Double-click an assessment to read it in full.</source>
        <translation>Double-click an assessment to read it in full.</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>Services and referrals</source>
        <translation>Services and referrals</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Selected referral:</source>
        <translation>Selected referral:</translation>
    </message>
    <message>
        <source>Update referral</source>
        <translation>Update referral</translation>
    </message>
    <message>
        <source>Mediation is not allowed for sexual violence against a child (UU TPKS, article 23). The case goes to the police and the child is accompanied; the perpetrator's family does not settle it.</source>
        <translation>Mediation is not allowed for sexual violence against a child (UU TPKS, article 23). The case goes to the police and the child is accompanied; the perpetrator's family does not settle it.</translation>
    </message>
    <message>
        <source>I have read this and still record mediation</source>
        <translation>I have read this and still record mediation</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>A new language applies when Dampingi starts again.</source>
        <translation>A new language applies when Dampingi starts again.</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Lock after inactivity</translation>
    </message>
    <message>
        <source>Laptop's own location service</source>
        <translation>Laptop's own location service</translation>
    </message>
    <message>
        <source>GPS receiver on a serial port (e.g. serial:/dev/ttyUSB0)</source>
        <translation>GPS receiver on a serial port (e.g. serial:/dev/ttyUSB0)</translation>
    </message>
    <message>
        <source>Recorded NMEA log (training, e.g. nmea:/path/track.nmea)</source>
        <translation>Recorded NMEA log (training, e.g. nmea:/path/track.nmea)</translation>
    </message>
    <message>
        <source>GPS source</source>
        <translation>GPS source</translation>
    </message>
    <message>
        <source>District server</source>
        <translation>District server</translation>
    </message>
    <message>
        <source>Ask the district office for the server address and a one-time enrollment code for this laptop.</source>
        <translation>Ask the district office for the server address and a one-time enrollment code for this laptop.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Enrollment code</source>
        <translation>Enrollment code</translation>
    </message>
    <message>
        <source>Enroll this laptop</source>
        <translation>Enroll this laptop</translation>
    </message>
    <message>
        <source>Signed in at the server as</source>
        <translation>Signed in at the server as</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>This laptop</translation>
    </message>
    <message>
        <source>Server certificate</source>
        <translation>Server certificate</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A login and its role at the district server, e.g. "siti (caseworker)".</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>none (test server without encryption)</source>
        <translation>none (test server without encryption)</translation>
    </message>
    <message>
        <source>SHA-256 %1…</source>
        <translation>SHA-256 %1…</translation>
    </message>
    <message>
        <source>Enter the server address from the district office.</source>
        <translation>Enter the server address from the district office.</translation>
    </message>
    <message>
        <source>This enrollment code is not valid. Check it for typos, or ask the district office for a new one.</source>
        <translation>This enrollment code is not valid. Check it for typos, or ask the district office for a new one.</translation>
    </message>
    <message>
        <source>caseworker</source>
        <translation>caseworker</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>trainer</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>Automatic sync</source>
        <translation>Automatic sync</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>Sync automatically</translation>
    </message>
    <message>
        <source>When the district server can be reached, a few minutes after your last change and every 15 minutes while connected. Turn it off on a link paid by the megabyte; "Sync now" always works.</source>
        <translation>When the district server can be reached, a few minutes after your last change and every 15 minutes while connected. Turn it off on a link paid by the megabyte; "Sync now" always works.</translation>
    </message>
    <message>
        <source>Only over Wi-Fi or a cable, not mobile data</source>
        <translation>Only over Wi-Fi or a cable, not mobile data</translation>
    </message>
    <message>
        <source>This laptop does not tell which connection is in use, so this option is not available.</source>
        <translation>This laptop does not tell which connection is in use, so this option is not available.</translation>
    </message>
</context>
<context>
    <name>StatusControl</name>
    <message>
        <source>Change status</source>
        <translation>Change status</translation>
    </message>
    <message>
        <source>Return to an earlier stage…</source>
        <translation>Return to an earlier stage…</translation>
    </message>
    <message>
        <source>Next step:</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <source>Reason (needed for closure and transfer)</source>
        <translation>Reason (needed for closure and transfer)</translation>
    </message>
    <message>
        <source>Return to:</source>
        <translation>Return to:</translation>
    </message>
    <message>
        <source>Why the case goes back (required)</source>
        <translation>Why the case goes back (required)</translation>
    </message>
    <message>
        <source>Return the case</source>
        <translation>Return the case</translation>
    </message>
    <message>
        <source>Closing a case needs a supervisor's approval: the case waits as "%1" until a supervisor closes it.</source>
        <translation>Closing a case needs a supervisor's approval: the case waits as "%1" until a supervisor closes it.</translation>
    </message>
    <message>
        <source>You approve the closure as supervisor; the case will be closed.</source>
        <translation>You approve the closure as supervisor; the case will be closed.</translation>
    </message>
    <message>
        <source>Closure requested: waiting for a supervisor to approve it.</source>
        <translation>Closure requested: waiting for a supervisor to approve it.</translation>
    </message>
    <message>
        <source>The case will be moved from %1 to %2.</source>
        <translation>The case will be moved from %1 to %2.</translation>
    </message>
    <message>
        <source>Closing a case needs a supervisor's approval.</source>
        <translation>Closing a case needs a supervisor's approval.</translation>
    </message>
    <message>
        <source>Write why the case goes back to an earlier stage.</source>
        <translation>Write why the case goes back to an earlier stage.</translation>
    </message>
    <message>
        <source>The case will go back from %1 to %2.</source>
        <translation>The case will go back from %1 to %2.</translation>
    </message>
    <message>
        <source>Change the case's status</source>
        <translation>Change the case's status</translation>
    </message>
    <message>
        <source>Yes, change it</source>
        <translation>Yes, change it</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SubjectText</name>
    <message numerus="yes">
        <source>%n yr(s)</source>
        <translation>
            <numerusform>%n yr</numerusform>
            <numerusform>%n yrs</numerusform>
        </translation>
    </message>
    <message>
        <source>victim, name unknown</source>
        <translation>victim, name unknown</translation>
    </message>
    <message>
        <source>no victim recorded</source>
        <translation>no victim recorded</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 and %n more</numerusform>
            <numerusform>%1 and %n more</numerusform>
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
        <translation>Show what needs attention</translation>
    </message>
    <message>
        <source>Hide this notice (the items stay in the needs-attention list)</source>
        <translation>Hide this notice (the items stay in the needs-attention list)</translation>
    </message>
    <message>
        <source>The last sync needs you: %1.</source>
        <translation>The last sync needs you: %1.</translation>
    </message>
    <message>
        <source>Dampingi</source>
        <translation>Dampingi</translation>
    </message>
    <message>
        <source>Dampingi: something needs you</source>
        <translation>Dampingi: something needs you</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>Sync with the district server</source>
        <translation>Sync with the district server</translation>
    </message>
    <message>
        <source>Stopping after the current step…</source>
        <translation>Stopping after the current step…</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Cancel sync</translation>
    </message>
    <message>
        <source>Stops after the current step. Nothing is lost; the next sync goes on from there.</source>
        <translation>Stops after the current step. Nothing is lost; the next sync goes on from there.</translation>
    </message>
    <message>
        <source>Last syncs</source>
        <translation>Last syncs</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>How</source>
        <translation>How</translation>
    </message>
    <message>
        <source>What moved</source>
        <translation>What moved</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>No sync yet on this laptop.</source>
        <translation>No sync yet on this laptop.</translation>
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
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SyncStateText</name>
    <message numerus="yes">
        <source>%n change(s) refused by the server</source>
        <translation>
            <numerusform>%n change refused by the server</numerusform>
            <numerusform>%n changes refused by the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review</source>
        <translation>
            <numerusform>%n conflict to review</numerusform>
            <numerusform>%n conflicts to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent</source>
        <translation>
            <numerusform>%n change not yet sent</numerusform>
            <numerusform>%n changes not yet sent</numerusform>
        </translation>
    </message>
    <message>
        <source>synced</source>
        <translation>synced</translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>Synced</translation>
    </message>
    <message>
        <source>Not yet sent</source>
        <translation>Not yet sent</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>Connecting to the district server</source>
        <translation>Connecting to the district server</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Sending changes</translation>
    </message>
    <message>
        <source>Moving files</source>
        <translation>Moving files</translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Receiving changes</translation>
    </message>
    <message>
        <source>Finishing</source>
        <translation>Finishing</translation>
    </message>
    <message>
        <source>%1 files</source>
        <extracomment>How many changes (or files) a running sync has moved, its total not known yet.</extracomment>
        <translation>%1 files</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <source>%1 of %2 files</source>
        <extracomment>e.g. "120 of 1,000 changes" while a sync runs.</extracomment>
        <translation>%1 of %2 files</translation>
    </message>
    <message>
        <source>%1 of %2 changes</source>
        <translation>%1 of %2 changes</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <extracomment>Bytes a running sync has moved of its estimated total, e.g. "40 KB of 300 KB".</extracomment>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>less than a minute left</source>
        <translation>less than a minute left</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s) left</source>
        <translation>
            <numerusform>about %n minute left</numerusform>
            <numerusform>about %n minutes left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n hour(s) left</source>
        <translation>
            <numerusform>about %n hour left</numerusform>
            <numerusform>about %n hours left</numerusform>
        </translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>USB stick (to the office)</source>
        <translation>USB stick (to the office)</translation>
    </message>
    <message>
        <source>USB stick (from the office)</source>
        <translation>USB stick (from the office)</translation>
    </message>
    <message>
        <source>%1 sent</source>
        <extracomment>What one sync moved, one part each, joined with " · ": "5 sent · 12 received · 1 files".</extracomment>
        <translation>%1 sent</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>%1 received</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 conflicts</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <translation>%1 refused</translation>
    </message>
    <message>
        <source>nothing to move</source>
        <translation>nothing to move</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
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
        <translation>Dampingi is locked</translation>
    </message>
    <message>
        <source>Unlock Dampingi</source>
        <translation>Unlock Dampingi</translation>
    </message>
    <message>
        <source>Locked after a period of inactivity. Your open work is kept; enter your passphrase to continue.</source>
        <translation>Locked after a period of inactivity. Your open work is kept; enter your passphrase to continue.</translation>
    </message>
    <message>
        <source>Case data on this laptop is encrypted. Enter your passphrase to open it.</source>
        <translation>Case data on this laptop is encrypted. Enter your passphrase to open it.</translation>
    </message>
    <message>
        <source>Training profile: practice data only.</source>
        <translation>Training profile: practice data only.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Locked. Your open work is kept; enter your passphrase to continue.</source>
        <translation>Locked. Your open work is kept; enter your passphrase to continue.</translation>
    </message>
</context>
<context>
    <name>UsbExportDialog</name>
    <message>
        <source>Choose a folder for the bundle</source>
        <translation>Choose a folder for the bundle</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export to USB</source>
        <translation>Export to USB</translation>
    </message>
    <message>
        <source>Where there is no connection, your changes not yet sent can travel to the district office on a USB stick.</source>
        <translation>Where there is no connection, your changes not yet sent can travel to the district office on a USB stick.</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>File name</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>No USB stick found: plug one in, or choose a folder</source>
        <translation>No USB stick found: plug one in, or choose a folder</translation>
    </message>
    <message>
        <source>%1 — %2 free</source>
        <translation>%1 — %2 free</translation>
    </message>
    <message>
        <source>No changes are waiting. The bundle still tells the office what this laptop has, so its answer brings your team's changes.</source>
        <translation>No changes are waiting. The bundle still tells the office what this laptop has, so its answer brings your team's changes.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent will go in the bundle.</source>
        <translation>
            <numerusform>%n change not yet sent will go in the bundle.</numerusform>
            <numerusform>%n changes not yet sent will go in the bundle.</numerusform>
        </translation>
    </message>
    <message>
        <source>A sync is running. Wait until it has finished, then export.</source>
        <translation>A sync is running. Wait until it has finished, then export.</translation>
    </message>
    <message>
        <source>Choose a USB stick or a folder, and a file name.</source>
        <translation>Choose a USB stick or a folder, and a file name.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent were saved to %1.</source>
        <translation>
            <numerusform>%n change not yet sent were saved to %1.</numerusform>
            <numerusform>%n changes not yet sent were saved to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The bundle was saved to %1 (no changes were waiting).</source>
        <translation>The bundle was saved to %1 (no changes were waiting).</translation>
    </message>
    <message>
        <source>Next: take the USB stick to the district office. The office imports it with “dampingi-server admin bundle import” and gives you an answer file; import that here with “Import from USB”. Until then your changes stay on this laptop as not yet sent.</source>
        <translation>Next: take the USB stick to the district office. The office imports it with “dampingi-server admin bundle import” and gives you an answer file; import that here with “Import from USB”. Until then your changes stay on this laptop as not yet sent.</translation>
    </message>
    <message>
        <source>This stick keeps no file permissions; the bundle is sealed for the district server, so nobody else can read it.</source>
        <translation>This stick keeps no file permissions; the bundle is sealed for the district server, so nobody else can read it.</translation>
    </message>
</context>
<context>
    <name>UsbImportDialog</name>
    <message>
        <source>Choose the office's answer</source>
        <translation>Choose the office's answer</translation>
    </message>
    <message>
        <source>Dampingi bundles (*.bundle);;All files (*)</source>
        <translation>Dampingi bundles (*.bundle);;All files (*)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import from USB</source>
        <translation>Import from USB</translation>
    </message>
    <message>
        <source>The district office answers your bundle with a file for this laptop: it confirms the changes it received and brings your team's changes.</source>
        <translation>The district office answers your bundle with a file for this laptop: it confirms the changes it received and brings your team's changes.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>No file chosen</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>A sync is running. Wait until it has finished, then import.</source>
        <translation>A sync is running. Wait until it has finished, then import.</translation>
    </message>
    <message>
        <source>The office's answer was imported.</source>
        <translation>The office's answer was imported.</translation>
    </message>
    <message numerus="yes">
        <source>The office received %n change(s) from this laptop.</source>
        <translation>
            <numerusform>The office received %n change from this laptop.</numerusform>
            <numerusform>The office received %n changes from this laptop.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from your team arrived.</source>
        <translation>
            <numerusform>%n change from your team arrived.</numerusform>
            <numerusform>%n changes from your team arrived.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to review.</source>
        <translation>
            <numerusform>%n conflict to review.</numerusform>
            <numerusform>%n conflicts to review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused by the district server; they are kept on this laptop for review.</source>
        <translation>
            <numerusform>%n change were refused by the district server; they are kept on this laptop for review.</numerusform>
            <numerusform>%n changes were refused by the district server; they are kept on this laptop for review.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) left your team's cases and were removed from this laptop.</source>
        <translation>
            <numerusform>%n case left your team's cases and were removed from this laptop.</numerusform>
            <numerusform>%n cases left your team's cases and were removed from this laptop.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent: they go with your next bundle or sync.</source>
        <translation>
            <numerusform>%n change not yet sent: they go with your next bundle or sync.</numerusform>
            <numerusform>%n changes not yet sent: they go with your next bundle or sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a visit</source>
        <translation>Record a visit</translation>
    </message>
    <message>
        <source>e.g. grandmother's house, RT 05</source>
        <translation>e.g. grandmother's house, RT 05</translation>
    </message>
    <message>
        <source>Who took part in the visit</source>
        <translation>Who took part in the visit</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>&amp;Visited at</source>
        <translation>&amp;Visited at</translation>
    </message>
    <message>
        <source>Vi&amp;llage</source>
        <translation>Vi&amp;llage</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>P&amp;articipants</source>
        <translation>P&amp;articipants</translation>
    </message>
    <message>
        <source>P&amp;urpose</source>
        <translation>P&amp;urpose</translation>
    </message>
    <message>
        <source>What happened during the visit, what the victim said and needs</source>
        <translation>What happened during the visit, what the victim said and needs</translation>
    </message>
    <message>
        <source>What the team will do next, and by when</source>
        <translation>What the team will do next, and by when</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>Ne&amp;xt steps</source>
        <translation>Ne&amp;xt steps</translation>
    </message>
    <message>
        <source>&amp;Save visit</source>
        <translation>&amp;Save visit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Use &amp;GPS fix</source>
        <translation>Use &amp;GPS fix</translation>
    </message>
    <message>
        <source>Use village &amp;centroid</source>
        <translation>Use village &amp;centroid</translation>
    </message>
    <message>
        <source>The centre point of the chosen village, from the region list</source>
        <translation>The centre point of the chosen village, from the region list</translation>
    </message>
    <message>
        <source>N&amp;o location</source>
        <translation>N&amp;o location</translation>
    </message>
    <message>
        <source>No GPS is set up. You can use the village centroid, or save without a location.</source>
        <translation>No GPS is set up. You can use the village centroid, or save without a location.</translation>
    </message>
    <message>
        <source>Waiting for a GPS fix…</source>
        <translation>Waiting for a GPS fix…</translation>
    </message>
    <message>
        <source>%1
You can still save without a location.</source>
        <translation>%1
You can still save without a location.</translation>
    </message>
    <message>
        <source>Latitude %1 · Longitude %2</source>
        <translation>Latitude %1 · Longitude %2</translation>
    </message>
    <message>
        <source>±%1 m</source>
        <translation>±%1 m</translation>
    </message>
    <message>
        <source>accuracy unknown</source>
        <translation>accuracy unknown</translation>
    </message>
    <message numerus="yes">
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>GPS accuracy, age of the fix</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No location will be saved.</source>
        <translation>No location will be saved.</translation>
    </message>
    <message>
        <source>Location to save: %1 (%2 · %3)</source>
        <translation>Location to save: %1 (%2 · %3)</translation>
    </message>
    <message>
        <source>Location to save: centre of %1 (%2 · %3)</source>
        <translation>Location to save: centre of %1 (%2 · %3)</translation>
    </message>
    <message>
        <source>Choose a village first: its centre point is used as the location.</source>
        <translation>Choose a village first: its centre point is used as the location.</translation>
    </message>
    <message>
        <source>No centre point is known for %1. Use a GPS fix or save without a location.</source>
        <translation>No centre point is known for %1. Use a GPS fix or save without a location.</translation>
    </message>
    <message>
        <source>Correct a visit</source>
        <translation>Correct a visit</translation>
    </message>
</context>
</TS>