"""The syntax stage: the sentences of a document's requirement text, as the pipeline tags them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from prdlint.document.requirement_text import RequirementText
from prdlint.language.deadline import check_deadline
from prdlint.language.model import TaggedSentence, TaggedWord
from prdlint.language.pipeline import for_tokenizer

if TYPE_CHECKING:
    from spacy.language import Language


def tagged_sentences(text: RequirementText, nlp: Language) -> tuple[TaggedSentence, ...]:
    """Each requirement block's requirement (a story's benefit left out), split into sentences
    and tagged, with one `nlp.pipe` over the blocks."""
    blocks = text.blocks
    texts = (for_tokenizer(text.requirement(block)) for block in blocks)
    sentences: list[TaggedSentence] = []
    for block, doc in zip(blocks, nlp.pipe(texts), strict=True):
        check_deadline()
        parts = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sentence in parts:
            words = tuple(
                TaggedWord(token.text, token.idx, token.tag_, token.dep_)
                for token in sentence
                if not token.is_space
            )
            if words:
                sentences.append(TaggedSentence(block, words))
    return tuple(sentences)
