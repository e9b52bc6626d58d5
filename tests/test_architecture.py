"""The house's rules, held by tests: the import contract (import-linter, configured in
pyproject.toml) covers every module of the engine and holds, and the engine knows no stakeholder
word (the stakeholder pack holds its words, as data)."""

from __future__ import annotations

import ast
import pkgutil
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import prdlint

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "src" / "prdlint"
# Words that name a stakeholder or a payment concept: what the stakeholder pack reads, and the
# engine must not (outside docstrings and comments, which explain, and data files).
STAKEHOLDER_WORDS = re.compile(
    r"\b(?:customers?|clients?|buyers?|payers?|pay|pays|paying|paid|payments?|prices?|pricing|"
    r"subscriptions?|subscribers?|purchas\w*|billing|invoices?|licen[cs]e[sd]?|fees?|revenue|"
    r"commissions?|moneti[sz]\w*|admins?|administrators?|support|operators?|operational|"
    r"moderators?|stakeholders?|personas?|vendors?|sellers?)\b",
    re.IGNORECASE,
)


def _contracts() -> list[dict]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]


def test_the_import_contract_holds() -> None:
    done = subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_the_packs_may_import_every_module_of_the_engine_but_the_api_through_nothing() -> None:
    """A module added to the engine is protected too: the contract lists every one but the API."""
    (protected,) = [c for c in _contracts() if c["type"] == "protected"]
    modules = {f"prdlint.{module.name}" for module in pkgutil.iter_modules(prdlint.__path__)}
    assert set(protected["protected_modules"]) == modules - {"prdlint.api"}
    assert protected["allowed_importers"] == ["prdlint"]


def _docstrings(tree: ast.AST) -> set[int]:
    """The string constants that document: module, class and function docstrings, and the
    strings that follow an attribute or a constant to document it."""
    found: set[int] = set()
    for node in ast.walk(tree):
        statements = getattr(node, "body", None)
        for statement in statements if isinstance(statements, list) else []:
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                found.add(id(statement.value))
    return found


def test_the_engine_holds_no_word_that_names_a_stakeholder_or_a_payment() -> None:
    found = []
    for path in sorted(ENGINE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        documenting = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in documenting:
                found += [
                    f"{path.relative_to(ROOT)}:{node.lineno}: {match.group()!r}"
                    for match in STAKEHOLDER_WORDS.finditer(node.value)
                ]
    assert found == []


def test_the_word_check_finds_such_a_word() -> None:
    tree = ast.parse('"""A customer."""\nLABEL = "paying customer"\n"""What LABEL is."""\n')
    strings = [
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and id(n) not in _docstrings(tree)
    ]
    assert strings == ["paying customer"]
    assert STAKEHOLDER_WORDS.search(strings[0])
