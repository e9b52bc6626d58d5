"""Rules written as data: TOML files that check words without Python, the way Vale styles work.

A team keeps its own words (a banned term, a product name spelled one way, an acronym that must be
defined) in rule files in folders its config lists under `rule-paths`; the built-in requirement
language pack writes its word-list rules the same way. `spec.py` reads and checks a file,
`units.py` finds the text a scope names, `checks.py` runs each kind of check, and `rule.py` makes
a file a Rule like any other.
"""

from prdlint.datarules.rule import load_rule_dir, load_rule_file, rule_class
from prdlint.datarules.spec import DataRuleError, RuleSpec, read_spec

__all__ = ["DataRuleError", "RuleSpec", "load_rule_dir", "load_rule_file", "read_spec", "rule_class"]
