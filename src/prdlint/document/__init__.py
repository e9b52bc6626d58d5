"""The document model: Markdown parsed once into sections and prose blocks with exact positions."""

from prdlint.document.builder import normalize_newlines, parse_document
from prdlint.document.model import (
    Block,
    BlockKind,
    CodeBlock,
    Comment,
    Document,
    InlineHtml,
    Section,
    Segment,
    Table,
    TableCellRef,
    once_per_section,
)

__all__ = [
    "Block",
    "BlockKind",
    "CodeBlock",
    "Comment",
    "Document",
    "InlineHtml",
    "Section",
    "Segment",
    "Table",
    "TableCellRef",
    "normalize_newlines",
    "once_per_section",
    "parse_document",
]
