"""click's own texts (usage errors, ``--help`` headings) in the command's language.

click writes every text it shows through ``gettext`` (``from gettext import gettext as _``
in each of its modules) and ships no Indonesian catalogue. ``speak_click`` gives those modules
a ``_`` (and ``ngettext``) that looks the text up here when the command's language is
Indonesian, so a mistyped option gets the same language as every other message. A text not
listed stays click's English; a future click that renames a module loses nothing but the
translation.
"""

from __future__ import annotations

import gettext
import sys
from collections.abc import Callable

INDONESIAN: dict[str, str] = {
    # Errors (exceptions.py, core.py, parser.py).
    "Error: {message}": "Kesalahan: {message}",
    "Try '{command} {option}' for help.": "Lihat '{command} {option}' untuk bantuan.",
    "No such option {name!r}.": "Tidak ada opsi {name!r}.",
    "Did you mean {possibility}?": "Maksud Anda {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Maksud Anda salah satu dari: {possibilities}?)",
    "No such command {name!r}.": "Tidak ada perintah {name!r}.",
    "Missing command.": "Perintah belum diberikan.",
    "Missing option": "Opsi wajib belum diisi:",
    "Missing argument": "Argumen wajib belum diisi:",
    "Missing parameter": "Parameter wajib belum diisi:",
    "Missing parameter: {param_name}": "Parameter wajib belum diisi: {param_name}",
    "Invalid value for {param_hint}: {message}": "Nilai tidak sah untuk {param_hint}: {message}",
    "Invalid value: {message}": "Nilai tidak sah: {message}",
    "Option {name!r} requires an argument.": "Opsi {name!r} memerlukan nilai.",
    "Option {name!r} requires {nargs} arguments.": "Opsi {name!r} memerlukan {nargs} nilai.",
    "Option {name!r} does not take a value.": "Opsi {name!r} tidak menerima nilai.",
    "Got unexpected extra argument ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Got unexpected extra arguments ({args})": "Ada argumen lebih yang tidak dikenal ({args})",
    "Aborted!": "Dibatalkan.",
    # Values (types.py).
    "{value!r} is not a valid {number_type}.": "{value!r} bukan angka yang sah.",
    "{value} is not in the range {range}.": "{value} di luar rentang {range}.",
    "{value!r} is not {choice}.": "{value!r} bukan {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} bukan salah satu dari {choices}.",
    "{value!r} does not match the format {format}.": "{value!r} tidak sesuai format {format}.",
    "{value!r} does not match the formats {formats}.": "{value!r} tidak sesuai format {formats}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} tidak ada.",
    "{name} {filename!r} is a file.": "{name} {filename!r} adalah berkas, bukan folder.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} adalah folder, bukan berkas.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} tidak dapat dibaca.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} tidak dapat ditulisi.",
    "Could not open file {filename!r}: {message}": (
        "Berkas {filename!r} tidak dapat dibuka: {message}"
    ),
    "file": "Berkas",
    "directory": "Folder",
    "path": "Jalur",
    # Help (formatting.py, core.py, decorators.py).
    "Usage:": "Pemakaian:",
    "Options": "Opsi",
    "Commands": "Perintah",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "default: {default}": "bawaan: {default}",
    "env var: {var}": "variabel lingkungan: {var}",
    "required": "wajib",
}


def speak_click(language: Callable[[], str]) -> None:
    """Make click's loaded modules speak ``language()`` (looked up at each text)."""

    def text(message: str) -> str:
        return INDONESIAN.get(message, message) if language() == "id" else message

    def texts(singular: str, plural: str, count: int) -> str:
        return text(singular if count == 1 else plural)

    for name, module in list(sys.modules.items()):
        if name != "click" and not name.startswith("click."):
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = text  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = texts  # type: ignore[attr-defined]
