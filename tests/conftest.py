"""Shared helpers: writing small projects to a temporary directory."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from prdlint.analysis import analyse
from prdlint.document import parse_document
from prdlint.registry import Registry, load_registry
from prdlint.settings import Settings
from prdlint.stage import LanguageEnvironment, StageSetup
from prdlint_rules.stakeholders.reading import STAKEHOLDERS
from prdlint_rules.stakeholders.reading.model import StakeholderReading
from prdlint_rules.stakeholders.reading.stage import _prepare, _Prepared

# The fuzz tests' profiles (tests/test_fuzz.py): a few dozen documents per generator in the suite,
# the same ones every run (a test suite that fails by chance is switched off); 25,000 new ones per
# generator with --hypothesis-profile=long, which is where fuzzing finds things.
_QUIET = list(HealthCheck)
settings.register_profile(
    "default", max_examples=40, deadline=None, suppress_health_check=_QUIET, derandomize=True
)
settings.register_profile("long", max_examples=25_000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile("default")


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The rule index goes to a cache folder of the test run's, not the user's."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


@pytest.fixture
def registry() -> Registry:
    return load_registry()


def read_stakeholders(source: str, vocabulary: dict | None = None) -> StakeholderReading:
    """What the stakeholder pack's stage reads in a document, with `vocabulary` as the config's
    `[tool.prdlint.vocabulary]`."""
    installed = load_registry()
    settings = Settings(root=Path.cwd(), stage_settings={"vocabulary": vocabulary} if vocabulary else {})
    run = analyse(parse_document(source), settings, installed.stages, installed.vocabularies, [STAKEHOLDERS])
    assert not run.failures, run.failures
    return run.analysis.result(STAKEHOLDERS)


@cache
def prepared_stakeholders() -> _Prepared:
    """What the stakeholder stage builds once per process for the installed vocabularies: its
    pipeline, finders and their filters."""
    return _prepare(StageSetup(LanguageEnvironment(None), load_registry().vocabularies, {}))


def write_file(root: Path, relative: str, text: str | bytes) -> Path:
    """Creates root/relative (and its folders) with the text, or the bytes as they are."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """write("docs/prd.md", "text") creates the file (and its folders) under tmp_path."""

    return lambda relative, text: write_file(tmp_path, relative, text)


# Sentences with their Penn Treebank tags: what the small tagger of `tagged_pipeline` learns,
# so that the rules that read tags can be tested without a trained model from outside.
TAGGED_SENTENCES = (
    ("Swaps must be approved within a day .", "NNS MD VB VBN IN DT NN ."),
    ("Shifts can be reassigned .", "NNS MD VB VBN ."),
    ("A swap needs to be confirmed twice .", "DT NN VBZ TO VB VBN RB ."),
    ("Swaps must be approved by the ward manager .", "NNS MD VB VBN IN DT NN NN ."),
    ("The ward manager approves each swap .", "DT NN NN VBZ DT NN ."),
    ("The rota is published every Friday .", "DT NN VBZ VBN DT NNP ."),
    ("Nurses are required to confirm a swap .", "NNS VBP VBN TO VB DT NN ."),
    ("When a swap is approved , the nurse gets a message .", "WRB DT NN VBZ VBN , DT NN VBZ DT NN ."),
    ("Credits can be used to buy a shift .", "NNS MD VB VBN TO VB DT NN ."),
    ("As a nurse , I want to swap a shift", "IN DT NN , PRP VBP TO VB DT NN"),
    ("Shifts were swapped on paper and must be checked .", "NNS VBD VBN IN NN CC MD VB VBN ."),
    ("Rota", "NNP"),
    ("Rota : shift swaps", "NNP : NN NNS"),
)


@pytest.fixture(scope="session")
def tagged_pipeline(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The folder of a small spaCy pipeline whose tagger knows TAGGED_SENTENCES: a real trained
    component, as `[nlp] model` may name one, that tags exactly those sentences right."""
    import spacy
    from spacy.training import Example
    from spacy.util import fix_random_seed

    fix_random_seed(0)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tagger")
    examples = [
        Example.from_dict(nlp.make_doc(text), {"tags": tags.split()}) for text, tags in TAGGED_SENTENCES
    ]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer)
    folder = tmp_path_factory.mktemp("pipeline") / "tagger"
    nlp.to_disk(folder)
    return str(folder)
