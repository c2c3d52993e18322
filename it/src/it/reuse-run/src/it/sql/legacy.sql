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
INSERT INTO customers (name) VALUES ('ada'), ('bob');
INSERT INTO orders (customer_id) VALUES (1);
