-- Schema version 3 with data: a case, as in v2, plus the recent-cases index.
CREATE TABLE fixture_marker (value TEXT);
INSERT INTO fixture_marker VALUES ('v3.sql');
INSERT INTO meta (key, value) VALUES ('site_id', 'a1b2c3d4e5f60718'), ('site_seq', '0'), ('hlc', '117641850003456');
INSERT INTO cases (id, created_at, created_by, updated_at, deleted, clocks, number, district_code, intake_channel,
    reported_on, status, violence_types)
    VALUES ('0193a1f0-0000-7000-8000-000000000001', 1795143600000, 'siti', 1795143600000, 0,
    'status=117641850003456@a1b2c3d4e5f60718;violence_types[fisik]=117641850000001@a1b2c3d4e5f60718',
    '6402-ABCDE-2026-0001', '64.02', 'hotline', '2026-11-18', 'assessment', '["fisik"]');
