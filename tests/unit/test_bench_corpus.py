"""The benchmark's corpus: the same bytes for the same seed, and realistic sizes."""

from email import message_from_bytes, policy
from io import BytesIO

from pypdf import PdfReader

from bench.corpus import MAX_PDF, MIN_PDF, generate


def test_a_seed_gives_the_same_messages_and_another_seed_others() -> None:
    first = list(generate(7, 3))
    assert list(generate(7, 3)) == first
    assert list(generate(8, 3)) != first
    assert len(set(first)) == 3


def test_each_message_carries_a_one_page_letter_and_a_longer_cv_of_realistic_size() -> None:
    senders = set()
    for raw in generate(5, 4):
        message = message_from_bytes(raw, policy=policy.default)
        senders.add(str(message["From"]))
        letter, cv = (part.get_content() for part in message.iter_attachments())
        for data in (letter, cv):
            assert 0.9 * MIN_PDF <= len(data) <= 1.1 * MAX_PDF
        pages = [len(PdfReader(BytesIO(data)).pages) for data in (letter, cv)]
        assert pages[0] == 1 and pages[1] in (2, 3)
        assert len(PdfReader(BytesIO(cv)).pages[1].extract_text()) > 1000
    assert len(senders) == 4
