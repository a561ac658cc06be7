"""JupyterLab in a real browser: the shift notebook runs, and its plotly and matplotlib figures render.

Starts JupyterLab on 127.0.0.1 with a random port and token, drives Debian's Chromium headless through
Playwright (``executable_path`` at the system browser; no browser download), runs every cell of
``04_shifts.ipynb`` and checks the cell models for errors and the page for rendered figures. Skips with a
reason where no Chromium is installed, unless ALIGNMENT_REQUIRE_BROWSER=1 (set by CI), where it fails.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from analysis.common.paths import NOTEBOOKS

NOTEBOOK = "04_shifts.ipynb"
pytestmark = pytest.mark.browser


def _chromium() -> str | None:
    for candidate in (
        os.environ.get("BROWSER_PATH"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        "/usr/bin/chromium",
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _need(condition: bool, reason: str) -> None:
    if condition:
        return
    if os.environ.get("ALIGNMENT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required (ALIGNMENT_REQUIRE_BROWSER=1) but {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def lab(tmp_path: Path):
    """A JupyterLab server on loopback serving a copy of the notebook; stopped after the test."""
    root = tmp_path / "root"
    root.mkdir()
    shutil.copy(NOTEBOOKS / NOTEBOOK, root / NOTEBOOK)
    settings = tmp_path / "settings"
    for plugin, values in {
        "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    }.items():
        path = settings / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(
        os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"), JUPYTER_RUNTIME_DIR=str(tmp_path / "rt")
    )
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--LabApp.expose_app_in_browser=True",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={tmp_path / 'ws'}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = open(tmp_path / "lab.log", "wb")  # closed in the finally below
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=root)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None:
                    break
                time.sleep(0.3)
        else:
            pytest.fail("JupyterLab did not answer within 60 s")
        if proc.poll() is not None:
            pytest.fail(f"JupyterLab exited: {(tmp_path / 'lab.log').read_text(errors='replace')[-2000:]}")
        yield base, token
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_shift_notebook_runs_in_jupyterlab_and_renders_plotly_and_matplotlib(lab, tmp_path: Path) -> None:
    browser_path = _chromium()
    _need(browser_path is not None, "no Chromium found (apt-get install chromium, or set BROWSER_PATH)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _need(False, "playwright is not installed (pip install -e '.[test]')")
    base, token = lab
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=browser_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(f"{base}/lab/tree/{NOTEBOOK}?token={token}", timeout=90_000)
            page.wait_for_selector("#jupyterlab-splash", state="detached", timeout=90_000)
            idle = """() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
                const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
                return !!k && k.status === 'idle'; }"""
            page.wait_for_function(idle, timeout=120_000)
            page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
            done = """() => { const w = window.jupyterapp.shell.currentWidget; const cells = w.content.model.cells;
                let all = true; for (let i = 0; i < cells.length; i++) { const c = cells.get(i);
                  if (c.type === 'code' && !c.executionCount) { all = false; } }
                const k = w.sessionContext.session.kernel; return all && k.status === 'idle'; }"""
            page.wait_for_function(done, timeout=180_000)
            cell_errors = page.evaluate("""() => { const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
                const out = []; for (let i = 0; i < cells.length; i++) { const c = cells.get(i);
                  if (c.type !== 'code') continue; const o = c.outputs;
                  for (let j = 0; j < o.length; j++) { const x = o.get(j).toJSON();
                    if (x.output_type === 'error') out.push(x.ename + ': ' + x.evalue); } }
                return out; }""")
            page.wait_for_selector(".js-plotly-plot .main-svg", state="attached", timeout=60_000)
            mimes = page.evaluate("""() => Array.from(new Set(Array.from(
                document.querySelectorAll('[data-mime-type]')).map(e => e.getAttribute('data-mime-type'))))""")
            page.wait_for_selector('[data-mime-type="image/png"] img', state="attached", timeout=60_000)
            page.screenshot(path=str(tmp_path / "jupyterlab_04_shifts.png"), full_page=False)
            n_plotly = page.locator(".js-plotly-plot").count()
            n_png = page.locator('[data-mime-type="image/png"] img').count()
        finally:
            browser.close()
    assert cell_errors == [], f"cells raised errors: {cell_errors}"
    assert errors == [], f"the page raised JavaScript errors: {errors}"
    assert n_plotly >= 1 and n_png >= 1, f"rendered outputs: {mimes}"
    assert (tmp_path / "jupyterlab_04_shifts.png").stat().st_size > 10_000
