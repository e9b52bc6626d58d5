"""prdlint: a linter for product requirement documents written in Markdown."""

# The one place the version is written: the build reads it from here ([tool.hatch.version]), so
# starting prdlint never reads package metadata to learn it.
__version__ = "0.1.0"

__all__ = ["__version__"]
