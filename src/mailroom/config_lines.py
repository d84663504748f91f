"""On which line of the TOML file each key is written, for `config check` to cite.

tomllib keeps no positions, so this reads the lines itself: table headers
(`[a.b]`, `[[a.b]]`, counting the items of each list of tables) and `key =`
lines, skipping the insides of multi-line strings and arrays. It serves a
hint beside a value the file certainly holds, never validation.
"""

import re
from collections.abc import Mapping

Key = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_ASSIGNMENT = re.compile(r"^\s*([A-Za-z0-9_.\"' -]+?)\s*=")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'[^\']*\'')


def key_lines(text: str) -> dict[Key, int]:
    """1-based line of every table and key the file writes, by its path of keys."""
    found: dict[Key, int] = {}
    items: dict[Key, int] = {}  # how many items each list of tables has so far
    table: Key = ()
    open_string: str | None = None
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if open_string is not None:
            if line.count(open_string) % 2:
                open_string = None
            continue
        if depth == 0 and (header := _HEADER.match(line)):
            table = _resolve(_parts(header[2]), items, is_list=header[1] == "[[")
            found.setdefault(table, number)
        elif depth == 0 and (assignment := _ASSIGNMENT.match(line)):
            found[(*table, *_parts(assignment[1]))] = number
        for quotes in ('"""', "'''"):
            if line.count(quotes) % 2:
                open_string = quotes
        if open_string is None:
            code = _STRING.sub("", line).split("#", 1)[0]
            depth = max(0, depth + code.count("[") - code.count("]"))
    return found


def line_of(lines: Mapping[Key, int], key: Key) -> int | None:
    """The line of `key`, or of the nearest table or inline table that holds it."""
    for end in range(len(key), 0, -1):
        if key[:end] in lines:
            return lines[key[:end]]
    return None


def _resolve(parts: list[str], items: dict[Key, int], *, is_list: bool) -> Key:
    """The header's path, each list of tables on the way at its latest item."""
    path: Key = ()
    for position, part in enumerate(parts):
        path = (*path, part)
        if is_list and position == len(parts) - 1:
            items[path] = items.get(path, 0) + 1
        if path in items:
            path = (*path, items[path] - 1)
    return path


def _parts(dotted: str) -> list[str]:
    return [part.strip().strip("\"'") for part in dotted.split(".")]
