"""``mpchub new``: write a record's master file and a translation file per language from the schema's template."""

from __future__ import annotations

import argparse
import sys

from mpchub import exitcodes
from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet
from mpchub.content.text import slugify
from mpchub.contribute.scaffold import DraftExists, draft, resolve_province, write_draft


def _ask(prompt: str) -> str:
    try:
        return input(prompt).strip()
    except EOFError:
        return ""


def run(project: Project, args: argparse.Namespace) -> int:
    registry = project.registry
    if registry.by_name(args.collection) is None:
        names = ", ".join(c.name for c in registry.collections)
        print(f"mpchub new: '{args.collection}' is not a collection of hub.yml; allowed: {names}", file=sys.stderr)
        return exitcodes.USAGE
    schemas = SchemaSet(project)
    interactive = sys.stdin.isatty()
    title = args.title or (_ask("Başlık (Türkçe) / Title (Turkish): ") if interactive else "")
    if not title:
        print("mpchub new: a Turkish title is needed: --title 'Uygulamanın adı'", file=sys.stderr)
        return exitcodes.USAGE
    municipality, province = args.municipality, None
    if "implementers" in schemas.schema(args.collection, twin=False)["properties"]:
        if not municipality and interactive:
            municipality = _ask("Uygulayıcı belediye / Municipality (e.g. Şişli Belediyesi): ") or None
        raw_province = args.province or (_ask("İl / Province (e.g. istanbul): ") if interactive else "")
        if raw_province:
            province = resolve_province(raw_province, schemas.vocabularies["provinces"])
            if province is None:
                print(
                    f"mpchub new: '{raw_province}' is not a province; use a key from "
                    "vocabularies/provinces.yml, e.g. istanbul",
                    file=sys.stderr,
                )
                return exitcodes.USAGE
    slug = args.slug or slugify(title)
    if not slug or slugify(slug) != slug:
        print(f"mpchub new: cannot make a file name from {slug or title!r}; pass --slug", file=sys.stderr)
        return exitcodes.USAGE
    result = draft(schemas, args.collection, slug, title, municipality, province)
    try:
        written = write_draft(project, args.collection, result, force=args.force)
    except DraftExists as exc:
        print(f"mpchub new: {project.relative(exc.path)} already exists (use --force to overwrite)", file=sys.stderr)
        return exitcodes.USAGE
    for path in written:
        print(project.relative(path))
    print("Fill in every TODO, then run: mpchub check", file=sys.stderr)
    return exitcodes.OK
