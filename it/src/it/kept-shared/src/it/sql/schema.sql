CREATE TABLE products (
  sku TEXT PRIMARY KEY,
  source TEXT NOT NULL
);
