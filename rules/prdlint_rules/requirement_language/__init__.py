"""PRD3xx: the requirement-language pack. Whether what the document asks for can be built and
checked: metrics with targets, no template text left, words a test can check.

The word-list rules are rule files (`word_rules/*.toml`), written in the format teams use for
their own rules (`rule-paths`): one mechanism for both.
"""

from importlib.resources import as_file, files

from prdlint.api import load_rule_file
from prdlint_rules.requirement_language.metric_without_target import MetricWithoutTarget
from prdlint_rules.requirement_language.passive_requirement import PassiveRequirement
from prdlint_rules.requirement_language.undefined_acronym import UndefinedAcronym
from prdlint_rules.requirement_language.unmeasurable_nfr import UnmeasurableNfr
from prdlint_rules.requirement_language.weak_modal import WeakModal


def _word_rules() -> tuple:
    with as_file(files(__package__).joinpath("word_rules")) as folder:
        return tuple(load_rule_file(path, "requirement-language") for path in sorted(folder.glob("*.toml")))


RULES = (
    MetricWithoutTarget,
    UnmeasurableNfr,
    UndefinedAcronym,
    WeakModal,
    PassiveRequirement,
    *_word_rules(),
)

__all__ = [
    "RULES",
    "MetricWithoutTarget",
    "PassiveRequirement",
    "UndefinedAcronym",
    "UnmeasurableNfr",
    "WeakModal",
]
