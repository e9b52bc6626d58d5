"""PRD2xx: the user story pack. Whether each story is well formed, atomic, minimal, unique and
uniform, whose need it names, and whether it states a need rather than a solution."""

from prdlint_rules.stories.duplicate_story import DuplicateStory
from prdlint_rules.stories.generic_story_role import GenericStoryRole
from prdlint_rules.stories.malformed_story import MalformedStory
from prdlint_rules.stories.non_atomic_story import NonAtomicStory
from prdlint_rules.stories.non_minimal_story import NonMinimalStory
from prdlint_rules.stories.non_person_story_role import NonPersonStoryRole
from prdlint_rules.stories.non_uniform_story import NonUniformStory
from prdlint_rules.stories.solution_in_story import SolutionInStory
from prdlint_rules.stories.story_without_acceptance_criteria import StoryWithoutAcceptanceCriteria
from prdlint_rules.stories.story_without_benefit import StoryWithoutBenefit

RULES = (
    MalformedStory,
    StoryWithoutBenefit,
    NonAtomicStory,
    NonMinimalStory,
    DuplicateStory,
    NonUniformStory,
    GenericStoryRole,
    SolutionInStory,
    StoryWithoutAcceptanceCriteria,
    NonPersonStoryRole,
)

__all__ = [
    "RULES",
    "DuplicateStory",
    "GenericStoryRole",
    "MalformedStory",
    "NonAtomicStory",
    "NonMinimalStory",
    "NonPersonStoryRole",
    "NonUniformStory",
    "SolutionInStory",
    "StoryWithoutAcceptanceCriteria",
    "StoryWithoutBenefit",
]
