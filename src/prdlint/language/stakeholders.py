"""The stakeholders stage: mentions and business signals over spaCy tokens, then the model.

One `nlp.pipe` over the document's prose blocks gives the tokens that both the mention finder and
the signal finder read. The evidence collectors (prdlint.language.collectors) turn the mentions,
the stories and the document's structure into the stakeholder model. Roles the document declares
that the vocabulary does not know ("Gardeners add plants") are the document's own vocabulary:
they are looked for everywhere else too, and the model is built again with those mentions.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from prdlint.document import Document
from prdlint.language.collectors import build_model
from prdlint.language.collectors.base import Inputs
from prdlint.language.context import described_context, product_context
from prdlint.language.deadline import check_deadline
from prdlint.language.model import BusinessModel, Mention, ProductContext, Signal, StakeholderModel, Story
from prdlint.language.pipeline import for_tokenizer

if TYPE_CHECKING:
    from prdlint.language.analysis import LanguageSetup


def analyse_stakeholders(
    document: Document, stories: list[Story], setup: LanguageSetup
) -> tuple[StakeholderModel, BusinessModel, ProductContext]:
    blocks = [block for block in document.blocks if block.text.strip()]
    docs = list(setup.nlp.pipe(for_tokenizer(block.text) for block in blocks))
    mentions: list[Mention] = []
    signals: list[Signal] = []
    for block, doc in zip(blocks, docs, strict=True):
        check_deadline()
        mentions += setup.mentions.find(doc, block)
        signals += setup.signals.find(doc, block)
    business = BusinessModel(signals)
    described = described_context(document, business)
    inputs = Inputs(document, setup.vocabulary, setup.word_classes, mentions, stories, signals, described)
    model = build_model(inputs, setup.settings.without)
    vocabulary = setup.vocabulary
    unknown = [key for key, role in model.roles.items() if role.declared and not vocabulary.classify(key)]
    if unknown:
        matcher = setup.mentions.matcher_for(unknown)
        for block, doc in zip(blocks, docs, strict=True):
            mentions += setup.mentions.find(doc, block, matcher)
        model = build_model(replace(inputs, mentions=mentions), setup.settings.without)
    return model, business, product_context(document, model, business, vocabulary, described)
