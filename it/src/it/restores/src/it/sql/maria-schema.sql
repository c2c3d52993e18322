-- MariaDB: one statement at a time, with the line each starts on
CREATE TABLE invoices (id INT AUTO_INCREMENT PRIMARY KEY, note VARCHAR(40) NOT NULL);
INSERT INTO invoices (note) VALUES ('first; with a semicolon'), ('it''s second');
