"""From a "Propose a good practice" issue (or the same text by e-mail) to record files, or its problems.

The text is read back (``mpchub.contribute.reading``) with the same :class:`~mpchub.contribute.forms.Form`
that wrote the form; the answers become the values ``mpchub new`` fills in, the files are written with the
same scaffold and checked with the same checker. When the proposal has problems, the files are removed
again: a failed run leaves nothing behind, so running it again after a fix never finds "a record that already
exists". Everything in the text is untrusted: it is cleaned of characters YAML cannot hold, quoted by the
scaffold, and escaped wherever it is shown again. Problems are told in every language of the form
(``mpchub.contribute.messages``); the proposer reads them in the language they chose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from mpchub.content import rules
from mpchub.content.corpus import load_corpus
from mpchub.content.layout import format_file
from mpchub.content.problems import Problem
from mpchub.content.project import Project
from mpchub.content.records import FENCE_LINE, read_record
from mpchub.content.registry import Collection
from mpchub.content.schemas import SchemaSet
from mpchub.content.text import fold, slugify
from mpchub.content.vocabularies import Vocabulary
from mpchub.contribute.forms import SEPARATOR, Form, FormField, proposal_form, without_key
from mpchub.contribute.messages import FormProblem, Value, Words, created_comment, problems_comment
from mpchub.contribute.messages import pull_request_body as _pull_request_body
from mpchub.contribute.reading import checkbox_lines, clean, shown, split_sections
from mpchub.contribute.scaffold import TODO, DraftExists, draft, draft_paths, guess_kind, write_draft
from mpchub.render.strings import t

LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
URL = re.compile(r"https?://[^\s<>\"'`]+")
EMAIL = re.compile(r"[^@\s,;<>()]+@[^@\s,;<>()]+\.[^@\s,;<>()]+")
PHONE = re.compile(r"^\+?[0-9 ()-]{7,20}$")
# What may stand between an address and a title written after it ("https://… — Duyuru", "https://… (Duyuru)").
TITLE_SEPARATOR = re.compile(r"^\s*(?:[-–—|:,;(\[]|$)")
# The rest of a line after an address and a space reads as more of the address when it ends with a file
# name's extension ("Göç Raporu 2023.pdf") or its first word continues a path or a query ("Planı/ek.pdf",
# "politikası&sayfa=2"); anything else might be a title, and the proposer is asked.
TITLE_AFTER = re.compile(r"\s+(?:[-–—|]\s|\()")
FILE_END = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|txt|csv|html?|aspx?|php|jsp|jpe?g|png|zip)$", re.I)
PATH_WORD = re.compile(r"[/?=&#]")
DATE_WORD = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}[.,;]?$")
# Characters a browser percent-encodes when it sends a path, query or fragment (WHATWG URL: spaces, quotes,
# angle brackets, backticks, braces and every character outside ASCII); the rest of the address is kept.
URL_SAFE = "!$&'()*+,/:;=?@[]~%#-._"


@dataclass
class Proposal:
    """What the text says, as record values, and what is wrong with it."""

    language: str = ""
    title: str = ""
    municipality: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    twin_answers: dict[str, Any] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)  # language code → Markdown
    criteria: list[str] = field(default_factory=list)
    problems: list[FormProblem] = field(default_factory=list)
    refused: bool = False
    translation: str = ""  # the language of the translated answers

    @property
    def has_twin(self) -> bool:
        return bool(self.twin_answers) or (bool(self.translation) and self.translation in self.bodies)


class _Reader:
    """Reads one text with one form: the answers into a :class:`Proposal`, problems in the form's languages."""

    def __init__(self, form: Form, schemas: SchemaSet) -> None:
        self.form = form
        self.words = Words(schemas.project.registry, form.languages)
        self.vocabularies = schemas.vocabularies
        self.proposal = Proposal(language=form.master, translation=form.translation)

    def make(self, item: FormField | None, key: str, severity: str = "error", **values: Value) -> FormProblem:
        """A problem with the answer to ``item`` (None: the whole proposal), told by the catalogue's ``key``."""
        messages = self.words.say(key, **values)
        return FormProblem(item.id if item else "", item.label if item else "", messages, severity, kind=key)

    def problem(self, item: FormField | None, key: str, severity: str = "error", **values: Value) -> None:
        self.proposal.problems.append(self.make(item, key, severity, **values))

    def read(self, body: str) -> Proposal:
        form, proposal = self.form, self.proposal
        by_label = form.by_label()
        preamble, sections = split_sections(clean(body))
        known = [s for s in sections if s.heading in by_label]
        title_field = form.by_id()["title"]
        required = [f for f in form.fields if f.required]
        if preamble or title_field.label not in {s.heading for s in known} or len(known) * 2 < len(required):
            proposal.refused = True
            self.problem(None, "proposal_refused", form=lambda lang: form.names.get(lang, form.name))
            return proposal
        answers: dict[str, str | None] = {}
        for section in sections:
            item = by_label.get(section.heading)
            if item is None:
                self.problem(None, "proposal_unknown_section", heading=shown(section.heading)[1:-1])
            elif item.id in answers:
                self.problem(item, "proposal_twice")
            else:
                answers[item.id] = section.answer
        language_field = next((f for f in form.fields if f.answer == "language"), None)
        if language_field is not None:
            chosen = _dropdown_value(answers.get(language_field.id), language_field)
            proposal.language = chosen if chosen in form.languages else form.master
        for item in form.fields:
            self.interpret(item, answers.get(item.id))
        self.require_whole_translation(answers)
        return proposal

    def interpret(self, item: FormField, answer: str | None) -> None:
        """Store one answer where the record wants it, or a problem saying why it cannot be used."""
        proposal = self.proposal
        if item.answer == "consent":
            if not self.checked(answer, item):
                self.problem(item, "proposal_consent")
            return
        if item.answer == "criteria":
            proposal.criteria = self.checked(answer, item)
            return
        if item.answer == "language":
            return
        if answer is None:
            if item.required:
                self.problem(item, "proposal_required")
            return
        target = proposal.twin_answers if item.twin else proposal.answers
        if item.answer == "text":
            value = " ".join(answer.split())
            if item.target == "title" and not item.twin:
                proposal.title = value
            else:
                target[item.target] = value
        elif item.answer == "date":
            target[item.target] = answer.strip()
        elif item.answer == "lines":
            target[item.target] = _lines(answer)
        elif item.answer == "body":
            proposal.bodies[self.form.translation if item.twin else self.form.master] = answer.strip("\n") + "\n"
        elif item.answer == "organisation":
            proposal.municipality = " ".join(answer.split())
        elif item.answer in ("key", "organisation-kind"):
            key = self.key(answer, item, self.vocabularies[item.vocabulary])
            if key is None:
                return
            if item.answer == "key":
                target[item.target] = key
            else:
                name = proposal.municipality or f"{TODO}: {t(self.form.master, 'scaffold_municipality')}"
                proposal.answers[item.target] = [{"name": name, "kind": key}]
        elif item.answer == "keys":
            keys = self.keys(answer, item, self.vocabularies[item.vocabulary])
            if keys:
                target[item.target] = keys
        elif item.answer in ("partners", "sources", "contact"):  # the readers of the same names below
            value = getattr(self, item.answer)(answer, item)
            if value:
                target[item.target] = value

    @staticmethod
    def checked(answer: str | None, item: FormField) -> list[str]:
        texts = {o.text for o in item.options}
        return [text for ticked, text in checkbox_lines(answer) if ticked and text in texts]

    # --- vocabulary answers ------------------------------------------------------------------------

    def not_an_option(self, item: FormField, value: str, vocabulary: Vocabulary) -> None:
        suggestion = vocabulary.suggest(without_key(value).split(SEPARATOR)[0])
        if suggestion is None:
            self.problem(item, "proposal_not_option", value=shown(value))
        else:
            self.problem(item, "proposal_did_you_mean", value=shown(value), suggestion=_option_text(item, suggestion))

    def key(self, answer: str, item: FormField, vocabulary: Vocabulary) -> Any:
        text = " ".join(answer.split())
        for option in item.options:
            if text == option.text:
                return option.value
        key = _match_term(re.sub(r"\s*\(([^()]*)\)$", "", text), vocabulary)
        if key is None:
            bracketed = re.search(r"\(([^()]*)\)$", text)
            key = _match_term(bracketed.group(1), vocabulary) if bracketed else None
        if key is None:
            self.not_an_option(item, text, vocabulary)
        return key

    def keys(self, answer: str, item: FormField, vocabulary: Vocabulary) -> list[Any]:
        """Keys from GitHub's ``A, B`` answer; option texts may hold commas, so options are matched whole.

        An option whose wording changed since the issue was opened still ends with its ``(key)``, which is
        enough to read it when it holds no comma; anything else is split at ", " and named in a problem if
        it matches no term (never swallowed into the next option).
        """
        rest = " ".join(answer.split())
        options = sorted(item.options, key=lambda o: -len(o.text))
        keys: list[Any] = []
        while rest:
            option = next((o for o in options if rest == o.text or rest.startswith(o.text + ", ")), None)
            keyed = KEYED_OPTION.match(rest)
            if option is not None:
                piece, key = option.text, option.value
            elif keyed and keyed.group(2) in vocabulary:
                piece, key = keyed.group(1), keyed.group(2)
            else:
                piece = rest.split(", ", 1)[0]
                key = _match_term(re.sub(r"\s*\(([^()]*)\)$", "", piece), vocabulary)
                if key is None:
                    self.not_an_option(item, piece, vocabulary)
            if key is not None and key not in keys:
                keys.append(key)
            rest = rest[len(piece) :].removeprefix(",").strip()
        return keys

    # --- free-form answers -------------------------------------------------------------------------

    def partners(self, answer: str, item: FormField) -> list[dict[str, Any]]:
        kinds = self.vocabularies[item.vocabulary]
        example = kinds.term("ngo") if "ngo" in kinds else list(kinds)[-1]
        partners = []
        for line in _lines(answer):
            match = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", line)
            name, kind = (match.group(1), _match_term(match.group(2), kinds)) if match else (line, None)
            kind = kind or guess_kind(name)
            if kind is None or not name:
                self.problem(item, "proposal_partner_kind", line=shown(line), kind=lambda lang: example.labels[lang])
                continue
            partners.append({"name": name, "kind": kind})
        return partners

    def sources(self, answer: str, item: FormField) -> list[dict[str, str]]:
        """One source per line: an address with its title before it (or after it, behind a separator).

        A browser shows an address decoded, spaces and all, so a pasted address may hold spaces. The rest of
        the line after a space is taken as more of the address when it reads like one (a path, a query, a file
        name) and encoded as a browser would send it; when it could be a title as well, the proposer is asked
        which it is. It is never cut at the space with the rest glued onto the title.
        """
        sources = []
        for number, line in enumerate(_lines(answer), start=1):
            match = URL.search(line)
            if match is None:
                self.problem(item, "proposal_source_no_url", number=number, line=shown(line))
                continue
            url = match.group()
            before, after = line[: match.start()], line[match.end() :]
            if after.strip() and not TITLE_SEPARATOR.match(after):
                titled = TITLE_AFTER.search(after)  # "…/Göç Raporu.pdf — Rapor": the title after a separator
                rest, after = (after[: titled.start()], after[titled.start() :]) if titled else (after, "")
                rest = rest.strip()
                if URL.search(rest) or not _continues_address(rest):
                    self.problem(item, "proposal_source_space", number=number, address=shown(url), rest=shown(rest))
                    continue
                url = encode_url(f"{url} {rest}")
                self.problem(item, "proposal_source_encoded", "warning", number=number, url=url)
            url = url.rstrip(".,;:)]")
            title = (before + " " + after).strip(" \t-–—:|,;()[]<>")
            sources.append({"title": " ".join(title.split()) or url, "url": url})
        return sources

    def contact(self, answer: str, item: FormField) -> dict[str, str]:
        text = " ".join(answer.split())
        contact: dict[str, str] = {}
        url = URL.search(text)
        if url:
            contact["url"] = url.group().rstrip(".,;:)]")
            text = text.replace(url.group(), " ")
        email = EMAIL.search(text)
        if email:
            contact["email"] = email.group()
            text = text.replace(email.group(), " ")
        rest = text.strip(" ,;/")
        if rest and PHONE.match(rest):
            contact["phone"] = rest
        elif rest:
            self.problem(item, "proposal_contact", value=shown(rest))
        return contact

    def require_whole_translation(self, answers: dict[str, str | None]) -> None:
        translated = [f for f in self.form.fields if f.twin]
        if not any(answers.get(f.id) for f in translated):
            return
        name = self.form.translation
        for item in translated:
            if answers.get(item.id) is None:
                self.problem(item, "proposal_whole_translation", language=lambda lang: _language_name(self, name, lang))


def _continues_address(rest: str) -> bool:
    first = rest.split()[0]
    return bool(FILE_END.search(rest) or (PATH_WORD.search(first) and not DATE_WORD.match(first)))


def _language_name(reader: _Reader, code: str, lang: str) -> str:
    return reader.words.registry.language(code).name_in(lang)


def read_proposal(body: str, schemas: SchemaSet, form: Form | None = None) -> Proposal:
    """Parse a text made from the form; refuse (``refused``) one that was not."""
    return _Reader(form or proposal_form(schemas), schemas).read(body)


def _dropdown_value(answer: str | None, item: FormField) -> Any:
    if answer is None:
        return None
    for option in item.options:
        if answer.strip() == option.text:
            return option.value
    return None


def _lines(answer: str) -> list[str]:
    items = []
    for line in answer.split("\n"):
        text = " ".join(LIST_MARKER.sub("", line, count=1).split())
        if text:
            items.append(text)
    return items


def _match_term(text: str, vocabulary: Vocabulary) -> Any:
    """A key for an answer that names a term by key or by any of its labels, with or without accents."""
    wanted = fold(text.strip())
    for term in vocabulary:
        if wanted == fold(str(term.key)) or wanted in (fold(label) for label in term.labels.values()):
            return term.key
    return None


def _option_text(item: FormField, key: Any) -> str:
    for option in item.options:
        if option.value == key:
            return without_key(option.text)
    return str(key)


KEYED_OPTION = re.compile(r"^([^,]*?\(([a-z0-9-]+)\))(?:, |$)")


def encode_url(url: str) -> str:
    """``url`` as a browser sends it: spaces and characters outside ASCII percent-encoded (UTF-8) in the path,
    query and fragment; the scheme and host as they are."""
    parts = urlsplit(url)
    return urlunsplit(
        (
            parts.scheme,
            parts.netloc,
            quote(parts.path, safe=URL_SAFE),
            quote(parts.query, safe=URL_SAFE),
            quote(parts.fragment, safe=URL_SAFE),
        )
    )


# ---------------------------------------------------------------------------------------------------
# Writing and checking the record


@dataclass
class Outcome:
    """The result of one proposal: files written, problems found, and what the workflow needs."""

    proposal: Proposal
    slug: str = ""
    files: list[str] = field(default_factory=list)
    problems: list[FormProblem] = field(default_factory=list)
    drafts: dict[str, str] = field(default_factory=dict)  # path → the text written (kept when the files are not)
    words: Words | None = None

    @property
    def errors(self) -> list[FormProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.files)


def propose(project: Project, body: str, *, force: bool = False, schemas: SchemaSet | None = None) -> Outcome:
    """Read the text, write the record as ``mpchub new`` would with the answers, and check it; an accepted
    record is left in the web editor's layout (``mpchub format``).

    With problems, the files written are removed again (``Outcome.drafts`` keeps their text): nothing is
    left in the content folders, so the same command can run again once the proposal is fixed.
    """
    schemas = schemas or SchemaSet(project)
    form = proposal_form(schemas)
    reader = _Reader(form, schemas)
    proposal = reader.read(body)
    outcome = Outcome(proposal, problems=list(proposal.problems), words=reader.words)
    if proposal.refused or not proposal.title:
        return outcome
    assert form.collection is not None
    title_field = form.by_id()["title"]
    slug = slugify(proposal.title)
    if not slug:
        outcome.problems.append(reader.make(title_field, "proposal_no_slug"))
        return outcome
    collection = form.collection.name
    translations = {form.translation: proposal.twin_answers} if form.translation else {}
    result = draft(
        schemas,
        collection,
        slug,
        proposal.title,
        proposal.municipality,
        answers=proposal.answers,
        translation_answers=translations,
        bodies=proposal.bodies,
    )
    languages = [form.translation] if proposal.has_twin else []
    try:
        written = write_draft(project, collection, result, languages=languages, force=force)
    except DraftExists as exc:
        where = project.relative(exc.path)
        outcome.problems.append(reader.make(title_field, "proposal_exists", where=where))
        return outcome
    outcome.slug = slug
    outcome.files = [project.relative(p) for p in written]
    try:
        outcome.drafts = {project.relative(p): p.read_text(encoding="utf-8") for p in written}
        outcome.problems += _checker_problems(project, schemas, outcome, form, reader.words)
    finally:
        if not outcome.ok:
            _remove(written)
            outcome.files = []
    if outcome.ok:
        _in_editor_layout(project, schemas, form.collection, written)
        outcome.drafts = {project.relative(p): p.read_text(encoding="utf-8") for p in written}
    return outcome


def _in_editor_layout(project: Project, schemas: SchemaSet, collection: Collection, paths: list[Path]) -> None:
    """Rewrite the accepted files as the web editor writes records (``mpchub format``), so that the pull request
    needs no formatting and a later edit at ``/admin/`` changes only its own lines. Every value is kept."""
    for path in paths:
        format_file(path, read_record(project, collection, path), schemas)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


FOR_THE_REVIEWER = {rules.UNREVIEWED.name}  # true of every proposal: the pull request's annotations show it


def _checker_problems(
    project: Project, schemas: SchemaSet, outcome: Outcome, form: Form, words: Words
) -> list[FormProblem]:
    """The checker's problems in the written files, named by the form's question (or the whole proposal)."""
    assert form.collection is not None
    paths = draft_paths(project, form.collection.name, outcome.slug)
    twin = project.relative(paths[form.translation]) if form.translation else ""
    texts = outcome.drafts
    already = {p.field for p in outcome.problems}
    found = []
    for problem in load_corpus(project, schemas).problems:
        if problem.path not in texts or problem.rule in FOR_THE_REVIEWER:
            continue
        item = _question_for(problem, form, texts[problem.path], twin=problem.path == twin)
        if item is not None and item.id in already:
            continue  # the form-level message already says it, in the proposer's words
        extra: tuple[tuple[str, int | str], ...] = ()
        if item is None and problem.rule == rules.FILE_TOO_LARGE.name:
            longest = _longest_answer(outcome.proposal, form)
            extra = (("longest", longest.label),) if longest else ()
        found.append(
            FormProblem(
                item.id if item else "",
                item.label if item else "",
                words.rule(problem, extra),
                problem.severity,
                problem.path,
                problem.line,
                kind=problem.rule,
                detail=problem.message,
            )
        )
    return found


_TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][\w-]*):")


def _question_for(problem: Problem, form: Form, text: str, *, twin: bool) -> FormField | None:
    """The question whose answer the problem is in: by its field, else by the line it points at (the body's
    question below the front matter); None when it concerns the whole proposal (the file's size)."""
    if problem.rule in (rules.FILE_TOO_LARGE.name, rules.READ.name):
        return None
    lines = text.split("\n")
    try:
        body_start = lines.index(FENCE_LINE, 1) + 2  # the file line after the closing '---'
    except ValueError:
        body_start = len(lines) + 1
    if problem.line >= body_start:
        return form.body_field(twin)
    top = re.split(r"[.\[]", problem.field, maxsplit=1)[0]
    if not top and 1 < problem.line < body_start:
        owners = [m.group(1) for m in map(_TOP_LEVEL_KEY.match, lines[1 : problem.line]) if m]
        top = owners[-1] if owners else ""
    if not top:
        return None
    if top == "id":
        top = "title"
    found = [item for item in form.fields if item.target == top and item.twin == twin]
    if len(found) > 1:  # the implementer's name and its kind fill one field: the kind is asked on its own
        kind = ".kind" in problem.field
        found = [item for item in found if (item.answer == "organisation-kind") == kind]
    return found[0] if found else None


def _longest_answer(proposal: Proposal, form: Form) -> FormField | None:
    """The question with the longest answer (what makes a proposal too large)."""
    sizes: dict[str, int] = {}
    for item in form.fields:
        if item.answer == "body":
            lang = form.translation if item.twin else form.master
            sizes[item.id] = len(proposal.bodies.get(lang, ""))
        else:
            value = (proposal.twin_answers if item.twin else proposal.answers).get(item.target)
            sizes[item.id] = len(str(value or ""))
    sizes[form.by_id()["title"].id] = len(proposal.title)
    longest = max(sizes, key=lambda key: sizes[key], default="")
    return form.by_id().get(longest)


# ---------------------------------------------------------------------------------------------------
# Reports: JSON for the workflow, Markdown for the issue comment and the pull request


def branch_name(issue: int | None, slug: str) -> str:
    return f"proposal/issue-{issue}-{slug}" if issue else f"proposal/{slug}"


def as_json(outcome: Outcome, issue: int | None) -> dict[str, Any]:
    lang = outcome.proposal.language
    return {
        "ok": outcome.ok,
        "refused": outcome.proposal.refused,
        "issue": issue,
        "language": lang,
        "slug": outcome.slug if outcome.ok else "",
        "branch": branch_name(issue, outcome.slug) if outcome.ok else "",
        "files": outcome.files,
        "criteria": outcome.proposal.criteria,
        "problems": [p.as_dict(lang) for p in outcome.problems],
    }


def comment(outcome: Outcome) -> str:
    """The issue comment: the problems as a table, or what was created (the workflow adds the link)."""
    lang = outcome.proposal.language
    if outcome.ok:
        return created_comment(outcome.files, lang)
    return problems_comment(outcome.errors, lang)


def pull_request_body(outcome: Outcome, issue: int | None) -> str:
    """The pull request's description: which issue it closes, the files, and the criteria ticked."""
    words = outcome.words
    assert words is not None
    proposal = outcome.proposal
    untranslated = None
    if proposal.translation and not proposal.has_twin:
        code = proposal.translation
        untranslated = words.say(
            "proposal_pr_untranslated",
            language=lambda lang: words.registry.language(code).name_in(lang),
            only=lambda lang: t(lang, "turkish_only"),
        )
    warnings = [p for p in outcome.problems if p.severity != "error"]
    return _pull_request_body(words, issue, outcome.files, proposal.criteria, untranslated, warnings)
