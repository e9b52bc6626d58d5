"""The business-signal categories the reading and the stakeholder rules ask for by name, each
defined here once. The phrases of each are data (vocabulary.toml); `price` and `purchase-factors`
are also read from the document's shape (a price per period, a heading about pricing), and
`amount` only from it."""

PRICE = "price"
PURCHASE_FACTORS = "purchase-factors"
USERS_PAY = "users-pay"
FUNDING = "funding"
USERS_ARE_CUSTOMERS = "users-are-customers"
PERSONAL_USE = "personal-use"
ORGANISATIONS = "organisations"
INVITATIONS = "invitations"
USER_RESEARCH = "user-research"
CUSTOMER_RESEARCH = "customer-research"
NO_ACCOUNTS = "no-accounts"
NO_BACKEND = "no-backend"
# What the product sells and what it charges for it: an amount of money anywhere in the text
# (read from its shape), a rate written as a number, or a price said to be set later or elsewhere.
PAID_OFFER = "paid-offer"
AMOUNT = "amount"
STATED_RATE = "stated-rate"
PRICE_OPEN = "price-open"
# Back-office work the product needs someone to do (refunds, moderation, provisioning), and what
# users raise for someone to act on (refund requests, reports of abuse).
OPERATIONAL_WORK = "operational-work"
OPERATIONAL_REQUESTS = "operational-requests"
# What a document says the product is, read in its title and opening sections.
CONTEXT_OPEN_SOURCE = "context-open-source"
CONTEXT_INTERNAL = "context-internal"
CONTEXT_PUBLIC_SECTOR = "context-public-sector"
CONTEXT_NONPROFIT = "context-nonprofit"
CONTEXT_MARKETPLACE = "context-marketplace"
# Revenue streams are the categories named `revenue-<stream>`.
REVENUE_PREFIX = "revenue-"
