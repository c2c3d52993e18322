CREATE TABLE customers (
  id INT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(40) NOT NULL,
  shout VARCHAR(40) AS (UPPER(name)) VIRTUAL
);
CREATE TABLE orders (
  id INT AUTO_INCREMENT PRIMARY KEY,
  customer_id INT NOT NULL,
  CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
INSERT INTO customers (name) VALUES ('ada'), ('bob'), ('cyd');
INSERT INTO orders (customer_id) VALUES (1);
-- the next AUTO_INCREMENT is 4, which a copy of the rows alone would not know
DELETE FROM customers WHERE name = 'cyd';
