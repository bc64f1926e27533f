import pytest

from safeguard.ingest.values import ip_from_bytes, ip_from_text, password_scheme, recipients

IP_TEXT_CASES = [
    ("192.0.2.10", "192.0.2.10"),
    (" 192.0.2.10 ", "192.0.2.10"),
    ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
    ("::ffff:198.51.100.7", "198.51.100.7"),
    ("fe80::1%eth0", "fe80::1"),
    ("3232235777", "192.168.1.1"),  # ip2long
    ("-1062731775", "192.168.0.1"),  # signed 32-bit INT column
    ("0xC0A80001", "192.168.0.1"),
    ("0x20010db8000000000000000000000001", "2001:db8::1"),
    ("", None),
    ("0.0.0.0", None),
    ("::", None),
    ("0", None),
    ("not an ip", None),
    ("999.1.1.1", None),
    ("4294967296", None),
    (None, None),
]


@pytest.mark.parametrize(("raw", "expected"), IP_TEXT_CASES)
def test_ip_from_text(raw, expected):
    assert ip_from_text(raw) == expected


def test_sql_ip_text_fast_path_agrees_with_python():
    import duckdb

    from safeguard.engine.functions import register

    con = duckdb.connect()
    register(con)
    cases = [r for r, _ in IP_TEXT_CASES] + ["01.2.3.4", "1.2.3.04", "255.255.255.255", "1.2.3"]
    for value in cases:
        got = con.execute("SELECT sg_ip_text(?)", [value]).fetchone()[0]
        assert got == ip_from_text(value), value


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (bytes([203, 0, 113, 5]), "203.0.113.5"),
        (bytes.fromhex("20010db8000000000000000000000002"), "2001:db8::2"),
        (bytes.fromhex("00000000000000000000ffffcb007105"), "203.0.113.5"),
        (b"198.51.100.1", "198.51.100.1"),  # text stored in a binary column
        (b"\xff\xfe", None),
        (None, None),
    ],
)
def test_ip_from_bytes(raw, expected):
    assert ip_from_bytes(raw) == expected


@pytest.mark.parametrize(
    ("hash_value", "salt", "expected"),
    [
        ("$H$9abcdefghijklmnopqrstuvwxyz0123", None, "phpass"),
        ("$2y$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234", None, "bcrypt"),
        ("$argon2id$v=19$m=65536,t=4,p=1$abc$def", None, "argon2"),
        ("5f4dcc3b5aa765d61d8327deb882cf99", None, "md5-unsalted"),
        ("5f4dcc3b5aa765d61d8327deb882cf99", "abc", "md5-salted"),
        ("5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", "", "sha1-unsalted"),
        ('a:1:{s:4:"hash";s:60:"$2y$10$x"}', None, "xenforo-serialized-bcrypt"),
        ("", None, None),
    ],
)
def test_password_scheme(hash_value, salt, expected):
    assert password_scheme(hash_value, salt) == expected


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        ("u_2:u_5:g_7", "phpbb", [("2", "to"), ("5", "to")]),
        ("", "phpbb", []),
        (b'a:2:{i:5;s:3:"bob";i:9;s:3:"eve";}', "vbulletin", [("5", "to"), ("9", "to")]),
        (
            b'a:2:{s:2:"cc";a:1:{i:5;s:3:"bob";}s:3:"bcc";a:1:{i:9;s:3:"eve";}}',
            "vbulletin",
            [("5", "cc"), ("9", "bcc")],
        ),
        (
            b'a:2:{s:2:"to";a:1:{i:0;s:1:"4";}s:3:"bcc";a:1:{i:0;s:1:"8";}}',
            "mybb",
            [("4", "to"), ("8", "bcc")],
        ),
        (b"a:9:{garbage", "mybb", []),
        ("2, 5", "csv", [("2", "to"), ("5", "to")]),
        (None, "phpbb", []),
    ],
)
def test_recipients(value, fmt, expected):
    assert [(r["uid"], r["kind"]) for r in recipients(value, fmt)] == expected
