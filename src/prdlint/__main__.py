"""`python -m prdlint`, the same as the `prdlint` command."""

from prdlint.cli import main

main()
