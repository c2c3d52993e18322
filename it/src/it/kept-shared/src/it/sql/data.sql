INSERT INTO products VALUES ('book-1', 'seed');
INSERT INTO products VALUES ('pen-7', 'seed');
