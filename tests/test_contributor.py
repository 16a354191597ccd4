"""A contributor's path: scaffold a record, break it, read the annotations, fix it, see it built."""

from __future__ import annotations

import re

from conftest import run_cli
from sites import REPO_URL, build, make_fixture_hub


def test_scaffold_break_annotate_fix_build(tmp_path) -> None:
    hub = make_fixture_hub(tmp_path / "hub")
    created = run_cli(
        "--root",
        str(hub),
        "new",
        "practice",
        "--title",
        "Kadıköy Dil Kafesi",
        "--municipality",
        "Sentetik Kadıköy Belediyesi",
        "--province",
        "istanbul",
    )
    assert created.exit_code == 0
    master = hub / "practices" / "kadikoy-dil-kafesi.md"
    twin = hub / "practices" / "kadikoy-dil-kafesi.en.md"
    text = master.read_text(encoding="utf-8")
    fills = {
        'summary: "TODO: Özet"': "summary: Sentetik bir test kaydı; gerçek bir uygulamayı anlatmaz, yayımlanmaz.",
        "kind: TODO": "kind: district-municipality",
        "scale: TODO": "scale: district",
        "status: TODO": "status: ongoing",
        "practice_type: TODO": "practice_type: programme",
        "themes: [TODO]": "themes: [language-learning, egitim]",  # a contributor's mistake
        "target_groups: [TODO]": "target_groups: [women]",
        'objectives: ["TODO: Amaçlar"]': "objectives: [Türkçe konuşma pratiği]",
        'activities: ["TODO: Temel faaliyetler"]': "activities: [Haftalık buluşmalar]",
        'title: "TODO: Başlık"': "title: Sentetik kaynak",
        'url: "TODO: Adres"': "url: https://example.org/kafe",
        "# start_date: TODO": "start_date: 2024-02-30",  # another mistake
    }
    for old, new in fills.items():
        assert old in text, old
        text = text.replace(old, new)
    text = re.sub(r"TODO: Uygulamayı.*", "Sentetik gövde.", text)
    master.write_text(text, encoding="utf-8")
    twin.write_text(
        "---\ntitle: Kadikoy Language Cafe\nsummary: A synthetic test record, not a real practice.\n"
        "objectives: [Turkish conversation practice]\nactivities: [Weekly meetings]\n---\n\nSynthetic body.\n",
        encoding="utf-8",
    )

    annotations = run_cli("--root", str(hub), "check", "--format", "github", str(master))
    assert annotations.exit_code == 1
    lines = master.read_text(encoding="utf-8").splitlines()
    theme_line = next(i for i, line in enumerate(lines, 1) if line.startswith("themes:"))
    date_line = next(i for i, line in enumerate(lines, 1) if line.startswith("start_date:"))
    verification_line = next(i for i, line in enumerate(lines, 1) if line.startswith("verification:"))
    assert annotations.lines == sorted(
        [
            f"::error file=practices/kadikoy-dil-kafesi.md,line={date_line},col=13,"
            "title=mpchub MPC060 impossible-date::"
            "start_date: '2024-02-30' is not a real date: that month has no day 30",
            f"::error file=practices/kadikoy-dil-kafesi.md,line={theme_line},col=29,"
            "title=mpchub MPC045 unknown-key::"
            "themes[1]: 'egitim' is not a theme (did you mean 'education'?); "
            "allowed: the keys in vocabularies/themes.yml",
            f"::warning file=practices/kadikoy-dil-kafesi.md,line={verification_line},col=15,"
            "title=mpchub MPC066 unreviewed::verification: this record is a proposal no editor has reviewed yet; "
            "it may be merged and shown as such, and an editor sets 'compiled-from-public-sources', 'mpc-reviewed' "
            "or 'municipality-confirmed' once the facts are checked against the sources",
        ],
        key=lambda line: int(re.search(r"line=(\d+)", line).group(1)),
    )

    master.write_text(
        master.read_text(encoding="utf-8").replace("egitim]", "education]").replace("2024-02-30", "2024-02-28"),
        encoding="utf-8",
    )
    assert run_cli("--root", str(hub), "check").exit_code == 0
    built = build(hub, tmp_path / "site")
    page = built.page("practices/kadikoy-dil-kafesi/")
    assert page.h1.get_text() == "Kadıköy Dil Kafesi"
    assert built.page("en/practices/kadikoy-dil-kafesi/").h1.get_text() == "Kadikoy Language Cafe"
    form_links = [a["href"] for a in built.page("en/contribute/").find_all("a", href=True) if FORM_LINK in a["href"]]
    assert form_links == [f"{REPO_URL}/{FORM_LINK}&language=English"]


FORM_LINK = "issues/new?template=propose-practice.yml"
REPO_PLACEHOLDER = "mpchub-repo:"  # the plugin puts the repository's address here (repo_url)


def test_contribute_pages_offer_four_paths_shortest_first_the_first_without_an_account() -> None:
    from conftest import REPO

    pages = {
        "tr": (REPO / "docs/contribute/index.md").read_text(encoding="utf-8"),
        "en": (REPO / "docs/contribute/index.en.md").read_text(encoding="utf-8"),
    }
    assert (REPO / ".github/ISSUE_TEMPLATE/propose-practice.yml").is_file()
    for lang, text in pages.items():
        headings = re.findall(r"^## (\d)\. ", text, re.M)
        assert headings == ["1", "2", "3", "4"], lang
        first_path = text.split("## 1. ")[1].split("## 2. ")[0]
        assert "<!-- mpchub:proposal-form -->" in first_path  # the form on the page: no account needed
        second_path = text.split("## 2. ")[1].split("## 3. ")[0]
        language = "T%C3%BCrk%C3%A7e" if lang == "tr" else "English"
        assert f"]({REPO_PLACEHOLDER}{FORM_LINK}&language={language})" in second_path  # opens the GitHub form
        after = "Sonra ne olur?" if lang == "tr" else "What happens next?"
        assert text.count(f"**{after}**") == 4, lang
        assert "mpchub new practice" in text.split("## 4. ")[1]
        assert "[info@mbb.gov.tr](mailto:info@mbb.gov.tr)" in text  # MMU's address in the MPC action plan
        assert not re.search(r"\[(inceleme süresi|review time):", text), "no review-time placeholder on the public page"
