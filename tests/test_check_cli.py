"""The check command's contract: exit codes, path selection and the three output formats."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO, VALID_PRACTICE, Hub

P = "practices/ornek-uygulama.md"
BROKEN = VALID_PRACTICE.replace("themes: [social-cohesion, legal-counselling]", "themes: [egitimm]")


def test_exit_codes(hub: Hub) -> None:
    hub.write(P, VALID_PRACTICE)
    assert hub.check().exit_code == 0
    hub.write(P, BROKEN)
    assert hub.check().exit_code == 1
    missing = hub.check(str(hub.root / "practices" / "no-such-file.md"))
    assert missing.exit_code == 2 and "no such file or folder" in missing.err


def test_usage_errors_exit_2() -> None:
    process = subprocess.run(
        [sys.executable, "-m", "mpchub", "check", "--format", "xml"], capture_output=True, text=True, cwd=REPO
    )
    assert process.returncode == 2 and "invalid choice" in process.stderr
    process = subprocess.run([sys.executable, "-m", "mpchub"], capture_output=True, text=True, cwd=REPO)
    assert process.returncode == 2


def test_outside_a_hub_is_a_usage_error(tmp_path) -> None:
    process = subprocess.run(
        [sys.executable, "-m", "mpchub", "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert process.returncode == 2
    assert "no hub repository found" in process.stderr
    assert "Traceback" not in process.stderr


def test_paths_select_what_is_reported(hub: Hub) -> None:
    hub.write(P, BROKEN)
    hub.write("practices/diger.md", VALID_PRACTICE.replace("id: ornek-uygulama", "id: diger"))
    assert hub.check(str(hub.root / "practices" / "diger.md")).exit_code == 0
    assert hub.check(str(hub.root / P)).exit_code == 1
    assert hub.check(str(hub.root / "practices")).exit_code == 1


def test_github_annotations(hub: Hub) -> None:
    hub.write(P, BROKEN)
    result = hub.check("--format", "github")
    assert result.lines == [
        f"::error file={P},line=16,col=10,title=mpchub MPC045 unknown-key::themes[0]: 'egitimm' is not a theme "
        "(did you mean 'education'?); allowed: the keys in vocabularies/themes.yml"
    ]


def test_github_annotation_escapes_newlines_and_percent(hub: Hub) -> None:
    """A field name with '%0A' and a line break must not end the annotation or forge a second one."""
    hub.write(P, VALID_PRACTICE.replace("district: Şişli", 'district: Şişli\n"x%0A::error file=y::forged\\nz": 1'))
    result = hub.check("--format", "github")
    assert result.exit_code == 1
    assert len(result.out.rstrip("\n").split("\n")) == 1, result.out  # one problem, one physical line
    (line,) = result.lines
    assert line.startswith(f"::error file={P},line=11,col=1,title=mpchub MPC041 unknown-field::"), line
    assert "unknown field 'x%250A::error file=y::forged%0Az'" in line  # '%' escaped first, then the line break


def test_json_format(hub: Hub) -> None:
    hub.write(P, BROKEN)
    result = hub.check("--format", "json")
    problems = json.loads(result.out)
    assert problems == [
        {
            "path": P,
            "line": 16,
            "column": 10,
            "field": "themes[0]",
            "message": "'egitimm' is not a theme (did you mean 'education'?); allowed: the keys in "
            "vocabularies/themes.yml",
            "severity": "error",
            "rule": "unknown-key",
            "rule_id": "MPC045",
        }
    ]
    assert result.err == ""  # JSON output stays machine-readable: no summary line


def test_broken_vocabulary_is_a_clear_usage_error(hub: Hub) -> None:
    hub.write("vocabularies/themes.yml", "name: themes\nterms: [\n")
    result = hub.check()
    assert result.exit_code == 2
    assert "vocabularies/themes.yml" in result.err and "YAML syntax error" in result.err
