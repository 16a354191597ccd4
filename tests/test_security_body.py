"""Record bodies: the allow-list renderer that the checker and the build share (``mpchub.content.body``).

Each hostile payload must come back either refused (a problem with the source line and what is allowed)
and inert in the HTML, or rendered inert with nothing to refuse. "Inert" is judged by parsing the output
with lxml and looking for anything that could run code, load another host or poison the search index.
"""

from __future__ import annotations

import re

import lxml.html
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpchub.content import body

EVENT = re.compile(r"^on", re.IGNORECASE)


def assert_inert(html: str) -> None:
    """No script, no handler, no active URL, no data- attribute, no style, no external resource."""
    if not html.strip():
        return
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # a comment would be a lxml comment object: there must be none either
        assert element.tag in body.TAGS | {"div"}, f"<{element.tag}> in {html!r}"
        for name, value in element.attrib.items():
            assert not EVENT.match(name), f"{name}= in {html!r}"
            assert not name.startswith("data-"), f"{name}= in {html!r}"
            assert name not in ("style", "src", "srcset", "action", "formaction"), f"{name}= in {html!r}"
            if name == "href":
                assert body.url_problem(value) is None, f"href={value!r} in {html!r}"
    assert "<!--" not in html


def refused(source: str, rule: str | None = None) -> body.RenderedBody:
    result = body.render(source)
    assert result.problems, f"{source!r} was accepted: {result.html!r}"
    if rule:
        assert rule in {p.rule.name for p in result.problems}, result.problems
    assert_inert(result.html)
    return result


# --- what a record body may contain -----------------------------------------------------------------


ALLOWED = """\
## Işık Çağrı

Metin **kalın**, *italik* ve `kod`.

!!! note "Not"
    Bir not.

??? warning "Açılır bölüm"
    İçerik.

| Ay | Kişi |
|:---|---:|
| Ocak | 12 |

```python
x = "<script>alert(1)</script>"
```

- bir
    - iki

3. üç

> Alıntı

[Kaynak](https://example.org "Başlık"), [e-posta](mailto:bilgi@example.org), [başka sayfa](../diger/),
[bölüm](#isik-cagri), <https://example.org/a>.

Merhaba
{: lang=en }

---
"""


def test_prose_markdown_renders_without_problems() -> None:
    result = body.render(ALLOWED)
    assert result.problems == []
    assert '<h2 id="isik-cagri">Işık Çağrı' in result.html
    assert '<div class="admonition note">' in result.html
    assert '<details class="warning">' in result.html
    assert '<th align="left">Ay</th>' in result.html
    assert "&lt;script&gt;" in result.html  # code is text
    assert '<a href="https://example.org" title="Başlık">Kaynak</a>' in result.html
    assert '<p lang="en">Merhaba</p>' in result.html
    assert result.headings == [body.Heading(2, "isik-cagri", "Işık Çağrı")]
    assert_inert(result.html)


def test_turkish_and_other_scripts_pass() -> None:
    text = "Göç İdaresi ile Şanlıurfa'da ğüşıöç ĞÜŞİÖÇ — «alıntı» … € ✓ 👍🏽 سوريا‎ Ελλάδα\n"
    assert body.render(text).problems == []


# --- one test per family of the issue, with variants --------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        'Text\n{: tabindex="0" autofocus onfocus="alert(1)" }\n',
        "Paragraph\n{: onclick=alert(1) }\n",
        "- item\n{: onclick=alert(1) }\n",
        "## Heading { onmouseover=alert(1) }\n",
        '[x](https://example.org){: href="javascript:alert(1)" }\n',
        "Text\n{: style='position:fixed;inset:0' }\n",
        "Text\n{: .md-search }\n",
        "Text\n{: #__search }\n",
        "## Heading {: #mpc-facets }\n",
        "Text\n{: data-pagefind-body }\n",
        "Text\n{: data-pagefind-meta='title:Fake' }\n",
        "Text\n{: data-pagefind-filter='province:Mars' }\n",
        "Text\n{: data-md-component=search }\n",
    ],
)
def test_attr_list_attributes_outside_the_list_are_refused(source: str) -> None:
    result = refused(source)
    assert all(p.line >= 1 for p in result.problems)
    assert "allowed" in result.problems[0].message or "not allowed" in result.problems[0].message


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        "[x](jav&#x09;ascript:alert(1))",
        "[x](jav&#x0A;ascript:alert(1))",
        "[x](jav&Tab;ascript:alert(1))",
        "[x](jav&#x0D;ascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x]( javascript:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x][r]\n\n[r]: javascript:alert(1)\n",
        "[x][r]\n\n[r]: jav&#x09;ascript:alert(1)\n",
        '<a href="javascript:alert(1)">x</a>',
        '<a href="jav\nascript:alert(1)">x</a>',
        "<javascript:alert(1)>",
        "[x](//evil.example/path)",
        "[mail](mailto:info@example.org?bcc=attacker@example.org)",
        '<a href="mailto:a@b.org?subject=x">m</a>',
    ],
)
def test_unsafe_urls_are_refused(source: str) -> None:
    refused(source)


@pytest.mark.parametrize(
    "source",
    [
        "<!--><img src=x onerror=alert(1)>-->",
        "<!-- --!><img src=x onerror=alert(1)> -->",
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        "<xmp><p title='</xmp><img src=x onerror=alert(1)>'></xmp>",
        "<noembed><p title='</noembed><img src=x onerror=alert(1)>'></noembed>",
        "<noframes><p title='</noframes><img src=x onerror=alert(1)>'></noframes>",
        "<title><p title='</title><img src=x onerror=alert(1)>'></title>",
        "<a `title='` onclick=alert(1)>x</a>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "<iframe src=https://evil.example></iframe>",
        "<object data=x></object><embed src=x>",
        "<form action=https://evil.example><button>x</button></form>",
        "<base href=https://evil.example/>",
        "<meta http-equiv=refresh content='0;url=https://evil.example'>",
        "<style>body{display:none}</style>",
        "<template><img src=x onerror=alert(1)></template>",
        "<div data-pagefind-body>x</div>",
        '<span data-pagefind-meta="title">Fake title</span>',
        '<p style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</p>',
        "![tracker](https://tracker.example/pixel.png)",
        '<img src="https://tracker.example/pixel.png">',
        "<![CDATA[<img src=x onerror=alert(1)>]]>",
        "<?xml version='1.0'?><img src=x onerror=alert(1)>",
        "# A second level-1 heading",
        "!!! custom-kind\n    text\n",
    ],
)
def test_markup_outside_the_list_is_refused_and_inert(source: str) -> None:
    refused(source)


@pytest.mark.parametrize(
    "source",
    [
        "See <![a[ here.",  # crashed MkDocs' build with an AssertionError; here it is text
        "Text <a href='javascript:alert(1)'",  # an unterminated tag at the end stays text
        "Text <img src=x onerror=alert(1)",
        "`<script>alert(1)</script>`",
        "```\n<img src=x onerror=alert(1)>\n```\n",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ],
)
def test_text_that_only_looks_like_markup_renders_as_text(source: str) -> None:
    result = body.render(source)
    assert_inert(result.html)
    assert "<script" not in result.html and "<img" not in result.html


def test_control_character_does_not_hide_the_rest_of_the_body() -> None:
    result = refused("a\x02b\n\n<img src=x onerror=alert(1)>\n", "control-character")
    assert result.problems[0].line == 1 and result.problems[0].column == 2
    assert "\x02" not in result.html


@pytest.mark.parametrize(
    ("source", "rule"),
    [
        ("*" * 5000 + "x" + "*" * 5000, "nesting"),
        ("_" * 5000 + "x", "nesting"),
        ("".join("*a " for _ in range(3000)) + "x" + " a*" * 3000, None),
        ("".join("    " * i + "- a\n" for i in range(40)), "nesting"),
        ("> " * 40 + "x", "nesting"),
        ("[" * 5000, "nesting"),
        ("[a](" * 4000, "nesting"),
        ("[a](x" * 3000, "nesting"),
        ("[a](x) " * 3000, "paragraph-too-long"),
        ("x" * 50_001, "body-too-long"),
        ("\u202eevil", "control-character"),
        ("a\u2066b\u2069", "control-character"),
        ("a\x7fb", "control-character"),
        ("a\x85b", "control-character"),
        ("a\u2028b", "control-character"),
        ("a\ufeffb", "control-character"),
        ("a\ufdd0b", "control-character"),
    ],
)
def test_limits_are_located_errors(source: str, rule: str | None) -> None:
    result = refused(source, rule)
    assert all(p.line >= 1 and p.column >= 1 and p.message for p in result.problems)


def test_problem_points_at_the_source_line() -> None:
    source = "Birinci paragraf.\n\nİkinci paragraf.\n\n[kötü](javascript:alert(1))\n"
    (problem,) = body.render(source).problems
    assert (problem.line, problem.column, problem.rule.name) == (5, 8, "html-url")
    assert "https://" in problem.message


def test_rendering_is_repeatable() -> None:
    """The Markdown instance is reused: footnotes of one body, ids of headings, never leak into the next."""
    first = body.render("## Aynı\n\n## Aynı\n")
    second = body.render("## Aynı\n")
    assert [h.id for h in first.headings] == ["ayni", "ayni_1"]
    assert [h.id for h in second.headings] == ["ayni"]


# --- arbitrary bodies ------------------------------------------------------------------------------

HOSTILE_PIECES = (
    [
        "<", ">", "&", "&#x09;", "&#10;", "&Tab;", "&lt;", "\"", "'", "`", "```", "*", "_", "[", "]", "(", ")",
        "{:", "}", "!!! ", "??? ", "#", "## ", "- ", "1. ", "> ", "|", "\n", "\n\n", "    ", "\t", "\x00", "\x02",
        "\x7f", "\x85", "\u202e", "\u2028", "İ", "ı", "ş", "javascript:", "data:", "mailto:", "https://e.org",
        "<a href=", "<img src=x onerror=", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "<svg", "<style>",
        "onclick=", "style=", "data-pagefind-body", "<noscript>", "<xmp>", "<div markdown=1>", "</div>",
    ]
)  # fmt: skip
PIECES = st.sampled_from(HOSTILE_PIECES)
BODIES = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODIES)
def test_arbitrary_bodies_never_raise_and_never_come_out_unsafe(source: str) -> None:
    result = body.render(source)
    assert_inert(result.html)
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message and problem.rule


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODIES)
def test_accepted_bodies_come_out_exactly_as_written(source: str) -> None:
    """No problem means the sanitiser changed nothing: what the check accepts is what the page shows."""
    result = body.render(source)
    if not result.problems:
        assert body.render(source).html == result.html
        raw = body._markdown().convert(source)
        before, after = body._scan(raw), body._scan(result.html)
        assert before is not None and after is not None
        assert body._signature(before) == body._signature(after)


PLAIN_PIECES = [
    "#", "## ", "# ", "=", "===", "---", "***", "*", "**", "_", "__", "-", "+ ", "- ", "1. ", "12) ", "1234567890. ",
    "> ", "|", "|:--|--:|", "    ", "  \n", "\n", "\n\n", ":", "!", "?", "~", "'", '"', "(", ")", ".", "İ", "ı", "Ş",
    "ğ", "MPC ", "mpc-", "javascript:alert(1)", "https://e.org", "onclick=", "\t",
]  # fmt: skip
PLAIN = st.lists(
    st.one_of(
        st.sampled_from(PLAIN_PIECES),
        st.text(alphabet=st.characters(blacklist_characters="<&[]{}`\\", blacklist_categories=["Cs"]), max_size=6),
    ),
    max_size=80,
).map("".join)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PLAIN)
def test_the_checks_fast_path_finds_what_rendering_finds(source: str) -> None:
    """``body.problems`` skips rendering for plain bodies; it must still report exactly what render does."""
    assert [p.rule for p in body.problems(source)] == [p.rule for p in body.render(source).problems]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(BODIES)
def test_the_check_and_the_build_refuse_the_same_bodies(source: str) -> None:
    assert body.problems(source) == body.render(source).problems


def test_headings_that_look_like_the_sites_own_ids_get_a_prefix() -> None:
    result = body.render("## MPC Raporu\n")
    assert result.problems == []
    assert result.headings == [body.Heading(2, "b-mpc-raporu", "MPC Raporu")]
