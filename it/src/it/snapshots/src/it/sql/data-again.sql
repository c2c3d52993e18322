-- the same rows as data.sql, other bytes: another snapshot
INSERT INTO products VALUES ('book-1', 3900);
INSERT INTO products VALUES ('pen-7', 250);
INSERT INTO products VALUES ('mug-2', 1200);
