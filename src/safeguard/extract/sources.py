"""Where selectors are looked for: the analysis-store columns, as data.

Three kinds of source, each a record table, its id, its account and its time:

- :data:`IP_FIELDS`: logged IP columns, turned into observations in SQL (there
  are millions: one per post at Operation Rescue scale);
- :data:`VALUE_FIELDS`: structured columns holding one selector of a known
  type (registration e-mail, ICQ, Skype, Jabber, website), validated in Python;
- :data:`TEXT_FIELDS`: free text scanned by the finder (posts, private
  messages, signatures and other profile text, mail).

Profile text carries no time of writing: its observations have ``seen_at``
NULL. Access-log hits name no account and are not a source here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Source:
    """One column of one record table."""

    table: str
    id_expr: str  # SQL giving the record id
    account: str  # column holding the account id
    time: str  # SQL giving the observation time (may be NULL)
    field: str  # column read
    kind: str = "text"  # selector type for value fields


_LOGIN_ID = "source_member || '/' || source_table || '#' || CAST(source_row AS VARCHAR)"

IP_FIELDS: tuple[Source, ...] = (
    Source("accounts", "account_id", "account_id", "registered_at", "registration_ip"),
    Source("accounts", "account_id", "account_id", "last_visit_at", "last_ip"),
    Source("posts", "post_id", "account_id", "posted_at", "ip"),
    Source("private_messages", "message_id", "sender_account_id", "sent_at", "ip"),
    Source("login_events", _LOGIN_ID, "account_id", "seen_at", "ip"),
    Source("mail_messages", "mail_id", "from_account_id", "sent_at", "originating_ip"),
)

VALUE_FIELDS: tuple[Source, ...] = (
    Source("accounts", "account_id", "account_id", "registered_at", "email", "email"),
    Source("accounts", "account_id", "account_id", "NULL", "icq", "icq"),
    Source("accounts", "account_id", "account_id", "NULL", "skype", "skype"),
    Source("accounts", "account_id", "account_id", "NULL", "jabber", "jabber"),
    Source("accounts", "account_id", "account_id", "NULL", "website", "url"),
    Source("mail_messages", "mail_id", "from_account_id", "sent_at", "from_addr", "email"),
)

TEXT_FIELDS: tuple[Source, ...] = (
    Source("posts", "post_id", "account_id", "posted_at", "text_plain"),
    Source("posts", "post_id", "account_id", "posted_at", "subject"),
    Source("private_messages", "message_id", "sender_account_id", "sent_at", "text_plain"),
    Source("private_messages", "message_id", "sender_account_id", "sent_at", "subject"),
    Source("accounts", "account_id", "account_id", "NULL", "signature_plain"),
    Source("accounts", "account_id", "account_id", "NULL", "location"),
    Source("accounts", "account_id", "account_id", "NULL", "occupation"),
    Source("accounts", "account_id", "account_id", "NULL", "interests"),
    Source("mail_messages", "mail_id", "from_account_id", "sent_at", "body_text"),
    Source("mail_messages", "mail_id", "from_account_id", "sent_at", "subject"),
)

PROVENANCE = (
    "evidence_id",
    "evidence_sha256",
    "source_member",
    "source_table",
    "source_row",
    "source_offset",
)


def select(src: Source, extra_where: str = "") -> str:
    """SELECT of (record_id, account_id, seen_at, value, provenance…) for one item
    (parameter ``$ev``), non-empty values only."""
    prov = ", ".join(PROVENANCE)
    return (
        f"SELECT {src.id_expr} AS record_id, {src.account} AS account_id, "
        f"{src.time} AS seen_at, {src.field} AS value, {prov} "
        f'FROM "{src.table}" WHERE evidence_id = $ev AND {src.field} IS NOT NULL '
        f"AND {src.field} <> ''{extra_where}"
    )
