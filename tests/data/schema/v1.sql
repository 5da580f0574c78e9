-- Schema version 1 with data: one case (plain columns only; sealed columns stay NULL) and its
-- field clocks in the v1 field_clocks table.
CREATE TABLE fixture_marker (value TEXT);
INSERT INTO fixture_marker VALUES ('v1.sql');
INSERT INTO meta (key, value) VALUES ('site_id', 'a1b2c3d4e5f60718'), ('site_seq', '3'), ('hlc', '117641850003456');
INSERT INTO cases (id, created_at, created_by, updated_at, deleted, number, district_code, intake_channel,
    reported_on, status, violence_types)
    VALUES ('0193a1f0-0000-7000-8000-000000000001', 1795143600000, 'siti', 1795143600000, 0,
    '6402-ABCDE-2026-0001', '64.02', 'hotline', '2026-11-18', 'assessment', '["fisik"]');
INSERT INTO change_ops (site_id, site_seq, txn_id, entity, entity_id, case_id, field, op, value, hlc, author,
    base, schema_version) VALUES
    ('a1b2c3d4e5f60718', 1, 't1', 'case', '0193a1f0-0000-7000-8000-000000000001', '0193a1f0-0000-7000-8000-000000000001', '_create', 'create', NULL, 117641850000001, 'siti', 0, 1),
    ('a1b2c3d4e5f60718', 2, 't1', 'case', '0193a1f0-0000-7000-8000-000000000001', '0193a1f0-0000-7000-8000-000000000001', 'violence_types', 'add', NULL, 117641850000001, 'siti', 0, 1),
    ('a1b2c3d4e5f60718', 3, 't2', 'case', '0193a1f0-0000-7000-8000-000000000001', '0193a1f0-0000-7000-8000-000000000001', 'status', 'set', NULL, 117641850003456, 'siti', 117641850000001, 1);
INSERT INTO field_clocks (entity, entity_id, field, hlc, site_id) VALUES
    ('case', '0193a1f0-0000-7000-8000-000000000001', 'status', 117641850003456, 'a1b2c3d4e5f60718'),
    ('case', '0193a1f0-0000-7000-8000-000000000001', 'violence_types[fisik]', 117641850000001, 'a1b2c3d4e5f60718');
