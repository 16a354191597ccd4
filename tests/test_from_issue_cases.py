"""`mpchub from-issue` on the proposals that went wrong when tried as a new user would (issue 21).

Each case is a recorded payload in tests/fixtures/issues/ (or, for the 3 MB one, the valid payload with a
description pasted 3 MB long): an address pasted with spaces, Arabic text pasted with its invisible direction
marks, a flood of problems, and an e-mailed copy of the form's text. Problems are told in the proposer's
language from the check rules and the numbers the checker puts on a problem, never by re-reading its English.
"""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Hub, run_cli
from mpchub.content.corpus import load_corpus
from mpchub.contribute.messages import COMMENT_LIMIT, FormProblem, problems_comment
from test_from_issue import SLUG, expected_master, from_body, from_issue, messages
from test_from_issue_bodies import FIXTURES, event, load_fixture

GITHUB_COMMENT_LIMIT = 65_536  # GitHub refuses a longer comment, and the proposer hears nothing
LANGUAGE_QUESTION = "Yanıt dili / Language for our replies"


def body_of(name: str) -> str:
    return load_fixture(name)["issue"]["body"]


# --- addresses pasted with spaces -------------------------------------------------------------------------


def test_an_address_with_spaces_is_encoded_or_refused_never_cut(hub: Hub) -> None:
    result, data = from_issue(hub, "source-with-spaces")
    assert result.exit_code == 1 and data["files"] == []
    sources = [p for p in data["problems"] if p["label"] == "Kaynaklar / Sources"]
    assert [(p["severity"], p["rule"]) for p in sources] == [
        ("warning", "proposal_source_encoded"),  # …/Göç Raporu 2023.pdf reads as one address: encoded
        ("error", "proposal_source_space"),  # …/göçmen kadınlar için dil kursu might be a title: asked
    ]
    assert sources[1]["message"] == (
        "2. satırdaki adres bir boşlukta kesiliyor ve ardından yazı geliyor: "
        "'https://www.ornek.bel.tr/haberler/göçmen', sonra 'kadınlar için dil kursu'. Boşluk adrese aitse adresi "
        "tarayıcının adres çubuğundan yeniden kopyalayın ya da boşlukları %20 olarak yazın; yazı kaynağın adıysa "
        "onu adresin önüne yazın."
    )


def test_a_file_address_with_spaces_is_written_as_a_browser_sends_it(hub: Hub, tmp_path: Path) -> None:
    pr_body = tmp_path / "pr.md"
    result, data = from_issue(hub, "source-file-with-spaces", "--pr-body", str(pr_body), tmp=tmp_path)
    assert result.exit_code == 0, result.err
    record = load_corpus(hub.project).records["practice"][SLUG].data
    assert record["sources"] == [
        {
            "title": "Belediyenin göç raporu",
            "url": "https://www.ornek.bel.tr/Uploads/G%C3%B6%C3%A7%20Raporu%202023.pdf",
        },
        {"title": "Eylem planının eki", "url": "https://www.ornek.bel.tr/belgeler/Eylem%20Plan%C4%B1/ek%201.docx"},
    ]
    warnings = [p["message_en"] for p in data["problems"] if p["severity"] == "warning"]
    assert len(warnings) == 2 and "Check that the address is right" in warnings[0]
    to_check = pr_body.read_text(encoding="utf-8").split("## Denetlenecekler / To check\n\n")[1].split("\n\n")[0]
    assert to_check.count("- Kaynaklar / Sources: ") == 2 and "G%C3%B6%C3%A7%20Raporu" in to_check  # for the reviewer


# --- problems of the whole proposal, and invisible characters ---------------------------------------------


def test_bidi_marks_from_pasted_arabic_are_named_by_their_question(hub: Hub) -> None:
    result, data = from_issue(hub, "arabic-pasted")
    assert result.exit_code == 1 and data["files"] == []
    found = {(p["label"], p["rule"]) for p in data["problems"]}
    assert found == {
        ("Ortaklar / Partners", "control-character"),
        ("Açıklama / Description", "control-character"),
    }
    assert LANGUAGE_QUESTION not in {p["label"] for p in data["problems"]}
    partners = next(p for p in data["problems"] if p["label"] == "Ortaklar / Partners")
    assert partners["message"].startswith(
        "şu kurala uymuyor: Hiçbir metinde denetim karakteri, yön değiştirme karakteri veya satır ayırıcı olmaz. "
        "Yanıtta görünmeyen bir yön ya da denetim karakteri var"
    )
    assert "U+202B" in partners["detail"]  # the checker's own words stay for the maintainer


def test_a_3_mb_description_names_the_whole_proposal_and_its_longest_answer(hub: Hub, tmp_path: Path) -> None:
    body = body_of("valid").replace("İkinci paragraf.", "Uzun bir paragraf.\n\n" * 160_000)
    assert len(body.encode("utf-8")) > 3_000_000
    payload = tmp_path / "event.json"
    payload.write_text(json.dumps(event(body)), encoding="utf-8")
    comment = tmp_path / "comment.md"
    result = run_cli(
        "--root", str(hub.root), "from-issue", "--event", str(payload),
        "--json", str(tmp_path / "r.json"), "--comment", str(comment),
    )  # fmt: skip
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert result.exit_code == 1 and data["files"] == [] and not list((hub.root / "practices").iterdir())
    (problem,) = data["problems"]
    assert problem["label"] == "" and problem["rule"] == "file-too-large"
    assert problem["message"].startswith(
        "şu kurala uymuyor: Bir kayıt dosyası en çok 1 MB'tır (en fazla 1.000.000 bayt; öneri "
    )
    assert problem["message"].endswith("en uzun yanıt: Açıklama / Description).")
    assert "| Önerinin tamamı | " in comment.read_text(encoding="utf-8")


# --- the comment stays under GitHub's limit ----------------------------------------------------------------


def test_a_flood_of_problems_gives_a_short_comment_with_repeats_counted(hub: Hub, tmp_path: Path) -> None:
    comment = tmp_path / "comment.md"
    result, data = from_issue(hub, "flood", "--comment", str(comment), tmp=tmp_path)
    assert result.exit_code == 1 and len(data["problems"]) == 900  # every problem is in the JSON
    text = comment.read_text(encoding="utf-8")
    assert len(text) < 5_000
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Alan")]
    assert len(rows) == 2
    assert rows[0].startswith("| Önerinin tamamı | ")
    assert rows[0].endswith("&#40;ve bunun gibi 299 sorun daha&#41; |")
    assert rows[1].startswith("| Kaynaklar / Sources | ")
    assert rows[1].endswith("&#40;ve bunun gibi 599 sorun daha&#41; |")


def test_the_comment_is_cut_on_a_row_and_says_how_many_more() -> None:
    problems = [
        FormProblem(f"q{i}", f"Soru {i}", {"tr": "x" * 300, "en": "x" * 300}, kind=f"k{i}") for i in range(2_000)
    ]
    text = problems_comment(problems, "tr")
    assert len(text) <= COMMENT_LIMIT < GITHUB_COMMENT_LIMIT
    rows = [line for line in text.splitlines() if line.startswith("| Soru")]
    assert text.rstrip().endswith(
        f"Yer kalmadığı için {2_000 - len(rows)} sorun daha gösterilmedi; yukarıdakileri düzelttikten sonra öneri "
        "yeniden denendiğinde görünürler."
    )
    assert all(line.endswith(" |") for line in rows)  # whole rows only


# --- a failed run leaves nothing behind ---------------------------------------------------------------------


def test_a_failed_run_leaves_nothing_and_the_fixed_proposal_goes_through(hub: Hub) -> None:
    result, data = from_issue(hub, "wrong-label-tr")
    assert result.exit_code == 1 and data["files"] == [] and data["slug"] == data["branch"] == ""
    assert not list((hub.root / "practices").iterdir())
    again, data = from_issue(hub, "valid")  # the proposer fixed the province; the maintainer runs it again
    assert again.exit_code == 0, again.err
    assert data["files"] == [f"practices/{SLUG}.md"]


# --- the form's text received by e-mail --------------------------------------------------------------------


def test_an_emailed_body_becomes_the_same_record_as_the_issue(hub: Hub, tmp_path: Path) -> None:
    """Windows line endings, checkbox lines wrapped at 76 characters, a signature: the same record."""
    mail = (FIXTURES / "email-body.txt").read_bytes()
    assert b"\r\n-- \r\n" in mail and b"\r\nbeneficiaries" not in mail
    path = tmp_path / "mail.txt"
    path.write_bytes(mail)
    out = tmp_path / "r.json"
    result = run_cli("--root", str(hub.root), "from-issue", str(path), "--json", str(out))
    assert result.exit_code == 0, result.err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["criteria"] == [
        "Ortaklıkla geliştirildi / It was built in partnership",
        "Birlikte yaşamı güçlendiriyor / It strengthens living together",
    ]
    assert (hub.root / "practices" / f"{SLUG}.md").read_text(encoding="utf-8") == expected_master(hub)


def test_a_signature_after_a_text_answer_is_not_part_of_it(hub: Hub) -> None:
    body = body_of("valid") + "\n\n### Açıklama (İngilizce) / Description (English)\n\nText.\n\n-- \nAyşe"
    _result, data = from_body(hub, body)
    assert "Açıklama (İngilizce) / Description (English): iki kez yer alıyor; yalnızca ilki kullanıldı." in messages(
        data
    )


def test_the_checker_puts_its_numbers_on_a_problem(hub: Hub) -> None:
    """`mpchub check --format json` carries the facts a proposer's sentence is built from."""
    text = expected_master(hub).replace('title: "Sentetik Mahalle Dil Kafesi"', "title: " + "Uzun başlık " * 20)
    hub.write(f"practices/{SLUG}.md", text)
    problems = json.loads(hub.check("--format", "json").out)
    too_long = next(p for p in problems if p["rule"] == "too-long")
    assert too_long["facts"] == {"max_characters": 160, "characters": 239}
    assert "facts" not in next(p for p in problems if p["rule"] != "too-long")
