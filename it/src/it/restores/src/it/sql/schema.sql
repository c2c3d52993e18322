CREATE TABLE customers (id SERIAL PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE orders (id SERIAL PRIMARY KEY, customer INT NOT NULL REFERENCES customers (id), total INT NOT NULL);
INSERT INTO customers (name) VALUES ('ada'), ('grace');
INSERT INTO orders (customer, total) VALUES (1, 10), (2, 20);
