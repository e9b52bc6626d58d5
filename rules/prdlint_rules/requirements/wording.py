"""The requirement pack's word lists (wording.toml beside its rules)."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def wording() -> Mapping[str, Any]:
    return tomllib.loads(files("prdlint_rules.requirements").joinpath("wording.toml").read_text("utf-8"))
