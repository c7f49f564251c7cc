"""The command line, through main([...]) on temporary folders: every flag and exit code."""

import io
import json
import os
import sys

import pytest

from cleantext.cli import main

DIRTY = "cafÃ© au  lait\n\n\n\nSecond paragraph.\n"
CLEAN = "café au lait\n\nSecond paragraph.\n"


@pytest.fixture
def tree(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(DIRTY, encoding="utf-8")
    (src / "sub" / "b.md").write_text(CLEAN, encoding="utf-8")
    (src / "notes.csv").write_text("ignored,file\n", encoding="utf-8")
    (src / ".hidden.txt").write_text(DIRTY, encoding="utf-8")
    return src


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_output_mirrors_the_tree_and_leaves_inputs_alone(tree, tmp_path, capsys):
    before = snapshot(tree)
    assert main(["clean", str(tree), "-o", str(tmp_path / "out")]) == 0
    assert snapshot(tree) == before
    out = snapshot(tmp_path / "out")
    assert out == {"a.txt": CLEAN.encode(), "sub/b.md": CLEAN.encode()}
    summary = capsys.readouterr().err
    assert "1 file(s) cleaned, 1 unchanged, 0 failed" in summary
    assert "mojibake 1" in summary


def test_output_then_check_is_clean(tree, tmp_path):
    assert main(["clean", str(tree), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert main(["clean", str(tmp_path / "out"), "--check", "-q"]) == 0


def test_check_writes_nothing_and_exits_1(tree):
    before = snapshot(tree)
    assert main(["clean", str(tree), "--check", "-q"]) == 1
    assert snapshot(tree) == before


def test_diff_prints_a_unified_diff_and_exits_0(tree, capsys):
    before = snapshot(tree)
    assert main(["clean", str(tree), "--diff", "-q"]) == 0
    out = capsys.readouterr().out
    assert "-cafÃ© au  lait" in out and "+café au lait" in out
    assert snapshot(tree) == before


def test_check_with_diff_exits_1(tree, capsys):
    assert main(["clean", str(tree), "--check", "--diff", "-q"]) == 1
    assert "+café au lait" in capsys.readouterr().out


def test_in_place_rewrites_only_changed_files_and_keeps_mode(tree):
    (tree / "a.txt").chmod(0o640)
    untouched = (tree / "sub" / "b.md").stat().st_mtime_ns
    assert main(["clean", str(tree), "--in-place", "-q"]) == 0
    assert (tree / "a.txt").read_text(encoding="utf-8") == CLEAN
    assert (tree / "a.txt").stat().st_mode & 0o777 == 0o640
    assert (tree / "sub" / "b.md").stat().st_mtime_ns == untouched
    assert not [p for p in tree.rglob("*.tmp")]


def test_refuses_without_a_write_mode(tree, capsys):
    before = snapshot(tree)
    assert main(["clean", str(tree)]) == 2
    assert "-o OUT, --in-place, --check, --diff" in capsys.readouterr().err
    assert snapshot(tree) == before


@pytest.mark.parametrize("inside", ["", "cleaned"])
def test_refuses_output_equal_to_or_inside_input(tree, inside, capsys):
    out = tree / inside if inside else tree
    assert main(["clean", str(tree), "-o", str(out)]) == 2
    assert "overlaps input" in capsys.readouterr().err
    assert not (tree / "cleaned").exists()


def test_refuses_conflicting_modes(tree, tmp_path):
    assert main(["clean", str(tree), "-o", str(tmp_path / "o"), "--in-place"]) == 2
    assert main(["clean", str(tree), "-o", str(tmp_path / "o"), "--check"]) == 2


def test_a_broken_file_is_reported_and_the_run_goes_on(tree, tmp_path, capsys):
    (tree / "bad.txt").write_bytes(b"caf\xe9 latin-1\n")
    (tree / "binary.txt").write_bytes(b"\x00\x01\x02")
    assert main(["clean", str(tree), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "bad.txt: not valid UTF-8 (byte 0xe9 at offset 3)" in err
    assert "binary.txt: looks binary" in err
    assert "2 failed" in err
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == CLEAN


def test_missing_input_is_a_usage_error(tmp_path, capsys):
    assert main(["clean", str(tmp_path / "nope"), "--check"]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_edits_file_has_one_line_per_edit_with_the_path(tree, tmp_path):
    edits = tmp_path / "edits.jsonl"
    assert main(["clean", str(tree), "--check", "-q", "--edits", str(edits)]) == 1
    rows = [json.loads(line) for line in edits.read_text(encoding="utf-8").splitlines()]
    assert {r["path"] for r in rows} == {(tree / "a.txt").as_posix()}
    assert {(r["step"], r["reason"]) for r in rows} == {
        ("unicode", "mojibake"), ("whitespace", "space-run"), ("whitespace", "blank-lines")}
    assert all({"start", "end", "old", "new", "detail"} <= r.keys() for r in rows)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jobs_give_the_same_outputs(tree, tmp_path, jobs):
    for i in range(6):
        (tree / f"extra{i}.txt").write_text(DIRTY.replace("Second", f"Number {i}"), encoding="utf-8")
    assert main(["clean", str(tree), "-o", str(tmp_path / "out"), "-j", jobs, "-q"]) == 0
    assert snapshot(tmp_path / "out")["extra5.txt"] == CLEAN.replace("Second", "Number 5").encode()


def test_stdin_to_stdout(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DIRTY.encode())))
    assert main(["clean", "-"]) == 0
    assert capsys.readouterr().out == CLEAN


def test_stdin_check(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DIRTY.encode())))
    assert main(["clean", "-", "--check"]) == 1


def test_skip_a_step(tree, tmp_path):
    assert main(["clean", str(tree), "-o", str(tmp_path / "out"), "--skip", "unicode", "-q"]) == 0
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8").startswith("cafÃ©")


def test_skip_an_unknown_step_is_an_error(tree, capsys):
    assert main(["clean", str(tree), "--check", "--skip", "unicorn"]) == 2
    assert "no step named 'unicorn'" in capsys.readouterr().err


def test_config_file(tree, tmp_path):
    config = tmp_path / "cleantext.toml"
    config.write_text('skip = ["unicode"]\n', encoding="utf-8")
    assert main(["clean", str(tree), "-o", str(tmp_path / "out"), "--config", str(config), "-q"]) == 0
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8").startswith("cafÃ©")


def test_unknown_config_key_is_an_error(tree, tmp_path, capsys):
    config = tmp_path / "cleantext.toml"
    config.write_text("[whitespace]\nindnet = false\n", encoding="utf-8")
    assert main(["clean", str(tree), "--check", "--config", str(config)]) == 2
    err = capsys.readouterr().err
    assert "unknown key" in err and "whitespace.indnet" in err and "known keys: indent" in err


def test_pyproject_table_is_found(tree, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.cleantext]\nskip = ["unicode"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["clean", str(tree), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8").startswith("cafÃ©")


def test_verbose_names_the_config_and_each_file(tree, capsys):
    assert main(["clean", str(tree), "--check", "-v"]) == 1
    err = capsys.readouterr().err
    assert "config from defaults" in err and f"cleaned: {(tree / 'a.txt').as_posix()}" in err


def test_quiet_prints_no_summary(tree, tmp_path, capsys):
    assert main(["clean", str(tree), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert capsys.readouterr().err == ""


def test_version(capsys):
    assert main(["--version"]) == 0
    assert "cleantext-corpus" in capsys.readouterr().out


def test_failed_write_keeps_the_original(tree, monkeypatch):
    import cleantext.files as files

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", broken_fsync)
    before = snapshot(tree)
    assert main(["clean", str(tree), "--in-place", "-q"]) == 2
    assert snapshot(tree) == before


def test_only_in_place_writes_wait_for_the_disk(tree, tmp_path, monkeypatch):
    # An in-place write replaces the only copy; a file in an output folder can be made again.
    import cleantext.files as files

    synced = []
    monkeypatch.setattr(files.os, "fsync", synced.append)
    assert main(["clean", str(tree), "-o", str(tmp_path / "out"), "-q"]) == 0
    assert synced == []
    assert main(["clean", str(tree), "--in-place", "-q"]) == 0
    assert synced


def test_in_place_through_a_link_rewrites_the_target(tree, tmp_path):
    target = tmp_path / "target.txt"
    target.write_text(DIRTY, encoding="utf-8")
    (tree / "link.txt").symlink_to(target)
    assert main(["clean", str(tree), "--in-place", "-q"]) == 0
    assert (tree / "link.txt").is_symlink()
    assert target.read_text(encoding="utf-8") == CLEAN


def test_user_gazetteer_protects_a_name(tmp_path):
    text = ("Niger's government said on Monday that the Ngerièn delegation would stay in Niamey "
            "for two more days of talks with ministers from Niger and its neighbours.\n")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "plain"), "-q"]) == 0
    assert "Nigerien delegation" in (tmp_path / "plain" / "a.txt").read_text(encoding="utf-8")
    names = tmp_path / "names.tsv"
    names.write_text("Ngerièn\torganisation\tNgerièn\t\tprotect\n", encoding="utf-8")
    assert main(["clean", str(tmp_path / "in"), "-o", str(tmp_path / "mine"), "--gazetteer", str(names), "-q"]) == 0
    assert (tmp_path / "mine" / "a.txt").read_text(encoding="utf-8") == text


def test_discover_streams_files_in_path_order(tmp_path):
    import cleantext.files as files

    names = ["a.txt", "a/b.txt", "a-b/c.txt", "a b/d.txt", "ab.txt", "a0.txt", "Z/q.md", "é/x.txt",
             "a/a/a.txt", "a/b.md/x.txt", "a/b-.txt", "a/.hidden.txt", ".hidden/x.txt", "a/skip.csv"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "folder-link")  # not followed
    found = files.discover([tmp_path])
    assert not isinstance(found, list)  # one at a time, never a list of every file
    relative = [s.relative.as_posix() for s in found]
    expected = [n for n in names if not n.startswith(".") and "/." not in n and n.endswith((".txt", ".md"))]
    assert relative == sorted(expected)
    assert [s.site for s in files.discover([tmp_path / "a"])][:2] == ["a", "a"]
    with pytest.raises(files.InputError):
        files.discover([tmp_path, tmp_path / "missing"])  # at once, before any file


def test_jobs_keep_input_order_in_the_edits_file(tree, tmp_path):
    for i in range(40):
        (tree / "many" / f"{i:02d}").mkdir(parents=True)
        (tree / "many" / f"{i:02d}" / "x.txt").write_text(DIRTY, encoding="utf-8")
    edits = tmp_path / "edits.jsonl"
    assert main(["clean", str(tree), "--check", "-q", "-j", "2", "--edits", str(edits)]) == 1
    paths = list(dict.fromkeys(json.loads(line)["path"] for line in edits.read_text(encoding="utf-8").splitlines()))
    assert paths == sorted(paths, key=lambda p: os.path.relpath(p, tree)) and len(paths) == 41
