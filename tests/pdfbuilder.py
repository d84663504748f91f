"""PDFs built in code for the sandbox tests: good ones by fpdf2, hostile ones by hand.

`assemble` writes raw PDF bytes: objects numbered 1..n in order, a correct
cross-reference table and a trailer whose /Root is object 1. Each builder
around it makes one hostile shape, small and deterministic, cheap enough to
build in every run. The helpers at the end look at worker processes in /proc.
"""

import random
import time
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from email import message_from_bytes, policy
from io import BytesIO
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from parse import PdfEngine, PdfLimits, PdfSandbox, PdfText

from .mailbuilder import pdf as good_pdf

MIB = 1024 * 1024
_FONT = b"<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>"
_ZEROS = b"\0" * MIB
# What a mutation may splice in besides bytes of the file itself.
_TOKENS = (
    b"[|]|<<|>>|(|<| 0 R| 99999999 |-1|/Kids|stream\n|endstream|endobj|/Length 99999999"
    b"|/Filter/FlateDecode|xref|trailer|startxref 0|%%EOF"
).split(b"|")


# The pool the sandbox tests share: small limits, so that hostile cases end fast.
LIMITS = PdfLimits(
    cpu_seconds=3, memory_bytes=512 * MIB, wall_seconds=10, max_pages=200, max_bytes=5 * MIB
)
WORKERS = 2
PHRASE = "The sandbox still reads ordinary letters."
# Every engine must keep the sandbox's promises; the tests run once per engine.
ENGINES: tuple[PdfEngine, ...] = ("pypdf", "pdfium")


@contextmanager
def running(workers: int, limits: PdfLimits) -> Iterator[PdfSandbox]:
    """A sandbox whose workers have started (they start at the first read)."""
    with PdfSandbox(workers, limits) as sandbox:
        assert_still_serves(sandbox, workers)
        yield sandbox


def read_in_time(sandbox: PdfSandbox, data: bytes) -> PdfText:
    """The sandbox's answer, which must come well within the wall-clock limit."""
    started = time.monotonic()
    result = sandbox.read(data)
    assert time.monotonic() - started < sandbox.limits.wall_seconds + 1
    return result


def assert_still_serves(sandbox: PdfSandbox, workers: int = WORKERS) -> None:
    """An ordinary letter reads with its phrase, and the pool is at full strength."""
    result = read_in_time(sandbox, GOOD)
    assert (result.problem, result.pages, result.flags) == (None, 1, ())
    assert PHRASE in result.text
    assert len(sandbox.worker_pids()) == workers


def assemble(objects: Sequence[bytes]) -> bytes:
    """A PDF whose object i+1 is `objects[i]`, with a correct xref; object 1 is /Root."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    """A stream object: its dictionary (/Length plus `extra`), then the data."""
    return b"<</Length %d%s>>\nstream\n%s\nendstream" % (len(data), extra, data)


def deflated(data: bytes) -> bytes:
    return stream(zlib.compress(data, 9), b"/Filter/FlateDecode")


def shown(text: bytes) -> bytes:
    """Content stream operators that show `text` (PDF string syntax) in Helvetica."""
    return b"BT /F1 12 Tf 72 720 Td (%s) Tj ET\n" % text


def pages_sharing(content: bytes, count: int, page_extra: bytes = b"") -> bytes:
    """`count` pages in one /Pages node, all drawing the one content stream `content`."""
    kids = b" ".join(b"%d 0 R" % (4 + n) for n in range(count))
    return assemble(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[%s]/Count %d/MediaBox[0 0 612 792]/Resources%s>>"
            % (kids, count, _FONT),
            content,
            *[b"<</Type/Page/Parent 2 0 R/Contents 3 0 R%s>>" % page_extra] * count,
        ]
    )


GOOD = good_pdf("Dear committee,", PHRASE)


def letter(pages: int) -> bytes:
    """A real PDF by fpdf2 with `pages` pages, each saying which page it is."""
    document = FPDF()
    document.set_font("helvetica", size=12)
    for number in range(1, pages + 1):
        document.add_page()
        document.cell(text=f"Page {number} of a perfectly ordinary letter.")
    return bytes(document.output())


def deflate_bomb(inflated: int) -> bytes:
    """One page whose FlateDecode content inflates to `inflated` zero bytes.

    Compressed in 1 MiB chunks, so building it never holds the inflated data.
    """
    compressor = zlib.compressobj(9)
    parts = [compressor.compress(_ZEROS) for _ in range(inflated // MIB)]
    parts += [compressor.compress(_ZEROS[: inflated % MIB]), compressor.flush()]
    return pages_sharing(stream(b"".join(parts), b"/Filter/FlateDecode"), 1)


def cpu_heavy(pages: int = 20, operations: int = 100_000) -> bytes:
    """Pages of many tiny text objects: about 3 s of pypdf's time per page, ~8 kB in all."""
    return pages_sharing(deflated(b"BT /F1 1 Tf (a) Tj ET\n" * operations), pages)


def cyclic_page_tree(shape: str) -> bytes:
    """A page tree whose /Kids lead back to an ancestor /Pages node.

    "self": the root lists itself; "parent": a child lists the root;
    "grandparent": a grandchild lists the root (a cycle of three nodes).
    """
    kids = {"self": b"2 0 R", "parent": b"3 0 R", "grandparent": b"3 0 R"}[shape]
    child_kids = {"self": b"5 0 R", "parent": b"5 0 R 2 0 R", "grandparent": b"4 0 R"}[shape]
    return assemble(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[5 0 R %s]/Count 2>>" % kids,
            b"<</Type/Pages/Parent 2 0 R/Kids[%s]/Count 2>>" % child_kids,
            b"<</Type/Pages/Parent 3 0 R/Kids[5 0 R 2 0 R]/Count 1>>",
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>",
        ]
    )


def many_pages(count: int, labelled: int) -> bytes:
    """`count` pages in one /Pages node: pages 1..`labelled` say "Page <n>.", the others

    share one content stream saying "Filler." (so that the file stays small).
    """
    first_page = 4 + labelled  # 1 catalog, 2 pages, 3 the filler, then the labels
    kids = b" ".join(b"%d 0 R" % n for n in range(first_page, first_page + count))
    return assemble(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[%s]/Count %d/MediaBox[0 0 612 792]/Resources%s>>"
            % (kids, count, _FONT),
            stream(shown(b"Filler.")),
            *[stream(shown(b"Page %d." % n)) for n in range(1, labelled + 1)],
            *[
                b"<</Type/Page/Parent 2 0 R/Contents %d 0 R>>" % (3 + n if n <= labelled else 3)
                for n in range(1, count + 1)
            ],
        ]
    )


def deeply_nested(where: str, depth: int) -> bytes:
    """A page with arrays or dictionaries nested `depth` deep in its dictionary or content."""
    if where == "content":
        return pages_sharing(stream(b"[" * depth + b"]" * depth + shown(b"Nested.")), 1)
    nested = b"[" * depth + b"]" * depth if where == "array" else b"<</A " * depth + b">>" * depth
    return pages_sharing(stream(shown(b"Nested.")), 1, b"/Nest " + nested)


def padded(size: int) -> bytes:
    """A one-page PDF showing "Padded." grown to exactly `size` bytes by an unused stream."""
    filler = 0
    for _ in range(5):  # the filler's /Length gains digits as it grows: a few steps suffice
        built = _with_filler(filler)
        if len(built) == size:
            return built
        filler += size - len(built)
    raise ValueError(f"cannot pad a PDF to exactly {size} bytes")


def _with_filler(filler: int) -> bytes:
    return assemble(
        [
            b"<</Type/Catalog/Pages 2 0 R>>",
            b"<</Type/Pages/Kids[4 0 R]/Count 1/MediaBox[0 0 612 792]/Resources%s>>" % _FONT,
            stream(shown(b"Padded.")),
            b"<</Type/Page/Parent 2 0 R/Contents 3 0 R>>",
            stream(b" " * filler),
        ]
    )


def encrypted(data: bytes, user_password: str, owner_password: str, algorithm: str) -> bytes:
    """`data` rewritten by pypdf, encrypted with the given passwords and algorithm."""
    writer = PdfWriter(clone_from=PdfReader(BytesIO(data)))
    writer.encrypt(user_password, owner_password, algorithm=algorithm)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def mutated(data: bytes, rng: random.Random) -> bytes:
    """`data` after one to four random edits.

    Each edit flips bytes, deletes or duplicates a slice, or splices in a PDF token.
    """
    edited = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at, length, edit = rng.randrange(len(edited)), rng.randint(1, 64), rng.randrange(4)
        if edit == 0:
            for _ in range(rng.randint(1, 8)):
                edited[rng.randrange(len(edited))] = rng.randrange(256)
        elif edit == 1:
            del edited[at : at + length]
        elif edit == 2:
            edited[at:at] = edited[at : at + length]
        else:
            edited[at:at] = rng.choice(_TOKENS)
    return bytes(edited)


def attached_pdfs(inbox: Path) -> Iterator[tuple[str, list[bytes]]]:
    """(case id, its PDF attachments in order) for every message of a Maildir."""
    for path in sorted(inbox.glob("*/*")):
        message = message_from_bytes(path.read_bytes(), policy=policy.default)
        parts = message.iter_attachments()
        pdfs = [p.get_content() for p in parts if p.get_content_type() == "application/pdf"]
        yield path.name.split(".")[1], pdfs


def cpu_ticks(pid: int) -> int:
    """User plus system CPU time a process has used so far, in clock ticks."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return int(fields[11]) + int(fields[12])


def address_space_limit(pid: int) -> int | None:
    """The soft RLIMIT_AS of a process as /proc shows it (None if unlimited)."""
    for line in Path(f"/proc/{pid}/limits").read_text().splitlines():
        if line.startswith("Max address space"):
            soft = line.split()[3]
            return None if soft == "unlimited" else int(soft)
    raise AssertionError(f"no address space line for {pid}")
