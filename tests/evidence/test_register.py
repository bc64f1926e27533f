import gzip
import hashlib
import io
import tarfile
import zipfile

import pytest

from safeguard.evidence import register
from safeguard.evidence.access import list_units, open_unit
from safeguard.exceptions import CaseError, DuplicateEvidenceError, UnsafeArchiveError
from safeguard.settings import Settings
from tests.factories import new_case, write


def test_register_records_hash_size_and_who(tmp_path):
    case = new_case(tmp_path)
    f = write(tmp_path / "dump.sql", b"-- MySQL dump\n")
    item = register.add(case, f, acquired_by="DC Example", source="server A, warrant 1")
    assert item.sha256 == hashlib.sha256(b"-- MySQL dump\n").hexdigest()
    assert item.size_bytes == 14
    with case.engine(read_only=True) as eng:
        row = eng.fetchall(
            "SELECT acquired_by, acquired_from, ingest_status, container FROM evidence"
        )[0]
    assert row == ("DC Example", "server A, warrant 1", "pending", "plain")


def test_same_bytes_twice_are_refused_even_under_another_name(tmp_path):
    case = new_case(tmp_path)
    register.add(case, write(tmp_path / "a.sql", b"x"), acquired_by="a", source="s")
    with pytest.raises(DuplicateEvidenceError, match="already registered as ev-"):
        register.add(case, write(tmp_path / "b.sql", b"x"), acquired_by="a", source="s")


def test_registration_never_modifies_the_file(tmp_path):
    case = new_case(tmp_path)
    f = write(tmp_path / "a.sql", b"data")
    before = (f.stat().st_mtime_ns, f.read_bytes())
    register.add(case, f, acquired_by="a", source="s")
    assert (f.stat().st_mtime_ns, f.read_bytes()) == before


def test_verify_reports_a_changed_and_a_missing_item(tmp_path):
    case = new_case(tmp_path)
    a = write(tmp_path / "a.sql", b"aaaa")
    b = write(tmp_path / "b.sql", b"bbbb")
    register.add(case, a, acquired_by="x", source="s")
    register.add(case, b, acquired_by="x", source="s")
    assert all(r.ok for r in register.verify(case))
    a.write_bytes(b"aaab")
    b.unlink()
    results = {r.item.original_name: r for r in register.verify(case)}
    assert not results["a.sql"].ok
    assert "CHANGED" in results["a.sql"].message
    assert hashlib.sha256(b"aaab").hexdigest() in results["a.sql"].message
    assert not results["b.sql"].ok
    assert "missing" in results["b.sql"].message
    with case.audit() as audit:
        outcomes = [e["outcome"] for e in audit.events() if e["action"] == "evidence.verify"]
    assert outcomes.count("changed") == 2


def test_compressed_evidence_is_hashed_as_acquired_and_read_in_place(tmp_path):
    case = new_case(tmp_path)
    gz = write(tmp_path / "d.sql.gz", gzip.compress(b"hello dump"))
    item = register.add(case, gz, acquired_by="x", source="s")
    assert item.sha256 == hashlib.sha256(gz.read_bytes()).hexdigest()
    assert item.container == "gzip"
    units = list_units(gz, Settings())
    with open_unit(gz, units[0], Settings()) as fh:
        assert fh.read() == b"hello dump"


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_zip_members_are_units_in_name_order(tmp_path):
    z = write(tmp_path / "e.zip", _zip({"b/log.txt": b"2", "a.sql": b"1"}))
    units = list_units(z, Settings())
    assert [u.member for u in units] == ["a.sql", "b/log.txt"]
    with open_unit(z, units[1], Settings()) as fh:
        assert fh.read() == b"2"


def test_zip_bomb_is_refused_before_reading(tmp_path):
    z = write(tmp_path / "bomb.zip", _zip({"big.sql": b"\0" * (50 * 1024 * 1024)}))
    with pytest.raises(UnsafeArchiveError, match="zip bomb"):
        list_units(z, Settings())


@pytest.mark.parametrize("name", ["../escape.sql", "/etc/passwd", "a/../../b"])
def test_zip_path_traversal_is_refused(tmp_path, name):
    z = write(tmp_path / "t.zip", _zip({name: b"x"}))
    with pytest.raises(UnsafeArchiveError, match="unsafe member path"):
        list_units(z, Settings())


def test_tar_with_symlink_is_refused_and_nested_gzip_is_read(tmp_path):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        data = gzip.compress(b"COPY public.users")
        info = tarfile.TarInfo("dump.sql.gz")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    t = write(tmp_path / "backup.tar.gz", buf.getvalue())
    # a Discourse backup: .tar.gz holding dump.sql.gz, both decompressed in place
    units = list_units(t, Settings())
    assert [u.member for u in units] == ["dump.sql.gz"]
    with open_unit(t, units[0], Settings()) as fh:
        assert fh.read() == b"COPY public.users"
    plain = io.BytesIO()
    with tarfile.open(fileobj=plain, mode="w") as tf:
        info = tarfile.TarInfo("dump.sql.gz")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("evil")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tf.addfile(link)
    t2 = write(tmp_path / "b.tar", plain.getvalue())
    with pytest.raises(UnsafeArchiveError, match="link or device"):
        list_units(t2, Settings())


def test_init_refuses_a_non_empty_folder(tmp_path):
    write(tmp_path / "x" / "file", b"1")
    from safeguard.case import init_case, open_case

    with pytest.raises(CaseError, match="not empty"):
        init_case(tmp_path / "x")
    with pytest.raises(CaseError, match="not a case folder"):
        open_case(tmp_path / "x")
