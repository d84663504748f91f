"""`make bench`: mailroom end to end against a naive script and the raw fetch limit.

One run generates a seeded corpus of application messages (cached under
bench/.cache/), loads it into a private Dovecot, and times the pipelines on
the same mailbox in alternating rounds; see `python -m bench --help`.
"""
