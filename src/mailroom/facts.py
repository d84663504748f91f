"""What replies say about each vacancy: its facts and templates, built and checked once.

The composition root builds these from the settings, and `mailroom config
check` does the same, so a missing template folder or an FAQ answer that
does not render stops mailroom at start, naming the key, instead of
failing in an applicant's reply. The settings themselves only describe;
nothing here is done while they are validated.
"""

from dataclasses import dataclass
from pathlib import Path

from mailroom.config import ConfigError
from mailroom.settings import Settings, Vacancy
from notify import (
    FaqEntry,
    Letterhead,
    Mailbox,
    PlanningStep,
    ReplyKind,
    TemplateRenderer,
    VacancyFacts,
    Wording,
)

# Replies are written in these languages (the ones parse tells apart); the
# default template folder holds every kind, and the shared macros, in each.
_TEMPLATES = tuple(
    f"{language}/{name}.j2" for language in ("nl", "en") for name in ("_common", *ReplyKind)
)


@dataclass(frozen=True)
class ReplyWording:
    """Each vacancy's facts and the renderer of its templates, by slug, and
    the letterhead a composer process makes the same renderers from."""

    facts: dict[str, VacancyFacts]
    renderers: dict[str, TemplateRenderer]
    letterhead: Letterhead


def build_reply_wording(settings: Settings) -> ReplyWording:
    """Build every vacancy's facts and renderer, then render each FAQ answer once.

    Raises ConfigError with one line per problem. A template folder that is
    missing or incomplete is then the only problem reported: every answer
    would fail on it again.
    """
    missing = _folder_problems(settings)
    if missing:
        raise ConfigError("\n".join(missing))
    firm = settings.firm
    letterhead = Letterhead(
        firm_name=firm.name,
        sender=Mailbox(firm.name, str(firm.address)),
        zone=firm.zone,
        template_folders={v.slug: tuple(settings.template_folders(v)) for v in settings.vacancies},
    )
    wording = ReplyWording(
        facts={v.slug: vacancy_facts(v) for v in settings.vacancies},
        renderers=letterhead.renderers(),
        letterhead=letterhead,
    )
    problems = [
        f"vacancies.{number}.{problem}"
        for number, vacancy in enumerate(settings.vacancies)
        for problem in wording.renderers[vacancy.slug].answer_problems(
            wording.facts[vacancy.slug], settings.firm.name
        )
    ]
    if problems:
        raise ConfigError("\n".join(problems))
    return wording


def vacancy_facts(vacancy: Vacancy) -> VacancyFacts:
    """The vacancy as templates see it; English wording falls back to the Dutch."""
    return VacancyFacts(
        slug=vacancy.slug,
        reference_prefix=vacancy.reference_prefix,
        title=Wording(nl=vacancy.title, en=vacancy.title_en or vacancy.title),
        organisation=Wording(
            nl=vacancy.organisation, en=vacancy.organisation_en or vacancy.organisation
        ),
        opens_at=vacancy.opens_at,
        closes_at=vacancy.closes_at,
        privacy_url=str(vacancy.privacy_url),
        committee_on=vacancy.committee_date,
        contacts=tuple(vacancy.contacts),
        planning=tuple(
            PlanningStep(step.starts, step.ends, {"nl": step.nl, "en": step.en})
            for step in vacancy.planning
        ),
        facts=vacancy.facts,
        faq=tuple(
            FaqEntry(q.topic, (*q.keywords_nl, *q.keywords_en), {"nl": q.nl, "en": q.en})
            for q in vacancy.faq
        ),
    )


def _folder_problems(settings: Settings) -> list[str]:
    """One line per template folder that is not there or, for the default one, lacks a
    template: each folder is named once, however many answers would fail on it."""
    default = settings.templates.directory
    if not default.is_dir():
        problems = [_absent("templates.directory", default)]
    elif lacking := [name for name in _TEMPLATES if not (default / name).is_file()]:
        problems = [
            f"templates.directory: {_shown(default)} lacks {', '.join(lacking)};"
            " the default folder needs every reply kind in each language"
        ]
    else:
        problems = []
    for number, vacancy in enumerate(settings.vacancies):
        own = vacancy.templates_dir
        if own is not None and own != default and not own.is_dir():
            problems.append(_absent(f"vacancies.{number}.templates_dir", own))
    return problems


def _absent(key: str, folder: Path) -> str:
    return f"{key}: no folder {_shown(folder)}; point it at the folder that holds nl/ and en/"


def _shown(folder: Path) -> str:
    """The path as written, and where that is when it is relative to the working folder."""
    return str(folder) if folder.is_absolute() else f"{folder} (that is {folder.absolute()})"
