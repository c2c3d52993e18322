CREATE TABLE visits (owner TEXT NOT NULL);
INSERT INTO visits VALUES ('seed');
