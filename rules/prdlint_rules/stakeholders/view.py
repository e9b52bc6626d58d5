"""`prdlint stakeholders`: a document's cast as text, versioned JSON, or a Mermaid diagram; the
stakeholder pack's view (the `prdlint_views` hook), of the stages it shows.

The JSON is a contract for scripts (version 1; fields may be added, none removed):
`{"version", "path", "document": {"requirements", "requirements_reason", "context",
"context_line", "context_text", "context_reason"}, "roles": [{"name", "class", "kind", "kinds",
"decides", "declared", "personas", "evidence": {"line", "text", "reason"}, "mentions",
"stories"}],
"stories": [{"line", "column", "role", "qualifier", "means", "ends", "label", "form",
"malformed"}]}`. Roles are ordered customers first, then users by kind, then the rest; stories
in source order.
"""

from __future__ import annotations

import json
import re
from pathlib import PurePath
from typing import Any

from prdlint.api import GENRE, STORIES, Genre, Story, View, ViewInput
from prdlint_rules.stakeholders.reading import STAKEHOLDERS
from prdlint_rules.stakeholders.reading.classes import BOTH, CUSTOMER, INTERNAL, UNKNOWN, USER, USER_KINDS
from prdlint_rules.stakeholders.reading.model import Role, StakeholderReading

STAKEHOLDERS_SCHEMA_VERSION = 1
_CLASS_ORDER = {CUSTOMER: 0, BOTH: 1, USER: 2, INTERNAL: 3, UNKNOWN: 4}


def ordered_roles(analysis: StakeholderReading) -> list[Role]:
    def key(role: Role) -> tuple[int, int, int, str]:
        kind = USER_KINDS.index(role.kind) if role.kind in USER_KINDS else len(USER_KINDS)
        return (_CLASS_ORDER.get(role.cls, 9), kind, -len(role.mentions) - len(role.stories), role.key)

    return sorted(analysis.stakeholders.roles.values(), key=key)


def _role_json(role: Role) -> dict[str, Any]:
    evidence = role.deciding_evidence
    return {
        "name": role.key,
        "class": role.cls,
        "kind": role.kind,
        "kinds": [kind for kind in USER_KINDS if kind in role.kinds],
        "decides": role.decider,
        "declared": role.declared,
        "personas": list(role.personas),
        "evidence": {"line": evidence.line, "text": evidence.text, "reason": evidence.reason}
        if evidence
        else None,
        "mentions": len(role.mentions),
        "stories": len(role.stories),
    }


def _story_json(story: Story) -> dict[str, Any]:
    return {
        "line": story.span.start.line,
        "column": story.span.start.column,
        "role": story.role.text if story.role else None,
        "qualifier": story.qualifier.text if story.qualifier else None,
        "means": story.means.text if story.means else None,
        "ends": story.ends.text if story.ends else None,
        "label": story.label,
        "form": str(story.form),
        "malformed": story.malformed,
    }


def _product_json(analysis: StakeholderReading, genre: Genre) -> dict[str, Any]:
    product = analysis.product
    return {
        "requirements": genre.is_prd,
        "requirements_reason": genre.reason,
        "context": product.kind,
        "context_line": product.line or None,
        "context_text": product.text or None,
        "context_reason": product.reason,
    }


def render_json(shown: ViewInput) -> str:
    analysis, stories = shown.analysis.result(STAKEHOLDERS), shown.analysis.stories
    document = {
        "version": STAKEHOLDERS_SCHEMA_VERSION,
        "path": shown.shown,
        "document": _product_json(analysis, shown.analysis.genre),
        "roles": [_role_json(role) for role in ordered_roles(analysis)],
        "stories": [_story_json(story) for story in stories],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _describe(role: Role) -> str:
    return f"{role.cls} ({role.kind})" if role.kind else role.cls


def _describe_document(analysis: StakeholderReading, genre: Genre) -> list[str]:
    read = "read as a requirements document" if genre.is_prd else "not read as a requirements document"
    product = analysis.product
    where = f" (line {product.line})" if product.line else ""
    return [f"  {read}: {genre.reason}", f"  product: {product.kind}{where}: {product.reason}"]


def render_text(shown: ViewInput) -> str:
    analysis, stories = shown.analysis.result(STAKEHOLDERS), shown.analysis.stories
    roles = ordered_roles(analysis)
    lines = [
        f"{shown.shown}: {len(roles)} roles, {len(stories)} user stories",
        *_describe_document(analysis, shown.analysis.genre),
        "",
    ]
    width = max((len(role.key) for role in roles), default=4)
    for role in roles:
        evidence = role.deciding_evidence
        where = f"line {evidence.line}: {evidence.reason}" if evidence else ""
        counts = (
            f"{_count(len(role.mentions), 'mention'):<13}{_count(len(role.stories), 'story', 'stories'):<12}"
        )
        personas = f" (personas: {', '.join(role.personas)})" if role.personas else ""
        lines.append(f"  {role.key.ljust(width)}  {_describe(role).ljust(24)} {counts}  {where}{personas}")
    if stories:
        lines += ["", "User stories by role:"]
    for role in roles:
        for story in role.stories:
            means = story.means.text if story.means else "(no means)"
            ends = f" -> {story.ends.text}" if story.ends else ""
            flag = " [malformed]" if story.malformed else ""
            lines.append(
                f"  {role.key}: {story.span.start.line}:{story.span.start.column} {means}{ends}{flag}"
            )
    roleless = [story for story in stories if story.role is None]
    for story in roleless:
        start = story.span.start
        means = story.means.text if story.means else ""
        lines.append(f"  (no role): {start.line}:{start.column} {means} [malformed]")
    return "\n".join(lines) + "\n"


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number:3d} {one if number == 1 else many or one + 's'}"


def _node_id(index: int) -> str:
    return f"r{index}"


def _label(text: str) -> str:
    return re.sub(r'["\[\]{}()<>]', "", text)


def render_mermaid(shown: ViewInput) -> str:
    """Customers on the left paying for the product, users by kind on the right, with the
    number of stories on each user's edge; the product's node says its context and is named by
    the document's title (else its file's name)."""
    analysis, sections = shown.analysis.result(STAKEHOLDERS), shown.document.sections
    product = sections[0].title if sections else PurePath(shown.shown).stem
    roles = [role for role in ordered_roles(analysis) if role.cls != INTERNAL]
    ids = {role.key: _node_id(index) for index, role in enumerate(roles)}
    context = analysis.product.kind
    lines = ["flowchart LR", f'  product(("{_label(product)}<br/>{context}"))']
    payers = [role for role in roles if role.is_customer]
    if payers:
        lines.append('  subgraph customers["Customers: pay or decide to buy"]')
        lines += [f'    {ids[role.key]}["{_label(role.key)}"]' for role in payers]
        lines.append("  end")
    for kind in USER_KINDS:
        members = [role for role in roles if role.cls == USER and role.kind == kind]
        if members:
            lines.append(f'  subgraph {kind}["Users: {kind}"]')
            lines += [f'    {ids[role.key]}["{_label(role.key)}"]' for role in members]
            lines.append("  end")
    unknown = [role for role in roles if role.cls == UNKNOWN]
    if unknown:
        lines.append('  subgraph unknown["Not yet classified"]')
        lines += [f'    {ids[role.key]}["{_label(role.key)}"]' for role in unknown]
        lines.append("  end")
    for role in payers:
        lines.append(f"  {ids[role.key]} -- pays --> product")
    for role in roles:
        if role.is_user:
            label = _count(len(role.stories), "story", "stories").strip() if role.stories else "uses"
            lines.append(f'  product -- "{label}" --> {ids[role.key]}')
    return "\n".join(lines) + "\n"


VIEW = View(
    "stakeholders",
    "Show the document's stakeholders (customers, users by kind) and its user stories by role.",
    frozenset({STAKEHOLDERS, STORIES, GENRE}),
    {"text": render_text, "json": render_json, "mermaid": render_mermaid},
)
