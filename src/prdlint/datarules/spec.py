"""A rule file read and checked: every key known, every value of its type, or an error that names
the file, the rule and the key."""

from __future__ import annotations

import string
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import re2

from prdlint.datarules.patterns import UserPatternError, any_of, user_pattern
from prdlint.rule import CODE_PATTERN, CONCERNS, NAME_PATTERN, Severity

KINDS = ("existence", "substitution", "occurrence", "conditional", "consistency")
SCOPES = (
    "heading",
    "paragraph",
    "list-item",
    "table-cell",
    "sentence",
    "story-means",
    "story-ends",
    "requirement",
    "document",
)
_COMMON = {
    "code",
    "name",
    "severity",
    "enabled",
    "summary",
    "documentation",
    "message",
    "advice",
    "concern",
    "scope",
    "under",
    "kind",
    "case-sensitive",
    "unless",
}
_BY_KIND = {
    "existence": {"tokens", "phrases", "lemmas", "patterns"},
    "substitution": {"swap"},
    "occurrence": {"max", "min"},
    "conditional": {"if", "then"},
    "consistency": {"either"},
}


# What a message may name, by kind: `{match}` is the text found.
PLACEHOLDERS = {
    "existence": ("match",),
    "substitution": ("match", "replacement"),
    "occurrence": ("match", "count", "max", "min", "limit"),
    "conditional": ("match",),
    "consistency": ("match", "first"),
}


def _a(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


class DataRuleError(Exception):
    """A rule file that cannot be used; the message names the file, the rule and the key."""


@dataclass(frozen=True)
class RuleSpec:
    path: Path
    code: str
    name: str
    kind: str
    scope: str
    message: str
    summary: str
    advice: str = ""
    concern: str | None = None
    documentation: str = ""
    severity: Severity = Severity.WARNING
    enabled: bool = True
    under: re2._Regexp | None = None
    case_sensitive: bool = False
    unless: re2._Regexp | None = None
    tokens: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()
    patterns: tuple[re2._Regexp, ...] = ()
    swap: dict[str, str] = field(default_factory=dict, hash=False)
    most: int | None = None
    least: int | None = None
    condition: re2._Regexp | None = None
    then: str = ""
    either: tuple[tuple[str, ...], ...] = ()


class _Reader:
    def __init__(self, path: Path, table: dict[str, Any]) -> None:
        self.path, self.table = path, table
        self.rule = table.get("name") or table.get("code") or "?"

    def error(self, key: str, problem: str) -> DataRuleError:
        return DataRuleError(f"{self.path}: rule {self.rule}: {key}: {problem}")

    def string(self, key: str, default: str | None = None) -> str:
        value = self.table.get(key, default)
        if not isinstance(value, str) or (default is None and not value.strip()):
            raise self.error(key, f"expected a string, got {value!r}")
        return value

    def boolean(self, key: str, default: bool) -> bool:
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"expected true or false, got {value!r}")
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise self.error(key, "expected a list of words or phrases")
        return tuple(value)

    def number(self, key: str) -> int | None:
        value = self.table.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            raise self.error(key, f"expected a whole number, got {value!r}")
        return value

    def regex(self, key: str, value: str, case_sensitive: bool) -> re2._Regexp:
        """`value` compiled for RE2, or an error naming the key and why RE2 cannot run it."""
        try:
            return user_pattern(value, case_sensitive)
        except UserPatternError as problem:
            raise self.error(key, str(problem)) from None

    def message(self, kind: str) -> str:
        """The message, naming only the placeholders its kind fills in."""
        text = self.string("message")
        known = PLACEHOLDERS[kind]
        try:
            names = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
        except ValueError as problem:
            raise self.error("message", f"{problem}; write {{{{ and }}}} for a brace") from None
        for name in names:
            if name not in known:
                shown = ", ".join(f"{{{field}}}" for field in known)
                raise self.error(
                    "message", f"unknown placeholder {{{name}}} ({_a(kind)} rule fills in {shown})"
                )
        return text

    def choice(self, key: str, choices: tuple[str, ...]) -> str:
        value = self.string(key)
        if value not in choices:
            raise self.error(key, f"unknown {key} {value!r} (known: {', '.join(choices)})")
        return value


def read_spec(path: Path) -> RuleSpec:
    """The rule a file declares. Raises DataRuleError naming the file, the rule and the key."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as problem:
        raise DataRuleError(f"{path}: cannot read: {problem}") from None
    except tomllib.TOMLDecodeError as problem:
        raise DataRuleError(f"{path}: invalid TOML: {problem}") from None
    return spec_of(path, table)


def spec_of(path: Path, table: dict[str, Any]) -> RuleSpec:
    read = _Reader(path, table)
    kind = read.choice("kind", KINDS)
    unknown = sorted(set(table) - _COMMON - _BY_KIND[kind])
    if unknown:
        raise read.error(
            unknown[0],
            f"unknown key for {_a(kind)} rule (known: {', '.join(sorted(_COMMON | _BY_KIND[kind]))})",
        )
    code, name = read.string("code"), read.string("name")
    if not CODE_PATTERN.match(code):
        raise read.error("code", f"{code!r} must be capital letters then three digits, like TEAM101")
    if not NAME_PATTERN.match(name):
        raise read.error("name", f"{name!r} must be kebab-case, like banned-term")
    severity = (
        read.choice("severity", tuple(str(level) for level in Severity)) if "severity" in table else "warning"
    )
    case = read.boolean("case-sensitive", False)
    fields: dict[str, Any] = {
        "path": path,
        "code": code,
        "name": name,
        "kind": kind,
        "scope": read.choice("scope", SCOPES),
        "message": read.message(kind),
        "advice": read.string("advice", ""),
        "concern": read.choice("concern", CONCERNS) if "concern" in table else None,
        "summary": read.string("summary", f"{name.replace('-', ' ').capitalize()} (a team rule)"),
        "documentation": read.string("documentation", ""),
        "severity": Severity(severity),
        "enabled": read.boolean("enabled", True),
        "case_sensitive": case,
        "under": read.regex("under", read.string("under"), False) if "under" in table else None,
        "unless": read.regex("unless", read.string("unless"), case) if "unless" in table else None,
    }
    if kind == "existence":
        fields |= {key: read.strings(key) for key in ("tokens", "phrases", "lemmas")}
        written = read.strings("patterns")
        fields["patterns"] = tuple(read.regex("patterns", pattern, case) for pattern in written)
        if written:
            try:
                any_of(written, case)
            except UserPatternError as problem:
                raise read.error("patterns", f"together they cannot be used: {problem}") from None
        if not any(fields[key] for key in ("tokens", "phrases", "lemmas", "patterns")):
            raise read.error("tokens", "an existence rule needs tokens, phrases, lemmas or patterns")
    elif kind == "substitution":
        swap = table.get("swap")
        if not isinstance(swap, dict) or not swap or not all(isinstance(v, str) for v in swap.values()):
            raise read.error("swap", "expected a table of words and what to write instead")
        fields["swap"] = dict(swap)
    elif kind == "occurrence":
        fields["most"], fields["least"] = read.number("max"), read.number("min")
        if fields["most"] is None and fields["least"] is None:
            raise read.error("max", "an occurrence rule needs max, min or both")
    elif kind == "conditional":
        fields["condition"] = read.regex("if", read.string("if"), case)
        fields["then"] = read.string("then")
        # What `then` becomes for each match, with a word standing in for the match.
        read.regex("then", fields["then"].replace("{1}", "word"), case)
    else:
        either = table.get("either")
        if (
            not isinstance(either, list)
            or not either
            or not all(
                isinstance(group, list) and len(group) > 1 and all(isinstance(w, str) for w in group)
                for group in either
            )
        ):
            raise read.error("either", "expected a list of groups of spellings, two or more in each")
        fields["either"] = tuple(tuple(group) for group in either)
    return RuleSpec(**fields)
