"""Figures: deterministic bytes, article text kept inert in the HTML, a source on every figure, a README.

The committed tables come from ``build_data()``; the hostile corpus in ``tests/fixtures/hostile/`` runs
through the same pipeline with the curated CSVs of ``data/`` copied to a temporary folder.
"""

from __future__ import annotations

import ast
import hashlib
import json
import math
import os
import pickle
import re
import shutil
import struct
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from PIL import Image
from plotly.subplots import make_subplots

from analysis import figures as F
from analysis.build import build_data
from analysis.common.paths import DATA, ROOT
from analysis.figures.parts import _Overlay
from analysis.figures.style import _freeze_layout, _save, _style
from analysis.schema import CURATED

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
OUT = Path("figures-under-test")
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LINK = '<a href="javascript:alert(1)">x</a>'


def _json_safe(s: str) -> str:
    """How plotly's JSON embedding writes a string into the page (``<``, ``>`` and ``/`` escaped)."""
    return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("/", "\\u002f")


# ---------------------------------------------------------------------------------------------------------
# fixtures
# ---------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tables():
    return build_data(quiet=True).tables


@pytest.fixture(scope="module")
def rendered(tables):
    return F.render_all(tables, OUT)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Tables and figures from the one-article corpus whose text, title, outlet and URL carry markup."""
    data = tmp_path_factory.mktemp("hostile-data")
    for t in CURATED:
        if t.path != "corrections.csv":  # the project's corrections name the real seeds
            (data / t.path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(DATA / t.path, data / t.path)
    for name in ("README.md", "SOURCES.md"):  # the rest of the cited chronology: its hovers are escaped too
        shutil.copy(DATA / "chronology" / name, data / "chronology" / name)
    shutil.copy(HOSTILE / "corrections.csv", data / "corrections.csv")
    seeds = HOSTILE / "seeds"
    from analysis.corpus.loading import load_corpus

    with (data / "perspective_groups.csv").open("a", encoding="utf-8") as groups:
        for d in load_corpus(seeds):
            groups.write(f"{d.doc_id},text,wires,hostile test article\n")
    tables = build_data(seeds=seeds, data=data, quiet=True).tables
    manifest = F.load_manifest(seeds / "manifest.csv")
    files = F.render_all(tables, OUT, formats=("svg", "html"), manifest=manifest)
    return tables, manifest, files


# ---------------------------------------------------------------------------------------------------------
# escaping helpers
# ---------------------------------------------------------------------------------------------------------


def test_escape_text_turns_markup_and_dollars_into_entities():
    assert F.escape_text("<b>x</b> & a<b") == "&lt;b&gt;x&lt;/b&gt; &amp; a&lt;b"
    assert F.escape_text("cost $5 and $6") == "cost &#36;5 and &#36;6"
    assert F.escape_text(SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert F.escape_text(LINK) == "&lt;a href=&#34;javascript:alert(1)&#34;&gt;x&lt;/a&gt;"


def test_escape_text_uses_entities_plotly_decodes_for_quotes():
    # plotly.js shows '&quot;' literally but decodes numeric entities, so quotes must be numeric
    assert F.escape_text("say \"hi\" 'there'") == "say &#34;hi&#34; &#x27;there&#x27;"
    assert "&quot;" not in F.escape_text('"')


def test_escape_text_gives_empty_string_for_missing_values():
    assert F.escape_text(None) == ""
    assert F.escape_text(float("nan")) == ""


def test_safe_url_keeps_plain_http_links_and_drops_everything_else():
    assert F.safe_url("https://www.radiohc.cu/en/a-b?x=1&y=2") == "https://www.radiohc.cu/en/a-b?x=1&y=2"
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        'https://x.org/"onmouseover=',
        "https://x/<b>",
        "",
    ):
        assert F.safe_url(bad) == ""
    assert F.safe_url(None) == ""


# ---------------------------------------------------------------------------------------------------------
# (a) determinism
# ---------------------------------------------------------------------------------------------------------


def test_same_tables_give_byte_identical_files_in_a_fresh_process(tables, rendered, tmp_path):
    """PNG, SVG, PDF, HTML, README and plotly.min.js: same bytes from a second interpreter with another hash
    seed, drawing in two worker processes where this one drew alone (so set order, salts, timestamps and
    the sharing out of the work cannot leak into the files)."""
    pkl = tmp_path / "tables.pkl"
    pkl.write_bytes(pickle.dumps(tables))
    code = (
        "import hashlib, json, pickle, sys\n"
        "from pathlib import Path\n"
        "from analysis.figures import render_all\n"
        "t = pickle.loads(Path(sys.argv[1]).read_bytes())\n"
        f"files = render_all(t, Path({str(OUT)!r}), workers=2)\n"
        "print(json.dumps({str(p): hashlib.sha256(b).hexdigest() for p, b in files.items()}))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(pkl)], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    again = json.loads(out.stdout)
    mine = {str(p): hashlib.sha256(b).hexdigest() for p, b in rendered.items()}
    assert sorted(again) == sorted(mine)
    differ = [p for p in mine if mine[p] != again[p]]
    assert not differ, f"not byte-identical across renders: {differ}"
    for fmt in ("png", "svg", "pdf", "html"):
        assert any(p.endswith(f".{fmt}") for p in mine)


def test_render_all_returns_bytes_and_writes_nothing_itself(rendered):
    assert all(isinstance(b, bytes) and b for b in rendered.values())
    assert not OUT.exists() and not (ROOT / OUT).exists()


def test_every_format_is_drawn_with_the_one_frozen_layout(tables):
    """savefig must not lay the figure out again between formats (it used to, with other pads, so the SVG
    and PDF titles sat lower than the PNG's)."""
    with _style():
        fig = F._STATIC["external"](tables, F._spec("external"))
        _freeze_layout(fig)
        before = [ax.get_position().bounds for ax in fig.axes], fig._suptitle.get_position()
        labels = [(ax.xaxis.label.get_position(), ax.yaxis.label.get_position()) for ax in fig.axes]
        for fmt in ("png", "svg", "pdf"):
            _save(fig, fmt)
            assert fig.get_layout_engine() is None, fmt
            assert ([ax.get_position().bounds for ax in fig.axes], fig._suptitle.get_position()) == before, (
                fmt
            )
            assert [
                (ax.xaxis.label.get_position(), ax.yaxis.label.get_position()) for ax in fig.axes
            ] == labels


def test_png_holds_the_agg_drawing_in_rgb_at_300_dpi(tables):
    with _style():
        fig = F._STATIC["stance"](tables, F._spec("stance"))
        _freeze_layout(fig)
        png = _save(fig, "png")
        raw = BytesIO()
        fig.savefig(raw, format="rgba", dpi=F.PNG_DPI)
    image = Image.open(BytesIO(png))
    image.load()
    assert image.mode == "RGB" and image.info["dpi"] == pytest.approx((F.PNG_DPI, F.PNG_DPI), abs=0.01)
    width, height = image.size
    rgba = np.frombuffer(raw.getvalue(), np.uint8).reshape(height, width, 4)
    assert (rgba[..., 3] == 255).all()  # the alpha channel it leaves out carries nothing
    assert (np.asarray(image) == rgba[..., :3]).all()


@pytest.mark.parametrize("grid", [(3, 1), (1, 2), None])
def test_overlay_gives_the_figure_that_plotly_add_calls_give(grid):
    """The overlay sets shapes and annotations in one go; the figure must be the one add_vrect & co make."""
    rows, cols = grid or (1, 1)
    slow = make_subplots(rows=rows, cols=cols) if grid else go.Figure()
    fast = make_subplots(rows=rows, cols=cols) if grid else go.Figure()
    ov = _Overlay(fast, cols=cols)
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            at = {"row": r, "col": c} if grid else {}
            slow.add_vrect(
                1, 2, fillcolor="#EEE", line_width=0, layer="below", exclude_empty_subplots=False, **at
            )
            ov.vrect(1, 2, r, c, fillcolor="#EEE", line={"width": 0}, layer="below")
            slow.add_hrect(0.5, 1.5, fillcolor="#FFF3D6", line_width=0, exclude_empty_subplots=False, **at)
            ov.hrect(0.5, 1.5, r, c, fillcolor="#FFF3D6", line={"width": 0})
            slow.add_vline(3, line={"color": "red", "dash": "dash"}, exclude_empty_subplots=False, **at)
            ov.vline(3, r, c, line={"color": "red", "dash": "dash"})
            slow.add_hline(0, line={"width": 1}, exclude_empty_subplots=False, **at)
            ov.hline(0, r, c, line={"width": 1})
            slow.add_annotation(x=1, y=2, text="a", showarrow=False, **at)
            ov.note(**({"row": r, "col": c} if grid else {}), x=1, y=2, text="a", showarrow=False)
    ov.apply()
    assert fast.to_json() == slow.to_json()


# ---------------------------------------------------------------------------------------------------------
# (b) hostile article text
# ---------------------------------------------------------------------------------------------------------


def test_hostile_corpus_reaches_the_figures_through_the_real_pipeline(hostile):
    tables, _manifest, _files = hostile
    quotes = " ".join(tables["event_sources"]["quote"])
    assert SCRIPT in quotes and IMG in quotes and LINK in quotes


def test_hostile_text_never_appears_as_markup_in_any_html_output(hostile):
    _tables, _manifest, files = hostile
    pages = {p.name: b.decode("utf-8") for p, b in files.items() if p.suffix == ".html"}
    assert len(pages) == len(F.FIGURES)
    for name, page in pages.items():
        # no raw tag, neither in the page nor inside the figure JSON (where '<' is written \u003c)
        for raw in (
            "<script>alert",
            "<img",
            "<a href",
            _json_safe("<script>"),
            _json_safe("<img"),
            "\\u003ca ",
        ):
            assert raw not in page, f"{name}: {raw!r}"
        # every onerror= sits inside an escaped '&lt;img', never in a tag
        for m in re.finditer("onerror=", page):
            before = page[max(0, m.start() - 30) : m.start()]
            assert "&lt;img" in before, f"{name}: onerror= outside its escaped form: {before!r}"
        assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", page, re.I), name
        assert not re.search(r"href=\\\"javascript:", page, re.I), name


def test_hostile_quotes_show_up_in_escaped_form_in_the_hover_labels(hostile):
    _tables, _manifest, files = hostile
    page = files[OUT / "shifts.html"].decode("utf-8")
    for raw in (SCRIPT, IMG, LINK):
        assert _json_safe(F.escape_text(raw)) in page, raw
    # the outlet and the article title are escaped as well
    assert _json_safe(F.escape_text("<img src=x onerror=alert(1)> Outlet")) in page
    assert _json_safe(F.escape_text("<script>alert(1)</script> title with $5 and $6")) in page


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            yield from _strings(v)
    elif hasattr(obj, "tolist"):
        yield from _strings(obj.tolist())


def test_no_plotly_text_field_receives_unescaped_markup_or_a_javascript_link(hostile):
    tables, manifest, _files = hostile
    for spec in F.FIGURES:
        fig = F.interactive_figure(spec.name, tables, manifest=manifest)
        for s in _strings(fig.to_plotly_json()):
            assert "<script" not in s and "<img" not in s and "<a " not in s, (spec.name, s[:120])
            assert "$" not in s, (spec.name, s[:120])  # MathJax could typeset $...$
            assert not s.lower().startswith("javascript:"), (spec.name, s)


def test_svg_outputs_carry_no_markup_from_the_articles(hostile):
    _tables, _manifest, files = hostile
    for path, payload in files.items():
        if path.suffix == ".svg":
            text = payload.decode("utf-8")
            assert (
                "<script" not in text
                and "<img" not in text
                and "javascript:alert" not in text.split("-->")[0]
            )


def test_a_manifest_url_that_is_not_http_gives_no_link(hostile):
    tables, manifest, _files = hostile
    assert F.safe_url(manifest["url"].iloc[0]) == ""
    fig = F.interactive_figure("shifts", tables, manifest=manifest)
    custom = [c for tr in fig.data if tr.customdata is not None for c in tr.customdata]
    cited = {F.escape_text(F.safe_url(u)) for u in tables["cited_mentions"]["source_url"]}
    # the hostile article's URL gives no link; the only links are the chronology's own http(s) sources
    assert custom and all(c == "" or c in cited for c in custom)
    assert "" in custom


@pytest.mark.browser
def test_hover_labels_show_hostile_quotes_literally_in_chromium(hostile, tmp_path):
    """Open the HTML offline in headless Chromium, hover every marker: the quotes read literally, no dialog."""
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no chromium on PATH")
    _tables, _manifest, files = hostile
    for path, payload in files.items():
        (tmp_path / path.name).write_bytes(payload)
    (tmp_path / F.PLOTLY_JS).exists() or pytest.fail("plotly.min.js missing")
    dialogs, texts = [], []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1200, "height": 1000})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto((tmp_path / "shifts.html").as_uri())
        page.wait_for_selector(".main-svg", timeout=20000)
        n = page.evaluate("() => document.querySelectorAll('.scatterlayer .point').length")
        for i in range(n):
            box = page.evaluate(
                f"() => {{ const r = document.querySelectorAll('.scatterlayer .point')[{i}]"
                ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2, r.width]; }"
            )
            if box[2] == 0:
                continue
            page.mouse.move(box[0], box[1])
            page.wait_for_timeout(150)
            texts.append(
                page.evaluate(
                    "() => Array.from(document.querySelectorAll('.hoverlayer .hovertext'))"
                    ".map(e => e.textContent).join(' ')"
                )
            )
        images = page.evaluate("() => document.querySelectorAll('img').length")
        browser.close()
    shown = " ".join(texts)
    assert not dialogs
    assert images == 0
    assert SCRIPT in shown and IMG in shown and LINK in shown
    assert "cost $5 and $6 <b>bold</b>" in shown


# ---------------------------------------------------------------------------------------------------------
# (c) every figure, every format, a source footnote
# ---------------------------------------------------------------------------------------------------------


def _png_size_and_dpi(png: bytes) -> tuple[int, int, float]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", png[16:24])
    i = png.find(b"pHYs")
    ppm = struct.unpack(">I", png[i + 4 : i + 8])[0]
    return w, h, ppm * 0.0254


@pytest.mark.parametrize("name", [f.name for f in F.FIGURES])
def test_figure_renders_in_all_formats_with_a_footnote_naming_its_source(name, rendered, tables):
    spec = next(f for f in F.FIGURES if f.name == name)
    png, svg, pdf, page = (rendered[OUT / f"{name}.{fmt}"] for fmt in ("png", "svg", "pdf", "html"))
    w, _h, dpi = _png_size_and_dpi(png)
    assert w == round(F.WIDTH_IN * F.PNG_DPI) and math.isclose(dpi, F.PNG_DPI, rel_tol=0.01)
    assert pdf.startswith(b"%PDF") and len(pdf) > 1000
    assert b"<svg" in svg
    note = F.static_figure(name, tables)._source_footnote
    svg_text = svg.decode("utf-8")
    html_text = page.decode("utf-8")
    assert "Source:" in note and "Source:" in svg_text and "Source:" in html_text
    for source in spec.source_files:
        assert source in note, source
        assert source in svg_text, source  # the footnote is drawn, not just attached
        assert source in html_text, source


def test_html_pages_load_one_local_plotly_js_and_no_cdn(rendered):
    js = rendered[OUT / F.PLOTLY_JS]
    assert len(js) > 1_000_000
    for spec in F.FIGURES:
        page = rendered[OUT / f"{spec.name}.html"].decode("utf-8")
        assert page.count('src="plotly.min.js"') == 1
        assert "cdn.plot.ly" not in page and "https://cdn" not in page
        assert f'id="figure-{spec.name}"' in page


def test_sipri_tiv_is_labelled_as_a_volume_index_never_dollars(tables):
    for name in ("external", "arms_track"):
        fig = F.static_figure(name, tables)
        labels = [ax.get_ylabel() for ax in fig.axes]
        tiv = [lab for lab in labels if "TIV" in lab]
        assert tiv and all("not US$" in lab for lab in tiv), labels


def test_external_un_panel_draws_lasso_and_noboa_and_says_where_the_ideal_points_end(tables):
    """Panel (a) draws the combined UN measure to the latest year, so no administration is 'no data';
    panel (b), the ideal points, stops with Voeten's data and says so once."""
    fig = F.static_figure("external", tables)
    votes, ideal = fig.axes[:2]
    assert not [t.get_text() for t in votes.texts if "no data" in t.get_text()]
    last = int(tables["unga_israel_by_year"]["year"].max())
    drawn = [
        x for ln in votes.get_lines() for x, y in zip(ln.get_xdata(), ln.get_ydata(), strict=True) if y == y
    ]
    assert max(drawn) > last, "panel (a) stops before the last year of the combined UN data"
    assert any("no ideal-point estimates" in t.get_text() for t in ideal.texts)
    assert "no data" not in fig._source_footnote
    note = " ".join(F.caption("external", tables).split())
    for name in ("Lasso", "Noboa"):
        assert re.search(name + r" \d\.\d\d and \d\.\d\d", note), note
    page = F.interactive_figure("external", tables)
    texts = [a.text for a in page.layout.annotations if a.text]
    assert not [t for t in texts if "no data</i><br>(" in t], texts


# ---------------------------------------------------------------------------------------------------------
# (d) README
# ---------------------------------------------------------------------------------------------------------


def test_readme_lists_every_figure_with_title_caption_alt_text_source_and_command(rendered):
    readme = rendered[OUT / "README.md"].decode("utf-8")
    sections = readme.split("\n## ")[1:]
    assert [s.split("`")[1] for s in sections] == [f.name for f in F.FIGURES]
    for spec, sec in zip(F.FIGURES, sections, strict=True):
        alt = re.search(r"\*\*Alt text\.\*\* (.+)", sec)
        assert alt and len(alt.group(1)) > 40, spec.name
        assert "**Caption.**" in sec and "`alignment build`" in sec and "`alignment figures`" in sec
        for source in spec.source_files:
            assert source in sec
        for fmt in ("png", "svg", "pdf", "html"):
            assert f"({spec.name}.{fmt})" in sec


def test_registry_names_tables_that_the_build_makes(tables):
    for spec in F.FIGURES:
        assert spec.title and spec.caption and spec.alt
        for t in spec.sources:
            assert t in tables, (spec.name, t)


# ---------------------------------------------------------------------------------------------------------
# (e) the package's layout
# ---------------------------------------------------------------------------------------------------------


def _figures_imports(path: Path) -> set[str]:
    """The modules of analysis.figures that ``path`` imports: '__init__' for the registry itself."""
    folder = path.parent

    def module(dotted: str) -> str | None:
        parts = dotted.split(".")
        if parts[:2] != ["analysis", "figures"]:
            return None
        return parts[2] if len(parts) > 2 and (folder / f"{parts[2]}.py").exists() else "__init__"

    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {module(a.name) for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module == "analysis.figures":
            out |= {module(f"analysis.figures.{a.name}") for a in node.names}  # a module, or a registry name
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(module(node.module))
    return out - {None}


def test_figure_modules_import_one_way():
    """registry -> one module per figure -> parts -> style: no figure module imports another, nor the
    registry; parts imports style only; style imports neither."""
    folder = Path(F.__file__).parent
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__"}
    figures = modules - {"style", "parts"}
    assert figures == set(F._STATIC) == set(F._INTERACTIVE)
    allowed = {"style": set(), "parts": {"style"}} | {f: {"style", "parts"} for f in figures}
    for name, ok in allowed.items():
        assert _figures_imports(folder / f"{name}.py") <= ok, name
