"""Configuration: `[tool.prdlint]` in pyproject.toml or a `.prdlint.toml`, found per file and
validated into Settings (prdlint.settings).

The resolver and the loader are imported when first asked for: they import the rule machinery,
which a command that only finds the config file (`prdlint rules`) does not need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from prdlint.config.errors import ConfigError

if TYPE_CHECKING:
    from prdlint.config.loader import ConfigResolver, load_settings

__all__ = ["ConfigError", "ConfigResolver", "load_settings"]


def __getattr__(name: str) -> Any:
    if name in ("ConfigResolver", "load_settings"):
        from prdlint.config import loader

        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
