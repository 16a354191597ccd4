"""``python -m mpchub_tools.coverage``: how many practices fill each field an officer acts on, and how many say
in ``caveats`` that no source gave it (the editors' check on issue 23's goal: a field is filled from a source,
or the record says it was looked for and not found; never a guess).

A caveat counts for a field when it names the field's subject in Turkish or English (e.g. "değerlendirme",
"evaluation" for outcomes, lessons, challenges and transferability): a reading aid for editors, not a rule of
``mpchub check``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from mpchub.content.corpus import load_corpus
from mpchub.content.project import Project

EVALUATION = ("evaluation", "değerlendirme")
FIELDS: dict[str, tuple[str, ...]] = {
    "contact": ("contact", "iletişim"),
    "status_as_of": ("status", "durum"),
    "outputs": ("output", "çıktı"),
    "outcomes": ("outcome", "sonuç", "result", *EVALUATION),
    "funding": ("funding", "finans", "bütçe", "maliyet"),
    "beneficiaries": ("beneficiar", "yararlanıcı"),
    "lessons": ("lesson", "ders", *EVALUATION),
    "challenges": ("challenge", "zorluk", "güçlük", *EVALUATION),
    "transferability": ("transfer", "aktarıl", "replicab", *EVALUATION),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mpchub_tools.coverage", description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, help="repository root (default: found from the working directory)")
    parser.add_argument("--collection", default=None, help="a collection of hub.yml (default: the first)")
    args = parser.parse_args(argv)
    project = Project.find(args.root)
    corpus = load_corpus(project)
    name = args.collection or project.registry.collections[0].name
    records = [r.master.data or {} for r in corpus.records[name].values()]
    print(f"{len(records)} records; field: filled / caveat says not found / neither")
    for field, words in FIELDS.items():
        filled = sum(1 for data in records if data.get(field))
        said = sum(
            1
            for data in records
            if not data.get(field) and any(w in " ".join(map(str, data.get("caveats") or [])).lower() for w in words)
        )
        print(f"  {field}: {filled} / {said} / {len(records) - filled - said}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
