MERGE INTO products (id, name, price_cents) KEY (id) VALUES
  (1, 'Espresso beans 1 kg', 2490),
  (2, 'Pour-over kettle', 5900),
  (3, 'Ceramic cup', 1250);
