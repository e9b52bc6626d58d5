"""Front matter that declares the cast: `customers: [...]`, `users: {primary: [...], ...}`.

The strongest evidence there is: the author states, as data, who pays and who uses which way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from prdlint.api import normalize_role
from prdlint_rules.stakeholders.reading.classes import CUSTOMER, PRIMARY, USER, USER_KINDS
from prdlint_rules.stakeholders.reading.collectors.base import Draft, Inputs
from prdlint_rules.stakeholders.reading.model import Rank

_KEYS = {"customers": CUSTOMER, "customer": CUSTOMER, "users": USER, "user": USER}


def _line_of(inputs: Inputs, name: str) -> int:
    """The front matter line that names `name`, for the evidence to point at."""
    document = inputs.document
    for line in range(1, document.front_matter_end_line + 1):
        if name.lower() in document.line_text(line).lower():
            return line
    return 1


def collect(inputs: Inputs, draft: Draft) -> None:
    data = inputs.document.front_matter or {}
    for key, cls in _KEYS.items():
        value = data.get(key)
        entries: Iterable[tuple[str | None, Any]] = (
            value.items() if isinstance(value, dict) else [(None, value)] if value is not None else []
        )
        for kind, names in entries:
            kind = kind if kind in USER_KINDS else (PRIMARY if cls == USER else None)
            for name in names if isinstance(names, list) else [names]:
                if isinstance(name, str) and name.strip():
                    role = draft.add(
                        normalize_role(name),
                        _line_of(inputs, name),
                        f"front matter lists it under {key}",
                        Rank.FRONT_MATTER,
                        cls,
                        kind,
                    )
                    role.declared = True
