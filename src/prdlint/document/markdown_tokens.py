"""markdown-it-py, set up as prdlint reads Markdown, and its tokens as the builder takes them.

Kept apart from the builder so that importing prdlint imports no parser: markdown-it-py and its
plugins take some 30 ms to import, which a run answered from the cache, `rules`, `explain` and
`config` never need. The builder imports this module when it first parses a document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache

from linkify_it import LinkifyIt
from markdown_it import MarkdownIt
from markdown_it.rules_core import block as block_rule
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin


class _SchemeLinks(LinkifyIt):
    """Links written out with their scheme ("https://", "mailto:", "//cdn...") and no others: a
    bare "example.com" or e-mail address is not made a link. Only such a scheme makes a link, so
    a text with neither ":" nor "//" holds none; linkify-it's own pretest, which also looks for
    host names and "@" and is run over every paragraph, is asked only of the others."""

    def __init__(self) -> None:
        super().__init__(options={"fuzzy_link": False, "fuzzy_email": False})

    def pretest(self, text: str) -> bool:
        return (":" in text or "//" in text) and bool(super().pretest(text))


@cache
def markdown() -> MarkdownIt:
    """One parser per process: building markdown-it's rule chains costs more than a small parse."""
    parser = MarkdownIt("commonmark", {"linkify": True})
    parser.enable(["table", "strikethrough", "linkify"])
    parser.linkify = _SchemeLinks()
    parser.use(front_matter_plugin)
    # Keep escapes and entities as their own tokens: their source text differs from their
    # content, and the offset map needs to know where.
    parser.disable("text_join")
    return parser


# What stands in the token list for a token already read, so that it can be let go.
_READ = Token("read", "", 0)
# How many inline tokens have their children parsed at once: a batch's children are held until
# read, and each batch costs a parser state.
_INLINE_AT_ONCE = 256


def tokens(source: str) -> Iterator[Token]:
    """markdown-it's tokens in order, as `MarkdownIt.parse` gives them, with the inline tokens'
    children parsed a batch at a time just before they are given, and let go after they are read:
    in a large document they are half of all tokens."""
    return inline_parsed(*block_parsed(source))


@cache
def _core_rules() -> tuple[list[Callable[[StateCore], None]], int]:
    """markdown-it's core rules, and where those that read the inline tokens start."""
    rules = markdown().core.ruler.getRules("")
    return rules, rules.index(block_rule) + 1


def block_parsed(source: str) -> tuple[list[Token], StateCore]:
    """Every block token of the source, and the state that read them: its `env` holds the link
    reference definitions found."""
    state = StateCore(source, markdown(), {})
    rules, split = _core_rules()
    for rule in rules[:split]:  # normalize, block: every block token, and the link references
        rule(state)
    tokens, state.tokens = state.tokens, []
    return tokens, state


def inline_parsed(tokens: list[Token], state: StateCore) -> Iterator[Token]:
    """The block tokens in order, the inline ones with their children parsed a batch at a time,
    just before they are given: one state per batch costs less than one per token, and a batch's
    children are let go once read."""
    rules, split = _core_rules()
    inline_at = [index for index, token in enumerate(tokens) if token.type == "inline"]
    given = 0
    for first in range(0, len(inline_at), _INLINE_AT_ONCE):
        batch = inline_at[first : first + _INLINE_AT_ONCE]
        parsed = StateCore(state.src, state.md, state.env, [tokens[index] for index in batch])
        for rule in rules[split:]:  # inline, linkify
            rule(parsed)
        yield from _given(tokens, given, batch[-1] + 1)
        given = batch[-1] + 1
    yield from _given(tokens, given, len(tokens))


def _given(tokens: list[Token], start: int, end: int) -> Iterator[Token]:
    """The tokens from `start` to `end`, each let go (its children too) once read."""
    for index in range(start, end):
        token = tokens[index]
        yield token
        token.children = None
        tokens[index] = _READ
