"""The word lists and vocabularies the packs keep as TOML files beside their rules."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def pack_data(package: str, name: str) -> Mapping[str, Any]:
    """The TOML file `name` in `package`, read once per process."""
    return tomllib.loads(files(package).joinpath(name).read_text("utf-8"))


class PackTable(Mapping[str, Any]):
    """A pack's TOML file, read when it is first looked into. The registry lists every pack's
    vocabulary, but only a document's analysis reads one: a run answered from the cache, `rules`
    and `explain` never parse it (the stakeholder vocabulary takes 10 ms)."""

    def __init__(self, package: str, name: str) -> None:
        self.package, self.name = package, name

    def __getitem__(self, key: str) -> Any:
        return pack_data(self.package, self.name)[key]

    def __iter__(self) -> Iterator[str]:
        return iter(pack_data(self.package, self.name))

    def __len__(self) -> int:
        return len(pack_data(self.package, self.name))

    def __repr__(self) -> str:
        return f"PackTable({self.package!r}, {self.name!r})"
