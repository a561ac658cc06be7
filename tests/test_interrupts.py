"""A build is all-or-nothing: interrupted at any moment, every output is wholly old or wholly new.

Each trial runs a real ``alignment build`` in a copy of the repository whose outputs were first made
"old" (every file's bytes changed, the inputs untouched, so the render cache stays warm and a build takes
about two seconds). The trial sends SIGINT or SIGTERM at a chosen moment -- a fraction of the build's time,
or a few milliseconds after the first temporary output file appears -- and then checks that every output is
the old file or the new one, all of them on the same side, with no temporary or backup file left behind.
A SIGKILL trial checks that the next start finishes (or forgets) what the killed build left.

``ALIGNMENT_INTERRUPT_RUNS=N`` repeats the timed trials N times (the suite runs each once).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from analysis.common.outputs import JOURNAL, TMP_SUFFIX
from analysis.common.paths import ROOT

OUTPUT_DIRS = ("data", "figures")
RUNS = int(os.environ.get("ALIGNMENT_INTERRUPT_RUNS", "1"))


def _snapshot(root: Path) -> dict[str, bytes]:
    out = {}
    for d in OUTPUT_DIRS:
        for p in sorted((root / d).rglob("*")):
            if p.is_file():
                out[p.relative_to(root).as_posix()] = p.read_bytes()
    return out


def _outputs(root: Path, env: dict) -> list[str]:
    """The files a build writes, as the build itself lists them (curated inputs in data/ are not among them)."""
    code = (
        "from analysis.build import build_all\n"
        "res, _ = build_all(check=True, quiet=True)\n"
        "print('\\n'.join(sorted(str(p) for p in res.files)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, check=True)
    return [Path(line).relative_to(root).as_posix() for line in done.stdout.decode().split()]


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A copy of the repository with a warm render cache; its committed outputs are the 'new' state."""
    root = tmp_path_factory.mktemp("repo")
    ignore = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints")
    for name in ("analysis", "seeds", "data", "figures"):
        shutil.copytree(ROOT / name, root / name, ignore=ignore)
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("ALIGNMENT_REQUIRE_BROWSER", None)
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "build", "--quiet"], cwd=root, env=env, capture_output=True
    )
    assert done.returncode == 0, done.stderr.decode()
    new = _snapshot(root)
    names = _outputs(root, env)
    assert len(names) > 40 and all(n.startswith(OUTPUT_DIRS) for n in names)
    old = {k: new[k] + b"\n# old\n" for k in names}
    t0 = time.perf_counter()
    _make_old(root, old)
    subprocess.run([sys.executable, "-m", "analysis", "build", "--quiet"], cwd=root, env=env, check=True)
    seconds = time.perf_counter() - t0
    assert _snapshot(root) == new
    return {"root": root, "env": env, "new": new, "old": old, "names": names, "seconds": seconds}


def _make_old(root: Path, old: dict[str, bytes]) -> None:
    for name, payload in old.items():
        (root / name).write_bytes(payload)


def _strays(root: Path) -> list[str]:
    found = []
    for d in (root, *(root / x for x in OUTPUT_DIRS)):
        for p in d.rglob("*") if d != root else d.iterdir():
            if p.name.endswith((TMP_SUFFIX, ".tmp")) or p.name == JOURNAL or ".old." in p.name:
                found.append(str(p.relative_to(root)))
    return sorted(found)


def _side(repo: dict) -> str:
    """'old' or 'new' when every output is wholly on one side; fails naming the files otherwise."""
    root = repo["root"]
    now = _snapshot(root)
    extra = sorted(set(now) - set(repo["new"]))
    assert not extra, f"unexpected files after the interrupt: {extra}"
    sides = {}
    for name in repo["names"]:
        got = now.get(name)
        if got == repo["new"][name]:
            sides[name] = "new"
        elif got == repo["old"][name]:
            sides[name] = "old"
        else:
            sides[name] = "corrupt" if got is not None else "missing"
    kinds = set(sides.values())
    assert kinds <= {"old", "new"}, {k: v for k, v in sides.items() if v not in ("old", "new")}
    assert len(kinds) == 1, "a mix of old and new outputs: " + ", ".join(
        f"{k}={v}" for k, v in sorted(sides.items())[:12]
    )
    return kinds.pop()


def _start(repo: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "analysis", "build", "--quiet"],
        cwd=repo["root"],
        env=repo["env"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_first_temp(repo: dict, proc: subprocess.Popen, limit: float = 60.0) -> bool:
    dirs = [repo["root"] / d for d in OUTPUT_DIRS]
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        for d in dirs:
            with os.scandir(d) as it:
                if any(e.name.endswith(TMP_SUFFIX) for e in it):
                    return True
    return False


MOMENTS = [("fraction", f) for f in (0.5, 0.9)] + [("after-first-temp", ms) for ms in (0, 5, 15)]


@pytest.mark.parametrize("run", range(RUNS))
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize(("kind", "when"), MOMENTS, ids=[f"{k}-{w}" for k, w in MOMENTS])
def test_an_interrupted_build_leaves_every_output_wholly_old_or_wholly_new(repo, kind, when, signum, run):
    root = repo["root"]
    _make_old(root, repo["old"])
    proc = _start(repo)
    if kind == "fraction":
        time.sleep(repo["seconds"] * when)
    elif not _wait_for_first_temp(repo, proc):
        proc.wait()
        pytest.fail("the build ended before any output was staged: " + proc.stderr.read().decode())
    else:
        time.sleep(when / 1000)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    side = _side(repo)
    assert not _strays(root), _strays(root)
    if proc.returncode == 0:
        assert side == "new"  # finished before the signal arrived, or the signal waited for the commit
    else:
        assert proc.returncode in (1, 130, 143), err.decode()
        assert b"Traceback" not in err, err.decode()


@pytest.mark.parametrize("ms", [0, 10])
def test_a_killed_build_is_finished_or_forgotten_by_the_next_start(repo, ms):
    from analysis.common.outputs import recover

    root = repo["root"]
    _make_old(root, repo["old"])
    proc = _start(repo)
    if _wait_for_first_temp(repo, proc):
        time.sleep(ms / 1000)
    proc.kill()
    proc.wait()
    recover(root, sweep=[root / d for d in OUTPUT_DIRS])
    _side(repo)
    assert not _strays(root), _strays(root)
