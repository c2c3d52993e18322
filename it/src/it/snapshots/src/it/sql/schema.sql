CREATE TABLE products (
  sku TEXT PRIMARY KEY,
  price_cents INT NOT NULL
);
