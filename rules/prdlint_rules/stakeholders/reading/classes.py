"""The classes a role can have, and the kinds of users: the words the reading and its vocabulary
give roles."""

# Customers pay or decide to buy; users use (of a kind below); both; internal: build or govern.
CUSTOMER, USER, BOTH, INTERNAL, UNKNOWN = "customer", "user", "both", "internal", "unknown"
# A vocabulary class only: a name ("customer", "client") whose class the document must give.
PARTY = "party"
PRIMARY, SECONDARY, OPERATIONAL, MANAGEMENT = "primary", "secondary", "operational", "management"
USER_KINDS = (PRIMARY, SECONDARY, OPERATIONAL, MANAGEMENT)
