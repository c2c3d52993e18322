CREATE TABLE orders (
  id BIGSERIAL PRIMARY KEY,
  sku TEXT NOT NULL,
  quantity INT NOT NULL CHECK (quantity > 0)
);
