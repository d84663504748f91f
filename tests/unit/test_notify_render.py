"""Reply templates (docs/architecture.md §6): every kind and language renders, strictly and escaped.

The reply objects are built by hand with `make_reply`; the other
`test_notify_*` files import it from here.
"""

import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

import pytest
from jinja2 import UndefinedError
from markupsafe import escape

from mailroom.config import load_settings
from mailroom.facts import vacancy_facts
from notify import (
    FaqEntry,
    FileFacts,
    Mailbox,
    PlanningStep,
    RenderedReply,
    Reply,
    ReplyKind,
    TemplateRenderer,
    VacancyFacts,
    Wording,
)
from notify.subjects import THREADED_KINDS

from ..support import EXAMPLE_CONFIG, REPO

AMS = ZoneInfo("Europe/Amsterdam")
TEMPLATES = REPO / "config" / "templates"
LANGUAGES = ("nl", "en")
FIRM = "Chasse Executive Search"
TITLE = Wording(
    nl="Plaatsvervangend Algemeen Directeur IPO, tevens Directeur BIJ12",
    en="Deputy Director-General of IPO, also Director of BIJ12",
)
REFERENCE = "IPO-00042"
NASTY = "<script>alert(1)</script> & Zoë"
NASTY_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Zoë"

SEED_VACANCY = VacancyFacts(
    slug="ipo-bij12",
    reference_prefix="IPO",
    title=TITLE,
    organisation=Wording(
        nl="Interprovinciaal Overleg (IPO)", en="Interprovincial Consultation (IPO)"
    ),
    opens_at=datetime(2025, 12, 19, tzinfo=AMS),
    closes_at=datetime(2026, 1, 6, 23, 59, 59, tzinfo=AMS),
    privacy_url="https://chassesearch.nl/contact/privacy-statement/",
    contacts=("Inge Diepenhorst", "Ferdi de Lange"),
    planning=(
        PlanningStep(
            date(2026, 1, 8), date(2026, 1, 12), {"nl": "voorselectie", "en": "screening"}
        ),
        PlanningStep(date(2026, 1, 14), None, {"nl": "overzicht", "en": "overview"}),
        PlanningStep(None, date(2026, 1, 20), {"nl": "gesprekken", "en": "interviews"}),
    ),
)


def make_reply(
    kind: ReplyKind = ReplyKind.CONFIRMATION,
    language: str = "nl",
    *,
    arrived_at: datetime = datetime(2026, 1, 4, 10, 0, tzinfo=AMS),
    written_at: datetime | None = None,
    **changes: object,
) -> Reply:
    """A reply about the seed vacancy, written two minutes after arrival unless
    `written_at` says otherwise; `changes` override any other field."""
    reply = Reply(
        kind=kind,
        language=language,
        to=Mailbox("Jan de Vries", "jan.devries@example.nl"),
        subject_of_original="Sollicitatie BIJ12",
        in_reply_to="<m2@example.nl>",
        references=("<m1@example.nl>", "<m2@example.nl>"),
        vacancy=SEED_VACANCY,
        arrived_at=arrived_at,
        reference=REFERENCE,
        written_at=written_at or arrived_at + timedelta(minutes=2),
        files=(
            FileFacts("motivatie.pdf", 1, "letter"),
            FileFacts("cv.pdf", 3, "cv"),
            FileFacts("bijlage.pdf", None, None),
        ),
        reasons=("one_pdf",),
        answer_by=datetime(2026, 1, 5, 23, 59, 59, tzinfo=AMS),
    )
    return replace(reply, **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def renderer() -> TemplateRenderer:
    return TemplateRenderer([TEMPLATES], AMS)


def render(renderer: TemplateRenderer, reply: Reply) -> RenderedReply:
    return renderer.render(reply, FIRM)


def reason_texts(language: str) -> dict[str, str]:
    """`reason_texts` as written in that language's `_common.j2`, code to wording."""
    source = (TEMPLATES / language / "_common.j2").read_text(encoding="utf-8")
    block = re.search(r"\{%-?\s*set\s+reason_texts\s*=\s*\{(.*?)\}\s*-?%\}", source, re.DOTALL)
    assert block is not None, f"no reason_texts in {language}/_common.j2"
    return dict(re.findall(r'^\s*"([^"]+)"\s*:\s*"([^"]*)"', block.group(1), re.MULTILINE))


# The closed notice and the question acknowledgement carry no reference
# number in the templates, and docs/architecture.md §5/§6 do not ask them to.
KINDS_WITH_REFERENCE = {ReplyKind.CONFIRMATION, ReplyKind.RESUBMIT_REQUEST}
ALL_REASONS = sorted(reason_texts("nl").keys() | reason_texts("en").keys())


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(ReplyKind))
def test_every_kind_and_language_renders(
    renderer: TemplateRenderer, kind: ReplyKind, language: str
) -> None:
    rendered = render(renderer, make_reply(kind, language))
    assert rendered.subject.strip()
    assert "\n" not in rendered.subject and "\r" not in rendered.subject
    if kind in THREADED_KINDS:
        assert rendered.subject == "Re: Sollicitatie BIJ12"
    else:
        assert TITLE[language] in rendered.subject
    assert TITLE[language] in rendered.text
    if kind in KINDS_WITH_REFERENCE:
        assert REFERENCE in rendered.text and REFERENCE in rendered.html
    assert rendered.html.startswith(f'<html lang="{language}"><body>\n<p>')
    assert FIRM in rendered.text and FIRM in rendered.html


@pytest.mark.parametrize(("language", "other"), [("en", "nl"), ("nl", "en")])
@pytest.mark.parametrize("kind", list(ReplyKind))
def test_the_configured_seed_vacancy_is_named_in_the_reply_language(
    renderer: TemplateRenderer, kind: ReplyKind, language: str, other: str
) -> None:
    """The title as config/mailroom.toml words it, never the other language's."""
    seed = vacancy_facts(load_settings(EXAMPLE_CONFIG).vacancies[0])
    rendered = render(renderer, make_reply(kind, language, vacancy=seed, subject_of_original=""))
    assert seed.title[language] != seed.title[other]
    for part in (rendered.subject, rendered.text, rendered.html):
        assert seed.title[language] in part
        assert seed.title[other] not in part


def test_without_an_english_title_english_replies_use_the_dutch_one() -> None:
    [vacancy] = load_settings(EXAMPLE_CONFIG).vacancies
    facts = vacancy_facts(vacancy.model_copy(update={"title_en": None, "organisation_en": None}))
    assert facts.title == {"nl": vacancy.title, "en": vacancy.title}
    assert facts.organisation == {"nl": vacancy.organisation, "en": vacancy.organisation}


@pytest.mark.parametrize("language", LANGUAGES)
def test_confirmation_lists_files_and_planning(renderer: TemplateRenderer, language: str) -> None:
    text = render(renderer, make_reply(ReplyKind.CONFIRMATION, language)).text
    for name in ("motivatie.pdf", "cv.pdf", "bijlage.pdf"):
        assert name in text
    for step in SEED_VACANCY.planning:
        assert step.text[language] in text
    assert "Inge Diepenhorst" in text


def test_both_languages_know_the_same_reason_codes() -> None:
    codes = reason_texts("nl").keys()
    assert len(codes) >= 10
    for language in LANGUAGES:  # every key was parsed, not only the simple ones
        source = (TEMPLATES / language / "_common.j2").read_text(encoding="utf-8")
        assert len(reason_texts(language)) == len(re.findall(r'^\s*"\w+"\s*:', source, re.M))
    assert codes == reason_texts("en").keys()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", ALL_REASONS)
def test_every_reason_code_renders(renderer: TemplateRenderer, code: str, language: str) -> None:
    wording = reason_texts(language)[code]
    reply = make_reply(ReplyKind.RESUBMIT_REQUEST, language, reasons=(code,))
    rendered = render(renderer, reply)
    assert f"\n- {wording}\n" in rendered.text
    assert f"<li>{escape(wording)}</li>" in rendered.html


@pytest.mark.parametrize("language", LANGUAGES)
def test_resubmit_request_names_every_reason(renderer: TemplateRenderer, language: str) -> None:
    reply = make_reply(ReplyKind.RESUBMIT_REQUEST, language, reasons=tuple(ALL_REASONS), files=())
    text = render(renderer, reply).text
    assert [line for line in text.splitlines() if line.startswith("- ")] == [
        f"- {reason_texts(language)[code]}" for code in ALL_REASONS
    ]


@pytest.mark.parametrize("kind", list(ReplyKind))
def test_subject_stays_one_line_even_if_the_title_has_line_breaks(
    renderer: TemplateRenderer, kind: ReplyKind
) -> None:
    """Also the template subject a threaded reply falls back to without an original one."""
    vacancy = replace(SEED_VACANCY, title=Wording(nl="-", en="Directeur\r\n  BIJ12\n"))
    reply = make_reply(kind, "en", vacancy=vacancy, subject_of_original="")
    subject = render(renderer, reply).subject
    assert subject.endswith("Directeur BIJ12")
    assert "\n" not in subject and "\r" not in subject


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_reason_code_raises(renderer: TemplateRenderer, language: str) -> None:
    reply = make_reply(ReplyKind.RESUBMIT_REQUEST, language, reasons=("no_such_reason",))
    with pytest.raises(UndefinedError):
        render(renderer, reply)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(ReplyKind))
def test_applicant_name_escaped_in_html_verbatim_in_text(
    renderer: TemplateRenderer, kind: ReplyKind, language: str
) -> None:
    reply = make_reply(kind, language, to=Mailbox(NASTY, "zoe@example.nl"))
    rendered = render(renderer, reply)
    assert NASTY in rendered.text
    assert NASTY_ESCAPED in rendered.html
    assert "<script>" not in rendered.html


@pytest.mark.parametrize("language", LANGUAGES)
def test_file_name_escaped_in_html_verbatim_in_text(
    renderer: TemplateRenderer, language: str
) -> None:
    files = (FileFacts(f"{NASTY}.pdf", 2, "cv"), FileFacts("cv.pdf", 1, "letter"))
    rendered = render(renderer, make_reply(ReplyKind.CONFIRMATION, language, files=files))
    assert f"{NASTY}.pdf" in rendered.text
    assert f"{NASTY_ESCAPED}.pdf" in rendered.html
    assert "<script>" not in rendered.html


@pytest.mark.parametrize("language", LANGUAGES)
def test_missing_name_gets_a_generic_greeting(renderer: TemplateRenderer, language: str) -> None:
    reply = make_reply(ReplyKind.CONFIRMATION, language, to=Mailbox("", "jan@example.nl"))
    first_line = render(renderer, reply).text.splitlines()[0]
    assert first_line == {"nl": "Geachte heer/mevrouw,", "en": "Dear applicant,"}[language]


def test_a_vacancy_template_folder_overrides_and_falls_back(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "confirmation.j2").write_text(
        "{% block subject %}Own: {{ vacancy.title.en }}{% endblock %}"
        "{% block text %}{{ c.greeting() }} {{ reply.reference }}{% endblock %}"
        "{% block html %}<p>{{ applicant_name }}</p>{% endblock %}",
        encoding="utf-8",
    )
    own = TemplateRenderer([tmp_path, TEMPLATES], AMS)
    reply = make_reply(ReplyKind.CONFIRMATION, "en", to=Mailbox(NASTY, "zoe@example.nl"))
    rendered = render(own, reply)
    assert rendered == RenderedReply(
        f"Own: {TITLE['en']}", f"Dear {NASTY} {REFERENCE}\n", f"<p>{NASTY_ESCAPED}</p>\n"
    )
    default = render(TemplateRenderer([TEMPLATES], AMS), make_reply(ReplyKind.CONFIRMATION, "nl"))
    assert render(own, make_reply(ReplyKind.CONFIRMATION, "nl")) == default


@pytest.mark.parametrize("block", ["subject", "html"])
def test_a_title_printed_whole_fails_rather_than_show_both_languages(
    tmp_path: Path, block: str
) -> None:
    """An older own template writing `{{ vacancy.title }}` must not mail a dict."""
    (tmp_path / "en").mkdir()
    blocks = {"subject": "Own", "text": "Text", "html": "<p>Html</p>", block: "{{ vacancy.title }}"}
    (tmp_path / "en" / "confirmation.j2").write_text(
        "".join(f"{{% block {name} %}}{body}{{% endblock %}}" for name, body in blocks.items()),
        encoding="utf-8",
    )
    own = TemplateRenderer([tmp_path, TEMPLATES], AMS)
    with pytest.raises(TypeError, match=r"write \.nl or \.en"):
        render(own, make_reply(ReplyKind.CONFIRMATION, "en"))


# --- HTML that always parses, and inbound text that never becomes markup -------------

MARKUP_FAQ = FaqEntry(
    "markup",
    ("salaris", "salary"),
    {
        "nl": "<b>Salaris</b> & meer:\nhttps://example.nl/?a=1&b=2",
        "en": "<b>Salary</b> & more:\nhttps://example.nl/?a=1&b=2",
    },
)


def variants(kind: ReplyKind, language: str) -> dict[str, Reply]:
    """Replies that take every branch of the templates, hostile text included."""
    hostile = replace(
        SEED_VACANCY, title=Wording(nl=NASTY, en=NASTY), contacts=(NASTY,), faq=(MARKUP_FAQ,)
    )
    closed = datetime(2026, 1, 8, 9, 0, tzinfo=AMS)
    return {
        "plain": make_reply(kind, language),
        "hostile": make_reply(
            kind,
            language,
            to=Mailbox(NASTY, "zoe@example.nl"),
            subject_of_original=NASTY,
            inbound_text=f"salaris salary {NASTY}",
            files=(FileFacts(f"{NASTY}.pdf", 2, "cv"), FileFacts(NASTY, None, None)),
            vacancy=hostile,
        ),
        "nameless, no contacts, no files": make_reply(
            kind,
            language,
            to=Mailbox("", "x@example.nl"),
            files=(),
            vacancy=replace(SEED_VACANCY, contacts=(), planning=()),
        ),
        "one contact": make_reply(
            kind, language, vacancy=replace(SEED_VACANCY, contacts=("Inge Diepenhorst",))
        ),
        "written after closing": make_reply(kind, language, written_at=closed),
        "arrived after closing": make_reply(kind, language, arrived_at=closed),
    }


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(ReplyKind))
def test_html_is_well_formed_in_every_variant(
    renderer: TemplateRenderer, kind: ReplyKind, language: str
) -> None:
    for name, reply in variants(kind, language).items():
        html = render(renderer, reply).html
        try:
            root = ElementTree.fromstring(f"<root>{html}</root>")
        except ElementTree.ParseError as error:
            pytest.fail(f"{name}: {error}\n{html}")
        assert [child.tag for child in root] == ["html"], name
        assert root[0].get("lang") == language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(ReplyKind))
def test_hostile_text_is_escaped_in_html_and_kept_verbatim_in_text(
    renderer: TemplateRenderer, kind: ReplyKind, language: str
) -> None:
    rendered = render(renderer, variants(kind, language)["hostile"])
    assert "<script>" not in rendered.html and "<b>" not in rendered.html
    assert NASTY_ESCAPED in rendered.html
    assert NASTY in rendered.text
    assert "\n" not in rendered.subject


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_faq_answer_is_escaped_line_by_line_and_its_links_are_clickable(
    renderer: TemplateRenderer, language: str
) -> None:
    rendered = render(renderer, variants(ReplyKind.QUESTION_ACK, language)["hostile"])
    assert "&lt;b&gt;Sala" in rendered.html and " &amp; m" in rendered.html
    assert ':<br />\n<a href="https://example.nl/?a=1&amp;b=2"' in rendered.html
    assert MARKUP_FAQ.answers[language] in rendered.text
