"""Ways in without a GitHub account (issue 21): the Contribute page's proposal form, "suggest a correction" on
every record page, "report a problem" at the foot of every page, all prefilled e-mails to the MPC.

On the shared fixture site (SITE_URL and REPO_URL set, served under a sub-path). The proposal form is filled
in Chromium as a visitor would, its mailto: link is read, and the e-mail's text, saved as a file, goes
through `mpchub from-issue`: it must give the same record as the same answers given in the GitHub issue form
(rendered as GitHub renders an issue, tests/test_from_issue_bodies.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from conftest import REPO, Hub, run_cli
from mpchub.content.project import Project
from mpchub.content.schemas import SchemaSet
from mpchub.contribute.forms import proposal_form
from mpchub.contribute.mail import MAILTO_LIMIT
from mpchub.render.strings import STRINGS
from sites import REPO_URL, SITE_URL, BuiltSite
from test_from_issue_bodies import form_yaml, option, questions, render_body

FORM = form_yaml()
ADDRESS = proposal_form(SchemaSet(Project(REPO))).address
SLUG = "sentetik-gonullu-tercuman-agi"
RECORD_PAGES = [
    "practices/cagri-merkezi/",
    "en/practices/cagri-merkezi/",
    "en/practices/dil-kursu/",  # untranslated: the English page of a Turkish record
    "recommendations/ornek-oneri/",
    "en/publications/ornek-rapor/",
]


def criteria(*indexes: int) -> list[str]:
    return [questions(FORM)["criteria"]["attributes"]["options"][i]["label"] for i in indexes]


# The answers, as the issue form takes them (option texts) and as a visitor gives them on the page.
ANSWERS = {
    "language": "Türkçe",
    "title": "Sentetik Gönüllü Tercüman Ağı",
    "summary": "Sentetik bir kayıt: gönüllü tercümanlar belediye hizmetlerine erişimi kolaylaştırır.",
    "implementer": "Sentetik Bursa Büyükşehir Belediyesi",
    "implementer_kind": option(FORM, "implementer_kind", "metropolitan-municipality"),
    "province": option(FORM, "province", "bursa"),
    "district": "Osmangazi",
    "scale": option(FORM, "scale", "metropolitan"),
    "start_date": "2022-09",
    "status": option(FORM, "status", "regular-service"),
    "practice_type": option(FORM, "practice_type", "service"),
    "themes": [option(FORM, "themes", "strategy-planning"), option(FORM, "themes", "access-to-services")],
    # several choices in the order of the list, as GitHub and the page's form both write them
    "target_groups": [option(FORM, "target_groups", "temporary-protection"), option(FORM, "target_groups", "women")],
    "objectives": "Hizmetlere erişimi kolaylaştırmak\nBelediye çalışanlarının işini hafifletmek",
    "activities": "- Telefonla tercüme\n- Yüz yüze eşlik",
    "partners": "Sentetik Dayanışma Derneği (Sivil Toplum Kuruluşu)",
    "challenges": "Gönüllü bulmak",
    "transferability": "Bir telefon hattı ve on gönüllüyle başlanabilir.",
    "sources": "Belediyenin duyurusu https://example.org/tercuman\nhttps://example.org/haber?id=7&dil=tr",
    "contact": "goc@example.org",
    "description": "Sentetik gövde: **Markdown** ile yazılmış, [bağlantılı](https://example.org/) bir paragraf.\n\n"
    "İkinci paragraf: ç, ğ, ı, İ, ö, ş, ü & % + # ?",
    "title_en": "Synthetic Volunteer Interpreters' Network",
    "summary_en": "A synthetic record: volunteer interpreters ease access to municipal services.",
    "objectives_en": "Ease access to services\nLighten the work of municipal staff",
    "activities_en": "- Interpreting by phone\n- Going along in person",
    "description_en": "Synthetic body in English.",
    "criteria": criteria(0, 3),
    "consent": [questions(FORM)["consent"]["attributes"]["options"][0]["label"]],
}


def fill(page, answers: dict) -> None:
    """Answer every question as a visitor does: type, choose from lists, tick boxes by their visible words."""
    for item in questions(FORM).values():
        value = answers.get(item["id"])
        field = f"#mpc-p-{item['id']}"
        if value is None:
            continue
        if item["type"] in ("input", "textarea"):
            page.fill(field, value)
        elif item["type"] == "dropdown" and not item["attributes"].get("multiple"):
            page.select_option(field, value=value)
        else:
            for text in value:
                page.locator(f"input[name={item['id']}][value={json.dumps(text, ensure_ascii=False)}]").check()


def prepared(page) -> dict[str, str]:
    """Press the form's button; the mailto: link's parts and the text shown to copy."""
    page.get_by_role("button", name=STRINGS["tr"]["propose_submit"]).click()
    result = page.locator("[data-mpc-mail-result]")
    result.wait_for(state="visible")
    href = result.locator("[data-mpc-mail-open]").get_attribute("href")
    parts = urlsplit(href)
    query = parse_qs(parts.query, keep_blank_values=True)
    return {
        "href": href,
        "to": unquote(parts.path),
        "subject": query["subject"][0],
        "body": query.get("body", [""])[0],
        "text": result.locator("[data-mpc-mail-text]").input_value(),
        "status": result.locator("[data-mpc-mail-status]").inner_text(),
        "check": result.locator("[data-mpc-mail-check]:visible").all_inner_texts(),
    }


def from_file(hub: Hub, text: str, name: str) -> dict:
    path = hub.root / name
    path.write_bytes(text.encode("utf-8"))
    out = hub.root / f"{name}.json"
    result = run_cli("--root", str(hub.root), "from-issue", str(path), "--json", str(out))
    assert result.exit_code == 0, result.err
    return json.loads(out.read_text(encoding="utf-8"))


def record_files(hub: Hub) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((hub.root / "practices").iterdir())}


# --- the proposal form -----------------------------------------------------------------------------------


def test_the_e_mailed_proposal_becomes_the_record_the_issue_form_gives(site_url: str, page, tmp_path: Path) -> None:
    page.goto(site_url + "contribute/")
    fill(page, ANSWERS)
    mail = prepared(page)
    assert mail["to"] == ADDRESS
    assert mail["subject"] == "[İyi uygulama / Good practice]: Sentetik Gönüllü Tercüman Ağı"
    assert "\r\n" in mail["body"] and mail["body"].replace("\r\n", "\n") == mail["text"]  # RFC 6068 line breaks
    assert mail["status"] == STRINGS["tr"]["propose_ready"] and len(mail["href"]) <= MAILTO_LIMIT
    assert mail["text"] == render_body(FORM, ANSWERS)  # the issue form's exact shape
    # past what every mail program keeps whole: check that the e-mail ends with the form's last question
    assert mail["check"] == [STRINGS["tr"]["propose_check_end"].format(last="Onay / Confirmation")]

    by_mail, by_issue = Hub(tmp_path / "mail"), Hub(tmp_path / "issue")
    mailed = from_file(by_mail, mail["body"], "e-mail.txt")  # the e-mail's text, saved as it arrived
    issued = from_file(by_issue, render_body(FORM, ANSWERS), "issue.md")
    assert mailed["files"] == issued["files"] == [f"practices/{SLUG}.md", f"practices/{SLUG}.en.md"]
    assert record_files(by_mail) == record_files(by_issue)
    assert mailed["criteria"] == issued["criteria"] == ANSWERS["criteria"]
    assert by_mail.check().exit_code == 0


def test_the_form_asks_the_issue_forms_questions_in_the_pages_language(fixture_site: BuiltSite) -> None:
    """One description: the page's questions are the issue form's, with its headings and option texts."""
    issue = questions(FORM)
    for url, lang in (("contribute/", "tr"), ("en/contribute/", "en")):
        form = fixture_site.page(url).select_one("form[data-mpc-propose]")
        asked = form.select("[data-mpc-q]")
        assert [q["data-heading"] for q in asked] == [i["attributes"]["label"] for i in issue.values()], url
        for question, item in zip(asked, issue.values(), strict=True):
            values = [o["value"] for o in question.select("option[value]") if o["value"]]
            values += [box["value"] for box in question.select("input[type=checkbox]")]
            wanted = item["attributes"].get("options", [])
            assert values == [o["label"] if isinstance(o, dict) else o for o in wanted], item["id"]
        title = form.select_one("label[for=mpc-p-title]").get_text(" ", strip=True)
        assert title.startswith("Başlık" if lang == "tr" else "Title"), url
        assert form["data-address"] == ADDRESS and form["method"] == "dialog"  # submitting sends nothing


def test_a_proposal_too_long_for_a_link_is_offered_to_copy(site_url: str, browser) -> None:
    """Also: a required list of several choices is checked by the browser before anything is composed."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(site_url + "contribute/")
        long_text = "Uzun açıklama, çok uzun. " * 1_600  # 40,000 characters: past what a mailto: link may carry
        fill(page, {**ANSWERS, "description": long_text, "themes": None})
        page.get_by_role("button", name=STRINGS["tr"]["propose_submit"]).click()
        assert page.locator("[data-mpc-mail-result]").is_hidden()
        first_theme = page.locator("input[name=themes]").first
        assert first_theme.evaluate("box => box.validationMessage") == STRINGS["tr"]["propose_choose_one"]
        fill(page, {"themes": ANSWERS["themes"]})
        mail = prepared(page)
        assert mail["body"] == "" and mail["subject"].endswith("Tercüman Ağı")  # the link opens an empty e-mail
        assert mail["status"] == STRINGS["tr"]["propose_too_long"].format(address=ADDRESS)
        assert long_text.strip() in mail["text"]
        page.locator("[data-mpc-mail-result] [data-mpc-copy]").click()
        page.wait_for_function("() => document.querySelector('[data-mpc-copy-status]').textContent !== ''")
        assert page.evaluate("() => navigator.clipboard.readText()") == mail["text"]
    finally:
        context.close()


# --- corrections and problems, and no GitHub sign-in on public pages ---------------------------------------


def mail_parts(href: str) -> tuple[str, dict[str, str]]:
    parts = urlsplit(href)
    assert parts.scheme == "mailto"
    return unquote(parts.path), {k: v[0] for k, v in parse_qs(parts.query).items()}


@pytest.mark.parametrize("url", RECORD_PAGES)
def test_every_record_page_offers_a_correction_by_e_mail(fixture_site: BuiltSite, url: str) -> None:
    page = fixture_site.page(url)
    block = page.select_one("article details.mpc-correct")
    lang = "en" if url.startswith("en/") else "tr"
    assert block.summary.get_text() == STRINGS[lang]["feedback_correct"]
    to, query = mail_parts(block.select_one("a[data-mpc-mail-open]")["href"])
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    assert to == ADDRESS
    assert f"({slug})" in query["subject"]
    assert query["body"].startswith(f"{'Page' if lang == 'en' else 'Sayfa'}: {SITE_URL}{url}\r\n")
    assert f": {slug}\r\n" in query["body"]
    assert block.select_one("textarea[readonly]").get_text() == query["body"].replace("\r\n", "\n")
    assert block.get("data-pagefind-ignore") == "all"  # the same words on every record page stay out of search


def test_every_page_ends_with_a_problem_report_by_e_mail(fixture_site: BuiltSite) -> None:
    for url in ("", "practices/cagri-merkezi/", "en/practices/dil-kursu/", "about/", "en/themes/education/"):
        (link,) = fixture_site.page(url).select(".mpc-feedback a")
        to, query = mail_parts(link["href"])
        assert to == ADDRESS and query["body"].split("\r\n")[0].endswith(f": {SITE_URL}{url}"), url
    english = fixture_site.page("en/about/").select_one(".mpc-feedback")
    assert english.a.get_text() == STRINGS["en"]["feedback_report"] and ADDRESS in english.get_text()


def test_public_pages_send_no_one_to_a_github_sign_in(fixture_site: BuiltSite) -> None:
    """Forms and editing on GitHub need an account: they are offered in the Contribute area only."""
    walls = re.compile(rf"^{re.escape(REPO_URL)}/(issues/new|edit/|new/|blob/)")
    found = []
    for path in fixture_site.html_files():
        url = fixture_site.url_of(path)
        if url.removeprefix("en/").startswith("contribute/"):
            continue
        html = path.read_text(encoding="utf-8")
        found += [(url, href) for href in re.findall(r'href="([^"]+)"', html) if walls.match(href)]
    assert not found, found[:10]
    contribute = [a["href"] for a in fixture_site.page("en/contribute/").select("article a[href]")]
    for form in ("propose-practice.yml", "suggest-correction.yml", "report-problem.yml"):
        assert any(href.startswith(f"{REPO_URL}/issues/new?template={form}") for href in contribute), form


def test_the_script_keeps_no_words_of_its_own() -> None:
    source = (REPO / "docs" / "assets" / "javascripts" / "propose.js").read_text(encoding="utf-8")
    keys = [k for k in STRINGS["tr"] if k.startswith(("mail_", "propose_", "correct_", "report_"))]
    literals = set(re.findall(r"\"([^\"\n]*)\"|'([^'\n]*)'", source))
    texts = {text for pair in literals for text in pair if text}
    copies = [(lang, key) for lang, words in STRINGS.items() for key in keys if words[key] in texts]
    assert "_No response_" in texts  # what GitHub writes for an empty answer: the issue's shape, not a word
    assert not copies, copies


def test_the_composed_e_mail_and_an_open_correction_are_accessible_on_a_phone(site_url: str, browser) -> None:
    """What axe cannot see in the page as loaded: the composed e-mail (shown on submit) and the correction
    (inside a closed <details>), at 360 px, in light (the dark scheme changes only colours, which the every-page
    test checks on the form)."""
    from browser import AXE_ALL, WATCH, overflow, serious_violations

    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    context.add_init_script(WATCH)
    page = context.new_page()
    try:
        page.goto(site_url + "contribute/")
        fill(page, ANSWERS)
        prepared(page)
        assert serious_violations(page, AXE_ALL) == []
        assert overflow(page) == []
        page.goto(site_url + "en/practices/cagri-merkezi/")
        page.locator("details.mpc-correct summary").click()
        page.locator("details.mpc-correct [data-mpc-copy]").wait_for(state="visible")
        assert serious_violations(page, AXE_ALL) == []
        assert overflow(page) == []
        assert page.evaluate("() => window.__violations.concat(window.__ran)") == []  # the CSP holds
    finally:
        context.close()
