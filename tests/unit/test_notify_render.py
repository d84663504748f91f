"""Reply templates (DESIGN §6): every kind and language renders, strictly and escaped.

The reply objects are built by hand with `make_reply`; the other
`test_notify_*` files import it from here.
"""

import re
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from jinja2 import UndefinedError
from markupsafe import escape

from notify import (
    FileFacts,
    Mailbox,
    PlanningStep,
    RenderedReply,
    Reply,
    ReplyKind,
    TemplateRenderer,
    VacancyFacts,
)

from ..support import REPO

AMS = ZoneInfo("Europe/Amsterdam")
TEMPLATES = REPO / "config" / "templates"
LANGUAGES = ("nl", "en")
FIRM = "Chasse Executive Search"
TITLE = "Plaatsvervangend Algemeen Directeur IPO, tevens Directeur BIJ12"
REFERENCE = "IPO-00042"
NASTY = "<script>alert(1)</script> & Zoë"
NASTY_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Zoë"

SEED_VACANCY = VacancyFacts(
    slug="ipo-bij12",
    reference_prefix="IPO",
    title=TITLE,
    organisation="Interprovinciaal Overleg (IPO)",
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
    **changes: object,
) -> Reply:
    """A reply about the seed vacancy; `changes` override any other field."""
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
# number in the templates, and DESIGN §5/§6 do not ask them to.
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
    assert TITLE in rendered.subject
    assert TITLE in rendered.text
    if kind in KINDS_WITH_REFERENCE:
        assert REFERENCE in rendered.text and REFERENCE in rendered.html
    assert rendered.html.lstrip().startswith("<p>")
    assert FIRM in rendered.text and FIRM in rendered.html


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
    reply = make_reply(ReplyKind.RESUBMIT_REQUEST, language, reasons=tuple(ALL_REASONS))
    text = render(renderer, reply).text
    assert [line for line in text.splitlines() if line.startswith("- ")] == [
        f"- {reason_texts(language)[code]}" for code in ALL_REASONS
    ]


@pytest.mark.parametrize("kind", list(ReplyKind))
def test_subject_stays_one_line_even_if_the_title_has_line_breaks(
    renderer: TemplateRenderer, kind: ReplyKind
) -> None:
    vacancy = replace(SEED_VACANCY, title="Directeur\r\n  BIJ12\n")
    subject = render(renderer, make_reply(kind, "en", vacancy=vacancy)).subject
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
        "{% block subject %}Own: {{ vacancy.title }}{% endblock %}"
        "{% block text %}{{ c.greeting() }} {{ reply.reference }}{% endblock %}"
        "{% block html %}<p>{{ applicant_name }}</p>{% endblock %}",
        encoding="utf-8",
    )
    own = TemplateRenderer([tmp_path, TEMPLATES], AMS)
    reply = make_reply(ReplyKind.CONFIRMATION, "en", to=Mailbox(NASTY, "zoe@example.nl"))
    rendered = render(own, reply)
    assert rendered == RenderedReply(
        f"Own: {TITLE}", f"Dear {NASTY} {REFERENCE}\n", f"<p>{NASTY_ESCAPED}</p>\n"
    )
    default = render(TemplateRenderer([TEMPLATES], AMS), make_reply(ReplyKind.CONFIRMATION, "nl"))
    assert render(own, make_reply(ReplyKind.CONFIRMATION, "nl")) == default
