"""The reading's details against careful readers, on the 60 PRDs of ../shared/corpus/prd-labelled,
whose labels hold every story, every role and every conflation place (RUBRIC.md):

- customer-user-conflated at the labelled conflation places (within two lines): precision, recall;
- stories: precision and recall of the recognizer (within one line), how often the role agrees,
  and how often a benefit is found where the readers found one;
- role classes: of the roles the readers listed, how many prdlint finds and classifies the same way
  (a role prdlint does not find disagrees, unless the readers said it is no stakeholder), and the
  kind it gives the users among them;
- metric-without-target (PRD301): the share of documents where it fires exactly when the readers'
  `metrics` label says it should.

Every disagreement is listed with the evidence that decided it and the collector that found it.
These documents were read while the reading was written: the whole-document verdicts are measured
out of fold on every labelled PRD instead (judgement_eval.py).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from _harness import SHARED
from prdlint.analysis import analyse
from prdlint.document import parse_document
from prdlint.engine import lint_document
from prdlint.language.model import STORIES, Story
from prdlint.registry import Registry
from prdlint.rule import Finding
from prdlint.settings import Settings
from prdlint.text.forms import normalize_role
from prdlint_rules.stakeholders.reading import STAKEHOLDERS
from prdlint_rules.stakeholders.reading.classes import OPERATIONAL, UNKNOWN
from prdlint_rules.stakeholders.reading.model import Role, StakeholderReading

LABELLED = SHARED / "corpus" / "prd-labelled"
CONFLATED = "PRD104"
METRICS = "PRD301"
DETAIL_RULES = (CONFLATED, METRICS)
_CONFLATION_REACH = 2
_STORY_REACH = 1


def metrics_should_fire(label: dict[str, Any]) -> bool:
    """metric-without-target, as RUBRIC.md's table says: a metrics section whose metrics have no
    target, or no metrics at all."""
    return not label["metrics"]["section"] or label["metrics"]["targets"] is False


@dataclass
class Tally:
    agree: Counter[str] = field(default_factory=Counter)
    documents: int = 0
    stories_found: int = 0
    stories_labelled: int = 0
    stories_matched: int = 0
    story_roles_agree: int = 0
    story_benefits_agree: int = 0
    conflations_found: int = 0
    conflations_labelled: int = 0
    conflations_right: int = 0
    conflations_recalled: int = 0
    roles_labelled: int = 0
    roles_found: int = 0
    roles_agree: int = 0
    kinds_labelled: int = 0
    kinds_agree: int = 0
    disagreements: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return part / whole if whole else 1.0

        figures = {"PRD301 metric-without-target": share(self.agree[METRICS], self.documents)}
        figures |= {
            "PRD104 conflation precision": share(self.conflations_right, self.conflations_found),
            "PRD104 conflation recall": share(self.conflations_recalled, self.conflations_labelled),
            "stories precision": share(self.stories_matched, self.stories_found),
            "stories recall": share(self.stories_matched, self.stories_labelled),
            "story roles agree": share(self.story_roles_agree, self.stories_matched),
            "story benefits agree": share(self.story_benefits_agree, self.stories_matched),
            "roles found": share(self.roles_found, self.roles_labelled),
            "role class agreement": share(self.roles_agree, self.roles_found),
            "user kind agreement": share(self.kinds_agree, self.kinds_labelled),
        }
        return figures


def _names(name: str) -> list[str]:
    """The role keys a readers' role name may stand for: "parent/guardian" is either, "owner
    (jurie)" is an owner."""
    bare = re.sub(r"\([^)]*\)", " ", name.replace('"', ""))
    return [normalize_role(part) for part in re.split(r"\s*/\s*", bare) if part.strip()]


def find_role(analysis: StakeholderReading, name: str) -> Role | None:
    """prdlint's role for a role the readers named: the same key (or a synonym's), else a role
    whose name ends with it or that it ends with ("owner" for "clinic owner"), the most named
    first."""
    roles = analysis.stakeholders.roles
    keys = [analysis.vocabulary.canonical(key) for key in _names(name)]
    for key in keys:
        if key in roles:
            return roles[key]
    near = [
        role for key in keys for k, role in roles.items() if k.endswith(" " + key) or key.endswith(" " + k)
    ]
    return max(near, key=lambda role: len(role.mentions) + len(role.stories), default=None)


def explain(role: Role | None) -> str:
    """ "'clinic owner' customer (line 12: pays for the product here, by actions)"."""
    if role is None:
        return "not found"
    evidence = role.deciding_evidence
    kind = f"/{role.kind}" if role.kind else ""
    if evidence is None:
        return f"'{role.key}' {role.cls}{kind}"
    return f"'{role.key}' {role.cls}{kind} (line {evidence.line}: {evidence.reason}, by {evidence.collector})"


def rule_evidence(code: str, label: dict[str, Any], analysis: StakeholderReading) -> list[str]:
    """What decided a document-level rule, both ways: the readers' roles as prdlint saw them, and
    the roles or signals prdlint went by."""
    roles = analysis.stakeholders.roles.values()
    business = analysis.business
    lines: list[str] = []
    if code in ("PRD101", "PRD105", "PRD107"):
        names = label["customer_roles"]
        lines += [f"readers' customer '{name}': {explain(find_role(analysis, name))}" for name in names]
        lines += [f"prdlint's customer {explain(role)}" for role in roles if role.is_customer]
        signals = [s for s in business.signals if s.category in ("users-pay", "price", "funding")]
        lines += [f"payer signal {s.category} '{s.text}' line {s.line}" for s in signals]
    if code == "PRD103":
        names = label["operational_roles"]
        lines += [f"readers' operational '{name}': {explain(find_role(analysis, name))}" for name in names]
        lines += [
            f"prdlint's operational {explain(role)} acts={role.acts_in_product}"
            for role in roles
            if role.is_user and role.kind == OPERATIONAL
        ]
    if code == "PRD105":
        factors = [s for s in business.signals if s.category in ("purchase-factors", "price", "users-pay")]
        lines += [f"purchase factor '{s.text}' line {s.line}" for s in factors]
    if code == "PRD107":
        lines += [f"organisations signal '{s.text}' line {s.line}" for s in business.stated("organisations")]
        lines += [f"decides: '{r.key}'" for r in roles if r.decider]
    return lines


def _near(story: Story, line: int) -> bool:
    """Whether a labelled story's line is the story's: readers put a story split over lines at its
    role's line ("As a maintainer, I want:" over the items that are its stories)."""
    lines = {story.line} | ({story.role.span.start.line} if story.role else set())
    return any(abs(at - line) <= _STORY_REACH for at in lines)


def _stories(tally: Tally, doc: str, label: dict[str, Any], stories: list[Story]) -> None:
    found = list(stories)
    tally.stories_found += len(found)
    tally.stories_labelled += len(label["stories"])
    unmatched = list(found)
    for labelled in label["stories"]:
        match = next((s for s in unmatched if _near(s, labelled["line"])), None)
        if match is None:
            tally.disagreements.append(f"{doc} story missed: line {labelled['line']} ({labelled['role']})")
            continue
        unmatched.remove(match)
        tally.stories_matched += 1
        if labelled["benefit"] == (match.ends is not None):
            tally.story_benefits_agree += 1
        else:
            said = "a benefit" if labelled["benefit"] else "no benefit"
            tally.disagreements.append(f"{doc} story benefit: line {labelled['line']} readers {said}")
        role = match.role.text if match.role else ""
        if normalize_role(role) == normalize_role(labelled["role"]):
            tally.story_roles_agree += 1
        else:
            tally.disagreements.append(
                f"{doc} story role: line {labelled['line']} readers '{labelled['role']}', prdlint '{role}'"
            )
    for story in unmatched:
        role = story.role.text if story.role else None
        tally.disagreements.append(f"{doc} story not labelled: line {story.line} role {role!r}")


def _conflations(tally: Tally, doc: str, label: dict[str, Any], findings: list[Finding]) -> None:
    places = [place["line"] for place in label["conflation"]]
    lines = [finding.span.start.line for finding in findings if finding.code == CONFLATED]
    tally.conflations_found += len(lines)
    tally.conflations_labelled += len(places)
    for line in lines:
        if any(abs(line - place) <= _CONFLATION_REACH for place in places):
            tally.conflations_right += 1
        else:
            message = next(f.message for f in findings if f.code == CONFLATED and f.span.start.line == line)
            tally.disagreements.append(f"{doc} PRD104 not at a labelled place: line {line}: {message}")
    for place in label["conflation"]:
        if any(abs(line - place["line"]) <= _CONFLATION_REACH for line in lines):
            tally.conflations_recalled += 1
        else:
            tally.disagreements.append(f"{doc} PRD104 missed: line {place['line']} '{place['quote']}'")


def _roles(tally: Tally, doc: str, label: dict[str, Any], analysis: StakeholderReading) -> None:
    """Roles found: of the stakeholders the readers listed, how many prdlint names. Class
    agreement: of those it names, and of the phrases the readers say are no stakeholder, how many
    it classifies as they do (no stakeholder: not a role, or a role of unknown class)."""
    for labelled in label["roles"]:
        role = find_role(analysis, labelled["role"])
        stakeholder = labelled["class"] != "not-a-stakeholder"
        if stakeholder:
            tally.roles_labelled += 1
            if role is None:
                where = f"line {labelled['line']}, {labelled['class']}"
                tally.disagreements.append(f"{doc} role '{labelled['role']}' ({where}) not found")
                continue
            tally.roles_found += 1
            agree = role.cls == labelled["class"]
        else:
            tally.roles_found += 1
            agree = role is None or role.cls == UNKNOWN
        if agree:
            tally.roles_agree += 1
        else:
            tally.disagreements.append(
                f"{doc} role '{labelled['role']}' (line {labelled['line']}): readers {labelled['class']}, "
                f"prdlint {explain(role)}"
            )
        kind = labelled.get("kind")
        if labelled["class"] in ("user", "both") and kind and role is not None and role.is_user:
            tally.kinds_labelled += 1
            if role.kind == kind:
                tally.kinds_agree += 1
            else:
                tally.disagreements.append(
                    f"{doc} kind of '{labelled['role']}': readers {kind}, prdlint {explain(role)}"
                )


def _evaluate(doc: str, tally: Tally, registry: Registry, settings: Settings) -> None:
    label = json.loads((LABELLED / "labels" / f"{doc}.json").read_text(encoding="utf-8"))
    document = parse_document((LABELLED / "docs" / f"{doc}.md").read_text(encoding="utf-8"))
    run = analyse(document, settings, registry.stages, registry.vocabularies, [STAKEHOLDERS])
    if run.failures:
        raise SystemExit(f"{doc}: the analysis failed: {run.failures}")
    analysis: StakeholderReading = run.analysis.result(STAKEHOLDERS)
    findings = lint_document(document, f"{doc}.md", settings, registry).findings
    tally.documents += 1
    fired, expected = any(f.code == METRICS for f in findings), metrics_should_fire(label)
    if fired == expected:
        tally.agree[METRICS] += 1
    else:
        verdict = "fired, readers say no" if fired else "silent, readers say it should fire"
        tally.disagreements.append(f"{doc} {METRICS} metric-without-target: {verdict}")
    _conflations(tally, doc, label, findings)
    _stories(tally, doc, label, run.analysis.result(STORIES))
    _roles(tally, doc, label, analysis)


def detail_figures(registry: Registry, docs: list[str] | None = None) -> Tally:
    """The details of the reading on prd-labelled (or on the documents named)."""
    settings = Settings(root=LABELLED, select=DETAIL_RULES)
    tally = Tally()
    for doc in docs or sorted(path.stem for path in (LABELLED / "labels").glob("*.json")):
        _evaluate(doc, tally, registry, settings)
    return tally
