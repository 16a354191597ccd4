"""A contributor's path: scaffold a record, break it, read the annotations, fix it, see it built."""

from __future__ import annotations

import re

from conftest import run_cli
from sites import build, make_fixture_hub


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
    assert annotations.lines == sorted(
        [
            f"::error file=practices/kadikoy-dil-kafesi.md,line={date_line},col=13,title=mpchub impossible-date::"
            "start_date: '2024-02-30' is not a real date: that month has no day 30",
            f"::error file=practices/kadikoy-dil-kafesi.md,line={theme_line},col=29,title=mpchub unknown-key::"
            "themes[1]: 'egitim' is not a theme (did you mean 'education'?); "
            "allowed: the keys in vocabularies/themes.yml",
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
