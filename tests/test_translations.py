"""`mpchub translations` on a throwaway git repository: a missing, a fresh and an outdated twin."""

from __future__ import annotations

import subprocess

import pytest

from conftest import VALID_PRACTICE, VALID_TWIN, Hub, run_cli


def git(hub: Hub, *args: str) -> str:
    env_args = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    return subprocess.run(
        ["git", *env_args, "-C", str(hub.root), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def practice(slug: str) -> str:
    return VALID_PRACTICE.replace("id: ornek-uygulama", f"id: {slug}")


@pytest.fixture
def history(hub: Hub) -> Hub:
    git(hub, "init", "-q", "-b", "main")
    hub.write("practices/eksik.md", practice("eksik"))  # no twin at all
    hub.write("practices/guncel.md", practice("guncel"))
    hub.write("practices/eski.md", practice("eski"))
    hub.write("practices/tarihsiz.md", practice("tarihsiz"))
    git(hub, "add", ".")
    git(hub, "commit", "-q", "-m", "masters")
    for slug in ("guncel", "eski", "tarihsiz"):
        hub.write(f"practices/{slug}.en.md", VALID_TWIN)
    git(hub, "add", ".")
    git(hub, "commit", "-q", "-m", "twins")
    stamped = run_cli(
        "--root",
        str(hub.root),
        "translations",
        "--stamp",
        str(hub.root / "practices/guncel.en.md"),
        str(hub.root / "practices/eski.en.md"),
    )
    assert stamped.exit_code == 0 and "2 translations stamped" in stamped.out
    git(hub, "commit", "-q", "-am", "stamp")
    # The master of 'eski' and of 'tarihsiz' (no source_commit) change after their translation.
    for slug in ("eski", "tarihsiz"):
        path = hub.root / "practices" / f"{slug}.md"
        path.write_text(path.read_text(encoding="utf-8").replace("Haftalık", "Aylık"), encoding="utf-8")
    git(hub, "commit", "-q", "-am", "masters changed")
    return hub


def test_stamp_writes_the_masters_commit(history: Hub) -> None:
    master_commit = git(history, "log", "-1", "--format=%H", "--", "practices/guncel.md")
    twin = (history.root / "practices" / "guncel.en.md").read_text(encoding="utf-8")
    assert f'\nsource_commit: "{master_commit}"\n---\n' in twin  # quoted and last, as the web editor writes it
    assert history.check().exit_code == 0  # a stamped twin is still a valid record


def test_missing_fresh_and_outdated(history: Hub) -> None:
    result = run_cli("--root", str(history.root), "translations")
    assert result.exit_code == 0
    lines = [line for line in result.lines if ": warning: " in line]
    assert lines == [
        "practices/eksik.md:1:1: warning: untranslated: no English translation (practices/eksik.en.md) "
        "[MPC097 untranslated]",
        "practices/eski.en.md:1:1: warning: source_commit: outdated: the Turkish master changed in 1 commit(s) "
        f"since {git(history, 'log', '--format=%H', '--', 'practices/eski.md').split()[1][:10]}, "
        "the source_commit of this translation [MPC098 outdated-translation]",
        "practices/tarihsiz.en.md:1:1: warning: source_commit: outdated: the Turkish master was committed after "
        "this translation (no source_commit) [MPC098 outdated-translation]",
    ]
    assert "1 untranslated, 2 outdated" in result.out


def test_github_format_gives_warnings_never_failure(history: Hub) -> None:
    result = run_cli("--root", str(history.root), "translations", "--format", "github")
    assert result.exit_code == 0
    assert all(line.startswith("::warning file=") for line in result.lines if line.startswith("::"))
    assert sum(line.startswith("::warning") for line in result.lines) == 3


def test_without_git_history_nothing_is_called_outdated(hub: Hub) -> None:
    hub.write("practices/guncel.md", practice("guncel"))
    hub.write("practices/guncel.en.md", VALID_TWIN)
    result = run_cli("--root", str(hub.root), "translations")
    assert result.exit_code == 0
    assert "0 untranslated, 0 outdated" in result.out


def test_the_site_shows_outdated_translations(tmp_path) -> None:
    """An English page whose Turkish master changed after translation says so; the status page lists it."""
    from sites import build, make_fixture_hub

    hub = Hub.__new__(Hub)
    hub.root = make_fixture_hub(tmp_path / "hub")
    git(hub, "init", "-q", "-b", "main")
    git(hub, "add", ".")
    git(hub, "commit", "-q", "-m", "records")
    run_cli("--root", str(hub.root), "translations", "--stamp")
    git(hub, "commit", "-q", "-am", "stamp")
    master = hub.root / "practices" / "cami-bahcesi.md"
    master.write_text(master.read_text(encoding="utf-8").replace("Sentetik gövde", "Değişen gövde"), encoding="utf-8")
    git(hub, "commit", "-q", "-am", "master changed")
    built = build(hub.root, tmp_path / "site")
    notice = built.page("en/practices/cami-bahcesi/").select_one(".mpc-notice--outdated")
    assert notice and "has changed since this translation" in notice.get_text()
    assert notice.a["href"] == "../../../practices/cami-bahcesi/"
    assert built.page("en/practices/cagri-merkezi/").select_one(".mpc-notice--outdated") is None
    status = built.page("contribute/translations/")
    sections = {h2.get_text(): h2.find_next("ul").get_text() for h2 in status.select("h2")}
    assert "Cami Bahçesi Buluşmaları" in sections["Güncel olmayan çeviriler (1)"]
    missing = sections["İngilizce çevirisi olmayan kayıtlar (2)"]
    assert "Dil Kursu" in missing and "Ortak veri tabanı kurulsun" in missing
