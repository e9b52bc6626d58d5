"""prdlint: a linter for product requirement documents written in Markdown."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("prdlint")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
