CREATE TABLE invoices (id INT PRIMARY KEY, total INT);
INSERT INTO invoices VALUES (1, 100), (2, 250);
