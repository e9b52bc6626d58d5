"""PRD1xx: customers and users. The vocabulary the language layer reads lives here as data."""
