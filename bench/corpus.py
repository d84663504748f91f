"""Seeded, reproducible application messages: a letter PDF and a CV PDF each.

Every message goes to the example vacancy (ipo-bij12) from a distinct sender,
in Dutch or English, with a 1-page letter and a 2-3 page CV of 30-120 KB:
text set by fpdf2 plus a photo-like image of seeded noise, since real
letters carry a logo or scan and real CVs a portrait, and that is what makes
them that large. Generating thousands takes minutes, so a corpus is cached
on disk keyed by seed and size (and `VERSION`, bumped when the shape changes).
"""

import random
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from io import BytesIO
from pathlib import Path

from fpdf import FPDF
from PIL import Image

VERSION = 1
CACHE = Path(__file__).resolve().parent / ".cache"
MIN_PDF, MAX_PDF = 30_000, 120_000
_DONE = "complete"
_CREATED = datetime(2025, 12, 21, 20, 0, tzinfo=UTC)

_WORDS = {
    "nl": (
        "de het een en van in op met voor als bij naar over tot beleid organisatie "
        "provincies samenwerking leiding ervaring directie bestuur ontwikkeling resultaten "
        "verantwoordelijk strategie netwerk overleg teams uitvoering natuur landbouw "
        "stikstof opdrachtgever verbinding mensen ambitie vertrouwen interprovinciaal"
    ),
    "en": (
        "the a and of in on with for as at to about until policy organisation provinces "
        "cooperation leadership experience management board development results "
        "responsible strategy network consultation teams delivery nature agriculture "
        "nitrogen client connection people ambition trust interprovincial"
    ),
}
_FIRST = "Sanne Daan Emma Luuk Noor Bram Julia Thijs Lotte Ruben Fleur Sem Anouk Jesse"
_LAST = "Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer"
_SUBJECTS = {
    "nl": ("Sollicitatie", "Sollicitatie plaatsvervangend algemeen directeur", "Reactie vacature"),
    "en": ("Application", "Application Deputy Director-General", "Job application"),
}
_BODIES = {
    "nl": "Geachte heer, mevrouw,\n\nHierbij stuur ik mijn motivatiebrief en cv.\n\n"
    "Met vriendelijke groet,\n{name}\n",
    "en": "Dear Sir or Madam,\n\nPlease find attached my motivation letter and CV.\n\n"
    "Kind regards,\n{name}\n",
}


def corpus(seed: int, count: int) -> list[Path]:
    """The message files for (seed, count), generated on first use and cached."""
    folder = CACHE / f"v{VERSION}-seed{seed}-n{count}"
    paths = [folder / f"{number:06d}.eml" for number in range(count)]
    if (folder / _DONE).exists():
        return paths
    folder.mkdir(parents=True, exist_ok=True)
    for path, raw in zip(paths, generate(seed, count), strict=True):
        path.write_bytes(raw)
    (folder / _DONE).write_text(f"{count}\n")
    return paths


def generate(seed: int, count: int) -> Iterator[bytes]:
    """`count` messages, the same bytes for the same seed."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible, not secret
    for number in range(count):
        language = rng.choice(("nl", "en"))
        name = f"{rng.choice(_FIRST.split())} {rng.choice(_LAST.split())}"
        address = f"applicant{number}.{seed}@example-{number % 97}.nl"
        letter = _pdf(rng, language, name, pages=1, size=rng.randint(MIN_PDF, MAX_PDF))
        cv = _pdf(rng, language, name, pages=rng.randint(2, 3), size=rng.randint(MIN_PDF, MAX_PDF))
        names = ("Motivatiebrief.pdf", "CV.pdf") if language == "nl" else ("Letter.pdf", "CV.pdf")
        message = EmailMessage()
        message["From"] = f"{name} <{address}>"
        message["To"] = "info@chassesearch.nl"
        message["Subject"] = rng.choice(_SUBJECTS[language])
        message["Date"] = "Mon, 22 Dec 2025 09:58:00 +0100"
        message["Message-ID"] = f"<bench.{seed}.{number}@example.nl>"
        message.set_content(_BODIES[language].format(name=name))
        for filename, data in ((names[0], letter), (names[1], cv)):
            message.add_attachment(data, maintype="application", subtype="pdf", filename=filename)
        message.set_boundary(f"=_bench_{seed}_{number}")  # not random: reproducible bytes
        yield message.as_bytes()


def _pdf(rng: random.Random, language: str, name: str, pages: int, size: int) -> bytes:
    """A PDF of `pages` pages of text, grown towards `size` bytes by a noise image.

    The image's bytes barely compress, so its area sets the size: one try
    without it measures the text, the image makes up the rest.
    """
    text = _document(rng, language, name, pages, image=None)
    missing = max(size - len(text), 3_000)
    side = max(int((missing / 3) ** 0.5), 16)
    image = Image.frombytes("RGB", (side, side), rng.randbytes(side * side * 3))
    return _document(rng, language, name, pages, image=image)


def _document(
    rng: random.Random, language: str, name: str, pages: int, image: Image.Image | None
) -> bytes:
    state = rng.getstate()  # the same text with and without the image
    document = FPDF()
    document.set_creation_date(_CREATED)  # not now: the same seed gives the same bytes
    document.set_font("helvetica", size=11)
    words = _WORDS[language].split()
    for page in range(pages):
        document.add_page()
        if page == 0:
            document.set_font("helvetica", style="B", size=14)
            document.cell(text=name, new_x="LMARGIN", new_y="NEXT")
            document.set_font("helvetica", size=11)
            if image is not None:
                document.image(_png(image), x=150, y=10, w=40)
        for _ in range(8):
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(40, 70)))
            document.multi_cell(w=0, text=sentence.capitalize() + ".")
            document.ln(2)
    if image is None:
        rng.setstate(state)
    return bytes(document.output())


def _png(image: Image.Image) -> BytesIO:
    out = BytesIO()
    image.save(out, format="PNG", compress_level=1)
    out.seek(0)
    return out
