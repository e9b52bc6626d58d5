"""How well prdlint recognizes user stories in 22 real backlogs (../shared/datasets/user-stories).

Each line (its `#Gxx# ` tag stripped) is linted as a one-line Markdown document. A line counts as
recognized when exactly one story comes back with both a role and a means. The role is then
checked against the text between the role indicator ("As a") and the means indicator ("I want"),
found here by a separate, simpler rule: role and qualifier together must be that text. Prints the
rate, every line that failed, and every role that disagrees; `--check` holds the figures to
benchmarks/baselines/stories.json.

    python benchmarks/stories_eval.py [--data DIR] [--check]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from _harness import DEFAULT_BACKLOGS, add_baseline_options, backlog_lines, guard
from prdlint.document import parse_document
from prdlint.language.stories import find_stories

TARGET = 0.995
_ROLE_REGION = re.compile(
    r"^\s*as\s+(?:an?\s+|the\s+)?(?P<region>.+?)\s*,?\s*(?:\b(?:I|we)\b|would\s+like)", re.I
)


def _words(text: str) -> str:
    return " ".join(re.sub(r"[,*_]", " ", text).split()).lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_BACKLOGS)
    add_baseline_options(parser)
    options = parser.parse_args()

    lines = [(path.name, line) for path in sorted(options.data.glob("*.txt")) for line in backlog_lines(path)]
    failures, wrong_roles = [], []
    for name, line in lines:
        stories = find_stories(parse_document(line))
        if len(stories) != 1 or stories[0].malformed:
            failures.append((name, line, len(stories)))
            continue
        story = stories[0]
        plain = parse_document(line).blocks[0].text if parse_document(line).blocks else line
        region = _ROLE_REGION.match(plain)
        found = story.role.text + (" " + story.qualifier.text if story.qualifier else "")
        if region is None or _words(region.group("region")) != _words(found):
            wrong_roles.append((name, line, found))
    recognized = len(lines) - len(failures)
    rate = recognized / len(lines)
    print(f"lines: {len(lines)} in {len({name for name, _ in lines})} backlogs")
    verdict = "met" if rate >= TARGET else "MISSED"
    print(f"recognized with role and means: {recognized} ({rate:.2%}; target {TARGET:.1%}: {verdict})")
    print(f"roles that disagree with the text between 'As a' and the means: {len(wrong_roles)}")
    for name, line, count in failures:
        print(f"FAILED   {name}: {line!r} ({count} stories)")
    for name, line, found in wrong_roles:
        print(f"ROLE     {name}: {line!r} -> {found!r}")
    figures = {"recognized": rate, "roles agree": 1 - len(wrong_roles) / recognized}
    guard(figures, "stories", options)


if __name__ == "__main__":
    main()
