"""Top-level domains accepted for bare domains and de-obfuscated addresses.

Country codes come from libphonenumber's region list (offline, ISO 3166-1);
generic TLDs are the common ones seen on forums. A closed list keeps words
such as ``index.php`` or ``e.g`` from being read as domains.
"""

from __future__ import annotations

import phonenumbers

GENERIC = frozenset(
    {
        *("com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "name", "pro"),
        *("mobi", "onion", "io", "me", "co", "tv", "cc", "ws", "xyz", "top", "online"),
        *("site", "club", "app", "dev", "email", "live", "chat", "link"),
    }
)
COUNTRY = frozenset(r.lower() for r in phonenumbers.SUPPORTED_REGIONS) | {"uk", "eu", "su"}
ALL = GENERIC | COUNTRY
