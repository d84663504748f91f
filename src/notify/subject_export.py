"""Write a subject access export: every message, document, text and reply, plus a summary.

File names are numbered, never taken from mail; the names as sent are in
`summary.json`, so nothing an applicant wrote becomes a path.
"""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from notify.exportdir import ExportRefused, make_folder
from store import HeldMessage, SubjectData


def write_subject_export(data: SubjectData, out_dir: Path) -> list[Path]:
    """Write the export under `out_dir` (created; must be empty) and list the files.

    Raises ExportRefused, having written nothing, when `out_dir` is a file or
    holds anything: a person's data is never mixed into another folder.
    """
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())):
        what = "a folder that is not empty" if out_dir.is_dir() else "not a folder"
        raise ExportRefused(f"{out_dir} is {what}; give a new or empty folder")
    make_folder(out_dir)
    written: list[Path] = []

    def put(relative: str, content: bytes) -> str:
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
        return relative

    summary = {
        "address": data.address,
        "name": data.name,
        "first_seen_at": data.first_seen_at.isoformat(),
        "messages": [_message(put, n, m) for n, m in enumerate(data.messages, start=1)],
    }
    put("summary.json", json.dumps(summary, ensure_ascii=False, indent=2).encode())
    return written


def _message(put: Callable[[str, bytes], str], number: int, message: HeldMessage) -> dict[str, Any]:
    stem = f"{number:03d}"
    documents = []
    for index, document in enumerate(message.documents, start=1):
        name = f"documents/{stem}-{index}.{'pdf' if document.kind == 'pdf' else 'bin'}"
        entry: dict[str, Any] = {
            "file": put(name, document.data),
            "name_as_sent": document.filename,
            "kind": document.kind,
            "pages": document.pages,
        }
        if document.text:
            entry["text_file"] = put(f"text/{stem}-{index}.txt", document.text.encode())
        documents.append(entry)
    replies = [
        {
            "kind": reply.kind,
            "status": reply.status,
            "reason": reply.reason,
            "planned_at": reply.planned_at.isoformat(),
            "sent_at": reply.sent_at.isoformat() if reply.sent_at else None,
            "file": put(f"replies/{stem}-{index}.eml", reply.content) if reply.content else None,
        }
        for index, reply in enumerate(message.replies, start=1)
    ]
    return {
        "file": put(f"messages/{stem}.eml", message.raw),
        "arrived_at": message.arrived_at.isoformat(),
        "vacancy": message.vacancy,
        "verdict": message.verdict,
        "reasons": list(message.reasons),
        "flags": list(message.flags),
        "question_due_at": message.question_due_at.isoformat() if message.question_due_at else None,
        "documents": documents,
        "replies": replies,
    }
