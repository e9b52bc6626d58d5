"""Loading the shared PRD corpus for benchmarks (read from ../shared, never copied in)."""

from __future__ import annotations

import sys
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
