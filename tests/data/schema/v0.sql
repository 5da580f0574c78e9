-- Schema version 0: an empty database (created by a build that crashed before migrating).
CREATE TABLE fixture_marker (value TEXT);
INSERT INTO fixture_marker VALUES ('v0.sql');
