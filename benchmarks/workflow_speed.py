"""Speed where users feel it: the hook, the editor, the CI run. Every figure is a ratio against a
baseline measured in the same run (these machines are noisy): the commands of a row run in turn,
round after round, and a fresh process's figure is the best of its rounds. Every run asserts it
linted every file it was given.

- unchanged re-run: `prdlint check` over PRDs already in the cache, against the interpreter
  starting with prdlint's CLI imported (target 1.3x) and against `python -c pass`;
- pre-commit: `prdlint check --force-exclude` on 3 changed PRDs, no cache, against `python -c pass`;
- corpus: the 1 MB corpus with `--jobs 1` against the floor (a fresh process that imports
  markdown-it-py and spaCy, parses every file and tokenizes it with `spacy.blank("en")`; target
  1.5x), in wall time and in CPU time (which other processes on the machine disturb less), and,
  for comparison, against the floor's work alone in a warm process; `--jobs 2` against
  `--jobs 1`, and against markdownlint-cli2 (npm: `npm install -g markdownlint-cli2`) and proselint
  (PyPI: `pip install proselint`) where they are installed;
- editor: re-linting a 5,700-word PRD after a one-line change in a warm process that keeps the
  parsed pieces of documents, as the language server does, against a markdown-it-py parse of it
  after each (medians of 20; target under 30 ms); for comparison, the same with the last of the
  documents joined into it kept whole (7,360 words), as the row was measured before;
- memory: the peak of one process linting a 5 MB document (target under 250 MB), and of one
  process linting 20,000 generated documents of new words one after another, as the language
  server does over a long session (target under 300 MB).

    python benchmarks/workflow_speed.py [--corpus DIR] [--rounds 5]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _harness import SPEED_CORPUS, best_times, compiled_bytecode, load_corpus

PYTHON = sys.executable
_CLI_IMPORTS = "import prdlint.cli, prdlint.session, prdlint.cache"


def _process(command: list[str], cwd: Path, cpu: list[float] | None = None) -> Callable[[], object]:
    """A fresh process of `command`, as `best_times` runs it; the CPU time of each run is added
    to `cpu` when it is given."""

    def run() -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(command, cwd=cwd, capture_output=True, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if cpu is not None:
            cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)

    return run


def _linted(command: list[str], cwd: Path, expected: int) -> None:
    """Runs `command` once and checks that its summary counts every file it was given."""
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
    assert f"{expected} file" in summary, f"expected {expected} files linted: {summary}"


def _row(name: str, seconds: float, against: float, target: float | None = None) -> None:
    ratio = seconds / against
    verdict = "" if target is None else f"  (target {target:.1f}x: {'ok' if ratio <= target else 'OVER'})"
    print(f"  {name:<58} {seconds * 1000:9.1f} ms  {ratio:6.2f}x{verdict}")


def unchanged_rerun(workdir: Path, rounds: int) -> None:
    files = [str(path) for path in sorted(workdir.glob("*.md"))[:10]]
    command = [PYTHON, "-m", "prdlint", "check", "--isolated", "--exit-zero", *files]
    subprocess.run(command, cwd=workdir, capture_output=True, check=False)  # fills the cache
    _linted(command, workdir, len(files))
    times = best_times(
        {
            "bare": _process([PYTHON, "-c", "pass"], workdir),
            "imports": _process([PYTHON, "-c", _CLI_IMPORTS], workdir),
            "rerun": _process(command, workdir),
        },
        rounds,
    )
    bare, imports, rerun = times["bare"], times["imports"], times["rerun"]
    print(f"unchanged re-run of {len(files)} cached PRDs")
    _row("python -c pass", bare, bare)
    _row("python with prdlint's CLI imported (the floor)", imports, imports)
    _row("prdlint check, every file cached", rerun, imports, 1.3)


def pre_commit(workdir: Path, rounds: int) -> None:
    files = [str(path) for path in sorted(workdir.glob("*.md"))[:3]]
    command = [PYTHON, "-m", "prdlint", "check", "--isolated", "--no-cache", "--force-exclude", "--exit-zero"]
    command += files
    _linted(command, workdir, len(files))
    times = best_times(
        {"bare": _process([PYTHON, "-c", "pass"], workdir), "hook": _process(command, workdir)}, rounds
    )
    print("a pre-commit run on 3 changed PRDs (no cache)")
    _row("python -c pass", times["bare"], times["bare"])
    _row("prdlint check --force-exclude, 3 files", times["hook"], times["bare"])


# The floor as the issue of speed defines it: one process that imports markdown-it-py and spaCy,
# parses every file and tokenizes it with a blank English pipeline.
_FLOOR = (
    "import pathlib, spacy\nfrom markdown_it import MarkdownIt\n"
    "markdown, blank = MarkdownIt('commonmark').enable('table'), spacy.blank('en')\n"
    "for path in sorted(pathlib.Path('.').glob('*.md')):\n"
    "    text = path.read_text(encoding='utf-8')\n"
    "    markdown.parse(text)\n"
    "    blank.make_doc(text)\n"
)


def corpus(workdir: Path, documents: list[str], rounds: int) -> None:
    import spacy
    from markdown_it import MarkdownIt

    markdown, blank = MarkdownIt("commonmark").enable("table"), spacy.blank("en")
    start = time.perf_counter()
    for _ in range(rounds):
        for text in documents:
            markdown.parse(text)
            blank.make_doc(text)
    warm = (time.perf_counter() - start) / rounds
    base = [PYTHON, "-m", "prdlint", "check", "--isolated", "--no-cache", "--exit-zero", "-q", "."]
    _linted([*base[:-2], "."], workdir, len(documents))
    # Every command in turn, round after round, so that a noisy machine slows each alike.
    commands = {
        "floor": [PYTHON, "-c", _FLOOR],
        "one": [*base, "--jobs", "1"],
        "two": [*base, "--jobs", "2"],
    }
    markdownlint = shutil.which("markdownlint-cli2")
    if markdownlint:
        commands["markdownlint"] = [markdownlint, "*.md"]
    if subprocess.run([PYTHON, "-c", "import proselint"], capture_output=True).returncode == 0:
        files = [str(path) for path in sorted(workdir.glob("*.md"))]
        commands["proselint"] = [PYTHON, "-m", "proselint", "check", *files]  # proselint 0.14 and newer
    cpu: dict[str, list[float]] = {"floor": [], "one": []}
    times = best_times(
        {name: _process(command, workdir, cpu.get(name)) for name, command in commands.items()}, rounds
    )
    floor, one, two = times["floor"], times["one"], times["two"]
    size = sum(len(text.encode()) for text in documents) / 1e6
    print(f"the corpus: {len(documents)} PRDs, {size:.2f} MB")
    _row("floor: a process that parses and tokenizes every file", floor, floor)
    _row("prdlint check --jobs 1 (a fresh process)", one, floor, 1.5)
    _row("  in CPU time: the floor", min(cpu["floor"]), min(cpu["floor"]))
    _row("  in CPU time: prdlint check --jobs 1", min(cpu["one"]), min(cpu["floor"]), 1.5)
    _row("  the floor's work in a warm process (no imports)", warm, warm)
    _row("  prdlint check --jobs 1 against that", one, warm)
    _row("prdlint check --jobs 2", two, one)
    if "markdownlint" in times:
        _row("markdownlint-cli2 (against --jobs 2)", times["markdownlint"], two)
    else:
        print("  markdownlint-cli2 not installed (npm install -g markdownlint-cli2)")
    if "proselint" in times:
        _row("proselint (against --jobs 2)", times["proselint"], two)
    else:
        print("  proselint not installed (pip install proselint)")


# How long the PRD of the editor row is, in words: the corpus documents joined, the last one cut
# at a paragraph.
_EDITOR_WORDS = 5_700


def _joined(documents: list[str], words: int, whole: bool) -> str:
    """The documents joined into one PRD of `words` words or just over: the last one cut at the
    paragraph that reaches them, or kept `whole`."""
    parts: list[str] = []
    count = 0
    for text in documents:
        paragraphs = text.split("\n\n")
        for index, paragraph in enumerate(paragraphs):
            count += len(paragraph.split())
            if count >= words:
                parts.append(text if whole else "\n\n".join(paragraphs[: index + 1]))
                return "\n\n".join(parts)
        parts.append(text)
    return "\n\n".join(parts)


def _relint(text: str) -> tuple[float, float]:
    """The median time of re-linting `text` after a one-line change, and of a markdown-it-py parse
    of it after each (20 of each, taking turns, so that the noise falls on both alike)."""
    from markdown_it import MarkdownIt

    from prdlint.engine import lint_text
    from prdlint.registry import load_registry
    from prdlint.settings import Settings

    registry, settings = load_registry(), Settings(root=Path.cwd())
    lint_text(text, "prd.md", settings, registry)  # warm: the pipeline is loaded, as in the server
    markdown = MarkdownIt("commonmark").enable("table")
    times, parses = [], []
    for round_ in range(20):
        changed = text.replace("\n", f"\nEdited line {round_}.\n", 1)
        start = time.perf_counter()
        lint_text(changed, "prd.md", settings, registry)
        times.append(time.perf_counter() - start)
        start = time.perf_counter()
        markdown.parse(changed)
        parses.append(time.perf_counter() - start)
    return statistics.median(times), statistics.median(parses)


def editor(documents: list[str]) -> None:
    from prdlint.document.builder import keep_parsed_pieces

    keep_parsed_pieces()  # as the language server does
    for whole in (False, True):
        text = _joined(documents, _EDITOR_WORDS, whole)
        words = len(text.split())
        median, parse = _relint(text)
        print(f"the editor: re-lint of a {words}-word PRD after a one-line change (medians of 20)")
        _row("one markdown-it-py parse", parse, parse)
        row = f"  {'re-lint in a warm process':<58} {median * 1000:9.1f} ms  {median / parse:6.2f}x"
        if whole:  # the documents whole, as this row was measured before: for comparison
            print(f"{row}  ({median / words * 1e6:.1f} ms per 1,000 words)")
        else:
            print(f"{row}  (target 30 ms: {'ok' if median < 0.030 else 'OVER'})")


def memory(workdir: Path, documents: list[str]) -> None:
    big = workdir / "big" / "five-megabytes.md"
    big.parent.mkdir()
    text, parts = "", []
    while len(text.encode()) < 5_000_000:
        parts.extend(documents)
        text = "\n\n".join(parts)
    big.write_text(text, encoding="utf-8")
    (big.parent / ".prdlint.toml").write_text("max-file-size = 100000000\n", encoding="utf-8")
    script = (
        "import resource, sys\nfrom prdlint.cli import main\n"
        f"sys.argv = ['prdlint', 'check', '--no-cache', '--exit-zero', '-q', {str(big)!r}]\n"
    )
    script += "try:\n    main()\nexcept SystemExit:\n    pass\n"
    script += "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    done = subprocess.run([PYTHON, "-c", script], capture_output=True, text=True, check=False, cwd=big.parent)
    peak = int(done.stdout.strip().splitlines()[-1]) / 1024
    verdict = "ok" if peak < 250 else "OVER"
    print(f"memory: one process linting a {len(text.encode()) / 1e6:.1f} MB document")
    print(f"  {'peak resident memory':<58} {peak:9.1f} MB  (target 250 MB: {verdict})")


# A long editing session in one process: documents full of words never seen before (each edit
# of a generated PRD brings new ones), linted one after another as the language server does.
_SESSION = """
import random, resource, sys
from pathlib import Path
from prdlint.engine import lint_text
from prdlint.registry import load_registry
from prdlint.settings import Settings
rng = random.Random(7)
def word():
    return "".join(rng.choice("bcdfghjklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4)))
def document():
    lines = [f"# {word().title()} for {word()}s", "", "## Users", ""]
    lines += [f"- **{word().title()}s** {word()} the {word()} and {word()} {word()}s." for _ in range(8)]
    lines += ["", "## Requirements", ""]
    lines += [f"- As a {word()}, I want to {word()} {word()}s, so that {word()}." for _ in range(6)]
    return "\\n".join(lines)
registry, settings = load_registry(), Settings(root=Path.cwd())
edits = int(sys.argv[1])
for edit in range(1, edits + 1):
    lint_text(document(), "prd.md", settings, registry)
    if edit % (edits // 5) == 0:
        now = int(Path("/proc/self/statm").read_text().split()[1]) * 4096 / 2**20
        print(edit, round(now), round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
"""


def long_session(edits: int) -> None:
    done = subprocess.run([PYTHON, "-c", _SESSION, str(edits)], capture_output=True, text=True, check=True)
    rows = [line.split() for line in done.stdout.splitlines()]
    print(f"a long editing session: {edits} documents of new words linted in one process")
    for edit, now, peak in rows:
        print(f"  {'after ' + edit + ' documents':<58} {int(now):9} MB  (peak {peak} MB)")
    peak = max(int(row[2]) for row in rows)
    print(f"  {'peak resident memory':<58} {peak:9} MB  (target 300 MB: {'ok' if peak < 300 else 'OVER'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SPEED_CORPUS)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--edits", type=int, default=20_000, help="documents in the long session")
    options = parser.parse_args()
    documents = load_corpus(options.corpus, 1_000_000)
    with compiled_bytecode():
        with tempfile.TemporaryDirectory() as directory:
            workdir = Path(directory)
            for index, text in enumerate(documents):
                (workdir / f"prd{index:03}.md").write_text(text, encoding="utf-8")
            unchanged_rerun(workdir, options.rounds)
            pre_commit(workdir, options.rounds)
            corpus(workdir, documents, options.rounds)
            editor(documents)
            memory(workdir, documents)
        long_session(options.edits)


if __name__ == "__main__":
    main()
