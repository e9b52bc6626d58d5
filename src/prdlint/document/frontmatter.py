"""YAML front matter: parsed into data, never linted as prose."""

from __future__ import annotations

from typing import Any


def parse_front_matter(text: str, first_line: int) -> tuple[dict[str, Any] | None, tuple[int, str] | None]:
    """Parses front matter whose first YAML line is `first_line` (1-based).

    Returns the mapping, or an error as (line, message) so a rule can point at the bad line.
    """
    import yaml  # only documents with front matter pay for importing the YAML parser

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        context, context_mark = getattr(error, "context", None), getattr(error, "context_mark", None)
        if context and context_mark is not None:
            problem += f" ({context} that starts on line {first_line + context_mark.line})"
        return None, (line, f"front matter is not valid YAML: {problem}")
    except (ValueError, TypeError, OverflowError) as error:
        # YAML that parses but whose values cannot be built: "2024-13-01", "!!int x".
        return None, (first_line, f"front matter holds a value YAML cannot read: {error}")
    except RecursionError:
        return None, (first_line, "front matter is nested too deeply to read")
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        return None, (
            first_line,
            f"front matter must be a mapping of keys, not {type(data).__name__}",
        )
    return data, None
