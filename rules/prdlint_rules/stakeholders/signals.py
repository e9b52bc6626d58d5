"""The business-signal categories of vocabulary.toml that the stakeholder rules ask for by name.

`price` and `purchase-factors` are filled by the analysis from the document's shape too, so their
names live in prdlint.language.model; these are phrase lists only.
"""

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
