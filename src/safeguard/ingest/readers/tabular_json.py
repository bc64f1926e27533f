"""JSON values for the JSONL reader: literal numbers, compact re-serialisation.

Numbers are kept as the text they were written with (``1.10`` stays
``1.10``, a million-digit integer stays as it is: no int conversion happens,
so Python's 4,300-digit limit never applies). Nested objects and arrays are
written back as compact JSON without recursion, every member in its order
(a nested object's duplicate keys are kept, not resolved).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

_SURROGATE = re.compile("[\ud800-\udfff]")


# the C string encoder json.dumps uses with ensure_ascii=False
_quote: Callable[[str], str] = json.encoder.encode_basestring


class _Lit(str):
    """A number (or NaN/Infinity) as its literal JSON text."""

    __slots__ = ()


# objects become tuples of pairs (a C-level hook: fast), numbers their literal text
_DECODER = json.JSONDecoder(
    parse_int=_Lit, parse_float=_Lit, parse_constant=_Lit, object_pairs_hook=tuple
)


class _Tok(str):
    """Punctuation queued by :func:`compact`."""

    __slots__ = ()


def parse_object(text: str) -> tuple[dict[str, str | None] | None, list[tuple[str, str]]]:
    """A JSON object line as ``{key: value text}``, plus ``(kind, message)`` problems."""
    try:
        parsed = _DECODER.decode(text)
    except RecursionError:
        return None, [("json-too-deep", "JSON nested too deeply; line skipped")]
    except ValueError as exc:
        message = getattr(exc, "msg", "invalid JSON")
        return None, [("json-invalid", f"invalid JSON ({message}); line skipped")]
    if type(parsed) is not tuple:
        return None, [("not-object", "line is JSON but not an object; skipped")]
    obj = dict(parsed)  # the last duplicate wins, as in json.loads
    problems = []
    if len(obj) != len(parsed):
        problems.append(("duplicate-key", "duplicate top-level keys; the last value kept"))
    values = {k: _value(v) for k, v in obj.items()}
    # only \uD800-style escapes make lone surrogates, and they cannot be stored as UTF-8
    if "\\u" in text and any(_SURROGATE.search(f"{k}{v}") for k, v in values.items()):
        problems.append(("lone-surrogate", "lone UTF-16 surrogate escapes replaced by U+FFFD"))
        values = {
            _SURROGATE.sub("\ufffd", k): None if v is None else _SURROGATE.sub("\ufffd", v)
            for k, v in values.items()
        }
    return values, problems


def _value(value: Any) -> str | None:
    if value is None:
        return None
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, str):
        return str(value)  # plain str, also for number literals
    return compact(value)


def compact(value: Any) -> str:
    """``value`` (from :func:`parse_object`'s parser) as compact JSON text."""
    out: list[str] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind is _Tok or kind is _Lit:
            out.append(item)
        elif kind is str:
            out.append(_quote(item))
        elif item is None or item is True or item is False:
            out.append("null" if item is None else "true" if item else "false")
        elif kind is tuple:  # an object, as pairs: every member written back, in order
            _push(
                stack, [(_Tok(json.dumps(k, ensure_ascii=False) + ":"), v) for k, v in item], "{}"
            )
        else:
            _push(stack, [(None, v) for v in item], "[]")
    return "".join(out)


def _push(stack: list[Any], members: list[tuple[_Tok | None, Any]], brackets: str) -> None:
    """Queue ``open member , member … close`` (reversed, for the stack)."""
    stack.append(_Tok(brackets[1]))
    for i in range(len(members) - 1, -1, -1):
        key, member = members[i]
        stack.append(member)
        if key is not None:
            stack.append(key)
        if i:
            stack.append(_Tok(","))
    stack.append(_Tok(brackets[0]))
