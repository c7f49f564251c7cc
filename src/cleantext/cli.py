"""The command line: a thin layer that decides the write mode once, then cleans files.

    cleantext clean corpus -o cleaned      mirror corpus/ into cleaned/
    cleantext clean - < page.txt           stdin to stdout
    cleantext clean corpus --check --diff  write nothing; show and count what would change
    cleantext clean docs.jsonl.gz -o out   records: JSONL (.gz, .zst) and Parquet, one text field each
    cleantext learn corpus -o profile.json site boilerplate: lines that recur across a site's files
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from itertools import chain, groupby, islice
from multiprocessing import Pool
from pathlib import Path
from typing import Iterable

from . import __version__, config as config_module, records
from ._clash import clash_message, providers
from .config import Config, ConfigError
from .document import Document
from .files import SUFFIXES, AtomicFile, InputError, Source, decode, discover, read_text, write_atomic
from .pipeline import clean
from .report import ERROR, Outcome, Report, unified_diff


@dataclass(frozen=True)
class Job:
    """Everything a worker needs to clean one file; sent to each worker process once."""

    config: Config
    mode: str  # "output" | "in-place" | "check"
    output: Path | None
    diff: bool
    want_edits: bool
    text_field: str = "text"
    id_field: str = "id"


_job: Job | None = None
# Files handed to a worker at a time. A file takes about a millisecond to clean, and every
# hand-over costs the parent CPU that the workers need: at 8 files a chunk the parent used 0.44 s
# of CPU on 3,511 files, at 32 0.30 s. 32 files are still a few tens of milliseconds of work, so
# the workers end together on any folder but one of a few very long files.
_CHUNK = 32


def _init_worker(job: Job) -> None:
    global _job
    _job = job


def _process(source: Source) -> Outcome:
    job = _job
    name = source.path.as_posix()
    try:
        text = read_text(source.path)
        result = clean(Document(text, name, {"site": source.site}), job.config)
        if job.mode == "output":
            write_atomic(job.output / source.relative, result.text)
        elif job.mode == "in-place" and result.changed:
            # Through a link, rewrite its target: replacing the link itself would cut it loose.
            target = source.path.resolve()
            write_atomic(target, result.text, like=target)
    except (InputError, OSError) as error:
        message = str(error) if isinstance(error, InputError) else f"{name}: cannot write: {error}"
        return Outcome(name, "failed", error=message)
    diff = ""
    if job.diff and result.changed:
        diff = unified_diff(text, result.text, name)
    return Outcome(
        name,
        "cleaned" if result.changed else "unchanged",
        result.reasons(),
        [e.to_dict() for e in result.edits] if job.want_edits else [],
        list(result.notes),
        diff,
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cleantext", description="Clean scraped article text for corpora.")
    parser.add_argument("--version", action="store_true", help="print the version and any package clash, then exit")
    commands = parser.add_subparsers(dest="command")
    c = commands.add_parser("clean", help="clean files or stdin", description="Clean .txt and .md files, or stdin with '-'.")
    c.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to clean, or - for stdin to stdout")
    c.add_argument("-o", "--output", type=Path, metavar="OUT", help="write cleaned files to this folder, mirroring the input tree")
    c.add_argument("--in-place", action="store_true", help="overwrite the input files (only those that change)")
    c.add_argument("--check", action="store_true", help="write nothing; exit 1 if any file would change")
    c.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of the changes")
    c.add_argument("--edits", type=Path, metavar="FILE.jsonl", help="write every edit as one JSON line, with its file path")
    c.add_argument("--text-field", default="text", metavar="NAME", help="record files: the field holding the text (default: text)")
    c.add_argument("--id-field", default="id", metavar="NAME", help="record files: the field holding the id (default: id)")
    c.add_argument("--rejects", type=Path, metavar="FILE.jsonl", help="record files: save lines that are not records here, with their line number")
    c.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (0: one per CPU)")
    c.add_argument("--config", type=Path, metavar="FILE", help="TOML settings (default: [tool.cleantext] in the nearest pyproject.toml)")
    c.add_argument("--skip", action="append", default=[], metavar="STEP", help="a step not to run (repeatable, or comma-separated)")
    c.add_argument("--gazetteer", action="append", default=[], type=Path, metavar="FILE",
                   help="a gazetteer of your own (TSV or TOML), merged with the built-in one (repeatable)")
    c.add_argument("--profile", type=Path, metavar="FILE", help="a site profile from 'cleantext learn'")
    c.add_argument("--learn", action="store_true", help="learn the site profile from the inputs first, then clean with it")
    c.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary; errors only")
    c.add_argument("-v", "--verbose", action="store_true", help="one line per file, and the config in use")
    learn = commands.add_parser("learn", help="learn site boilerplate from folders",
                                description="Find lines that recur across many files of the same site "
                                            "(the first folder under each input folder).")
    learn.add_argument("paths", nargs="+", type=Path, metavar="FOLDER")
    learn.add_argument("-o", "--output", type=Path, required=True, metavar="PROFILE.json")
    learn.add_argument("-j", "--jobs", type=int, default=1, metavar="N", help="worker processes (0: one per CPU)")
    learn.add_argument("-q", "--quiet", action="store_true", help="no summary")
    return parser


def _version() -> int:
    print(f"cleantext {__version__} (distribution cleantext-corpus)")
    others = [p for p in providers() if p.replace("-", "_").lower() != "cleantext_corpus"]
    if others:
        print("WARNING: " + clash_message(others), file=sys.stderr)
    return 0


def _load_config(args: argparse.Namespace) -> tuple[Config, str]:
    if args.config:
        config, source = config_module.load(args.config), str(args.config)
    else:
        found = config_module.find_pyproject(Path.cwd())
        config, source = (config_module.load(found), str(found)) if found else (Config(), "defaults")
    skip = {name.strip() for value in args.skip for name in value.split(",") if name.strip()}
    if skip:
        known = set(config_module.step_names()) | {"language"}
        unknown = sorted(skip - known)
        if unknown:
            raise ConfigError(f"--skip: no step named {unknown[0]!r} (steps: {', '.join(sorted(known))})")
        config = config.replace(skip=config.skip | skip)
    if args.gazetteer:
        missing = [str(p) for p in args.gazetteer if not p.is_file()]
        if missing:
            raise ConfigError(f"--gazetteer {missing[0]}: no such file")
        files = config.options("gazetteer").user_files + tuple(str(p.resolve()) for p in args.gazetteer)
        config = config.with_options("gazetteer", user_files=files)
    if args.profile:
        config = config.with_options("boilerplate", profile=str(args.profile.resolve()))
    return config, source


def _usage_error(message: str) -> int:
    print(f"cleantext: error: {message}", file=sys.stderr)
    return ERROR


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.version:
        return _version()
    if args.command == "learn":
        return _learn_command(args)
    if args.command != "clean":
        _parser().print_help(sys.stderr)
        return ERROR
    try:
        config, config_source = _load_config(args)
    except ConfigError as error:
        return _usage_error(str(error))
    if args.profile and args.learn:
        return _usage_error("choose one of --profile and --learn")
    if args.profile and not args.profile.is_file():
        return _usage_error(f"--profile {args.profile}: no such file")
    if args.paths == ["-"]:
        return _clean_stdin(args, config)
    if "-" in args.paths:
        return _usage_error("'-' (stdin) cannot be mixed with paths")

    writes = [flag for flag, on in (("-o", args.output), ("--in-place", args.in_place)) if on]
    if len(writes) > 1:
        return _usage_error("choose one of -o and --in-place")
    if writes and (args.check or args.diff):
        return _usage_error(f"--check and --diff write nothing; drop {writes[0]}")
    if not writes and not (args.check or args.diff):
        return _usage_error("say where the output goes: -o OUT, --in-place, --check, --diff, or '-' for stdin")

    inputs = [Path(p) for p in args.paths]
    if args.output:
        out = args.output.resolve()
        for path in inputs:
            inp = path.resolve()
            if out == inp or inp in out.parents or (inp.is_dir() and out in inp.parents) or out in inp.parents:
                return _usage_error(f"output folder {args.output} overlaps input {path}; choose a folder outside it")
    try:
        sources = discover(inputs, SUFFIXES + records.SUFFIXES)
    except InputError as error:
        return _usage_error(str(error))
    if args.output and len(inputs) > 1:
        # Only files from different inputs can share an output path: list them to check first.
        sources = list(sources)
        seen: dict[Path, Path] = {}
        for source in sources:
            if source.relative in seen:
                return _usage_error(f"{source.path} and {seen[source.relative]} would both be written to {args.output / source.relative}")
            seen[source.relative] = source.path
        del seen

    if args.learn:
        # Sites come from folders; record files are left out of learning (they carry no site here).
        sources = list(sources)
        profile_path = _learn_profile([s for s in sources if not records.is_record_file(s.path)], args.jobs)
        config = config.with_options("boilerplate", profile=str(profile_path))
    mode = "output" if args.output else "in-place" if args.in_place else "check"
    job = Job(config, mode, args.output, args.diff, bool(args.edits), args.text_field, args.id_field)
    if args.verbose:
        print(f"cleantext: config from {config_source}; mode {mode}", file=sys.stderr)
    report = Report(check=args.check)
    edits_out = _EditsFile(args.edits) if args.edits else None
    rejects_out = _EditsFile(args.rejects) if args.rejects else None
    record_run = records.RecordRun(edits_out, rejects_out, lambda m: print(f"cleantext: {m}", file=sys.stderr),
                                   sys.stdout.write if args.diff else None)
    try:
        for outcome in _run(sources, job, args.jobs, not args.quiet and sys.stderr.isatty(), record_run):
            report.add(outcome)
            if outcome.diff:
                sys.stdout.write(outcome.diff)
            if edits_out:
                edits_out.write(outcome.path, outcome.edits)
            if outcome.error:
                print(f"cleantext: {outcome.error}", file=sys.stderr)
            elif args.verbose:
                print(f"{outcome.status}: {outcome.path}", file=sys.stderr)
            for note in outcome.notes:
                print(f"cleantext: {outcome.path}: {note}", file=sys.stderr)
    finally:
        for out in (edits_out, rejects_out):
            if out:
                out.close()
        if args.learn:
            os.unlink(config.options("boilerplate").profile)  # the profile lives for this run only
    if not args.quiet:
        print(report.summary() + record_run.summary(), file=sys.stderr)
    # Lines that are not records are lost from the output unless a rejects file keeps them.
    return max(report.exit_code, ERROR if record_run.rejected and not args.rejects else 0)


def _run(sources: Iterable[Source], job: Job, jobs: int, show_progress: bool, record_run: records.RecordRun):
    from tqdm import tqdm

    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    _init_worker(job)
    sources = iter(sources)
    first = list(islice(sources, 2))
    with tqdm(unit="file", file=sys.stderr, disable=not show_progress) as bar:
        if jobs == 1 or (len(first) < 2 and not any(records.is_record_file(s.path) for s in first)):
            for source in chain(first, sources):
                yield record_run.clean_file(source, job) if records.is_record_file(source.path) else _process(source)
                bar.update()
            return
        # The pool starts before the walk goes on, so the workers it forks share nothing of it;
        # the walk then feeds them as it goes. Ordered results keep outputs, diffs and the edits
        # file in input order whatever the worker count; chunks amortise the cost of each
        # hand-over to a worker. A record file is read here and its records cleaned in chunks
        # over the same workers.
        with Pool(jobs, initializer=_init_worker, initargs=(job,)) as pool:
            for is_records, run in groupby(chain(first, sources), lambda s: records.is_record_file(s.path)):
                if is_records:
                    for source in run:
                        yield record_run.clean_file(source, job, pool, jobs)
                        bar.update()
                    continue
                for outcome in pool.imap(_process, run, chunksize=_CHUNK):
                    yield outcome
                    bar.update()


def _count_sites(chunk: list[Source]):
    from .sites import count

    def items():
        for source in chunk:
            try:
                yield source.site, read_text(source.path)
            except InputError:
                continue  # the clean pass reports it
    return count(items())


def _learn(sources: list[Source], jobs: int):
    """Site-boilerplate counts over `sources`. The counts are order-free and merge exactly, so
    the profile is the same for any worker count and any file order."""
    jobs = jobs if jobs > 0 else (os.cpu_count() or 1)
    size = max(1, min(500, len(sources) // (jobs * 4) or 1))
    chunks = [sources[i:i + size] for i in range(0, len(sources), size)]
    if jobs == 1 or len(chunks) < 2:
        parts = map(_count_sites, chunks)
        return _merge(parts)
    with Pool(jobs) as pool:
        return _merge(pool.imap_unordered(_count_sites, chunks))


def _merge(parts):
    from .sites import Counts

    total = None
    for part in parts:
        total = part if total is None else total.merge(part)
    return total if total is not None else Counts()


def _learn_profile(sources: list[Source], jobs: int) -> Path:
    import tempfile

    profile = _learn(sources, jobs).profile()
    fd, path = tempfile.mkstemp(prefix="cleantext-profile-", suffix=".json")
    os.close(fd)
    profile.save(path)
    return Path(path)


def _learn_command(args: argparse.Namespace) -> int:
    try:
        sources = list(discover(args.paths))
    except InputError as error:
        return _usage_error(str(error))
    profile = _learn(sources, args.jobs).profile()
    write_atomic(args.output, profile.to_json() + "\n")
    if not args.quiet:
        lines = sum(len(v) for v in profile.sites.values())
        print(f"{len(sources)} file(s) from {len(profile.docs)} site(s); {lines} boilerplate line(s) "
              f"written to {args.output}", file=sys.stderr)
    return 0


class _EditsFile:
    """A JSON-lines side file (--edits, --rejects), renamed into place when the run ends."""

    def __init__(self, path: Path):
        self.output = AtomicFile(path)

    def write(self, name: str, edits: list[dict]) -> None:
        for edit in edits:
            line = json.dumps({"path": name, **edit}, ensure_ascii=False) + "\n"
            self.output.handle.write(line.encode("utf-8"))

    def close(self) -> None:
        self.output.commit()


def _clean_stdin(args: argparse.Namespace, config: Config) -> int:
    if args.output or args.in_place:
        return _usage_error("with '-' the cleaned text goes to stdout; drop -o/--in-place")
    try:
        text = decode(sys.stdin.buffer.read(), "<stdin>")
    except InputError as error:
        print(f"cleantext: {error}", file=sys.stderr)
        return ERROR
    result = clean(text, config)
    if args.diff:
        sys.stdout.write(unified_diff(text, result.text, "<stdin>"))
    elif not args.check:
        sys.stdout.write(result.text)
    if args.edits:
        edits_out = _EditsFile(args.edits)
        edits_out.write("-", [e.to_dict() for e in result.edits])
        edits_out.close()
    for note in result.notes:
        print(f"cleantext: <stdin>: {note}", file=sys.stderr)
    return 1 if args.check and result.changed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
