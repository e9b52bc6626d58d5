"""Which files a `prdlint check PATH...` means.

Named files are linted, unless `force-exclude` is on and the excludes or a `.gitignore` name
them (a pre-commit hook passes every changed file by name). Directories are walked: a file is
linted when it matches the `include` globs and neither the `exclude`/`extend-exclude` globs nor a
`.gitignore` (when `respect-gitignore` is on). The globs use .gitignore syntax, relative to the
project root of the applicable config.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

from prdlint.config import ConfigResolver
from prdlint.globs import matches_globs
from prdlint.source import resolved_path

if TYPE_CHECKING:
    import pathspec


def _repository_root(directory: Path) -> Path | None:
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


class GitignoreFilter:
    """Applies every .gitignore from the repository root down to a path, as git does."""

    def __init__(self, start: Path) -> None:
        start = resolved_path(start)
        self.top = _repository_root(start) or start
        self._specs: dict[Path, pathspec.GitIgnoreSpec | None] = {}

    def _spec(self, directory: Path) -> pathspec.GitIgnoreSpec | None:
        import pathspec  # imported when a directory is first walked, not at startup

        if directory not in self._specs:
            try:
                lines = (directory / ".gitignore").read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                lines = None
            self._specs[directory] = pathspec.GitIgnoreSpec.from_lines(lines) if lines is not None else None
        return self._specs[directory]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        try:
            relative_parts = resolved_path(path).relative_to(self.top).parts
        except ValueError:
            return False
        directory = self.top
        for depth in range(len(relative_parts)):
            spec = self._spec(directory)
            if spec is not None:
                relative = "/".join(relative_parts[depth:]) + ("/" if is_dir else "")
                if spec.match_file(relative):
                    return True
            directory = directory / relative_parts[depth]
        return False


@dataclass
class Discovery:
    files: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _included(patterns: tuple[str, ...], path: Path, root: Path) -> bool:
    """Whether `include` takes a file: a pattern with no slash ("*.md") is matched against the
    file's own name, so the notes inside a folder named `archive.md` are not Markdown."""
    named = [pattern for pattern in patterns if "/" not in pattern.rstrip("/")]
    pathed = [pattern for pattern in patterns if pattern not in named]
    if any(fnmatch(path.name, pattern) for pattern in named):
        return True
    return bool(pathed) and matches_globs(pathed, path, root)


def _walk(directory: Path, resolver: ConfigResolver) -> list[Path]:
    gitignore = GitignoreFilter(directory)
    found: list[Path] = []
    for current, dirnames, filenames in os.walk(directory):
        here = Path(current)
        settings = resolver.for_path(here)
        kept_dirs = []
        for name in sorted(dirnames):
            child = here / name
            if matches_globs(settings.all_excludes, child, settings.root, is_dir=True):
                continue
            if settings.respect_gitignore and gitignore.ignored(child, is_dir=True):
                continue
            kept_dirs.append(name)
        dirnames[:] = kept_dirs
        for name in sorted(filenames):
            candidate = here / name
            file_settings = resolver.for_path(candidate)
            if not _included(file_settings.include, candidate, file_settings.root):
                continue
            if matches_globs(file_settings.all_excludes, candidate, file_settings.root):
                continue
            if file_settings.respect_gitignore and gitignore.ignored(candidate, is_dir=False):
                continue
            found.append(candidate)
    return found


def excluded(path: Path, resolver: ConfigResolver) -> bool:
    """Whether the excludes, or a .gitignore, name the file or a directory above it: what keeps it
    out of a directory walk, of a `--force-exclude` run, and of the editor's diagnostics."""
    settings = resolver.for_path(path)
    resolved = resolved_path(path)
    for candidate in (resolved, *resolved.parents):
        if candidate == settings.root or candidate == Path(candidate.anchor):
            break
        is_dir = candidate != resolved
        if matches_globs(settings.all_excludes, candidate, settings.root, is_dir=is_dir):
            return True
    return settings.respect_gitignore and GitignoreFilter(resolved.parent).ignored(resolved, is_dir=False)


_GLOB = re.compile(r"[*?\[]")


def _matching(pattern: Path, resolver: ConfigResolver) -> list[Path]:
    """The files a glob names ("docs/**/*.md", quoted so the shell leaves it to prdlint), read as
    a directory walk reads: the excludes and .gitignore apply, and a directory it names is
    walked."""
    parts = pattern.parts
    fixed = next(index for index, part in enumerate(parts) if _GLOB.search(part))
    base = Path(*parts[:fixed]) if fixed else Path()
    found: list[Path] = []
    for path in sorted(base.glob(str(Path(*parts[fixed:])))):
        if path.is_dir():
            found += _walk(path, resolver)
        elif path.is_file() and not excluded(path, resolver):
            found.append(path)
    return found


def discover(paths: list[Path], resolver: ConfigResolver) -> Discovery:
    """Expands the paths given on the command line into files, and says what was not found."""
    discovery = Discovery()
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            files = _walk(path, resolver)
            if not files:
                patterns = ", ".join(resolver.for_path(path).include)
                discovery.errors.append(f"{path}: no Markdown files found (include: {patterns})")
        elif path.exists():
            forced = resolver.for_path(path).force_exclude
            files = [] if forced and excluded(path, resolver) else [path]
        elif path.is_symlink():
            discovery.errors.append(f"{path}: a symbolic link to nothing (broken, or a loop)")
            continue
        elif _GLOB.search(str(path)):
            files = _matching(path, resolver)
            if not files:
                discovery.errors.append(f"{path}: no file matches this pattern")
                continue
        else:
            discovery.errors.append(f"{path}: no such file or directory")
            continue
        for file in files:
            key = resolved_path(file)
            if key not in seen:
                seen.add(key)
                discovery.files.append(file)
    return discovery
