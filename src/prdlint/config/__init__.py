"""Configuration: `[tool.prdlint]` in pyproject.toml or a `.prdlint.toml`, found per file."""

from prdlint.config.errors import ConfigError
from prdlint.config.loader import ConfigResolver, load_settings
from prdlint.config.settings import Settings

__all__ = ["ConfigError", "ConfigResolver", "Settings", "load_settings"]
