"""`config check` cites the line each key is written on, lists of tables included."""

from mailroom.config_lines import key_lines, line_of

TOML = '''\
top = 1
[firm]
name = "x"  # a comment [with brackets]
[firm.working_days]
holidays = [
    "New Year's Day",   # not = a key
    "Good Friday",
]
closure_days = []

[[sources]]
kind = "imap"
password = { env = "PW" }
start_after = { INBOX = 2025-12-18 }

[[sources]]
kind = "maildir"

[[vacancies]]
slug = "a"
[[vacancies.faq]]
nl = """\\
fake = "inside a string"
[not.a.table]
"""
en = 'one line'
[[vacancies.faq]]
topic = "second"

[[vacancies]]
slug = "b"
[[vacancies.faq]]
topic = "of b"
'''


def test_every_key_and_table_has_its_line() -> None:
    lines = key_lines(TOML)
    assert lines[("top",)] == 1
    assert lines[("firm", "name")] == 3
    assert lines[("firm", "working_days", "holidays")] == 5
    assert lines[("firm", "working_days", "closure_days")] == 9
    assert lines[("sources", 0, "password")] == 13
    assert lines[("sources", 1, "kind")] == 17
    assert lines[("vacancies", 0, "faq", 0, "nl")] == 22
    assert lines[("vacancies", 0, "faq", 0, "en")] == 26
    assert lines[("vacancies", 0, "faq", 1, "topic")] == 28
    assert lines[("vacancies", 1, "slug")] == 31
    assert lines[("vacancies", 1, "faq", 0, "topic")] == 33
    assert ("vacancies", 0, "faq", 0, "fake") not in lines
    assert not any("not" in key for key in lines)


def test_a_key_inside_an_inline_table_gets_the_line_of_the_table() -> None:
    lines = key_lines(TOML)
    assert line_of(lines, ("sources", 0, "start_after", "INBOX")) == 14
    assert line_of(lines, ("sources", 0, "folders")) == 11  # left out: its table's header
    assert line_of(lines, ("digest", "time")) is None
