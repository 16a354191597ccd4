"""From a "Propose a good practice" issue to record files, with every problem named by the form's label.

GitHub writes an issue made from a form as Markdown: one ``### Label`` heading per question, then the
answer, ``_No response_`` for an empty one, ``- [X]``/``- [ ]`` lines for checkboxes and ``A, B`` for a
multiple dropdown. This module reads that text back with the same :class:`~mpchub.forms.Form` that
wrote the form, turns the answers into the values ``mpchub new`` fills in, writes the files with the
same scaffold, and checks them with the same checker. Everything in the issue is untrusted: it is
cleaned of characters YAML cannot hold, quoted by the scaffold, and escaped wherever it is shown again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from mpchub.content import rules
from mpchub.content.corpus import load_corpus
from mpchub.content.problems import Problem
from mpchub.content.project import Project
from mpchub.content.records import FENCE_LINE
from mpchub.content.rules import RULES
from mpchub.content.schemas import SchemaSet
from mpchub.content.text import fold, slugify
from mpchub.content.vocabularies import Vocabulary
from mpchub.contribute.forms import Form, FormField, practice_form
from mpchub.contribute.scaffold import DraftExists, draft, draft_paths, guess_kind, write_draft

NO_RESPONSE = "_No response_"
HEADING = re.compile(r"^###[ \t]+(.*?)[ \t]*#*[ \t]*$")
CHECKBOX = re.compile(r"^[-*][ \t]+\[([ xX])\][ \t]+(.*?)[ \t]*$")
LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
URL = re.compile(r"https?://[^\s<>\"'`]+")
EMAIL = re.compile(r"[^@\s,;<>()]+@[^@\s,;<>()]+\.[^@\s,;<>()]+")
PHONE = re.compile(r"^\+?[0-9 ()-]{7,20}$")
SHOWN_LENGTH = 80
# Line separators YAML and str.splitlines() read as new lines; everything else a text file should not hold.
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n", "\x0b": "\n", "\x0c": "\n"})


def clean(text: str) -> str:
    """The text with Windows line endings made plain and unprintable characters removed.

    Control characters (other than newline and tab), lone surrogates and non-characters cannot be
    stored in a YAML file or shown on a page; an issue body may hold them when it comes from the API.
    """
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    return "".join(
        ch
        for ch in text
        if ch in "\n\t" or (unicodedata.category(ch) not in ("Cc", "Cs", "Co") and ch not in "\ufffe\uffff")
    )


def shown(value: str) -> str:
    """A contributor's value quoted in a message: one line, at most 80 characters."""
    one_line = " ".join(value.split())
    return repr(one_line if len(one_line) <= SHOWN_LENGTH else one_line[: SHOWN_LENGTH - 1] + "…")


# ---------------------------------------------------------------------------------------------------
# Problems, in the proposer's language


@dataclass(frozen=True)
class FormProblem:
    """One problem, named by the form's question (``field`` is its id; empty for the whole issue)."""

    field: str
    label: str
    tr: str
    en: str
    severity: str = "error"
    file: str = ""
    line: int = 0

    def message(self, lang: str) -> str:
        return self.tr if lang == "tr" else self.en

    def as_dict(self, lang: str) -> dict[str, Any]:
        return {
            "field": self.field,
            "label": self.label,
            "message": self.message(lang),
            "message_tr": self.tr,
            "message_en": self.en,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
        }


def _problem(item: FormField | None, tr: str, en: str, severity: str = "error") -> FormProblem:
    return FormProblem(item.id if item else "", item.label if item else "", tr, en, severity)


# ---------------------------------------------------------------------------------------------------
# Reading the issue body


@dataclass
class Section:
    heading: str
    answer: str | None  # None for "_No response_" or nothing at all
    line: int


def split_sections(body: str) -> tuple[str, list[Section]]:
    """The text before the first ``###`` heading, and every heading with the answer below it."""
    preamble: list[str] = []
    sections: list[Section] = []
    lines: list[str] = []
    for number, line in enumerate(body.split("\n"), start=1):
        match = HEADING.match(line)
        if match:
            if sections:
                sections[-1].answer = _answer(lines)
            else:
                preamble = lines
            sections.append(Section(match.group(1).strip(), None, number))
            lines = []
        else:
            lines.append(line)
    if sections:
        sections[-1].answer = _answer(lines)
    else:
        preamble = lines
    return "\n".join(preamble).strip(), sections


def _answer(lines: list[str]) -> str | None:
    text = "\n".join(lines).strip("\n")
    if not text.strip() or text.strip() == NO_RESPONSE:
        return None
    return text


@dataclass
class Proposal:
    """What the issue says, as record values, and what is wrong with it."""

    language: str = "tr"
    title: str = ""
    municipality: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    twin_answers: dict[str, Any] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)
    criteria: list[str] = field(default_factory=list)
    problems: list[FormProblem] = field(default_factory=list)
    refused: bool = False

    @property
    def has_twin(self) -> bool:
        return bool(self.twin_answers) or "en" in self.bodies


def read_proposal(body: str, schemas: SchemaSet) -> Proposal:
    """Parse an issue body made from the form; refuse (``refused``) one that was not."""
    form = practice_form(schemas)
    by_label = form.by_label()
    proposal = Proposal()
    preamble, sections = split_sections(clean(body))
    known = [s for s in sections if s.heading in by_label]
    title_field = form.by_id()["title"]
    required = [f for f in form.fields if f.required]
    if preamble or title_field.label not in {s.heading for s in known} or len(known) * 2 < len(required):
        proposal.refused = True
        proposal.problems.append(
            _problem(
                None,
                "Bu konu 'İyi uygulama önerin' formuyla açılmamış (formun soruları bulunamadı); hiçbir dosya "
                "yazılmadı. Lütfen öneriyi formla yeniden gönderin.",
                "This issue was not made from the 'Propose a good practice' form (the form's questions are "
                "missing), so nothing was written. Please send the proposal again with the form.",
            )
        )
        return proposal
    answers: dict[str, str | None] = {}
    for section in sections:
        item = by_label.get(section.heading)
        if item is None:
            proposal.problems.append(
                _problem(
                    None,
                    f"'### {shown(section.heading)[1:-1]}' formun sorularından biri değil, bu yüzden altındaki "
                    "metin kullanılmadı. Yanıtlarınızın içinde başlık gerekiyorsa '####' kullanın.",
                    f"'### {shown(section.heading)[1:-1]}' is not a question of the form, so the text under it "
                    "was not used. Use '####' for a heading inside an answer.",
                )
            )
        elif item.id in answers:
            proposal.problems.append(
                _problem(
                    item, "iki kez yer alıyor; yalnızca ilki kullanıldı.", "appears twice; only the first was used."
                )
            )
        else:
            answers[item.id] = section.answer
    language = _dropdown_value(answers.get("language"), form.by_id()["language"])
    proposal.language = language if language in ("tr", "en") else "tr"
    schemas_vocabularies = schemas.vocabularies
    for item in form.fields:
        _interpret(item, answers.get(item.id), proposal, schemas_vocabularies)
    _require_whole_twin(form.fields, answers, proposal)
    return proposal


def _dropdown_value(answer: str | None, item: FormField) -> Any:
    if answer is None:
        return None
    for option in item.options:
        if answer.strip() == option.text:
            return option.value
    return None


def _interpret(item: FormField, answer: str | None, proposal: Proposal, vocabularies: dict[str, Vocabulary]) -> None:
    """Store one answer where the record wants it, or a problem saying why it cannot be used."""
    if item.answer == "consent":
        if not _checked(answer, item):
            proposal.problems.append(
                _problem(
                    item,
                    "işaretlenmemiş: formda kişisel veri olmadığını ve bilgilerin kamuya açık kaynaklara "
                    "dayandığını onaylayın.",
                    "is not ticked: confirm that the form holds no personal data and that the facts come "
                    "from public sources.",
                )
            )
        return
    if item.answer == "criteria":
        proposal.criteria = _checked(answer, item)
        return
    if item.answer == "language":
        return
    if answer is None:
        if item.required:
            proposal.problems.append(
                _problem(item, "boş bırakılmış; bu soru zorunlu.", "is empty; this question must be answered.")
            )
        return
    target = proposal.twin_answers if item.twin else proposal.answers
    if item.answer == "text":
        value = " ".join(answer.split())
        if item.id == "title":
            proposal.title = value
        else:
            target[item.target] = value
    elif item.answer == "date":
        target[item.target] = answer.strip()
    elif item.answer == "lines":
        target[item.target] = _lines(answer)
    elif item.answer == "body":
        proposal.bodies["en" if item.twin else "tr"] = answer.strip("\n") + "\n"
    elif item.answer == "organisation":
        proposal.municipality = " ".join(answer.split())
    elif item.answer in ("key", "organisation-kind"):
        key = _key(answer, item, vocabularies[item.vocabulary], proposal)
        if key is None:
            return
        if item.answer == "key":
            target[item.target] = key
        else:
            proposal.answers["implementers"] = [{"name": proposal.municipality or "TODO: Belediyenin adı", "kind": key}]
    elif item.answer == "keys":
        keys = _keys(answer, item, vocabularies[item.vocabulary], proposal)
        if keys:
            target[item.target] = keys
    elif item.answer == "partners":
        partners = _partners(answer, item, vocabularies["organisation-kinds"], proposal)
        if partners:
            target[item.target] = partners
    elif item.answer == "sources":
        sources = _sources(answer, item, proposal)
        if sources:
            target[item.target] = sources
    elif item.answer == "contact":
        contact = _contact(answer, item, proposal)
        if contact:
            target[item.target] = contact


def _checked(answer: str | None, item: FormField) -> list[str]:
    ticked = []
    for line in (answer or "").split("\n"):
        match = CHECKBOX.match(line.strip())
        if match and match.group(1) in "xX":
            ticked.append(match.group(2))
    texts = {o.text for o in item.options}
    return [t for t in ticked if t in texts]


def _lines(answer: str) -> list[str]:
    items = []
    for line in answer.split("\n"):
        text = " ".join(LIST_MARKER.sub("", line, count=1).split())
        if text:
            items.append(text)
    return items


def _match_term(text: str, vocabulary: Vocabulary) -> Any:
    """A key for an answer that names a term by key or by either label, with or without accents."""
    wanted = fold(text.strip())
    for term in vocabulary:
        if wanted in (fold(str(term.key)), fold(term.labels["tr"]), fold(term.labels["en"])):
            return term.key
    return None


def _option_text(item: FormField, key: Any) -> str:
    for option in item.options:
        if option.value == key:
            return re.sub(r"\s*\([^()]*\)$", "", option.text)
    return str(key)


def _not_an_option(item: FormField, value: str, vocabulary: Vocabulary) -> FormProblem:
    suggestion = vocabulary.suggest(re.sub(r"\s*\([^()]*\)$", "", value).split(" / ")[0])
    hint_tr = hint_en = ""
    if suggestion is not None:
        hint_tr = f"; '{_option_text(item, suggestion)}' mi demek istediniz?"
        hint_en = f"; did you mean '{_option_text(item, suggestion)}'?"
    return _problem(
        item,
        f"{shown(value)} formdaki seçeneklerden biri değil{hint_tr or '; listeden bir seçenek seçin.'}",
        f"{shown(value)} is not {vocabulary.noun}{hint_en or '; choose one of the options in the list.'}",
    )


def _key(answer: str, item: FormField, vocabulary: Vocabulary, proposal: Proposal) -> Any:
    text = " ".join(answer.split())
    for option in item.options:
        if text == option.text:
            return option.value
    key = _match_term(re.sub(r"\s*\(([^()]*)\)$", "", text), vocabulary)
    if key is None:
        bracketed = re.search(r"\(([^()]*)\)$", text)
        key = _match_term(bracketed.group(1), vocabulary) if bracketed else None
    if key is None:
        proposal.problems.append(_not_an_option(item, text, vocabulary))
    return key


KEYED_OPTION = re.compile(r"^([^,]*?\(([a-z0-9-]+)\))(?:, |$)")


def _keys(answer: str, item: FormField, vocabulary: Vocabulary, proposal: Proposal) -> list[Any]:
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
                proposal.problems.append(_not_an_option(item, piece, vocabulary))
        if key is not None and key not in keys:
            keys.append(key)
        rest = rest[len(piece) :].removeprefix(",").strip()
    return keys


def _partners(answer: str, item: FormField, kinds: Vocabulary, proposal: Proposal) -> list[dict[str, Any]]:
    partners = []
    for line in _lines(answer):
        match = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", line)
        name, kind = (match.group(1), _match_term(match.group(2), kinds)) if match else (line, None)
        kind = kind or guess_kind(name)
        if kind is None or not name:
            example = kinds.term("ngo").labels if "ngo" in kinds else {"tr": "Diğer", "en": "Other"}
            proposal.problems.append(
                _problem(
                    item,
                    f"{shown(line)} için kurumun türünü parantez içinde yazın, ör. 'Örnek Derneği "
                    f"({example['tr']})'; türler, uygulayıcı kurumun türü listesindekilerdir.",
                    f"write the kind of organisation of {shown(line)} in brackets, e.g. 'Example Association "
                    f"({example['en']})'; the kinds are those of the implementing organisation's list.",
                )
            )
            continue
        partners.append({"name": name, "kind": kind})
    return partners


def _sources(answer: str, item: FormField, proposal: Proposal) -> list[dict[str, str]]:
    sources = []
    for number, line in enumerate(_lines(answer), start=1):
        match = URL.search(line)
        if match is None:
            proposal.problems.append(
                _problem(
                    item,
                    f"{number}. satırda http:// ya da https:// ile başlayan bir adres yok: {shown(line)}.",
                    f"line {number} has no address starting with http:// or https://: {shown(line)}.",
                )
            )
            continue
        url = match.group().rstrip(".,;:)]")
        title = (line[: match.start()] + " " + line[match.end() :]).strip(" \t-–—:|,;()[]<>")
        sources.append({"title": " ".join(title.split()) or url, "url": url})
    return sources


def _contact(answer: str, item: FormField, proposal: Proposal) -> dict[str, str]:
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
        proposal.problems.append(
            _problem(
                item,
                f"{shown(rest)} bir e-posta adresi, web adresi ya da telefon numarası değil; yalnızca "
                "kurumsal iletişim bilgisi yazın.",
                f"{shown(rest)} is not an e-mail address, a web address or a phone number; write "
                "institutional contact details only.",
            )
        )
    return contact


def _require_whole_twin(fields: tuple[FormField, ...], answers: dict[str, str | None], proposal: Proposal) -> None:
    english = [f for f in fields if f.twin]
    if not any(answers.get(f.id) for f in english):
        return
    for item in english:
        if answers.get(item.id) is None:
            proposal.problems.append(
                _problem(
                    item,
                    "başka İngilizce alanlar doldurulduğu için bu da gerekli (ya da İngilizce alanların hepsini "
                    "boş bırakın).",
                    "is needed because other English fields are filled in (or leave every English field empty).",
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

    @property
    def errors(self) -> list[FormProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.files)


def propose(project: Project, body: str, *, force: bool = False, schemas: SchemaSet | None = None) -> Outcome:
    """Read the issue body, write the record as ``mpchub new`` would with the answers, and check it."""
    schemas = schemas or SchemaSet(project)
    proposal = read_proposal(body, schemas)
    outcome = Outcome(proposal, problems=list(proposal.problems))
    if proposal.refused or not proposal.title:
        return outcome
    form = practice_form(schemas)
    title_field = form.by_id()["title"]
    slug = slugify(proposal.title)
    if not slug:
        outcome.problems.append(
            _problem(
                title_field,
                "başlıktan dosya adı üretilemedi: başlıkta harf ya da rakam olmalı.",
                "no file name can be made from the title: it needs letters or digits.",
            )
        )
        return outcome
    collection = form.collection.name
    second = form.translation
    bodies = {form.master if lang == "tr" else second: text for lang, text in proposal.bodies.items()}
    result = draft(
        schemas,
        collection,
        slug,
        proposal.title,
        proposal.municipality,
        answers=proposal.answers,
        translation_answers={second: proposal.twin_answers},
        bodies=bodies,
    )
    try:
        languages = [second] if proposal.has_twin else []
        written = write_draft(project, collection, result, languages=languages, force=force)
    except DraftExists as exc:
        where = project.relative(exc.path)
        outcome.problems.append(
            _problem(
                title_field,
                f"'{where}' adlı bir kayıt zaten var: başlığı değiştirin ya da o kayıt için düzeltme önerin.",
                f"a record '{where}' already exists: change the title, or suggest a correction to that record.",
            )
        )
        return outcome
    outcome.slug = slug
    outcome.files = [project.relative(p) for p in written]
    outcome.problems += _checker_problems(project, schemas, outcome, form)
    return outcome


FOR_THE_REVIEWER = {
    rules.UNREVIEWED.name
}  # true of every proposal: the pull request's annotations show it to the editor


def _checker_problems(project: Project, schemas: SchemaSet, outcome: Outcome, form: Form) -> list[FormProblem]:
    """The checker's problems in the written files, named by the form's question."""
    twin = project.relative(draft_paths(project, form.collection.name, outcome.slug)[form.translation])
    body_lines = {}
    for relpath in outcome.files:
        text = (project.root / relpath).read_text(encoding="utf-8")
        body_lines[relpath] = text.split("\n").index(FENCE_LINE, 1) + 2
    already = {p.field for p in outcome.problems}
    found = []
    for problem in load_corpus(project, schemas).problems:
        if problem.path not in outcome.files or problem.rule in FOR_THE_REVIEWER:
            continue
        item = _field_for(problem, form, twin=problem.path == twin, in_body=problem.line >= body_lines[problem.path])
        if item is not None and item.id in already:
            continue  # the form-level message already says it, in the proposer's words
        tr, en = _translate(problem)
        found.append(
            FormProblem(
                item.id if item else "",
                item.label if item else "",
                tr,
                en,
                problem.severity,
                problem.path,
                problem.line,
            )
        )
    return found


def _field_for(problem: Problem, form: Form, *, twin: bool, in_body: bool) -> FormField | None:
    if in_body:
        return next(f for f in form.fields if f.answer == "body" and f.twin == twin)
    top = re.split(r"[.\[]", problem.field, maxsplit=1)[0]
    if top == "implementers":
        wanted = "implementer_kind" if ".kind" in problem.field else "implementer"
        return form.by_id()[wanted]
    if top in ("id", "title"):
        return form.by_id()["title_en" if twin else "title"]
    for item in form.fields:
        if item.target == top and item.twin == twin:
            return item
    return None


_UNSAFE_HTML_TR = (
    "izin verilmeyen HTML içeriyor (betik, iframe, görsel, on…= öznitelikleri, javascript: adresleri); "
    "metni düz yazı ya da Markdown olarak yazın"
)
_TR_RULES = {
    **dict.fromkeys(("html-element", "html-attribute", "html-url", "html-comment", "html-ambiguous"), _UNSAFE_HTML_TR),
    "impossible-date": "gerçek bir tarih değil",
    "future-date": "ileri bir tarih; son gözden geçirme tarihini yazın",
    "date-order": "bitiş tarihi başlangıçtan önce",
    "duplicate-id": "bu başlıktan çıkan kimlik başka bir kayıtta kullanılıyor; başlığı değiştirin",
    "repeated": "aynı değer birden çok kez var",
    "placeholder": "doldurulmamış",
    "empty-body": "boş",
    "format": "beklenen biçimde değil",
    "type": "beklenen türde değil",
}
# Every other rule in its Turkish wording from the rule catalogue (what is allowed, stated as a rule).
_RULE_TR = {rule.name: rule.tr for rule in RULES.values()}
_TR_PATTERNS = [
    (
        re.compile(r"is too long: at most (\d+) characters, not (\d+)"),
        "çok uzun: en fazla {0} karakter olabilir, {1} var",
    ),
    (re.compile(r"is too short: at least (\d+) characters, not (\d+)"), "çok kısa: en az {0} karakter olmalı, {1} var"),
    (re.compile(r"must list at most (\d+) items, not (\d+)"), "en fazla {0} seçenek işaretlenebilir, {1} işaretli"),
    (re.compile(r"must list at least one item"), "en az bir öğe gerekli"),
]


def _translate(problem: Problem) -> tuple[str, str]:
    """The checker speaks English; give the Turkish proposer a Turkish sentence with the same facts."""
    english = problem.message
    for pattern, turkish in _TR_PATTERNS:
        match = pattern.search(english)
        if match:
            return turkish.format(*match.groups()) + ".", english
    generic = _TR_RULES.get(problem.rule) or _RULE_TR.get(problem.rule)
    if generic:
        return f"{generic} (ayrıntı: {english})", english
    return f"denetim sorunu (İngilizce): {english}", english


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
        "slug": outcome.slug,
        "branch": branch_name(issue, outcome.slug) if outcome.slug else "",
        "files": outcome.files,
        "criteria": outcome.proposal.criteria,
        "problems": [p.as_dict(lang) for p in outcome.problems],
    }


_MARKDOWN_SPECIALS = re.compile(r"[\\`*_{}\[\]()#!|<>&@:~$^.]")


def escape(text: str) -> str:
    """Contributor text made inert in GitHub Markdown: one line, every special character an entity.

    Entities stop emphasis, links, autolinks (``https:``), mentions (``@``), issue references (``#``),
    HTML and table breaks (``|``) alike; GitHub shows them as the plain characters.
    """
    return _MARKDOWN_SPECIALS.sub(lambda m: f"&#{ord(m.group())};", " ".join(text.split()))


COMMENT_PROBLEMS = {
    "tr": (
        "Öneriniz için teşekkürler. Kayda dönüştürebilmemiz için aşağıdaki sorunların düzeltilmesi gerekiyor. "
        "Bu konunun ilk mesajını düzenleyin (sağ üstteki **···** › **Edit**) ve yanıtları düzeltin; "
        "ardından GPM ekibi öneriyi yeniden dener.",
        "Alan",
        "Sorun",
        "Konu genelinde",
    ),
    "en": (
        "Thank you for your proposal. Before we can turn it into a record, the problems below need fixing. "
        "Edit the first message of this issue (**···** at its top right › **Edit**) and correct the answers; "
        "the MPC team then tries the proposal again.",
        "Field",
        "Problem",
        "Whole issue",
    ),
}
COMMENT_CREATED = {
    "tr": (
        "Öneriniz kayda dönüştürüldü ve bir değişiklik önerisi (pull request) açıldı. Otomatik denetim "
        "geçti; GPM ekibi kaynakları inceledikten sonra kaydı yayımlar. Bir şeyi değiştirmek isterseniz "
        "değişiklik önerisine yorum yazın.",
        "Yazılan dosyalar",
        "Değişiklik önerisi",
    ),
    "en": (
        "Your proposal has been turned into a record and a pull request has been opened. The automatic check "
        "passed; the MPC team publishes the record after reviewing its sources. To change anything, comment "
        "on the pull request.",
        "Files written",
        "Pull request",
    ),
}


def comment(outcome: Outcome) -> str:
    """The issue comment: the problems as a table, or what was created (the workflow adds the link)."""
    lang = outcome.proposal.language
    if outcome.ok:
        intro, files, link = COMMENT_CREATED[lang]
        listed = "\n".join(f"- `{name}`" for name in outcome.files)
        return f"{intro}\n\n{files}:\n\n{listed}\n\n{link}:\n"
    intro, field_header, problem_header, whole = COMMENT_PROBLEMS[lang]
    rows = [f"| {escape(p.label) if p.label else whole} | {escape(p.message(lang))} |" for p in outcome.errors]
    return f"{intro}\n\n| {field_header} | {problem_header} |\n|---|---|\n" + "\n".join(rows) + "\n"


def pull_request_body(outcome: Outcome, issue: int | None) -> str:
    """The pull request's description: which issue it closes, the files, and the criteria ticked."""
    closes = f"Closes #{issue}\n\n" if issue else ""
    files = "\n".join(f"- `{name}`" for name in outcome.files)
    criteria = "\n".join(f"- [x] {escape(c)}" for c in outcome.proposal.criteria) or "- (işaretlenmedi / none ticked)"
    english = (
        ""
        if outcome.proposal.has_twin
        else (
            '\nİngilizce ikiz yazılmadı: kayıt İngilizce sitede "Yalnızca Türkçe" görünecek. / No English twin: the '
            'record will show as "Turkish only" on the English site.\n'
        )
    )
    return (
        f"{closes}Bu değişiklik önerisi, öneri formundan `mpchub from-issue` ile hazırlandı; metin önerenindir "
        "ve `mpchub check` denetiminden geçti. / This pull request was made from the proposal form by "
        "`mpchub from-issue`; the text is the proposer's and passed `mpchub check`.\n\n"
        "**İnceleme / Review:** kaynakları açıp her bilginin onlarda geçtiğini doğrulayın, kişisel veri "
        "olmadığını kontrol edin, gerekirse dalı düzenleyin; sonra **Ready for review** düğmesiyle denetimleri "
        "çalıştırın. / Open the sources and confirm every fact is in them, check there is no personal data, "
        "edit the branch if needed; then press **Ready for review** to run the checks.\n\n"
        f"## Dosyalar / Files\n\n{files}\n{english}\n"
        f"## Önerenin işaretlediği ölçütler / Criteria the proposer ticked\n\n{criteria}\n"
    )
