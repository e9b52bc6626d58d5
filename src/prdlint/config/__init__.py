"""Configuration: `[tool.prdlint]` in pyproject.toml or a `.prdlint.toml`, found per file and
validated into Settings (prdlint.settings)."""

from prdlint.config.errors import ConfigError
from prdlint.config.loader import ConfigResolver, load_settings

__all__ = ["ConfigError", "ConfigResolver", "load_settings"]
