"""What a rule selector names (`ALL`, a code, a code prefix, a rule name): one reading for the
loaded registry and for the rule index, which answers without loading it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def codes_named(selector: str, codes: Iterable[str], names: Mapping[str, str]) -> frozenset[str]:
    """The codes a selector names: `ALL`, a rule name (`names` maps each to its code), a code
    or a code prefix (`PRD1`); none for a selector that names nothing."""
    if selector == "ALL":
        return frozenset(codes)
    if selector in names:
        return frozenset({names[selector]})
    upper = selector.upper()
    if upper and upper[0].isalpha():
        return frozenset(code for code in codes if code.startswith(upper))
    return frozenset()
