import pytest

from safeguard.resolve.normalise import (
    email_local_norm,
    email_norm,
    unsalted_hash,
    user_agent_norm,
    username_norm,
    username_shape,
)


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("Mike.Fox+forum@GoogleMail.com", "mikefox@gmail.com"),
        ("m.i.k.e@gmail.com", "mike@gmail.com"),
        ("mike.fox+x@web.de", "mike.fox@web.de"),  # dots matter outside Gmail
        ("  MIKE@WEB.DE ", "mike@web.de"),
        ("not an address", None),
        ("@web.de", None),
        ("mike@localhost", None),
        (None, None),
    ],
)
def test_email_norm(raw, want):
    assert email_norm(raw) == want


def test_email_local_part_keeps_the_letters():
    assert email_local_norm("mike.fox_1975@gmx.de") == "mikefox"
    assert email_local_norm("m1ke.f0x@gmx.de") == "mikefox"
    assert email_local_norm("12345@gmx.de") is None


@pytest.mark.parametrize(
    "name", ["Mike_Fox1975", "m1ke.f0x", "mike-fox_", "MIKE FOX 7", "mikefox@hotmail.com"]
)
def test_username_variants_meet(name):
    assert username_norm(name) == "mikefox"


def test_username_too_short_is_not_compared():
    assert username_norm("a1") is None
    assert username_norm("") is None


def test_unsalted_hashes_only():
    md5 = "5f4dcc3b5aa765d61d8327deb882cf99"
    assert unsalted_hash(md5.upper(), "md5-unsalted") == md5
    assert unsalted_hash(md5, None) == md5  # shape alone when no scheme was recorded
    assert unsalted_hash(md5, "md5-salted") is None
    assert unsalted_hash("$H$9abcdefghijklmnopqrstuvwxyz01234", "phpass") is None
    assert unsalted_hash("$2y$10$abcdefghijklmnopqrstuu", "bcrypt") is None
    assert unsalted_hash(f"{md5}:salt", None) is None
    assert unsalted_hash("xyz", "unknown-unsalted") is None


def test_user_agent_whitespace():
    assert user_agent_norm(" Mozilla/5.0  (X11) ") == "Mozilla/5.0 (X11)"
    assert user_agent_norm("   ") is None


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("Mike_Fox1975", "mike_fox"),
        ("m1k3-f0x_", "mike_fox"),
        ("mike.fox42@gmail.com", "mike.fox"),
        ("MikeFox", "mikefox"),
        ("a1", None),
    ],
)
def test_username_shape_keeps_the_separator_habit(name, want):
    assert username_shape(name) == want
    if want is not None:  # a finer key than the normalised name, never a different one
        assert username_norm(name) == want.replace("_", "").replace(".", "")


def test_user_agent_platform_survives_browser_updates():
    from safeguard.resolve.normalise import user_agent_platform as platform

    ie7 = "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 5.1; .NET CLR 2.0.50727; InfoPath.2)"
    ie8 = ie7.replace("MSIE 7.0; Windows NT 5.1;", "MSIE 8.0; Windows NT 5.1; Trident/4.0;")
    assert platform(ie7) == platform(ie8)
    ff2 = (
        "Mozilla/5.0 (Windows; U; Windows NT 5.1; de; rv:1.8.1.14) Gecko/20080416 Firefox/2.0.0.14"
    )
    ff3 = "Mozilla/5.0 (Windows; U; Windows NT 5.1; de; rv:1.9.2.13) Gecko/20101209 Firefox/3.6.13"
    assert platform(ff2) == platform(ff3)
    o9, o11 = (
        "Opera/9.27 (Windows NT 5.1; U; pl)",
        "Opera/9.80 (Windows NT 5.1; U; pl) Presto/2.7.62 Version/11.01",
    )
    assert platform(o9) == platform(o11)
    # the device's own traits still tell devices apart
    assert platform(ff3) != platform(ff3.replace("; de;", "; nl;"))
    assert platform(ie8) != platform(ie8.replace("; InfoPath.2", ""))
    assert platform(ie8) != platform(ie8.replace("NT 5.1", "NT 6.0"))
    assert platform("  ") is None
