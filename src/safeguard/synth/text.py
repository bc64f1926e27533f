"""Ordinary forum chatter in eight languages, and neutral risk-indicator lines.

Content rule (docs/product.md): nothing sexual, ever. Chatter is hobbies, tech,
weather and football; risk indicators are neutral statements about access to
children through work or volunteering, wanting to meet, offering to host files,
and moving to a private channel ('add me on kik …', 'my site: …', 'tip jar
(eth): …', 'my pgp fingerprint: …'). The vocabulary is closed: a test checks that
generated text uses only words from this module and the selectors.
"""

from __future__ import annotations

import random
import zlib
from functools import cache

from safeguard.synth.lines import GROUP, LINES, MINE

LANGS = ("en", "de", "nl", "es", "it", "pl", "fr", "pt")

CHATTER: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        (
            "Anyone else watching the {x} this weekend?",
            "I finally fixed my {x}, thanks for the tips.",
            "The weather here is awful, rain all week.",
            "Great match yesterday, what a second half!",
            "Has anyone tried the new {x}? Worth it?",
            "Welcome to the forum, enjoy your stay.",
            "I spent the whole evening on my {x} again.",
            "Thanks, that answer helped a lot.",
            "Off to work now, talk later.",
            "Does anyone know a good guide for the {x}?",
        ),
        (
            "football",
            "router",
            "laptop",
            "garden",
            "guitar",
            "bike",
            "camera",
            "linux update",
            "coffee machine",
            "fishing trip",
        ),
    ),
    "de": (
        (
            "Schaut noch jemand das {x} am Wochenende?",
            "Endlich läuft mein {x} wieder, danke!",
            "Hier regnet es seit Tagen, furchtbares Wetter.",
            "Tolles Spiel gestern, starke zweite Halbzeit!",
            "Hat jemand schon das neue {x} ausprobiert?",
            "Willkommen im Forum!",
            "Den ganzen Abend am {x} gebastelt.",
            "Danke, die Antwort hat mir sehr geholfen.",
            "Muss jetzt zur Arbeit, bis später.",
            "Kennt jemand eine gute Anleitung für das {x}?",
        ),
        (
            "Fußballspiel",
            "Notebook",
            "Fahrrad",
            "Aquarium",
            "Modellbahn",
            "Update",
            "Grillfest",
            "Navi",
            "Motorrad",
            "Handy",
        ),
    ),
    "nl": (
        (
            "Kijkt er nog iemand naar de {x} dit weekend?",
            "Eindelijk werkt mijn {x} weer, bedankt!",
            "Het regent hier al de hele week.",
            "Mooie wedstrijd gisteren, wat een tweede helft!",
            "Heeft iemand de nieuwe {x} al geprobeerd?",
            "Welkom op het forum!",
            "Hele avond met mijn {x} bezig geweest.",
            "Bedankt, dat antwoord hielp echt.",
            "Ik moet nu werken, tot later.",
            "Weet iemand een goede handleiding voor de {x}?",
        ),
        (
            "wedstrijd",
            "laptop",
            "fiets",
            "tuin",
            "gitaar",
            "camera",
            "router",
            "boot",
            "update",
            "koffiemachine",
        ),
    ),
    "es": (
        (
            "¿Alguien más va a ver el {x} este fin de semana?",
            "Por fin arreglé mi {x}, gracias.",
            "Aquí llueve toda la semana, qué tiempo.",
            "Gran partido ayer, ¡qué segunda parte!",
            "¿Alguien probó el nuevo {x}?",
            "Bienvenido al foro.",
            "Pasé toda la tarde con mi {x}.",
            "Gracias, la respuesta me ayudó mucho.",
            "Me voy a trabajar, hablamos luego.",
            "¿Alguien conoce una buena guía para el {x}?",
        ),
        (
            "partido",
            "portátil",
            "router",
            "jardín",
            "coche",
            "móvil",
            "clásico",
            "servidor",
            "torneo",
            "viaje",
        ),
    ),
    "it": (
        (
            "Qualcuno guarda la {x} questo fine settimana?",
            "Finalmente ho sistemato il mio {x}, grazie.",
            "Qui piove da una settimana.",
            "Bella partita ieri, che secondo tempo!",
            "Qualcuno ha provato il nuovo {x}?",
            "Benvenuto nel forum.",
            "Ho passato la serata sul mio {x}.",
            "Grazie, la risposta mi ha aiutato molto.",
            "Vado al lavoro, a dopo.",
            "Qualcuno conosce una buona guida per il {x}?",
        ),
        (
            "partita",
            "portatile",
            "router",
            "giardino",
            "motorino",
            "telefono",
            "campionato",
            "server",
            "viaggio",
            "forno",
        ),
    ),
    "pl": (
        (
            "Ktoś jeszcze ogląda {x} w ten weekend?",
            "W końcu naprawiłem {x}, dzięki.",
            "U nas pada cały tydzień.",
            "Świetny mecz wczoraj, co za druga połowa!",
            "Ktoś już testował nowy {x}?",
            "Witaj na forum.",
            "Cały wieczór przy {x}.",
            "Dzięki, ta odpowiedź bardzo pomogła.",
            "Idę do pracy, na razie.",
            "Zna ktoś dobry poradnik do {x}?",
        ),
        (
            "mecz",
            "laptop",
            "router",
            "rower",
            "ogród",
            "telefon",
            "serwer",
            "aparat",
            "samochód",
            "wyjazd",
        ),
    ),
    "fr": (
        (
            "Quelqu'un regarde le {x} ce week-end ?",
            "J'ai enfin réparé mon {x}, merci.",
            "Il pleut ici toute la semaine.",
            "Beau match hier, quelle deuxième mi-temps !",
            "Quelqu'un a testé le nouveau {x} ?",
            "Bienvenue sur le forum.",
            "J'ai passé la soirée sur mon {x}.",
            "Merci, la réponse m'a bien aidé.",
            "Je pars au travail, à plus tard.",
            "Quelqu'un connaît un bon tuto pour le {x} ?",
        ),
        (
            "match",
            "portable",
            "routeur",
            "jardin",
            "vélo",
            "téléphone",
            "serveur",
            "championnat",
            "voyage",
            "barbecue",
        ),
    ),
    "pt": (
        (
            "Alguém vai ver o {x} neste fim de semana?",
            "Finalmente consertei o meu {x}, valeu.",
            "Aqui chove a semana toda.",
            "Grande jogo ontem, que segundo tempo!",
            "Alguém já testou o novo {x}?",
            "Bem-vindo ao fórum.",
            "Passei a noite toda no meu {x}.",
            "Obrigado, a resposta ajudou muito.",
            "Vou trabalhar, até logo.",
            "Alguém conhece um bom tutorial para o {x}?",
        ),
        (
            "jogo",
            "notebook",
            "roteador",
            "jardim",
            "carro",
            "celular",
            "servidor",
            "campeonato",
            "churrasco",
            "violão",
        ),
    ),
}

# Neutral risk-indicator lines (content rules: non-explicit). Keys are truth facts.
RISK: dict[str, dict[str, str]] = {
    "access": {
        "en": "I coach the under-12 team on Saturdays.",
        "de": "Ich trainiere samstags die U12.",
        "nl": "Ik ben vrijwilliger bij de jeugdclub.",
        "es": "Soy monitor en el campamento infantil.",
        "it": "Faccio il volontario al centro giovanile.",
        "pl": "Jestem opiekunem na koloniach.",
        "fr": "J'entraîne les moins de 12 ans le samedi.",
        "pt": "Sou voluntário no clube juvenil.",
    },
    "meet": {
        "en": "Anyone near me want to meet up in person?",
        "de": "Wer aus meiner Gegend will sich treffen?",
        "nl": "Wie wil er in het echt afspreken?",
        "es": "¿Alguien cerca quiere quedar en persona?",
        "it": "Qualcuno vicino vuole incontrarsi di persona?",
        "pl": "Ktoś z okolicy chce się spotkać?",
        "fr": "Quelqu'un près de chez moi veut se voir en vrai ?",
        "pt": "Alguém perto quer se encontrar?",
    },
    "files": {
        "en": "I can host the files for the group.",
        "de": "Ich kann die Dateien hosten.",
        "nl": "Ik kan de bestanden hosten.",
        "es": "Puedo alojar los archivos.",
        "it": "Posso ospitare i file.",
        "pl": "Mogę hostować pliki.",
        "fr": "Je peux héberger les fichiers.",
        "pt": "Posso hospedar os arquivos.",
    },
}

CONTACT = {
    "en": "add me on {label} {value}",
    "de": "schreib mir auf {label} {value}",
    "nl": "voeg me toe op {label} {value}",
    "es": "agrégame en {label} {value}",
    "it": "aggiungimi su {label} {value}",
    "pl": "dodaj mnie na {label} {value}",
    "fr": "ajoute-moi sur {label} {value}",
    "pt": "me adiciona no {label} {value}",
}
# (plain, obfuscated) label of each kind; the obfuscated one dodges keyword filters.
LABELS = {
    "email": ("mail", "m4il"),
    "telegram": ("telegram", "t3l3gr4m"),
    "session": ("session", "s3ss10n"),
    "phone": ("phone", "ph0ne"),
    "jabber": ("jabber", "j4bb3r"),
    "icq": ("icq", "1cq"),
    "skype": ("skype", "sk7pe"),
    "btc": ("btc", "b7c"),
    "url": ("site", "s1te"),
    "domain": ("site", "s1te"),
    "kik": ("kik", "k1k"),
    "wickr": ("wickr", "w1ckr"),
    "threema": ("threema", "thr33ma"),
    "signal": ("signal", "s19n4l"),
    "whatsapp": ("whatsapp", "wh4tsapp"),
    "discord": ("discord", "d1sc0rd"),
    "snapchat": ("snapchat", "sn4pch4t"),
    "ltc": ("ltc", "l7c"),
    "eth": ("eth", "3th"),
    "xmr": ("monero", "m0n3r0"),
    "pgp_fingerprint": ("pgp", "p9p"),
    "pgp_key": ("pgp", "p9p"),
    "ipv4": ("ip", "1p"),
    "ipv6": ("ip", "1p"),
}


def chatter(rng: random.Random, lang: str, sentences: int) -> str:
    """``sentences`` lines of ordinary chatter in ``lang``.

    Draws exactly as ``rng.choice(templates).format(x=rng.choice(things))`` per
    sentence would (same words for the same stream), without its per-call cost.
    """
    table, nt, kt, nx, kx = _sentences(lang)
    bits = rng.getrandbits
    out = []
    for _ in range(sentences):
        i = bits(kt)  # Random._randbelow: retry draws of k bits until below n
        while i >= nt:
            i = bits(kt)
        j = bits(kx)
        while j >= nx:
            j = bits(kx)
        out.append(table[i][j])
    return " ".join(out)


@cache
def _sentences(lang: str) -> tuple[tuple[tuple[str, ...], ...], int, int, int, int]:
    """Every (template, thing) sentence of ``lang``, and both lists' sizes and bit widths."""
    templates, things = CHATTER[lang]
    table = tuple(tuple(tm.format(x=x) for x in things) for tm in templates)
    nt, nx = len(templates), len(things)
    return table, nt, nt.bit_length(), nx, nx.bit_length()


def contact_line(lang: str, kind: str, written: str, obfuscated: bool) -> str:
    """The line giving ``written`` in ``lang``: 'add me on <label> <value>' or 'my
    <label> is <value>' for handles (chosen by the value, so it is stable), the
    kind's own line otherwise ('tip jar (btc): …'); the label is leetspeak when
    obfuscated. A PGP key block spans several lines."""
    label = LABELS[kind][1 if obfuscated else 0]
    if kind in GROUP:
        forms = LINES[GROUP[kind]]
    else:
        forms = MINE if zlib.crc32(written.encode()) % 3 == 0 else CONTACT
    return forms[lang].format(label=label, value=written)


def vocabulary() -> set[str]:
    """Every word this module can emit (for the closed-vocabulary content test)."""
    words: set[str] = set()
    parts: list[str] = []
    for templates, things in CHATTER.values():
        parts += [*templates, *things]
    for per_lang in RISK.values():
        parts += per_lang.values()
    parts += [*CONTACT.values(), *MINE.values()]
    parts += [t for per_lang in LINES.values() for t in per_lang.values()]
    parts += [w for pair in LABELS.values() for w in pair]
    for p in parts:
        words.update(_words(p))
    return words


def _words(text: str) -> list[str]:
    return ["".join(ch for ch in w if ch.isalpha()).lower() for w in text.split()]
