-- the shapes a restore must copy back: auto-increment and generated columns (stored and virtual), a
-- partitioned table, a foreign-key cycle, an enum
CREATE TABLE customers (
  id INT AUTO_INCREMENT PRIMARY KEY,
  name VARCHAR(40) NOT NULL,
  mood ENUM('calm', 'busy') NOT NULL DEFAULT 'calm',
  shout VARCHAR(40) AS (UPPER(name)) STORED,
  quiet VARCHAR(40) AS (LOWER(name)) VIRTUAL,
  best_order INT);
CREATE TABLE orders (
  id INT AUTO_INCREMENT PRIMARY KEY,
  customer INT NOT NULL,
  total INT NOT NULL,
  FOREIGN KEY (customer) REFERENCES customers (id));
ALTER TABLE customers ADD FOREIGN KEY (best_order) REFERENCES orders (id);
CREATE TABLE events (at DATE NOT NULL, what VARCHAR(40) NOT NULL)
  PARTITION BY RANGE (YEAR(at)) (PARTITION p2025 VALUES LESS THAN (2026), PARTITION p2026 VALUES LESS THAN (2027));
INSERT INTO customers (name, mood) VALUES ('ada', 'busy'), ('grace', 'calm');
INSERT INTO orders (customer, total) VALUES (1, 10), (2, 20);
UPDATE customers SET best_order = id;
INSERT INTO events VALUES ('2025-05-01', 'spring'), ('2026-05-01', 'next spring');
