<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>Case number</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Reported</translation>
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
        <source>Village</source>
        <translation>Village</translation>
    </message>
</context>
<context>
    <name>CaseListWindow</name>
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
        <source>Search name, NIK, case number, village or words…</source>
        <translation>Search name, NIK, case number, village or words…</translation>
    </message>
    <message numerus="yes">
        <source>%n case(s) shown</source>
        <translation>
            <numerusform>%n case shown</numerusform>
            <numerusform>%n cases shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>Please check this entry: %1</source>
        <translation>Please check this entry: %1</translation>
    </message>
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
        <source>This change is not allowed now: %1</source>
        <translation>This change is not allowed now: %1</translation>
    </message>
    <message>
        <source>Something went wrong inside Dampingi. Nothing was saved.</source>
        <translation>Something went wrong inside Dampingi. Nothing was saved.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Unlock profile</source>
        <translation>Unlock profile</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
</context>
</TS>
