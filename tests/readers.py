"""Stand-ins for the PDF sandbox that judge messages in the test's own process."""

import parse
from parse import Analysis, ParseContext, PdfLimits, PdfText


class InProcessJudge:
    """Judges each message here, as `PdfSandbox.analyse` does when a message
    cannot be judged in a worker, with every PDF read by `read`; its `limits`
    are the sandbox's defaults (what an analysis is made under)."""

    limits = PdfLimits()

    def analyse(self, raw: bytes, context: ParseContext) -> Analysis:
        return parse.analyse(raw, context, self.read)

    def read(self, data: bytes) -> PdfText:
        raise NotImplementedError

    def close(self) -> None:
        """Nothing to stop."""


class FailingReader(InProcessJudge):
    """A PDF reader that fails the way a bug would: judging the message raises."""

    def read(self, data: bytes) -> PdfText:
        raise RuntimeError("reader broke")
