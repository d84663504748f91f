"""Render a reply's `subject`, `text` and `html` blocks with jinja2.

Each template is compiled twice: plain for subject and text, autoescaped for
HTML, so an applicant's name or file name can never become markup. Undefined
variables raise (StrictUndefined), so a template typo fails in the tests,
not in an applicant's mailbox.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from notify import timefmt
from notify.reply import Reply


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
        name = f"{reply.language}/{reply.kind.value}.j2"
        variables = self._variables(reply, firm_name)
        subject = self._block(self._plain, name, "subject", variables)
        return RenderedReply(
            subject=" ".join(subject.split()),
            text=self._block(self._plain, name, "text", variables).strip() + "\n",
            html=self._block(self._html, name, "html", variables).strip() + "\n",
        )

    @staticmethod
    def _block(environment: Environment, name: str, block: str, variables: dict[str, Any]) -> str:
        """One block of a template, with the language's shared macros as `c`.

        Rendering a single block skips the template's top level, so the
        shared `<language>/_common.j2` is handed in as a module instead of
        being imported by each template.
        """
        language = name.partition("/")[0]
        common = environment.get_template(f"{language}/_common.j2").make_module(variables)
        template = environment.get_template(name)
        context = template.new_context({**variables, "c": common})
        return "".join(template.blocks[block](context))

    def _environment(self, *, autoescape: bool) -> Environment:
        return Environment(
            loader=FileSystemLoader([str(d) for d in self._dirs]),
            undefined=StrictUndefined,
            autoescape=autoescape,  # noqa: S701 - off only for the text/plain twin
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )

    def _variables(self, reply: Reply, firm_name: str) -> dict[str, Any]:
        language, zone = reply.language, self.zone
        return {
            "reply": reply,
            "vacancy": reply.vacancy,
            "firm_name": firm_name,
            "applicant_name": reply.to.name if reply.to else "",
            "files": reply.files,
            "reasons": reply.reasons,
            "when": lambda moment: timefmt.when(moment, language, zone),
            "day": lambda value: timefmt.day(value, language, zone),
            "duration": lambda span: timefmt.duration(span, language),
        }
