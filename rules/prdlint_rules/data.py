"""The word lists and vocabularies the packs keep as TOML files beside their rules."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def pack_data(package: str, name: str) -> Mapping[str, Any]:
    """The TOML file `name` in `package`, read once per process."""
    return tomllib.loads(files(package).joinpath(name).read_text("utf-8"))
