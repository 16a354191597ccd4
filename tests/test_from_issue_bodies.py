"""Issue bodies as GitHub writes them from the "Propose a good practice" form (helpers, no tests here).

``render_body`` works from the generated form's YAML (not from mpchub's own objects), the way GitHub
does: ``### label``, a blank line, the answer or ``_No response_``; dropdowns joined with ", ";
checkboxes as ``- [X]``/``- [ ]`` lines. The records these answers describe are synthetic.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet
from mpchub.contribute.forms import render

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "issues"


def form_yaml(root: Path = REPO) -> dict[str, Any]:
    return yaml.safe_load(render(SchemaSet(Project(root))))


def questions(form: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in form["body"] if item["type"] != "markdown"}


def option(form: dict[str, Any], field: str, key: str) -> str:
    """The dropdown option GitHub shows for a vocabulary key ('İstanbul (istanbul)')."""
    return next(o for o in questions(form)[field]["attributes"]["options"] if o.endswith(f"({key})") or o == key)


def render_body(form: dict[str, Any], answers: dict[str, Any]) -> str:
    parts = []
    for item in questions(form).values():
        value = answers.get(item["id"])
        attributes = item["attributes"]
        if item["type"] == "checkboxes":
            ticked = value or []
            text = "\n".join(f"- [{'X' if o['label'] in ticked else ' '}] {o['label']}" for o in attributes["options"])
        elif item["type"] == "dropdown":
            text = ", ".join(value) if isinstance(value, list) else value
        else:
            text = value
        parts.append(f"### {attributes['label']}\n\n{text or '_No response_'}")
    return "\n\n".join(parts)


def valid_answers(form: dict[str, Any]) -> dict[str, Any]:
    """A complete, synthetic Turkish proposal."""
    consent = questions(form)["consent"]["attributes"]["options"][0]["label"]
    criteria = [o["label"] for o in questions(form)["criteria"]["attributes"]["options"]]
    return {
        "language": "Türkçe",
        "title": "Sentetik Mahalle Dil Kafesi",
        "summary": "Sentetik bir test önerisi; gerçek bir uygulamayı anlatmaz ve hiçbir yerde yayımlanmaz.",
        "implementer": "Sentetik Kadıköy Belediyesi",
        "implementer_kind": option(form, "implementer_kind", "district-municipality"),
        "province": option(form, "province", "istanbul"),
        "district": "Kadıköy",
        "scale": option(form, "scale", "district"),
        "start_date": "2024-02",
        "status": option(form, "status", "ongoing"),
        "practice_type": option(form, "practice_type", "programme"),
        "themes": [option(form, "themes", "strategy-planning"), option(form, "themes", "language-learning")],
        "target_groups": [option(form, "target_groups", "women"), option(form, "target_groups", "host-community")],
        "objectives": "- Türkçe konuşma pratiği sağlamak\n- Komşuları tanıştırmak",
        "activities": "Haftalık buluşmalar\n\nAylık mahalle gezisi",
        "partners": "Sentetik Dayanışma Derneği (Sivil Toplum Kuruluşu)",
        "outcomes": "_No response_",
        "challenges": "",
        "transferability": "Başka bir belediye, bir salon ve iki gönüllüyle başlayabilir.",
        "sources": "Belediyenin duyurusu — https://example.org/dil-kafesi\nhttps://example.org/haber",
        "contact": "goc@example.org",
        "description": "Sentetik gövde: **Markdown** ile yazılmış bir paragraf.\n\nİkinci paragraf.",
        "criteria": [criteria[1], criteria[3]],
        "consent": [consent],
    }


def event(body: str, number: int = 42, title: str = "[İyi uygulama / Good practice]: Sentetik") -> dict[str, Any]:
    """An ``issues`` ``labeled`` payload, trimmed to the parts GitHub always sends."""
    return {
        "action": "labeled",
        "issue": {
            "number": number,
            "title": title,
            "body": body,
            "state": "open",
            "user": {"login": "synthetic-proposer", "type": "User"},
            "labels": [{"name": "practice-proposal"}, {"name": "accepted-proposal"}],
        },
        "label": {"name": "accepted-proposal"},
        "repository": {"full_name": "example/hub", "default_branch": "main"},
        "sender": {"login": "synthetic-maintainer", "type": "User"},
    }


def load_fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
