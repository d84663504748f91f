"""Render a reply's `subject`, `text` and `html` blocks with jinja2.

Each template is compiled twice: plain for subject and text, autoescaped for
HTML, so an applicant's name or file name can never become markup. Undefined
variables raise (StrictUndefined), so a template typo fails in the tests,
not in an applicant's mailbox. FAQ answers are small templates of their
own, rendered plain with the same helpers and then escaped like any other
value wherever the HTML shows them.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from jinja2.environment import TemplateModule

from notify import numfmt, timefmt
from notify.faq import matching
from notify.reply import Reply, ReplyKind, VacancyFacts
from notify.subjects import thread_subject


@dataclass(frozen=True)
class RenderedReply:
    subject: str
    text: str
    html: str


class TemplateRenderer:
    """Finds `<dir>/<language>/<kind>.j2`, falling back to the default folder."""

    def __init__(self, template_dirs: list[Path], zone: ZoneInfo) -> None:
        self.zone = zone
        self._dirs = template_dirs
        self._plain = self._environment(autoescape=False)
        self._html = self._environment(autoescape=True)

    def render(self, reply: Reply, firm_name: str) -> RenderedReply:
        rendered = self.render_template(
            reply.kind.value, reply.language, self._variables(reply, firm_name)
        )
        subject = thread_subject(reply.kind, reply.subject_of_original)
        return replace(rendered, subject=" ".join(subject.split())) if subject else rendered

    def render_template(self, kind: str, language: str, variables: dict[str, Any]) -> RenderedReply:
        """The `subject`, `text` and `html` blocks of `<language>/<kind>.j2`, with
        the helpers (`when`, `day`, ...) in `language` and the shared macros as `c`."""
        name = f"{language}/{kind}.j2"
        variables = {**variables, **self._helpers(language)}
        plain = _common(self._plain, language, variables)
        html = _common(self._html, language, variables)
        return RenderedReply(
            subject=" ".join(self._block(self._plain, name, "subject", variables, plain).split()),
            text=self._block(self._plain, name, "text", variables, plain).strip() + "\n",
            html=self._block(self._html, name, "html", variables, html).strip() + "\n",
        )

    def answer_problems(self, vacancy: VacancyFacts, firm_name: str) -> list[str]:
        """Every FAQ answer rendered once per language; what failed, as
        "faq.<n>.<language>: <problem>", so a config typo fails at start."""
        problems: list[str] = []
        for number, entry in enumerate(vacancy.faq):
            for language, source in entry.answers.items():
                try:
                    self._answer(source, vacancy, firm_name, language)
                except Exception as exc:  # any failure is a mistake in the config's text
                    problems.append(f"faq.{number}.{language}: {type(exc).__name__}: {exc}")
        return problems

    @staticmethod
    def _block(
        environment: Environment,
        name: str,
        block: str,
        variables: dict[str, Any],
        common: TemplateModule,
    ) -> str:
        """One block of a template, with the language's shared macros as `c`
        (made once per environment and reply: the subject and text share them)."""
        template = environment.get_template(name)
        context = template.new_context({**variables, "c": common})
        return "".join(template.blocks[block](context))

    def _environment(self, *, autoescape: bool) -> Environment:
        """Templates are read once: the configuration, which names their
        folders, is read once per start too, and checking each file's time
        again at every reply was about 2 % of the main process's time per
        message."""
        return Environment(
            loader=FileSystemLoader([str(d) for d in self._dirs]),
            undefined=StrictUndefined,
            autoescape=autoescape,  # noqa: S701 - off only for the text/plain twin
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )

    def _helpers(self, language: str) -> dict[str, Callable[[Any], str]]:
        """What templates and FAQ answers may call, in the reader's language and our zone."""
        zone = self.zone
        return {
            "when": lambda moment: timefmt.when(moment, language, zone),
            "day": lambda value: timefmt.day(value, language, zone),
            "duration": lambda span: timefmt.duration(span, language),
            "money": lambda amount: numfmt.money(amount, language),
            "percent": lambda value: numfmt.percent(value, language),
        }

    def _answer(self, source: str, vacancy: VacancyFacts, firm_name: str, language: str) -> str:
        """One FAQ answer, with the vacancy, its `facts`, the helpers and the
        language's shared macros as `c` (so it can list the planning alike)."""
        variables = {
            "vacancy": vacancy,
            "facts": vacancy.facts,
            "firm_name": firm_name,
            **self._helpers(language),
        }
        common = _common(self._plain, language, variables)
        return self._plain.from_string(source).render(variables, c=common).strip()

    def _answers(self, reply: Reply, firm_name: str) -> list[str]:
        """Standard answers to the frequent questions an inbound question raises."""
        if reply.kind is not ReplyKind.QUESTION_ACK:
            return []
        return [
            self._answer(entry.answers[reply.language], reply.vacancy, firm_name, reply.language)
            for entry in matching(reply.vacancy.faq, reply.inbound_text)
        ]

    def _variables(self, reply: Reply, firm_name: str) -> dict[str, Any]:
        return {
            "reply": reply,
            "vacancy": reply.vacancy,
            "firm_name": firm_name,
            "applicant_name": reply.to.name if reply.to else "",
            "files": reply.files,
            "reasons": reply.reasons,
            "answers": self._answers(reply, firm_name),
        }


def _common(environment: Environment, language: str, variables: dict[str, Any]) -> TemplateModule:
    """The shared `<language>/_common.j2` as a module of macros.

    Rendering a single block skips a template's top level, so the macros
    are handed in as `c` instead of being imported by each template.
    """
    return environment.get_template(f"{language}/_common.j2").make_module(variables)
