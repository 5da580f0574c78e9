-- Schema version 8 with data: as v7, and a blob_sync row (attachment contents in sync).
CREATE TABLE fixture_marker (value TEXT);
INSERT INTO fixture_marker VALUES ('v8.sql');
INSERT INTO meta (key, value) VALUES ('site_id', 'a1b2c3d4e5f60718'), ('site_seq', '2'), ('hlc', '117641850003456'), ('acked_through', '0');
INSERT INTO cases (id, created_at, created_by, updated_at, deleted, clocks, number, district_code, intake_channel,
    reported_on, status, violence_types)
    VALUES ('0193a1f0-0000-7000-8000-000000000001', 1795143600000, 'siti', 1795143600000, 0,
    'status=117641850003456@a1b2c3d4e5f60718;violence_types[fisik]=117641850000001@a1b2c3d4e5f60718',
    '6402-ABCDE-2026-0001', '64.02', 'hotline', '2026-11-18', 'assessment', '["fisik"]');
INSERT INTO change_ops (site_id, site_seq, txn_id, entity, entity_id, case_id, field, op, value, hlc, author, base, schema_version)
    VALUES ('a1b2c3d4e5f60718', 1, '0193a1f0-0000-7000-8000-0000000000a1', 'case', '0193a1f0-0000-7000-8000-000000000001',
    '0193a1f0-0000-7000-8000-000000000001', '_create', 'create', X'30', 117641850000001, 'siti', 0, 4),
    ('a1b2c3d4e5f60718', 2, '0193a1f0-0000-7000-8000-0000000000a2', 'case', '0193a1f0-0000-7000-8000-000000000001',
    '0193a1f0-0000-7000-8000-000000000001', 'status', 'set', X'617373657373', 117641850003456, 'siti', 117641850000001, 4);
INSERT INTO drafts (id, kind, created_by, updated_at, sealed)
    VALUES ('0193a1f0-0000-7000-8000-0000000000d1', 'intake', 'siti', 1795143600000, X'00');
INSERT INTO conflicts (id, kind, entity, entity_id, case_id, field, winner_site, winner_hlc, loser_site, loser_hlc, detected_at)
    VALUES ('0193a1f0-0000-7000-8000-0000000000c1', 'concurrent', 'case', '0193a1f0-0000-7000-8000-000000000001',
    '0193a1f0-0000-7000-8000-000000000001', 'incident_scene', 'a1b2c3d4e5f60718', 117641850003456, 'ffeeddccbbaa9988',
    117641850000009, 1795143600000);
INSERT INTO persons (id, created_at, created_by, updated_at, deleted, clocks, sex, merged_into)
    VALUES ('0193a1f0-0000-7000-8000-0000000000e1', 1795143600000, 'siti', 1795143600000, 0,
    '*=117641850000001@a1b2c3d4e5f60718', 'F', NULL),
    ('0193a1f0-0000-7000-8000-0000000000e2', 1795143600000, 'budi', 1795143600000, 0,
    '*=117641850000002@ffeeddccbbaa9988;merged_into=117641850003456@a1b2c3d4e5f60718', 'F',
    '0193a1f0-0000-7000-8000-0000000000e1');
INSERT INTO blob_sync (attachment_id, state) VALUES ('0193a1f0-0000-7000-8000-0000000000f1', 'sent');
