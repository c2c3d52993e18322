CREATE TABLE ok_table (id INT);

INSERT INTO ok_tabel VALUES (1);
