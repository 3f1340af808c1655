"""All-or-nothing outputs: a build's outputs appear together, or the previous ones stay.

The kill tests are real: a child process is killed with SIGKILL before each
file-system step of a commit in turn, and a real ``kg build`` is killed while
it writes.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg import output
from kg.cache import cache_file
from kg.errors import KgError
from kg.output import VERSIONS, output_names, staged_output

ROOT = Path(__file__).parent.parent


CACHE_DIR = cache_file(Path(".")).parent.name


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every path a user can read under ``folder`` (links followed), with its bytes.

    A dangling link reads as nothing, as if absent: a commit adds the links of new
    outputs just before it, and drops those of outputs no longer built just after.
    The extraction cache is not an output: a killed build may well have filled it.
    """
    seen: dict[str, bytes | str] = {}
    for here, dirs, files in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if d not in (VERSIONS, CACHE_DIR))
        for name in dirs:
            seen[os.path.relpath(os.path.join(here, name), folder) + "/"] = "folder"
        for name in files:
            path = os.path.join(here, name)
            if os.path.exists(path):
                seen[os.path.relpath(path, folder)] = Path(path).read_bytes()
    return seen


def write(staging: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (staging / name).parent.mkdir(parents=True, exist_ok=True)
        (staging / name).write_text(text)


OLD = {"kg.json": "old json", "kg.ttl": "old ttl", "lib/vis.js": "old js", "skipped.tsv": "where\treason\n"}
NEW = {"kg.json": "new json", "kg.ttl": "new ttl", "lib/vis.js": "new js", "store/data": "new store"}


def test_outputs_appear_beside_files_that_are_not_outputs(tmp_path):
    folder = tmp_path / "graphs"
    folder.mkdir()
    (folder / "README.md").write_text("kept in git")
    with staged_output(folder) as staging:
        write(staging, OLD)
    assert snapshot(folder) == {
        "README.md": b"kept in git",
        "kg.json": b"old json",
        "kg.ttl": b"old ttl",
        "lib/": "folder",
        "lib/vis.js": b"old js",
        "skipped.tsv": b"where\treason\n",
    }
    assert output_names(folder) == ["kg.json", "kg.ttl", "lib", "skipped.tsv"]


def test_outputs_are_as_readable_as_the_umask_allows(tmp_path):
    umask = os.umask(0o022)
    try:
        with staged_output(tmp_path) as staging:
            write(staging, {"kg.json": "{}"})
    finally:
        os.umask(umask)
    version = tmp_path / VERSIONS / os.readlink(tmp_path / VERSIONS / "current")
    assert version.stat().st_mode & 0o777 == 0o755, "a web server or a colleague can read the build"


def test_new_build_replaces_all_outputs_and_drops_names_no_longer_built(tmp_path):
    with staged_output(tmp_path) as staging:
        write(staging, OLD)
    with staged_output(tmp_path) as staging:
        write(staging, NEW)
    assert snapshot(tmp_path) == {
        "kg.json": b"new json",
        "kg.ttl": b"new ttl",
        "lib/": "folder",
        "lib/vis.js": b"new js",
        "store/": "folder",
        "store/data": b"new store",
    }
    assert len(list((tmp_path / VERSIONS).glob("build-*"))) == 1, "old versions are deleted"


def test_failed_build_leaves_previous_outputs_and_no_staging(tmp_path):
    with staged_output(tmp_path) as staging:
        write(staging, OLD)
    before = snapshot(tmp_path)
    with pytest.raises(RuntimeError), staged_output(tmp_path) as staging:
        write(staging, NEW)
        raise RuntimeError("extraction failed")
    assert snapshot(tmp_path) == before
    assert len(list((tmp_path / VERSIONS).glob("build-*"))) == 1


def test_an_output_path_that_is_a_file_is_a_user_error(tmp_path):
    (tmp_path / "graphs").write_text("")
    with (
        pytest.raises(KgError, match="graphs: cannot write the outputs here"),
        staged_output(tmp_path / "graphs"),
    ):
        pass


def test_a_second_build_into_the_same_folder_is_refused(tmp_path):
    refused = pytest.raises(KgError, match="another build is writing to this folder")
    with staged_output(tmp_path), refused, staged_output(tmp_path):
        pass


def test_outputs_of_an_older_kg_are_adopted_and_user_files_left_alone(tmp_path):
    write(tmp_path, {**OLD, "README.md": "readme", "notes.txt": "mine"})
    with staged_output(tmp_path) as staging:
        write(staging, {"kg.json": "new json", "lib/vis.js": "new js"})
    assert snapshot(tmp_path) == {
        "README.md": b"readme",
        "notes.txt": b"mine",
        "kg.json": b"new json",
        "lib/": "folder",
        "lib/vis.js": b"new js",
        "kg.ttl": b"old ttl",
        "skipped.tsv": b"where\treason\n",
    }, "names the build does not write are not its own: left as they were"


def test_a_file_where_an_output_goes_is_adopted_then_replaced(tmp_path):
    with staged_output(tmp_path) as staging:
        write(staging, {"kg.json": "json"})
    (tmp_path / "index.html").write_text("left here")
    with pytest.raises(RuntimeError), staged_output(tmp_path) as staging:
        write(staging, {"kg.json": "json", "index.html": "view"})
        raise RuntimeError
    assert (tmp_path / "index.html").read_text() == "left here"
    with staged_output(tmp_path) as staging:
        write(staging, {"kg.json": "json", "index.html": "view"})
    assert snapshot(tmp_path) == {"kg.json": b"json", "index.html": b"view"}


def killed_commit(folder: Path, steps: int) -> int:
    """Stage NEW into ``folder`` in a forked child that SIGKILLs itself before its ``steps``-th
    file-system call; the child's exit code (``-SIGKILL`` if it was killed)."""
    child = os.fork()
    if child == 0:
        countdown = [steps]

        def counted(function):
            def step(*args, **kwargs):
                countdown[0] -= 1
                if countdown[0] < 0:
                    os.kill(os.getpid(), signal.SIGKILL)
                return function(*args, **kwargs)

            return step

        for name in ("replace", "rename", "symlink", "unlink", "link", "fsync", "mkdir"):
            setattr(os, name, counted(getattr(os, name)))
        shutil.rmtree = counted(shutil.rmtree)
        output._exchange = counted(output._exchange)
        try:
            with staged_output(folder) as staging:
                write(staging, NEW)
        finally:
            os._exit(0)
    return os.waitstatus_to_exitcode(os.waitpid(child, 0)[1])


@pytest.mark.parametrize("previous", ["kg build", "older kg"])
def test_kill_at_every_step_of_a_commit_leaves_old_or_new_outputs(tmp_path, previous):
    new = {**{name: text.encode() for name, text in NEW.items()}, "lib/": "folder", "store/": "folder"}
    steps = 0
    while True:
        folder = tmp_path / f"graphs-{steps}"
        folder.mkdir()
        (folder / "README.md").write_text("readme")
        if previous == "kg build":
            with staged_output(folder) as staging:
                write(staging, OLD)
        else:
            write(folder, OLD)
        old = snapshot(folder)
        status = killed_commit(folder, steps)
        after = snapshot(folder)
        # Plain files of an older kg that the new build does not write are not its to remove.
        kept = {"README.md": b"readme"} | (
            {"skipped.tsv": old["skipped.tsv"]} if previous == "older kg" else {}
        )
        assert after in (old, new | kept), f"killed before step {steps}"
        following = {name: "next" for name in {**OLD, **NEW}}
        with staged_output(folder) as staging:  # the next build recovers whatever was left
            write(staging, following)
        assert snapshot(folder) == {
            "README.md": b"readme",
            **{name: b"next" for name in following},
            **{"lib/": "folder", "store/": "folder"},
        }
        live = os.readlink(folder / VERSIONS / "current")
        assert {p.name for p in (folder / VERSIONS).iterdir()} == {"current", live, "lock"}, (
            "nothing left over"
        )
        if status == 0:
            break
        assert status == -signal.SIGKILL
        steps += 1
    assert steps > 10, "the commit has many steps, and each was interrupted once"


def kg(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def test_kill_9_during_a_real_build_leaves_previous_outputs_byte_identical(tmp_path):
    seeds = ROOT / "seeds"
    out = tmp_path / "graphs"
    assert kg("build", str(seeds), "-o", str(out)).wait() == 0
    before = snapshot(out)
    assert {"kg.json", "kg.ttl", "index.html"} <= set(before)

    big = tmp_path / "big.jsonl"
    papers = [
        json.loads(line) for line in (ROOT / "tests" / "data" / "papers.jsonl").read_text().splitlines()
    ]
    with big.open("w") as file:
        for copy in range(400):
            for paper in papers:
                text = paper.get("abstract") or paper.get("text")
                record = {
                    "id": f"{paper['id']}-{copy}",
                    "title": f"{paper.get('title', '')} {copy}",
                    "abstract": text,
                }
                file.write(json.dumps(record) + "\n")
    build = kg("build", str(big), "-o", str(out))
    versions = out / VERSIONS
    deadline = time.monotonic() + 300
    while build.poll() is None and time.monotonic() < deadline:
        staging = [p for p in versions.glob("build-*") if p.name != os.readlink(versions / "current")]
        if staging:  # the build has started writing its outputs: kill it now
            break
        time.sleep(0.005)
    build.send_signal(signal.SIGKILL)
    assert build.wait() == -signal.SIGKILL, "killed mid-build, not after it finished"
    assert snapshot(out) == before


def test_same_inputs_in_any_order_give_byte_identical_outputs(tmp_path):
    inputs = sorted(str(p) for p in (ROOT / "tests" / "read" / "data").iterdir())
    builds = []
    for order, seed in ((inputs, "1"), (inputs[::-1], "2")):
        out = tmp_path / f"out-{seed}"
        run = subprocess.run(
            [sys.executable, "-m", "kg.cli", "build", *order, "-o", str(out)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert run.returncode == 0, run.stderr
        assert "duplicates merged 6" in run.stdout
        builds.append({name: (out / name).read_bytes() for name in ("kg.ttl", "kg.json")})
    assert builds[0] == builds[1]
