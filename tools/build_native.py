"""Compile Safeguard's optional C extension(s) into the source tree.

    .venv/bin/python tools/build_native.py [--quiet]

Builds ``src/safeguard/ingest/readers/_mysqlfast.c`` into
``_mysqlfast<EXT_SUFFIX>`` next to it with the C compiler and flags Python was
built with (``sysconfig``), C99, no third-party libraries, no network. The
package works without it (pure-Python fallback), so a failed build prints a
warning and exits 0 unless ``--strict`` is given (which also makes compiler
warnings errors).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "src/safeguard/ingest/readers/_mysqlfast.c"]


def _compiler() -> list[str]:
    """``$CC``, else Python's own compiler if it exists here, else ``cc``/``gcc``.

    Relocated Python builds (uv's python-build-standalone) record a compiler
    path from their build machine, so it is checked before use.
    """
    for candidate in (os.environ.get("CC"), sysconfig.get_config_var("CC"), "cc", "gcc"):
        words = shlex.split(candidate or "")
        if words and shutil.which(words[0]):
            return words[:1]
    raise OSError("no C compiler found (install gcc)")


def _command(source: Path, target: Path, strict: bool) -> list[str]:
    include = sysconfig.get_paths()["include"]
    flags = ["-std=c99", "-O2", "-fPIC", "-shared", "-Wall", "-Wextra", "-fno-strict-aliasing"]
    flags += ["-Werror"] if strict else []
    return [*_compiler(), *flags, f"-I{include}", str(source), "-o", str(target)]


def build(source: Path, strict: bool = False) -> Path:
    """Compile one extension next to its source; returns the shared object's path.

    Raises OSError or CalledProcessError on failure.
    """
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    target = source.with_name(source.stem + suffix)
    tmp = target.with_suffix(".tmp")
    subprocess.run(_command(source, tmp, strict), check=True)  # noqa: S603 (our own compiler command)
    tmp.replace(target)  # atomic: a running process never sees half a file
    return target


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--strict", action="store_true", help="warnings are errors; exit 1 on failure")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    status = 0
    for source in SOURCES:
        try:
            target = build(source, args.strict)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"warning: native {source.name} not built ({exc}); using Python", file=sys.stderr)
            status = 1 if args.strict else 0
            continue
        if not args.quiet:
            print(f"built {target.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
