"""The edit loop (``mkdocs serve --dirty``): a rebuild shows every edit, and rebuilds only what it changes.

The rebuilds run as ``mkdocs serve`` runs them (one process, the plugin instance kept between builds, a new
configuration each time), in a child process so that MkDocs' and static-i18n's global state stay out of
pytest's. How fast the loop is, is measured by ``mpchub bench --serve``, never here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

from jinja2 import Environment, FileSystemLoader

from conftest import REPO
from mpchub.content.project import Project
from mpchub.site.pages import Page
from mpchub_mkdocs.compiled import CompiledTemplates
from mpchub_mkdocs.staging import stage
from sites import make_fixture_hub

SERVE_LIKE = """
import json, sys
from pathlib import Path
sys.argv = ["mkdocs", "serve", "--dirty"]  # static-i18n reads --dirty from here for its second language
from mkdocs.commands.build import build
from mkdocs.config import load_config

site, url = SITE_DIR, "http://127.0.0.1:8000/"
def config():
    loaded = load_config(config_file="mkdocs.yml", site_dir=site)
    loaded.site_url = url
    return loaded
first = config()
first.plugins.on_startup(command="serve", dirty=True)
build(first, serve_url=url, dirty=True)
pages = {name: Path(site, name, "index.html") for name in ("practices/izmit-ornek", "practices/ilgaz-kulubu")}
before = {name: path.stat().st_mtime_ns for name, path in pages.items()}
record = Path("practices/izmit-ornek.md")
record.write_text(record.read_text(encoding="utf-8").rstrip() + "\\n\\nYeni paragraf zxqvedit.\\n", encoding="utf-8")
build(config(), serve_url=url, dirty=True)
print(json.dumps({
    "edited": "zxqvedit" in pages["practices/izmit-ornek"].read_text(encoding="utf-8"),
    "rewritten": {name: path.stat().st_mtime_ns != before[name] for name, path in pages.items()},
}))
"""


def test_a_body_edit_reaches_its_page_and_other_pages_are_not_rebuilt(tmp_path):
    hub = make_fixture_hub(tmp_path / "hub")
    script = SERVE_LIKE.replace("SITE_DIR", repr(str(tmp_path / "site")))
    # No Pagefind thread in this test: the index is not what is tested, and it would outlive the build.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MPCHUB_SEARCH": "false"}
    process = subprocess.run(
        [sys.executable, "-c", script], cwd=hub, capture_output=True, text=True, env=env, timeout=600
    )
    assert process.returncode == 0, process.stderr[-3000:]
    result = json.loads(process.stdout.strip().splitlines()[-1])
    # The stub of an edited body does not change (the page's HTML is spliced in): without the plugin's
    # touch, --dirty kept the old page.
    assert result["edited"], "the body edit did not reach the rebuilt page"
    assert result["rewritten"] == {"practices/izmit-ornek": True, "practices/ilgaz-kulubu": False}


def test_staging_touches_only_the_stubs_it_is_told(tmp_path):
    source, target = tmp_path / "docs", tmp_path / "staged"
    source.mkdir()
    (source / "about.md").write_text("# About\n", encoding="utf-8")
    turkish = Project(REPO).registry.master
    pages = [
        Page("practices/a", turkish, "A", "practice", html="<p>a</p>"),
        Page("practices/b", turkish, "B", "practice"),
    ]
    assert stage(source, pages, target) == 3
    old = time.time() - 3600
    for name in ("practices/a.md", "practices/b.md", "about.md"):
        os.utime(target / name, (old, old))
    assert stage(source, pages, target, touch={"practices/a.md"}) == 0  # nothing written...
    assert (target / "practices/a.md").stat().st_mtime > old + 60  # ...but the changed page is newer
    assert (target / "practices/b.md").stat().st_mtime == old
    assert (target / "about.md").stat().st_mtime == old


def test_compiled_templates_are_reused_until_their_source_changes(tmp_path):
    (tmp_path / "page.html").write_text("<p>{{ word }}</p>", encoding="utf-8")
    cache = CompiledTemplates()

    def environment(compiles: list[str]) -> Environment:
        env = Environment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)
        original = env.compile

        def counting(source, name=None, filename=None, raw=False, defer_init=False):
            compiles.append(name)
            return original(source, name, filename, raw, defer_init)

        env.compile = counting  # type: ignore[method-assign]
        return env

    first: list[str] = []
    assert environment(first).get_template("page.html").render(word="bir") == "<p>bir</p>"
    second: list[str] = []
    assert environment(second).get_template("page.html").render(word="iki") == "<p>iki</p>"
    (tmp_path / "page.html").write_text("<div>{{ word }}</div>", encoding="utf-8")
    third: list[str] = []
    assert environment(third).get_template("page.html").render(word="üç") == "<div>üç</div>"
    assert (first, second, third) == (["page.html"], [], ["page.html"])
