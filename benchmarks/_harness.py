"""What the benchmarks share: the PRD corpus (read from ../shared, never copied in), timing, and
the baselines that the accuracy figures are held to."""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest.mock import patch

SHARED = Path(os.environ.get("PRDLINT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
BASELINES = Path(__file__).resolve().parent / "baselines"
DEFAULT_CORPUS = SHARED / "corpus" / "prd-dev"
# Speed is measured on distinct real PRDs: the stakeholder stage keeps what it read in each block,
# so a corpus that repeats its documents would measure that cache, not the reading.
SPEED_CORPUS = SHARED / "corpus" / "prd-pool" / "docs"
DEFAULT_BACKLOGS = SHARED / "datasets" / "user-stories"
_BACKLOG_TAG = re.compile(r"^#G\d+#\s?")


def backlog_lines(path: Path) -> list[str]:
    """A backlog's lines with their `#Gxx#` tags stripped, blank ones included."""
    return [_BACKLOG_TAG.sub("", line) for line in path.read_text(encoding="utf-8").splitlines()]


def load_corpus(directory: Path, minimum_bytes: int) -> list[str]:
    """The corpus documents in order until they add up to `minimum_bytes` of UTF-8, repeated
    only where the folder holds fewer."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(directory.glob("*.md"))]
    texts = [text for text in texts if text.strip()]
    if not texts:
        sys.exit(f"no Markdown files in {directory}")
    documents: list[str] = []
    size = 0
    while size < minimum_bytes:
        for text in texts:
            documents.append(text)
            size += len(text.encode("utf-8"))
            if size >= minimum_bytes:
                break
    return documents


def forget_kept() -> None:
    """Empties what prdlint keeps from one lint for the next (the parsed pieces of documents,
    each block's stories, the keys of names, the stakeholder reading of each block), so that a
    round reads its documents as if first seen."""
    from prdlint.document.builder import forget_parsed_pieces
    from prdlint.language.stories import forget_parsed_stories
    from prdlint.text.forms import forget_role_keys
    from prdlint_rules.stakeholders.reading.block_cache import forget_all

    forget_parsed_pieces()
    forget_parsed_stories()
    forget_role_keys()
    forget_all()


def best_times(work: Mapping[str, Callable[[], object]], rounds: int) -> dict[str, float]:
    """The best time of each piece of work over `rounds`, run interleaved after one warm-up each,
    so that a noisy machine slows every piece alike."""
    for run in work.values():
        run()
    timings: dict[str, list[float]] = {name: [] for name in work}
    for _ in range(rounds):
        for name, run in work.items():
            start = time.perf_counter()
            run()
            timings[name].append(time.perf_counter() - start)
    return {name: min(times) for name, times in timings.items()}


@contextmanager
def compiled_bytecode() -> Iterator[None]:
    """Every process started in the block runs compiled bytecode, kept in a folder of the block's
    own, as an installed package does: pip compiles a package as it installs it. An environment
    that sets PYTHONDONTWRITEBYTECODE would otherwise compile prdlint's sources (from a checkout)
    on every run, while the floors' libraries come compiled. The environment is as before after
    the block."""
    with tempfile.TemporaryDirectory() as folder, patch.dict(os.environ, PYTHONPYCACHEPREFIX=folder):
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        yield


@dataclass(frozen=True)
class SpeedRun:
    documents: list[str]
    size: int
    rounds: int
    options: argparse.Namespace


def speed_run(
    description: str, rounds: int, add_options: Callable[[argparse.ArgumentParser], None] | None = None
) -> SpeedRun:
    """Reads `--corpus`, `--megabytes` and `--rounds` (and a script's own options), and loads
    the corpus they ask for."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", type=Path, default=SPEED_CORPUS)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=rounds)
    if add_options is not None:
        add_options(parser)
    options = parser.parse_args()
    documents = load_corpus(options.corpus, int(options.megabytes * 1_000_000))
    size = sum(len(text.encode("utf-8")) for text in documents)
    return SpeedRun(documents, size, options.rounds, options)


def report(run: SpeedRun, floor: tuple[str, float], measured: tuple[str, float], budget: float) -> None:
    """Prints the corpus, the floor and the measured time with their throughput, and the ratio
    against the budget: `floor` and `measured` are (what was timed, best seconds)."""
    (floor_label, floor_time), (label, time_taken) = floor, measured
    ratio = time_taken / floor_time
    print(f"corpus: {len(run.documents)} documents, {run.size / 1e6:.2f} MB, best of {run.rounds} rounds")
    width = max(len(floor_label), len(label))
    for name, seconds in ((floor_label, floor_time), (label, time_taken)):
        print(f"{name:<{width}}  {seconds * 1000:8.1f} ms  {run.size / seconds / 1e6:6.2f} MB/s")
    verdict = "within" if ratio <= budget else "OVER"
    print(f"ratio: {ratio:.2f}x (budget {budget:g}x: {verdict})")


def _recorded(value: float) -> float:
    """A figure as a baseline records it: four decimals, rounded down, so the figures just
    measured never fall below their own record."""
    return math.floor(value * 10_000 + 1e-9) / 10_000


def add_baseline_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if any figure is below its committed baseline"
    )
    parser.add_argument(
        "--write-baseline", action="store_true", help="record these figures as the new baseline"
    )


def guard(figures: Mapping[str, float], name: str, options: argparse.Namespace) -> None:
    """Prints the figures beside the baseline `baselines/<name>.json`; with --check exits 1 when
    one is lower (all figures are higher-is-better), with --write-baseline records them."""
    path = BASELINES / f"{name}.json"
    baseline = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    print(f"\n== figures against {path.name} ==")
    drops = []
    for key, value in figures.items():
        before = baseline.get(key)
        mark = ""
        if before is not None and _recorded(value) < before:
            drops.append(key)
            mark = "  DROP"
        elif before is not None and _recorded(value) > before:
            mark = "  up"
        shown = "none" if before is None else f"{before:.3f}"
        print(f"  {key:<36} {value:.3f}   baseline {shown}{mark}")
    missing = sorted(set(baseline) - set(figures))
    if options.write_baseline:
        BASELINES.mkdir(exist_ok=True)
        rounded = {key: _recorded(value) for key, value in figures.items()}
        path.write_text(json.dumps(rounded, indent=2) + "\n", encoding="utf-8")
        print(f"baseline written: {path}")
    elif options.check:
        if drops or missing:
            below, absent = ", ".join(drops) or "none", ", ".join(missing) or "none"
            print(f"FAILED: below baseline: {below}; missing: {absent}")
            sys.exit(1)
        print("ok: no figure below its baseline")
