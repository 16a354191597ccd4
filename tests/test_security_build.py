"""One input, one outcome: every body the check accepts builds, and shows exactly what ``body.render`` made.

Bodies are generated from the same hostile pieces as the hypothesis tests (HTML, entities, control
characters, nesting, Markdown syntax), deterministically so that a failure can be reproduced; those the
check accepts become records of one real site build (`mkdocs build --strict`), which must succeed.
A body the check refuses must stop the build.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import VALID_PRACTICE
from mpchub.content import body
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
        return hub

    return build_shared(shared_root, "generated-bodies", hub_with_bodies), bodies


def test_every_accepted_body_builds_and_shows_what_render_made(generated_site) -> None:
    built, bodies = generated_site
    for index, text in enumerate(bodies):
        page = built.page(f"practices/uretilmis-{index}/")
        shown = page.select_one(".mpc-body")
        assert shown is not None, f"uretilmis-{index}: no body on the page"
        assert_inert(shown.decode_contents())
        expected = BeautifulSoup(body.render(text).html, "html.parser").get_text(" ", strip=True)
        assert shown.get_text(" ", strip=True) == expected, (index, text)


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>\n",
        "Metin\n{: onclick=alert(1) }\n",
        "[x](javascript:alert(1))\n",
        "a\x02b\n",
        "*" * 20 + "x\n",
    ],
)
def test_a_body_the_check_refuses_stops_the_build(tmp_path: Path, text: str) -> None:
    from sites import REPO_URL, SITE_URL, make_fixture_hub

    hub = make_fixture_hub(tmp_path / "hub")
    (hub / "practices" / "uretilmis-0.md").write_text(_record(0, text), encoding="utf-8")
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
    assert "practices/uretilmis-0.md:" in process.stdout + process.stderr
    assert not (tmp_path / "s" / "practices" / "uretilmis-0" / "index.html").exists()
