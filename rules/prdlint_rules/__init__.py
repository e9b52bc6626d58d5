"""prdlint's built-in rule packs.

This package is a prdlint plugin like any other: it registers its rules through the
`prdlint_rules` hook, found through the `prdlint` entry point group, and uses only prdlint's
public API.
"""
