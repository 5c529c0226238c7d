"""Translate papermill parameters (JSON and YAML values) into Regula bindings.

Each parameter becomes ``var name = value``: ``var`` so that the cell papermill injects after
the ``parameters`` cell may rebind names that cell bound with ``let`` or ``var``, and later
cells may still change them.
"""

import math
import re
import unicodedata

from papermill.models import Parameter
from papermill.translators import Translator, papermill_translators

# Regula's keywords (Sources/RegulaLanguage/Syntax/Token.swift): not usable as names or labels.
KEYWORDS = frozenset(
    ["let", "var", "if", "else", "for", "in", "while", "func", "return", "true", "false", "nothing"]
)

# Characters written as \u{…} rather than as themselves: controls, format characters, marks,
# modifiers and unassigned or private code points. The lexer reads a cell as extended grapheme
# clusters, so a combining mark (or an emoji modifier, a zero-width joiner…) right after the
# opening quote or an escape would join that character and change what the lexer sees.
ESCAPED_CATEGORIES = frozenset(["Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Mn", "Mc", "Me", "Sk", "Lm"])
# Letters that join the character before them (Grapheme_Cluster_Break SpacingMark) or after
# them (Prepend) although their category is Lo.
JOINING_LETTERS = frozenset(
    [0x0E33, 0x0EB3, 0x0D4E, 0x111C2, 0x111C3, 0x11A3A, 0x11D46, 0x11F02] + list(range(0x11A84, 0x11A8A))
)

SIMPLE_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


class RegulaTranslationError(ValueError):
    """A parameter that has no Regula spelling: its message names the parameter and why."""


def is_name(text):
    """Whether ``text`` lexes as one Regula identifier (a letter or _, then letters, digits, _)."""
    return (
        isinstance(text, str)
        and bool(text)
        and (text[0].isalpha() or text[0] == "_")
        and all(c.isalpha() or c in "0123456789_" for c in text)
        and text not in KEYWORDS
    )


def name_problem(text):
    if text in KEYWORDS:
        return f"'{text}' is a Regula keyword"
    return f"{text!r} is not a Regula name (a letter or _, then letters, digits or _)"


def needs_escape(character):
    code = ord(character)
    if code < 0x80:
        return character in SIMPLE_ESCAPES or not (0x20 <= code < 0x7F)
    return unicodedata.category(character) in ESCAPED_CATEGORIES or code in JOINING_LETTERS


class RegulaTranslator(Translator):
    """papermill's translator for Regula (``docs/language.md``)."""

    @classmethod
    def translate_str(cls, val):
        pieces = []
        for character in val:
            if character in SIMPLE_ESCAPES:
                pieces.append(SIMPLE_ESCAPES[character])
            elif needs_escape(character):
                pieces.append("\\u{%x}" % ord(character))
            else:
                pieces.append(character)
        return '"' + "".join(pieces) + '"'

    @classmethod
    def translate_escaped_str(cls, str_val):
        # papermill's last resort for other types: their text, as a Regula string.
        return cls.translate_str(str(str_val))

    @classmethod
    def translate_none(cls, val):
        return "nothing"

    @classmethod
    def translate_int(cls, val):
        # Regula's numbers are doubles; a whole number reads as its nearest double.
        return str(val)

    @classmethod
    def translate_float(cls, val):
        # Regula has no literal for infinity or NaN: 1e999 overflows to infinity when lexed, and
        # infinity minus infinity is NaN (arithmetic never fails on them; division by 0 does).
        if math.isnan(val):
            return "(1e999 - 1e999)"
        if math.isinf(val):
            return "-1e999" if val < 0 else "1e999"
        return repr(val)

    @classmethod
    def translate_bool(cls, val):
        return "true" if val else "false"

    @classmethod
    def translate_list(cls, val):
        return "[" + ", ".join(cls.translate(item) for item in val) + "]"

    @classmethod
    def translate_dict(cls, val):
        # A dict is a tuple with labels, a record: (train: 0.8, test: 0.2), read as data.train.
        if not val:
            raise RegulaTranslationError("an empty dict has no Regula form (a tuple has at least one part)")
        for key in val:
            if not is_name(key):
                raise RegulaTranslationError(f"a dict key becomes a tuple label, and {name_problem(key)}")
        return "(" + ", ".join(f"{key}: {cls.translate(item)}" for key, item in val.items()) + ")"

    @classmethod
    def comment(cls, cmt_str):
        return f"// {cmt_str}".strip()

    @classmethod
    def assign(cls, name, str_val):
        if not is_name(name):
            raise RegulaTranslationError(f"the parameter {name!r} cannot be bound: {name_problem(name)}")
        return f"var {name} = {str_val}"

    # `let name = value // help` or `var name: Type = value // help`, one binding a line.
    BINDING = re.compile(
        r"^\s*(?:let|var)\s+(?P<name>[^\W\d]\w*)\s*(?::\s*(?P<annotation>\w+)\s*)?=\s*(?P<value>.*?)\s*(?://\s*(?P<help>.*?)\s*)?$"
    )

    @classmethod
    def inferred_type(cls, value):
        """The type a literal shows, as Regula names types; "None" (unknown) for other expressions."""
        if value == "nothing":
            return "Nothing"
        if value in ("true", "false"):
            return "Bool"
        if re.fullmatch(r'"(?:[^"\\]|\\.)*"', value):
            return "String"
        if re.fullmatch(r"[-+]?(?:\d[\d_]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?", value):
            return "Number"
        if value.startswith("[") and value.endswith("]"):
            return "List"
        if value.startswith("(") and value.endswith(")") and ("," in value or re.match(r"^\(\s*\w+\s*:", value)):
            return "Tuple"
        return "None"

    @classmethod
    def inspect(cls, parameters_cell):
        """The parameters the ``parameters`` cell binds, for ``papermill --help-notebook``.

        Only one-line bindings are read; a comment after one is its help. Lines that are not
        bindings (comments, blank lines, other statements) are skipped, never an error.
        """
        parameters = []
        source = parameters_cell["source"]
        if isinstance(source, list):
            source = "".join(source)
        for line in source.splitlines():
            match = cls.BINDING.match(line)
            if not match or match.group("name") in KEYWORDS or not match.group("value"):
                continue
            value = match.group("value")
            annotation = match.group("annotation")
            parameters.append(
                Parameter(
                    name=match.group("name"),
                    inferred_type_name=annotation or cls.inferred_type(value),
                    default=value,
                    help=match.group("help") or "",
                )
            )
        return parameters


# Registered for the kernel's name and for its language's (kernel.json: "language": "regula").
papermill_translators.register("regula", RegulaTranslator)
