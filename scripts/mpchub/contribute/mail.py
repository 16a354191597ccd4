"""Ways in without a GitHub account: the proposal form of the Contribute page, "suggest a correction" on every
record page and "report a problem" at the foot of every page, each a prefilled e-mail to the MPC.

The proposal form is the same :class:`~mpchub.contribute.forms.Form` that writes the GitHub issue form: the
page shows each question in its own language, and ``docs/assets/javascripts/propose.js`` composes the answers
in the exact shape GitHub gives an issue (``### Label``, the answer or ``_No response_``), so that
``mpchub from-issue`` reads the e-mail as it reads an issue. The site never receives anything: the visitor's
own e-mail program sends the text, or the visitor copies it (webmail, or a text too long for a link).

Why our own script: a form that hands its text to an e-mail program is ``<form action="mailto:">``, which
writes ``name=value`` lines (not the issue's shape), ignores the subject and is blocked by the site's
``form-action 'self'``; no maintained library composes a GitHub issue form's text.
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from markupsafe import Markup, escape

from mpchub.contribute.forms import Form, FormField
from mpchub.render.strings import t
from mpchub.render.templates import render

# How long a mailto: link may be before the form offers only copying the text. Chromium 156 on Linux hands a
# mailto: link to the system's mail program only up to 131,071 characters (Linux's limit on one command-line
# argument; measured: a link one character longer opens nothing, silently), and Windows starts the mail
# program with the address on a command line of at most 32,767 characters (CreateProcess): 32,000 leaves
# room for the program's own path. Above MAILTO_SAFE some mail programs cut the text (Outlook on Windows
# was measured at 2,046 characters), so the form asks the visitor to check that the e-mail ends where the
# text does.
MAILTO_LIMIT = 32_000
MAILTO_SAFE = 2_000


def mailto(address: str, subject: str, body: str = "") -> str:
    """A ``mailto:`` link (RFC 6068): subject and body percent-encoded, line breaks as CR LF."""
    link = f"mailto:{address}?subject={quote(subject, safe='')}"
    return link + (f"&body={quote(body.replace(chr(10), chr(13) + chr(10)), safe='')}" if body else "")


def _note(markdown: str) -> Markup:
    """A form note's Markdown (maintainers' text: only **bold** is used) as HTML, everything else escaped."""
    return Markup(re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", str(escape(markdown))))


def _widget(item: FormField) -> str:
    if item.kind == "dropdown":
        return "choices" if item.multiple else "select"
    return item.kind  # input | textarea | checkboxes


def proposal_form_html(form: Form, lang: str) -> str:
    """The Contribute page's proposal form in ``lang`` (the words of the form's master where it has none)."""
    shown = lang if lang in form.languages else form.master
    notes = {
        key: _note(texts.get(shown) or next(iter(texts.values()))) for key, texts in form.note_texts.items() if texts
    }
    last = form.fields[-1]
    words = {
        "ready": t(lang, "propose_ready"),
        "too_long": t(lang, "propose_too_long", address=form.address),
        "check_end": t(lang, "propose_check_end", last=last.label),
        "copied": t(lang, "mail_copied"),
        "copy_failed": t(lang, "mail_copy_failed"),
        "choose_one": t(lang, "propose_choose_one"),
    }
    return render(
        "contribute/proposal-form.html",
        form=form,
        lang=shown,
        page_lang=lang,
        t=lambda key, **values: t(lang, key, **values),
        notes=notes,
        widget=_widget,
        words=json.dumps(words, ensure_ascii=False),
        limit=MAILTO_LIMIT,
        safe=MAILTO_SAFE,
        nojs=_with_address(t(lang, "propose_nojs", address="\x00"), form.address),
    )


def correction_html(address: str, lang: str, record_id: str, title: str, page_url: str) -> str:
    """A record page's "suggest a correction": a prefilled e-mail with the page's address and the record's id,
    and the same text to copy."""
    subject = t(lang, "correct_subject", title=title, id=record_id)
    body = t(lang, "correct_body", url=page_url, id=record_id)
    return render(
        "contribute/correction.html",
        t=lambda key, **values: t(lang, key, **values),
        address=address,
        subject=subject,
        body=body,
        link=mailto(address, subject, body),
        or_copy=_with_address(t(lang, "mail_or_copy", address="\x00"), address),
        record_id=record_id,
    )


def report_html(address: str, lang: str, page_url: str) -> str:
    """The foot of every page: "report a problem on this page", a prefilled e-mail, the address shown."""
    subject = t(lang, "report_subject", url=page_url)
    body = t(lang, "report_body", url=page_url)
    return render(
        "contribute/report.html",
        text=t(lang, "feedback_report"),
        address=t(lang, "feedback_address", address=address),
        link=mailto(address, subject, body),
    )


def _with_address(sentence: str, address: str) -> Markup:
    """A catalogue sentence with the address (written as ``\\x00``) made a mailto: link; the rest escaped."""
    return Markup(escape(sentence)).replace("\x00", Markup('<a href="mailto:{0}">{0}</a>').format(address))
