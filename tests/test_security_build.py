"""One input, one outcome: every body the check accepts builds, and shows exactly what ``body.render`` made.

Bodies are generated from the same hostile pieces as the hypothesis tests (HTML, entities, control
characters, nesting, Markdown syntax), deterministically so that a failure can be reproduced; those the
check accepts become records of one real site build (`mkdocs build --strict`), which must succeed.
A body the check refuses must stop the build.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from conftest import VALID_PRACTICE
from hubs import REPO
from mpchub.content import body
from mpchub_tools import hostile
from test_security_body import HOSTILE_PIECES, assert_inert

BODY = "Bu kayıt testler için yazıldı.\n"


def generated_bodies(count: int, seed: int = 8) -> list[str]:
    """``count`` bodies that the check accepts, each with some markup, from a fixed seed."""
    rng = random.Random(seed)
    accepted: list[str] = []
    while len(accepted) < count:
        text = "".join(rng.choice(HOSTILE_PIECES) for _ in range(rng.randint(5, 40)))
        text = "Gövde " + text + "\n"
        if body.problems(text) == [] and body.needs_rendering(text):
            accepted.append(text)
    return accepted


def _record(index: int, text: str) -> str:
    return (
        VALID_PRACTICE.replace("id: ornek-uygulama", f"id: uretilmis-{index}")
        .replace("title: Örnek Danışma Merkezi", f"title: Üretilmiş gövde {index}")
        .replace("Örnek Belediyesi", f"Üretilmiş {index} Belediyesi")
        .replace(BODY, text)
    )


@pytest.fixture(scope="module")
def generated_site(shared_root: Path):
    from sites import build_shared, make_fixture_hub

    bodies = generated_bodies(25)  # the same every time: a fixed seed

    def hub_with_bodies(target: Path) -> Path:
        hub = make_fixture_hub(target)
        for index, text in enumerate(bodies):
            (hub / "practices" / f"uretilmis-{index}.md").write_text(_record(index, text), encoding="utf-8")
        for relpath, text in accepted_hostile_records().items():  # issue 20: accepted, at the bounds
            (hub / relpath).write_text(text, encoding="utf-8")
        return hub

    return build_shared(shared_root, "generated-bodies", hub_with_bodies), bodies


EDGE = "practices/sinirda-sentetik-kayit.md"


def accepted_hostile_records() -> dict[str, str]:
    """Records the check accepts although each value sits at its bound or holds what broke a writer (issue 20):
    a title with braces, a template and markup; eight implementers and twenty partners; every SDG; twenty
    objectives of 1,000 characters; a body of 100 headings and relative links to real pages; the keyword-stuffed
    fixture, which is accepted with a warning and stays out of the search index."""
    implementers = "".join(f"  - {{name: Sentetik {n} Belediyesi, kind: district-municipality}}\n" for n in "ABCDEFGH")
    partners = "".join(f"  - {{name: Sentetik Ortak {i}, kind: ngo}}\n" for i in range(20))
    objectives = "".join(f"  - {('Sentetik amaç metni ' * 50)[:998]}{i:02d}\n" for i in range(20))
    title = ("Sentetik } @misc{x, {{ 7*7 }} <b>kalın</b> & “tırnak” " * 4)[:160].strip()
    sections = "".join(
        f"## Bölüm {i}\n\nBu bölümün metni [bir kayda](../cagri-merkezi/) ve "
        "[bir temaya](../../themes/social-cohesion/) bağlanır.\n\n"
        for i in range(100)
    )
    master = (
        hostile.VALID.replace("id: sentetik-kayit", "id: sinirda-sentetik-kayit")
        .replace("title: Sentetik Danışma Merkezi", f"title: {json.dumps(title, ensure_ascii=False)}")
        .replace("  - name: Sentetik Belediyesi\n    kind: district-municipality\n", implementers)
        .replace(
            "sdgs: [10]",
            f"sdgs: [{', '.join(map(str, range(1, 18)))}]\ngcm_objectives: [{', '.join(map(str, range(1, 24)))}]",
        )
        .replace("objectives:\n  - Göçmenlere danışmanlık sunmak.\n", "objectives:\n" + objectives)
        .replace("verification: mpc-reviewed", "partners:\n" + partners + "verification: mpc-reviewed")
        .replace(hostile.BODY, sections)
    )
    stuffed = REPO / "tests" / "fixtures" / "stuffed" / "practices"
    return {
        EDGE: master,
        **{f"practices/{path.name}": path.read_text(encoding="utf-8") for path in stuffed.glob("*.md")},
    }


def test_accepted_hostile_records_build_and_their_data_parses(generated_site) -> None:
    built, _ = generated_site
    page = built.page("practices/sinirda-sentetik-kayit/")
    assert page.select_one("h1").get_text().startswith("Sentetik } @misc{x, {{ 7*7 }} <b>kalın</b>")
    assert len(page.select("[data-mpc-search-meta]")) == 1 and len(page.select(".mpc-body h2")) == 100
    assert (built.site / "sdgs" / "17" / "index.html").is_file() and not (built.site / "sdgs" / "17.0").exists()
    for feed in ("feed.xml", "en/feed.xml"):
        etree.fromstring((built.site / feed).read_bytes())
    bib = (built.site / "data" / "practices.tr.bib").read_text(encoding="utf-8")
    masters = [path for path in (built.root / "practices").glob("*.md") if not path.name.endswith(".en.md")]
    assert len(re.findall(r"(?m)^@", bib)) == len(masters)  # one entry per practice: no URL or title adds one
    stuffed = built.page("practices/sentetik-doldurulmus-kayit/")
    assert stuffed.select_one("[data-pagefind-body]") is None  # left out of the search index
    assert page.select_one("[data-pagefind-body]") is not None


def test_every_accepted_body_builds_and_shows_what_render_made(generated_site) -> None:
    built, bodies = generated_site
    for index, text in enumerate(bodies):
        page = built.page(f"practices/uretilmis-{index}/")
        shown = page.select_one(".mpc-body")
        assert shown is not None, f"uretilmis-{index}: no body on the page"
        assert_inert(shown.decode_contents())
        expected = BeautifulSoup(body.render(text).html, "html.parser").get_text(" ", strip=True)
        assert shown.get_text(" ", strip=True) == expected, (index, text)


REFUSED_BODIES = [
    "<script>alert(1)</script>\n",
    "Metin\n{: onclick=alert(1) }\n",
    "[x](javascript:alert(1))\n",
    "a\x02b\n",
    "*" * 20 + "x\n",
]


def test_a_body_the_check_refuses_stops_the_build(tmp_path: Path) -> None:
    """One build holding every refused body (the check reports each file, so one build names them all)."""
    from sites import REPO_URL, SITE_URL, make_fixture_hub

    hub = make_fixture_hub(tmp_path / "hub")
    for index, text in enumerate(REFUSED_BODIES):
        (hub / "practices" / f"uretilmis-{index}.md").write_text(_record(index, text), encoding="utf-8")
    env = {**os.environ, "SITE_URL": SITE_URL, "REPO_URL": REPO_URL, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(hub / "mkdocs.yml"), "-d", str(tmp_path / "s")],
        capture_output=True,
        text=True,
        env=env,
        cwd=hub,
        timeout=600,
    )
    assert process.returncode != 0
    for index, text in enumerate(REFUSED_BODIES):
        assert f"practices/uretilmis-{index}.md:" in process.stdout + process.stderr, text
        assert not (tmp_path / "s" / "practices" / f"uretilmis-{index}" / "index.html").exists()
