"""Hostile records against `mpchub check`: each is refused with file, line and what is allowed, never crashes,
never hangs, and never hides the problems of the other files.

The payload families are those of the issue "Untrusted content can never run code or break the build",
plus variants. The checks run in this process under a time guard (a hang fails the test, issue 20); only the
inputs that could kill the interpreter itself (30,000 '[' overflowed libyaml's C stack and killed the process
with no output at all) run the real command in a process of its own, with a 10-second timeout.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO, REVIEWED, VALID_PRACTICE, Hub
from test_security_hostile import guard

P = "practices/ornek-uygulama.md"
OTHER = "practices/diger-kayit.md"
OTHER_ERROR = "themes[0]: 'egitimm' is not a theme"


def broken(old: str, new: str, text: str = VALID_PRACTICE) -> str:
    assert old in text, f"test setup: {old!r} is not in the record"
    return text.replace(old, new, 1)


@dataclass
class Checked:
    returncode: int
    stdout: str
    stderr: str


def check(hub: Hub, *args: str) -> Checked:
    """The command (``mpchub check``) in this process, under a 10-second guard: a hang is a failure here."""
    with guard(10):
        result = hub.check(*args)
    return Checked(result.exit_code, result.out, result.err)


def isolated_check(hub: Hub, *args: str) -> Checked:
    """The real command in its own process, for inputs that could crash the interpreter (libyaml's C stack)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "scripts")}
    process = subprocess.run(
        [sys.executable, "-m", "mpchub", "--root", str(hub.root), "check", *args],
        capture_output=True,
        text=True,
        timeout=10,
        env=env,
    )
    return Checked(process.returncode, process.stdout, process.stderr)


def refused(hub: Hub, content: str | bytes, expected: str, relpath: str = P, isolated: bool = False) -> str:
    """Write the hostile record beside a valid record with one known error; both must be reported."""
    hub.write(relpath, content)
    hub.write(
        OTHER, VALID_PRACTICE.replace("id: ornek-uygulama", "id: diger-kayit").replace("social-cohesion", "egitimm")
    )
    result = isolated_check(hub) if isolated else check(hub)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    assert any(line.startswith(OTHER + ":") and OTHER_ERROR in line for line in result.stdout.splitlines()), output
    mine = [line for line in result.stdout.splitlines() if line.startswith(relpath + ":")]
    assert any(expected in line for line in mine), output
    return next(line for line in mine if expected in line)


# --- crashes and hangs -----------------------------------------------------------------------------


def test_deep_flow_nesting_is_refused_before_the_parser(hub: Hub) -> None:
    content = broken("verification: mpc-reviewed", "caveats: " + "[" * 30000)
    line = refused(hub, content, "nests lists or groups more", isolated=True)
    assert line.startswith(f"{P}:28:")


def test_deep_block_nesting_is_refused(hub: Hub) -> None:
    content = broken("verification: mpc-reviewed", "caveats:\n" + "- " * 5000 + "x")
    refused(hub, content, "nests lists or groups more", isolated=True)


@pytest.mark.parametrize(
    "body",
    [
        "See <![a[ here.\n",
        "*" * 5000 + "x" + "*" * 5000 + "\n",
        "".join("    " * i + "- a\n" for i in range(400)),
        "[a](" * 4000 + "\n",
    ],
)
def test_bodies_that_crashed_or_hung_the_build(hub: Hub, body: str) -> None:
    hub.write(P, VALID_PRACTICE.replace("Bu kayıt testler için yazıldı.\n", body))
    hub.write(
        OTHER, VALID_PRACTICE.replace("id: ornek-uygulama", "id: diger-kayit").replace("social-cohesion", "egitimm")
    )
    result = check(hub)
    assert "Traceback" not in result.stdout + result.stderr
    assert OTHER_ERROR in result.stdout


def test_symlink_to_dev_zero_is_refused_without_reading(hub: Hub) -> None:
    (hub.root / P).symlink_to("/dev/zero")
    hub.write(
        OTHER, VALID_PRACTICE.replace("id: ornek-uygulama", "id: diger-kayit").replace("social-cohesion", "egitimm")
    )
    result = check(hub)
    assert f"{P}:1:1: error: symbolic links are not allowed in content folders" in result.stdout
    assert OTHER_ERROR in result.stdout


def test_symlink_to_a_file_outside_the_repository_is_refused(hub: Hub, tmp_path: Path) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text(VALID_PRACTICE, encoding="utf-8")
    (hub.root / P).symlink_to(outside)
    result = check(hub)
    assert result.returncode == 1
    assert f"{P}:1:1: error: symbolic links are not allowed in content folders" in result.stdout


def test_symlinked_folder_inside_a_collection_is_refused(hub: Hub, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "gizli.md").write_text(VALID_PRACTICE, encoding="utf-8")
    (hub.root / "practices" / "baglanti").symlink_to(outside, target_is_directory=True)
    result = check(hub)
    assert "practices/baglanti:1:1: error: symbolic links are not allowed" in result.stdout
    assert "gizli" not in result.stdout


def test_symlink_in_docs_is_refused(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE)
    (hub.root / "docs" / "assets").mkdir(parents=True)
    (hub.root / "docs" / "assets" / "x").symlink_to("/etc/hostname")
    result = check(hub)
    assert result.returncode == 1
    assert "docs/assets/x:1:1: error: symbolic links are not allowed in docs/" in result.stdout


def test_file_over_one_megabyte_is_refused_unread(hub: Hub) -> None:
    refused(hub, VALID_PRACTICE + ("Uzun metin. " * 100_000), "larger than 1,000,000 bytes")


def test_long_body_is_refused(hub: Hub) -> None:
    refused(hub, VALID_PRACTICE + ("Uzun metin.\n\n" * 4_000), "characters long; the limit is 50,000: summarise")


# --- silently wrong pages ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("character", "expected"),
    [
        ("\x7f", "the control character U+007F is not allowed"),
        ("\x85", "the control character U+0085 is not allowed"),
        ("\x9b", "the control character U+009B is not allowed"),
        ("\u202e", "the bidirectional control character U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed"),
        ("\u2067", "the bidirectional control character U+2067"),
        ("\u2028", "the separator U+2028 is not allowed"),
    ],
)
def test_invisible_characters_in_a_title_are_located(hub: Hub, character: str, expected: str) -> None:
    line = refused(hub, broken("title: Örnek Danışma", f"title: Örnek{character} Danışma"), expected)
    assert line.startswith(f"{P}:3:13:"), line


def test_turkish_and_arabic_text_passes(hub: Hub) -> None:
    hub.write(P, broken("title: Örnek Danışma Merkezi", 'title: "Örnek Danışma Merkezi — İĞÜŞÖÇ ığüşöç ‘’ “” … سوريا"'))
    assert check(hub).returncode == 0


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("sdgs: [10, 16]", "sdgs: [010, 16]", "010 has a leading zero: write 10 (YAML 1.1 would read 010 as the octal"),
        ("start_date: 2019-05", "start_date: 02021", "02021 has a leading zero: write 2021"),
        ("sdgs: [10, 16]", "sdgs: [1_0, 16]", "1_0 is not allowed: write the number without '_'"),
        ("sdgs: [10, 16]", "sdgs: [0xA, 16]", "0xA is not allowed: write numbers in decimal"),
        ("start_date: 2019-05", "start_date: 1:30", "1:30 is not allowed: YAML 1.1 reads it as a base-60 number"),
        ("title: Örnek Danışma Merkezi", "title: .nan", ".nan is not allowed"),
        ("title: Örnek Danışma Merkezi", "title: -.inf", "-.inf is not allowed"),
    ],
)
def test_numbers_in_surprising_forms_are_refused(hub: Hub, old: str, new: str, expected: str) -> None:
    refused(hub, broken(old, new), expected)


def test_number_problem_names_the_field(hub: Hub) -> None:
    line = refused(hub, broken("sdgs: [10, 16]", "sdgs: [010, 16]"), "leading zero")
    assert ": error: sdgs[0]: 010 has a leading zero" in line


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("İndex", "gives the page address municipalities/index/, which is the list of all municipalities"),
        ("بلدية", "gives an empty page address"),
        ('"***"', "gives an empty page address"),
    ],
)
def test_municipality_names_without_a_usable_page_address(hub: Hub, name: str, expected: str) -> None:
    line = refused(hub, broken("  - name: Örnek Belediyesi", f"  - name: {name}"), expected)
    assert ": error: implementers[0].name: " in line


def test_municipality_names_that_share_a_page_address(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE)
    third = VALID_PRACTICE.replace("id: ornek-uygulama", "id: ucuncu").replace("Örnek Belediyesi", "Ornek Belediyesi")
    line = refused(hub, third, "give the same page address municipalities/ornek-belediyesi/", "practices/ucuncu.md")
    assert "'Ornek Belediyesi' and 'Örnek Belediyesi' (practices/" in line  # names the other record


# --- file names ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["con", "nul", "aux", "com1", "lpt9", "prn"])
def test_windows_reserved_file_names_are_refused(hub: Hub, name: str) -> None:
    refused(
        hub,
        VALID_PRACTICE.replace("id: ornek-uygulama", f"id: {name}"),
        "a name Windows reserves",
        f"practices/{name}.md",
    )


def test_file_names_differing_only_in_case_are_refused(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE)
    hub.write("practices/Ornek-uygulama.md", VALID_PRACTICE)
    result = check(hub)
    assert "only in letter case" in result.stdout


# --- links and references -----------------------------------------------------------------------------


def test_mailto_with_parameters_in_contact_is_refused(hub: Hub) -> None:
    content = broken(
        "verification: mpc-reviewed",
        'contact:\n  email: "info@example.org?bcc=spy@example.org"\nverification: mpc-reviewed',
    )
    refused(hub, content, "is not in the expected form: The address only")


def test_did_you_mean_never_suggests_an_invalid_id(hub: Hub) -> None:
    # ornek-uygulamaa-x.md says its id is ornek-uygulamaa, which does not match its file name: invalid.
    hub.write("practices/ornek-uygulamaa-x.md", VALID_PRACTICE.replace("id: ornek-uygulama", "id: ornek-uygulamaa"))
    content = broken(REVIEWED, REVIEWED + "\nrelated_practices: [ornek-uygulamaaa]")
    hub.write(P, content)
    result = check(hub)
    line = next(x for x in result.stdout.splitlines() if "related_practices[0]" in x)
    assert "did you mean" not in line, line
