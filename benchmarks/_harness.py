"""What the benchmarks share: the PRD corpus (read from ../shared, never copied in) and timing."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "prd-dev"


def load_corpus(directory: Path, minimum_bytes: int) -> list[str]:
    """The corpus documents, repeated in order until they add up to `minimum_bytes` of UTF-8."""
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
    return documents


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


@dataclass(frozen=True)
class SpeedRun:
    documents: list[str]
    size: int
    rounds: int


def speed_run(description: str, rounds: int) -> SpeedRun:
    """Reads `--corpus`, `--megabytes` and `--rounds`, and loads the corpus they ask for."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--rounds", type=int, default=rounds)
    options = parser.parse_args()
    documents = load_corpus(options.corpus, int(options.megabytes * 1_000_000))
    return SpeedRun(documents, sum(len(text.encode("utf-8")) for text in documents), options.rounds)
