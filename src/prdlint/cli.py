"""The `prdlint` command line: check, rules, explain, config, stakeholders.

Exit codes: 0 when no finding reaches the `--fail-on` severity, 1 when one does, 2 for usage,
configuration, plugin and internal errors (including any PRD000 finding).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from prdlint import __version__
from prdlint.severity import Severity

if TYPE_CHECKING:
    from prdlint.config import ConfigResolver
    from prdlint.registry import Registry
    from prdlint.results import LintRun
    from prdlint.rule import Finding
    from prdlint.settings import Settings
    from prdlint.view import View

# The commands import what they use when they run: `prdlint rules` and `--help` start without the
# engine, the config validation and the report formats.
EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
# Seconds a run may take before it shows its progress.
PROGRESS_AFTER = 2.0
_NAMED_FILES = 3
SEVERITY_CHOICE = click.Choice([str(level) for level in Severity])


def _fail(message: str) -> NoReturn:
    click.echo(f"prdlint: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Config and plugin problems end the command with one clear line and exit status 2."""
    from prdlint.config import ConfigError
    from prdlint.registry import PluginError

    try:
        yield
    except (ConfigError, PluginError) as error:
        _fail(str(error))


def _registry() -> Registry:
    from prdlint.registry import load_registry

    with _user_errors():
        return load_registry()


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def _overrides(registry: Registry, **options: Any) -> dict[str, Any]:
    """Command-line settings, validated exactly like the same keys in a config file."""
    from prdlint.config.validation import Where, selector_list, severity, string_list

    where = Where(None, registry)
    overrides: dict[str, Any] = {}
    for key in ("select", "extend-select", "ignore"):
        raw = options.get(key.replace("-", "_"))
        if raw:
            overrides[key] = selector_list(_split(raw), f"--{key}", where)
    if options.get("fail_on"):
        overrides["fail-on"] = severity(options["fail_on"], "--fail-on", where)
    if options.get("show_level"):
        overrides["show-level"] = severity(options["show_level"], "--show-level", where)
    for key in ("exclude", "extend-exclude"):
        raw = options.get(key.replace("-", "_"))
        if raw:
            overrides[key] = string_list(_split(raw), f"--{key}", where)
    if options.get("each_story"):
        overrides["each-story"] = True
    if options.get("force_exclude"):
        overrides["force-exclude"] = True
    return overrides


def _resolver(
    registry: Registry,
    config: Path | None,
    isolated: bool,
    rule_path: tuple[Path, ...],
    targets: Iterable[Path] = (),
    **options: Any,
) -> tuple[ConfigResolver, Registry]:
    """The config resolver, and the registry that the command line's selectors and the reports
    know: the installed rules and the projects' own, from the config of the working directory
    and of each target (a sub-project's rules where two projects use one code are its own)."""
    from prdlint.config import ConfigResolver
    from prdlint.session import known_registry

    if config is not None and isolated:
        _fail("--config and --isolated cannot be used together")
    with _user_errors():
        files = ConfigResolver(registry, config=config, isolated=isolated, rule_paths=rule_path)
        known = known_registry(files, targets)
        return files.with_overrides(_overrides(known, **options)), known


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _not_requirements(run: LintRun) -> list[str]:
    """One line for the files whose whole-document rules did not run, with the first reasons;
    none for the files a team's `prd-files` leaves out, which it knows."""
    from prdlint.analysis import NOT_LISTED

    skipped = [result for result in run.files if result.not_requirements not in (None, NOT_LISTED)]
    if not skipped:
        return []
    shown = ", ".join(result.path for result in skipped[:_NAMED_FILES])
    more = f" and {len(skipped) - _NAMED_FILES} more" if len(skipped) > _NAMED_FILES else ""
    return [
        f"{len(skipped)} file{'s' if len(skipped) != 1 else ''} not read as PRDs, so the whole-document "
        f"rules passed {'them' if len(skipped) != 1 else 'it'} over ({shown}{more}); prd-files says which "
        "files are PRDs"
    ]


def _severities(counts: Counter[Severity]) -> str:
    return ", ".join(
        f"{counts[level]} {level}{'s' if counts[level] != 1 and level is not Severity.INFO else ''}"
        for level in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if counts[level]
    )


def _summary(run: LintRun, held: Counter[Severity]) -> str:
    """What the run found, what it did not show and how to see it, and what --fix would fix."""
    findings = run.findings
    files = len(run.files)
    checked = f"{files} file{'s' if files != 1 else ''} checked"
    if not findings:
        return f"No findings: {checked}.{_fixed(run)}"
    affected = len({finding.path for finding in findings})
    total = f"{len(findings)} finding{'s' if len(findings) != 1 else ''}"
    line = f"Found {total} ({_severities(Counter(f.severity for f in findings))}) in {affected} of {checked}."
    if held:
        lowest = min(held, key=lambda level: level.rank)
        line += f" Not shown: {_severities(held)} (--show-level {lowest} shows them)."
    return line + _fixable(findings) + _fixed(run)


def _fixable(findings: Iterable[Finding]) -> str:
    """ "[*] 2 fixable with --fix (1 more with --unsafe-fixes)", as the findings marked [*]."""
    fixes = [finding.fix for finding in findings if finding.fix is not None]
    safe = sum(fix.safe for fix in fixes)
    unsafe = f" ({len(fixes) - safe} more with --unsafe-fixes)" if len(fixes) > safe else ""
    return f" [*] {safe} fixable with --fix{unsafe}." if fixes else ""


def _fixed(run: LintRun) -> str:
    count = sum(result.fixed for result in run.files)
    return f" Fixed {count} finding{'s' if count != 1 else ''}." if count else ""


def _statistics(run: LintRun) -> str:
    counts = Counter((f.code, f.name, str(f.severity)) for f in run.findings)
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0][0]))
    return "".join(f"{count:5d}  {code}  {name}  [{level}]\n" for (code, name, level), count in rows)


def _adoption_filters(
    run: LintRun, registry: Registry, baseline: Path | None, diff_base: str | None
) -> tuple[LintRun, int]:
    """The run without the findings a baseline records, and with only those on lines changed
    since `diff_base`; and how many the baseline left out."""
    from prdlint.baseline import BaselineError, apply_baseline, read_baseline
    from prdlint.changes import DiffBaseError, changed_lines, keep_changed

    known = 0
    if baseline is not None:
        try:
            filtered = apply_baseline(run, read_baseline(baseline))
        except BaselineError as problem:
            _fail(f"--baseline: {problem}")
        run, known = filtered.run, filtered.known
    if diff_base is not None:
        try:
            changes = changed_lines(diff_base, Path.cwd())
        except DiffBaseError as problem:
            _fail(f"--diff-base {diff_base}: {problem}")
        whole = {code for code, rule in registry.rules.items() if rule.whole_document}
        run = keep_changed(run, changes, whole)
    return run, known


def available_cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU limit)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class ProgressLine:
    """ "prdlint: 40/126 files" on standard error, redrawn in place, for a run that has taken
    more than a couple of seconds on a terminal; erased when the run ends."""

    def __init__(self) -> None:
        self.start = time.monotonic()
        self.terminal = sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.terminal or time.monotonic() - self.start < PROGRESS_AFTER:
            return
        # Written as it is: click would strip the erase sequence from a stream it did not open.
        sys.stderr.write(f"\rprdlint: {done}/{total} files" if done < total else "\r\033[K")
        sys.stderr.flush()


def _write_report(path: Path, report: str) -> None:
    from prdlint.atomic import write_atomically

    try:
        write_atomically(path, report)
    except OSError as problem:
        click.echo(f"prdlint: error: --output-file {path}: {problem.strerror or problem}", err=True)
        sys.exit(EXIT_ERROR)


def _report_diffs(run: LintRun, quiet: bool) -> None:
    """`--diff`: the change the fixes would make, and nothing else; exit 1 when there is one."""
    diffs = [result for result in run.files if result.diff]
    click.echo("".join(result.diff or "" for result in diffs), nl=False)
    for error in run.errors:
        click.echo(f"prdlint: error: {error}", err=True)
    if not quiet:
        count = sum(result.fixed for result in diffs)
        files = f"{len(diffs)} file{'s' if len(diffs) != 1 else ''}"
        click.echo(f"Would fix {count} finding{'s' if count != 1 else ''} in {files}.", err=True)
    sys.exit(EXIT_ERROR if run.has_internal_errors else EXIT_FINDINGS if diffs else EXIT_CLEAN)


def _exit_code(run: LintRun, exit_zero: bool) -> int:
    if run.has_internal_errors:
        return EXIT_ERROR
    if exit_zero or not run.failing():
        return EXIT_CLEAN
    return EXIT_FINDINGS


def _config_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "--rule-path",
        multiple=True,
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        help="A folder of rule files to load for every project, wherever it lies (repeatable). "
        "A config's rule-paths may list folders outside its project only when named here.",
    )(command)
    command = click.option("--isolated", is_flag=True, help="Ignore all configuration files.")(command)
    return click.option(
        "--config",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Use this configuration file for every file, instead of the nearest one.",
    )(command)


def _selection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for name, text in (
        ("--ignore", "Rules to skip: codes, prefixes or names, comma-separated."),
        ("--extend-select", "Rules to enable in addition to the selected ones."),
        ("--select", "Rules to enable instead of the configured ones (e.g. PRD0,PRD104 or ALL)."),
    ):
        command = click.option(name, multiple=True, metavar="RULES", help=text)(command)
    return command


class _Commands(click.Group):
    """prdlint's own commands, and a command for each view the installed packs provide (the
    stakeholder pack's `stakeholders`): the plugins are loaded only to list or run a view."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *_registry().views})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            return command
        view = _registry().views.get(cmd_name)
        return _view_command(view) if view is not None else None


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="prdlint")
def main() -> None:
    """A linter for product requirement documents written in Markdown."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output-format",
    default="concise",
    show_default=True,
    help="concise, full, json, github, or a plugin's format.",
)
@_config_options
@_selection_options
@click.option(
    "--fail-on",
    type=SEVERITY_CHOICE,
    help="Lowest severity that makes the exit status 1 [default: warning].",
)
@click.option(
    "--show-level",
    type=SEVERITY_CHOICE,
    help="Lowest severity to show [default: what fails the run on a terminal, everything in "
    "machine formats]; the summary counts the rest.",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="PATTERNS",
    help="Paths to leave out of a directory walk, instead of the configured ones (gitignore-style, "
    "comma-separated).",
)
@click.option(
    "--extend-exclude",
    multiple=True,
    metavar="PATTERNS",
    help="Paths to leave out besides the configured ones.",
)
@click.option(
    "--force-exclude",
    is_flag=True,
    help="Apply exclude, extend-exclude and .gitignore to files named on the command line too.",
)
@click.option(
    "--each-story",
    is_flag=True,
    help="Report a story rule on every story, even where it fires on most of them.",
)
@click.option(
    "--output-file",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the report to this file (atomically); the terminal gets the concise report.",
)
@click.option(
    "--diff-base", metavar="REF", help="Report only findings on lines changed since this git revision."
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Leave out the findings this baseline file records (see --write-baseline).",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Record every finding of this run in a baseline file, and exit 0.",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    help="Worker processes to lint files in [default: the cores available].",
)
@click.option("--no-cache", is_flag=True, help="Lint every file again, without reading or writing the cache.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes findings carry, and report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply the unsafe fixes too.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff instead of writing them.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings reach --fail-on.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no summary, no notices.")
@click.option(
    "--statistics",
    is_flag=True,
    help="Print how many findings each rule made, instead of the findings.",
)
@click.option(
    "--stdin-filename", help="The path to lint standard input as (for config and per-file-ignores)."
)
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
def check(
    paths: tuple[Path, ...],
    output_format: str,
    config: Path | None,
    isolated: bool,
    rule_path: tuple[Path, ...],
    quiet: bool,
    statistics: bool,
    stdin_filename: str | None,
    color: str,
    exit_zero: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    output_file: Path | None,
    diff_base: str | None,
    baseline: Path | None,
    write_baseline: Path | None,
    no_cache: bool,
    jobs: int | None,
    **selection: Any,
) -> None:
    """Lint Markdown PRDs: files, directories (walked for *.md), quoted globs ("docs/**/*.md"), or -
    for standard input."""
    from prdlint.baseline import write_baseline as baseline_text
    from prdlint.fixing import FixMode
    from prdlint.report.base import ReportOptions
    from prdlint.session import LintSession
    from prdlint.text.suggest import did_you_mean

    registry = _registry()
    if output_format not in registry.formats:
        known = ", ".join(registry.formats)
        hint = did_you_mean(output_format, registry.formats)
        _fail(f"--output-format: unknown format {output_format!r}{hint} (available: {known})")
    if unsafe_fixes and not (fix or diff):
        _fail("--unsafe-fixes goes with --fix or --diff")
    mode = FixMode(unsafe=unsafe_fixes, write=not diff) if fix or diff else None
    targets = list(paths) or [Path()]
    resolver, registry = _resolver(registry, config, isolated, rule_path, targets, **selection)
    session = LintSession(resolver, fix=mode, use_cache=not no_cache)
    with _user_errors():
        if targets == [Path("-")]:
            run = session.lint_piped(sys.stdin.buffer.read(), stdin_filename)
        elif Path("-") in targets:
            _fail("'-' (standard input) cannot be combined with other paths")
        else:
            run = session.lint_paths(
                targets, jobs=jobs or available_cores(), progress=None if quiet else ProgressLine()
            )
    if write_baseline is not None:
        _write_report(write_baseline, baseline_text(run))
        count = len(run.findings)
        click.echo(f"Wrote a baseline of {count} finding{'s' if count != 1 else ''} to {write_baseline}.")
        sys.exit(EXIT_ERROR if run.has_internal_errors else EXIT_CLEAN)
    run, known = _adoption_filters(run, registry, baseline, diff_base)
    if diff:
        _report_diffs(run, quiet)
    if fix and targets == [Path("-")]:
        click.echo(run.files[0].source if run.files and run.files[0].source is not None else "", nl=False)
        sys.exit(_exit_code(run, exit_zero))
    reporter = registry.formats[output_format]()
    use_color = _use_color(color)
    if output_file is not None:
        written, _ = run.shown(for_people=reporter.human)
        _write_report(output_file, reporter.render(written, ReportOptions(registry.rules)))
        reporter = registry.formats["concise"]()
    shown, held = run.shown(for_people=reporter.human or statistics)
    if statistics:
        click.echo(_statistics(shown), nl=False)
    else:
        click.echo(
            reporter.render(shown, ReportOptions(registry.rules, color=use_color)), nl=False, color=use_color
        )
    for error in run.errors:
        click.echo(f"prdlint: error: {error}", err=True)
    if not quiet:
        for notice in [*run.notices, *_not_requirements(run)]:
            click.echo(f"prdlint: notice: {notice}", err=True)
        if reporter.human or statistics:
            click.echo(_summary(run, held))
        if known:
            click.echo(
                f"prdlint: notice: {known} known finding{'s' if known != 1 else ''} left out ({baseline})",
                err=True,
            )
    sys.exit(_exit_code(run, exit_zero))


@main.command()
def server() -> None:
    """Run the language server on standard input and output, for an editor."""
    from prdlint.server import serve  # pygls and the server load only for this command

    serve()


@main.command()
@click.option(
    "-o",
    "--output-format",
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
@_config_options
def rules(output: str, config: Path | None, isolated: bool, rule_path: tuple[Path, ...]) -> None:
    """List every rule: code, name, pack, default severity, on by default or opt-in, summary.

    The project's own rules (its config's rule-paths) are listed with the installed ones."""
    listed = ("code", "name", "pack", "severity", "default", "summary")
    rows = [{key: row[key] for key in listed} for row in _rule_rows(config, isolated, rule_path)]
    if output == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    widths = {key: max(len(row[key]) for row in rows) for key in listed[:-1]}
    for row in rows:
        cells = [row[key].ljust(width) for key, width in widths.items()]
        click.echo("  ".join(cells) + "  " + row["summary"])


def _rule_rows(config: Path | None, isolated: bool, rule_path: tuple[Path, ...]) -> list[dict[str, Any]]:
    """Every rule the project knows, as the rule index holds them: read from the index where the
    project adds no rules of its own and one was written for the rules installed now, else from
    the loaded packs (and kept in the index for the next time)."""
    from prdlint.rule_index import installed_key, read_index, rule_rows, write_index

    key = None if rule_path or _own_rules(config, isolated) else installed_key()
    rows = None if key is None else read_index(key)
    if rows is None:
        _, registry = _resolver(_registry(), config, isolated, rule_path)
        rows = rule_rows(registry)
        if key is not None:
            write_index(key, rows)
    return rows


def _own_rules(config: Path | None, isolated: bool) -> bool:
    """Whether the project may add rules of its own: its config has `rule-paths`, or cannot be
    read here (the full path reports why)."""
    from prdlint.config import ConfigError
    from prdlint.config.files import find_config_file, prdlint_table

    if isolated:
        return config is not None  # the full path says they cannot go together
    try:
        path = config if config is not None else find_config_file(Path.cwd())
        if path is None:
            return False
        table, _ = prdlint_table(path)
    except ConfigError:
        return True
    return table is None or "rule-paths" in table


@main.command()
@click.argument("rule")
@_config_options
def explain(rule: str, config: Path | None, isolated: bool, rule_path: tuple[Path, ...]) -> None:
    """Print a rule's documentation (by code or name), the project's own rules included."""
    from prdlint.selectors import codes_named
    from prdlint.text.suggest import did_you_mean

    rows = {row["code"]: row for row in _rule_rows(config, isolated, rule_path)}
    names = {row["name"]: code for code, row in rows.items()}
    codes = codes_named(rule, rows, names)
    if len(codes) != 1:
        hint = did_you_mean(rule, [*rows, *names])
        _fail(f"{rule!r} names no single rule{hint}; `prdlint rules` lists them")
    row = rows[next(iter(codes))]
    state = "on by default" if row["default"] == "on" else "opt-in (enable it with select or extend-select)"
    click.echo(f"{row['code']} {row['name']}")
    click.echo(f"pack: {row['pack']} · default severity: {row['severity']} · {state}")
    for option in row["options"]:
        click.echo(
            f"option {option['name']} ({option['kind']}, default {option['default']}): {option['help']}"
        )
    click.echo("")
    click.echo(row["documentation"])


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _toml(value: Any) -> str:
    """A setting as an inline TOML value: one line, so that each key can carry its origin."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, Mapping):
        pairs = (f"{_toml_key(str(key))} = {_toml(item)}" for key, item in value.items())
        return "{ " + ", ".join(pairs) + " }" if value else "{}"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _config_lines(settings: Settings) -> list[str]:
    """The settings as the lines of a config file that `--config` reads back to the same
    settings, each with where its value came from: every key prdlint knows, and those of the
    installed stages that are set."""
    from prdlint.config.validation import KEYS

    values: dict[str, Any] = {}
    for key, (attribute, _) in KEYS.items():
        value = getattr(settings, attribute)
        values[key] = ({"model": value} if value else {}) if key == "nlp" else value
    values |= settings.stage_settings
    lines = []
    for key, value in values.items():
        origin = settings.origins.get(key, "default")
        if value is None:
            lines.append(f"# {key} is not set: the rules on by default run  # {origin}")
        else:
            lines.append(f"{key} = {_toml(value)}  # {origin}")
    return lines


@main.command("config")
@click.argument("path", required=False, type=click.Path(path_type=Path), default=Path())
@_config_options
@_selection_options
@click.option("--fail-on", type=SEVERITY_CHOICE, help="As for check.")
def show_config(
    path: Path, config: Path | None, isolated: bool, rule_path: tuple[Path, ...], **selection: Any
) -> None:
    """Show the settings that apply to PATH, and where each came from: a config file that
    `--config` accepts."""
    from prdlint.selection import select_rules
    from prdlint.session import LintSession

    resolver, _ = _resolver(_registry(), config, isolated, rule_path, **selection)
    with _user_errors():
        settings = resolver.for_path(path)
    click.echo(f"# settings for {path}")
    click.echo(f"# config file: {settings.path or 'none (defaults)'}")
    click.echo(f"# project root: {settings.root}")
    click.echo("\n".join(_config_lines(settings)))
    enabled = select_rules(LintSession(resolver).registry_for(settings), settings, path)
    click.echo("# rules that run on this file:")
    for code, chosen in enabled.items():
        click.echo(f"#   {code} {chosen.rule.name} [{chosen.severity}]")


def _view_command(view: View) -> click.Command:
    """`prdlint <view> PATH`: the file read with its settings, the view's stages run on it, and
    the view's format printed."""

    @_config_options
    def show(
        path: Path, output: str, config: Path | None, isolated: bool, rule_path: tuple[Path, ...]
    ) -> None:
        from prdlint.session import LintSession
        from prdlint.source import UnreadableFileError
        from prdlint.view import ViewInput

        resolver, _ = _resolver(_registry(), config, isolated, rule_path)
        session = LintSession(resolver)
        with _user_errors():
            try:
                source = session.source(path)
            except UnreadableFileError as problem:
                _fail(f"{path}: {problem}")
        run = session.analyse(source, view.stages)
        for failure in run.failures:
            problem = f"{type(failure.error).__name__}: {failure.error}"
            _fail(f"{path}: the {failure.stage} analysis failed: {problem}")
        shown = ViewInput(source.shown, source.document, run.analysis)
        click.echo(view.formats[output](shown), nl=False)

    formats = list(view.formats)
    choice = click.Choice(formats)
    show = click.option(
        "-o", "--output-format", "--format", "output", type=choice, default=formats[0], show_default=True
    )(show)
    show = click.argument("path", type=click.Path(path_type=Path))(show)
    return click.command(view.name, help=view.summary)(show)
