"""Frequent questions (docs/architecture.md §6): standard answers from the seed vacancy's facts."""

import pytest

from mailroom.config import load_settings
from mailroom.facts import vacancy_facts
from notify import FaqEntry, RenderedReply, ReplyKind, TemplateRenderer, VacancyFacts
from notify.faq import matching

from ..support import EXAMPLE_CONFIG
from .test_notify_render import AMS, FIRM, TEMPLATES, make_reply

HEADING = {"nl": "Alvast wat algemene informatie", "en": "Some standard information"}
EURO = "€\u00a0"  # babel writes Dutch amounts with a no-break space after the sign


@pytest.fixture(scope="module")
def seed() -> VacancyFacts:
    return vacancy_facts(load_settings(EXAMPLE_CONFIG).vacancies[0])


def ack(seed: VacancyFacts, language: str, question: str) -> RenderedReply:
    reply = make_reply(ReplyKind.QUESTION_ACK, language, vacancy=seed, inbound_text=question)
    return TemplateRenderer([TEMPLATES], AMS).render(reply, FIRM)


@pytest.mark.parametrize(
    ("language", "question", "expected"),
    [
        (
            "nl",
            "Vraag\nIn welke salarisschaal valt de functie?",
            [
                "salarisschaal 17 van de IPO-regeling (cao provincies)",
                f"minimaal {EURO}7.943,51 en maximaal {EURO}11.273,01 bij een werkweek van 36 uur",
                "verhoogd met 1,5%.",
            ],
        ),
        (
            "en",
            "Question\nWhat is the salary for this role?",
            ["salary scale 17", "at least €7,943.51 and at most €11,273.01", "rises by 1.5%."],
        ),
        ("nl", "Wat is de sluitingsdatum?", ["tot en met dinsdag 6 januari 2026 om 23:59."]),
        ("en", "Deadline\nWhen exactly?", ["until Tuesday 6 January 2026 at 23:59."]),
        (
            "nl",
            "Hoe ziet de procedure eruit?",
            [
                "voorselectie van circa 4 tot 6",
                "- donderdag 8 januari 2026 t/m maandag 12 januari 2026: voorselectie en",
                "- uiterlijk zaterdag 31 januari 2026: formele benoeming",
            ],
        ),
        (
            "en",
            "When are the interviews?",
            ["pre-selection of about 4 to 6", "- Wednesday 14 January 2026: overview of all"],
        ),
        (
            "nl",
            "Hoe zit het met het vakantiegeld?",
            ["keuzebudget (IKB) van 21,82%", "vakantiegeld (8%)", "eindejaarsuitkering (8,3%)"],
        ),
        ("en", "Is the IKB paid monthly?", ["budget (IKB) of 21.82%", "year-end bonus (8.3%)"]),
        ("nl", "Werkt u vanuit Den Haag?", ["in Den Haag én op de locatie van BIJ12 in Utrecht"]),
        ("en", "The Hague or Utrecht?", ["IPO office in The Hague and at the BIJ12 office"]),
        ("nl", "Wat doet u met mijn persoonsgegevens?", ["privacy-statement/"]),
        ("en", "Is my enquiry confidential?", ["privacy-statement/"]),
        ("nl", "Mag het ook als Word-bestand?", ["twee losse pdf-bestanden"]),
        ("en", "Which file format do you need?", ["two separate PDF files, together"]),
    ],
)
def test_a_frequent_question_gets_its_standard_answer(
    seed: VacancyFacts, language: str, question: str, expected: list[str]
) -> None:
    rendered = ack(seed, language, question)
    assert HEADING[language] in rendered.text and HEADING[language] in rendered.html
    for phrase in expected:
        assert phrase in rendered.text
    assert "uiterlijk" in rendered.text or "by Monday" in rendered.text  # still answered


def test_only_the_matching_topics_are_answered(seed: VacancyFacts) -> None:
    text = ack(seed, "nl", "Wat is het salaris?").text
    assert "Salaris:" in text
    for other in ("Sluitingsdatum:", "Procedure:", "Werklocaties:", "Privacy:", "Solliciteren:"):
        assert other not in text


def test_answers_follow_the_configured_order_and_come_once(seed: VacancyFacts) -> None:
    text = ack(seed, "en", "Privacy, salary, pay and the deadline?").text
    positions = [text.index(topic) for topic in ("Salary:", "Closing date:", "Privacy:")]
    assert positions == sorted(positions)
    assert text.count("Salary:") == 1


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("nl", "Kan deze functie ook in vier dagen per week worden vervuld?"),
        ("en", "Do you consider English-speaking candidates?"),
    ],
)
def test_an_unmatched_question_gets_the_plain_acknowledgement(
    seed: VacancyFacts, language: str, question: str
) -> None:
    rendered = ack(seed, language, question)
    assert HEADING[language] not in rendered.text and HEADING[language] not in rendered.html
    assert rendered == ack(seed, language, "")


@pytest.mark.parametrize("kind", [k for k in ReplyKind if k is not ReplyKind.QUESTION_ACK])
def test_only_a_question_acknowledgement_carries_standard_answers(
    seed: VacancyFacts, kind: ReplyKind
) -> None:
    reply = make_reply(kind, "nl", vacancy=seed, inbound_text="Wat is het salaris?")
    assert "Salaris:" not in TemplateRenderer([TEMPLATES], AMS).render(reply, FIRM).text


# --- keyword matching ----------------------------------------------------------------

SALARY = FaqEntry("salary", ("salaris", "den haag"), {})
PRIVACY = FaqEntry("privacy", ("AVG",), {})


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Wat is het SALARIS?", (SALARY,)),
        ("de salarisschaal", (SALARY,)),  # a keyword starts a word...
        ("het maandsalaris", ()),  # ...it does not end one
        ("werken in Den\n  Haag", (SALARY,)),
        ("\uff53\uff41\uff4c\uff41\uff52\uff49\uff53", (SALARY,)),  # full-width letters fold
        ("avg en salaris", (SALARY, PRIVACY)),  # configured order, not text order
        ("", ()),
    ],
)
def test_keywords_match_at_word_starts_whatever_the_case(
    text: str, found: tuple[FaqEntry, ...]
) -> None:
    assert matching((SALARY, PRIVACY), text) == found


def test_an_entry_without_keywords_never_matches() -> None:
    assert matching((FaqEntry("empty", ("", "  "), {}),), "anything at all") == ()
