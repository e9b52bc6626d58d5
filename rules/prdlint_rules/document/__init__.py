"""PRD0xx: the document pack. Problems of the document as a document, before its meaning."""

from prdlint_rules.document.empty_section import EmptySection
from prdlint_rules.document.invalid_front_matter import InvalidFrontMatter
from prdlint_rules.document.placeholder_text import PlaceholderText
from prdlint_rules.document.required_sections import RequiredSections

RULES = (PlaceholderText, EmptySection, RequiredSections, InvalidFrontMatter)

__all__ = ["RULES", "EmptySection", "InvalidFrontMatter", "PlaceholderText", "RequiredSections"]
