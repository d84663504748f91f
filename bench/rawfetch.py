"""The raw fetch limit: every message's `BODY.PEEK[]`, in batches, and nothing else.

Run as `python -m bench.rawfetch HOST PORT USER PASSWORD_FILE CA_FILE`, so it
is measured as a whole process like the other pipelines.
"""

import ssl
import sys
from pathlib import Path

from imapclient import IMAPClient

BATCH = 50  # mailroom's default batch_size


def main(host: str, port: int, user: str, password: str, ca_file: str) -> int:
    """Fetch all bodies of INBOX over STARTTLS; returns how many came back."""
    context = ssl.create_default_context(cafile=ca_file)
    client = IMAPClient(host, port=port, ssl=False, timeout=60)
    client._imap.debug = 0  # imapclient formats every line for a logger otherwise
    try:
        client.starttls(context)
        client.login(user, password)
        client.select_folder("INBOX", readonly=True)
        uids = sorted(client.search("ALL"))
        fetched = 0
        for start in range(0, len(uids), BATCH):
            answer = client.fetch(uids[start : start + BATCH], ["BODY.PEEK[]"])
            fetched += sum(1 for data in answer.values() if b"BODY[]" in data)
    finally:
        client.logout()
    return fetched


if __name__ == "__main__":
    host, port, user, password_file, ca_file = sys.argv[1:6]
    password = Path(password_file).read_text().strip()
    print(f"fetched={main(host, int(port), user, password, ca_file)}")
