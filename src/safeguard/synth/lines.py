"""Lines that give a selector, other than 'add me on …', in the eight languages.

``MINE`` is the second way to give a handle; ``LINES`` hold the lines for
selectors that are not contact handles (sites, coin addresses, PGP keys,
server addresses), keyed by the kind's ``GROUP``. Content rule: neutral
statements only. ``text.contact_line`` picks among them.
"""

from __future__ import annotations

# Another common way to give a handle ("my signal is name.42"); languages other
# than English use a colon, as people do in short lines.
MINE = {
    "en": "my {label} is {value}",
    "de": "mein {label}: {value}",
    "nl": "mijn {label}: {value}",
    "es": "mi {label}: {value}",
    "it": "il mio {label}: {value}",
    "pl": "mój {label}: {value}",
    "fr": "mon {label} : {value}",
    "pt": "meu {label}: {value}",
}
# Lines for selectors that are not contact handles, by the kind's group.
LINES: dict[str, dict[str, str]] = {
    "web": {
        "en": "my site: {value}",
        "de": "meine Seite: {value}",
        "nl": "mijn site: {value}",
        "es": "mi web: {value}",
        "it": "il mio sito: {value}",
        "pl": "moja strona: {value}",
        "fr": "mon site : {value}",
        "pt": "meu site: {value}",
    },
    "coin": {
        "en": "tip jar ({label}): {value}",
        "de": "Kaffeekasse ({label}): {value}",
        "nl": "fooienpot ({label}): {value}",
        "es": "propinas ({label}): {value}",
        "it": "mance ({label}): {value}",
        "pl": "napiwki ({label}): {value}",
        "fr": "pourboires ({label}) : {value}",
        "pt": "gorjetas ({label}): {value}",
    },
    "fingerprint": {
        "en": "my {label} fingerprint: {value}",
        "de": "mein {label} Fingerabdruck: {value}",
        "nl": "mijn {label} vingerafdruk: {value}",
        "es": "mi huella {label}: {value}",
        "it": "la mia impronta {label}: {value}",
        "pl": "mój odcisk {label}: {value}",
        "fr": "mon empreinte {label} : {value}",
        "pt": "minha impressão {label}: {value}",
    },
    "key": {
        "en": "my {label} key:\n{value}",
        "de": "mein {label} Schlüssel:\n{value}",
        "nl": "mijn {label} sleutel:\n{value}",
        "es": "mi clave {label}:\n{value}",
        "it": "la mia chiave {label}:\n{value}",
        "pl": "mój klucz {label}:\n{value}",
        "fr": "ma clé {label} :\n{value}",
        "pt": "minha chave {label}:\n{value}",
    },
    "server": {
        "en": "my server {label}: {value}",
        "de": "meine Server {label}: {value}",
        "nl": "mijn server {label}: {value}",
        "es": "la {label} de mi servidor: {value}",
        "it": "{label} del mio server: {value}",
        "pl": "{label} mojego serwera: {value}",
        "fr": "{label} de mon serveur : {value}",
        "pt": "o {label} do meu servidor: {value}",
    },
}
GROUP = {
    **dict.fromkeys(("url", "domain"), "web"),
    **dict.fromkeys(("btc", "ltc", "eth", "xmr"), "coin"),
    "pgp_fingerprint": "fingerprint",
    "pgp_key": "key",
    **dict.fromkeys(("ipv4", "ipv6"), "server"),
}
