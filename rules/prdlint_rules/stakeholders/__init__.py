"""PRD1xx: the stakeholder pack. Who pays for the product, who uses it, and who runs it."""

from prdlint_rules.stakeholders.customer_needs_without_purchase_factors import (
    CustomerNeedsWithoutPurchaseFactors,
)
from prdlint_rules.stakeholders.customer_user_conflated import CustomerUserConflated
from prdlint_rules.stakeholders.no_customer import NoCustomer
from prdlint_rules.stakeholders.no_decision_maker import NoDecisionMaker
from prdlint_rules.stakeholders.no_management_users import NoManagementUsers
from prdlint_rules.stakeholders.no_operational_users import NoOperationalUsers
from prdlint_rules.stakeholders.no_users import NoUsers
from prdlint_rules.stakeholders.one_sided_discovery import OneSidedDiscovery
from prdlint_rules.stakeholders.paid_offer_without_price import PaidOfferWithoutPrice
from prdlint_rules.stakeholders.undefined_story_role import UndefinedStoryRole
from prdlint_rules.stakeholders.unlisted_secondary_users import UnlistedSecondaryUsers
from prdlint_rules.stakeholders.unnamed_indirect_customer import UnnamedIndirectCustomer
from prdlint_rules.stakeholders.unowned_operational_work import UnownedOperationalWork

RULES = (
    NoCustomer,
    NoUsers,
    NoOperationalUsers,
    CustomerUserConflated,
    CustomerNeedsWithoutPurchaseFactors,
    UnnamedIndirectCustomer,
    NoDecisionMaker,
    UndefinedStoryRole,
    UnlistedSecondaryUsers,
    NoManagementUsers,
    OneSidedDiscovery,
    PaidOfferWithoutPrice,
    UnownedOperationalWork,
)

__all__ = [
    "RULES",
    "CustomerNeedsWithoutPurchaseFactors",
    "CustomerUserConflated",
    "NoCustomer",
    "NoDecisionMaker",
    "NoManagementUsers",
    "NoOperationalUsers",
    "NoUsers",
    "OneSidedDiscovery",
    "PaidOfferWithoutPrice",
    "UndefinedStoryRole",
    "UnlistedSecondaryUsers",
    "UnnamedIndirectCustomer",
    "UnownedOperationalWork",
]
