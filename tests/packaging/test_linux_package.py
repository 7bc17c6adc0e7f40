"""The installer's build, checked as an installer would: `bash packaging/build-linux.sh` makes
the one-folder build and the .deb; the .deb is installed with dpkg into a scratch root; the
installed `pos-app` sets a till up against a real server, passes its self-test and opens its
screen (offscreen), with no Python of the machine's involved."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow(seconds=75)  # each; the module shares one build


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, timeout=900, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The .deb built from this checkout and installed into a scratch root; yields that root."""
    if shutil.which("dpkg-deb") is None and not os.environ.get("POS_REQUIRE_PACKAGING"):
        pytest.skip("no dpkg-deb here (Debian/Ubuntu build machines only)")
    out = tmp_path_factory.mktemp("build")
    env = {**os.environ, "POS_BUILD_DIR": str(out), "POS_VENV": sys.prefix}
    built = run(["bash", str(ROOT / "packaging" / "build-linux.sh")], env=env, cwd=ROOT)
    assert built.returncode == 0, built.stdout + built.stderr
    debs = list(out.glob("omni-pos-till_*.deb"))
    assert len(debs) == 1, built.stdout
    root = tmp_path_factory.mktemp("scratch-root")
    for folder in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers"):
        (root / folder).mkdir(parents=True)
    for name in ("status", "available"):
        (root / "var/lib/dpkg" / name).touch()
    # The libraries it depends on (libegl1, libxcb-cursor0…) are the host's, not the scratch root's.
    installed = run(
        ["dpkg", f"--root={root}", "--force-depends", "--force-not-root", "--force-script-chrootless",
         "-i", str(debs[0])]
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr
    listed = run(["dpkg", f"--root={root}", "-s", "omni-pos-till"])
    assert "Status: install ok installed" in listed.stdout
    return root


def test_the_installed_till_sets_up_passes_its_self_test_and_opens(installed, tmp_path, live_server, central):
    pos_app = installed / "usr" / "bin" / "pos-app"
    assert pos_app.is_symlink() and (installed / "opt" / "omni-pos" / "pos-app").exists()
    # Nothing of the build machine's Python: no PYTHONPATH, no virtual environment on PATH.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    version = run([str(pos_app), "--version"], env=env)
    assert version.returncode == 0 and version.stdout.startswith("pos-app "), version.stderr
    folder = tmp_path / "till"
    _, code = central.create_till("MAD1", "T9", "Caja 9")
    provisioned = run(
        [str(pos_app), "--provision", "--server", live_server.url, "--enrol", code, "--data-dir", str(folder),
         "--printer", "none"],
        env=env,
    )  # fmt: skip
    assert provisioned.returncode == 0, provisioned.stdout + provisioned.stderr
    assert "Till MAD1-T9 (Caja 9, Madrid Centro) is set up" in provisioned.stdout
    checked = run([str(pos_app), "--self-test", "--data-dir", str(folder)], env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "OK      Server at" in checked.stdout and "Sales journal intact" in checked.stdout
    opened = run([str(pos_app), "--data-dir", str(folder), "--exit-when-ready"], env=env)
    assert opened.returncode == 0 and "READY" in opened.stdout, opened.stdout + opened.stderr


def package_of(library: str) -> str | None:
    """The Debian package that installed `library` on this machine (merged /usr or not)."""
    path = Path(library)
    candidates = {str(path), str(path.resolve())}
    candidates |= {c.removeprefix("/usr") for c in list(candidates)} | {"/usr" + c for c in list(candidates)}
    for candidate in sorted(candidates):
        found = run(["dpkg", "-S", candidate])
        if found.returncode == 0:
            return found.stdout.split(":", 1)[0].strip()
    return None


def depends_closure(depends: str) -> tuple[set[str], set[str]]:
    """The packages `depends` pulls in on this machine, following their own Depends and
    Pre-Depends; and those of them (or all alternatives of one) not installed here."""
    seen: set[str] = set()
    absent: set[str] = set()
    provided: dict[str, str] = {}  # a virtual package (lsb-base…) -> an installed package providing it
    for row in run(["dpkg-query", "-W", "-f=${Package}\t${Provides}\n"]).stdout.splitlines():
        package, _, provides = row.partition("\t")
        for virtual in filter(None, (v.strip() for v in provides.split(","))):
            provided.setdefault(virtual.split()[0].split(":")[0], package)
    todo = [depends]
    while todo:
        for clause in filter(None, (c.strip() for c in todo.pop().split(","))):
            names = [alt.split()[0].split(":")[0] for alt in clause.split("|")]
            names += [provided[name] for name in names if name in provided]
            installed = []
            for name in names:
                if name in seen:
                    installed.append(name)
                    continue
                query = run(["dpkg-query", "-W", "-f=${Status}\n${Depends}, ${Pre-Depends}", name])
                if query.returncode == 0 and query.stdout.startswith("install ok installed"):
                    seen.add(name)
                    installed.append(name)
                    todo.append(query.stdout.split("\n", 1)[1])
            if not installed:
                absent.add(clause)
    return seen, absent


def test_every_library_the_build_loads_from_the_system_comes_from_a_package_the_deb_depends_on(installed):
    """ldd on every program and library of the build (Qt's plugins included, as Qt loads them,
    with the build's own folders first as its launcher sets them): whatever is not inside the
    build must be found on this machine, and in a package the .deb's Depends brings, directly or
    through those packages' own dependencies. A Qt plugin needing GTK or Wayland, or a library
    missing from Depends, fails here rather than on a shop's fresh desktop."""
    bundle = installed / "opt" / "omni-pos"
    depends = run(["dpkg", f"--root={installed}", "-s", "omni-pos-till"]).stdout
    line = next(x for x in depends.splitlines() if x.startswith("Depends:"))
    closure, absent = depends_closure(line.removeprefix("Depends:"))
    assert not absent, (
        f"this machine lacks packages the .deb depends on: {sorted(absent)}; install them "
        "(README, 'Two commands') to check the build against them"
    )
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    elfs = [f for f in bundle.rglob("*") if f.is_file() and not f.is_symlink() and f.open("rb").read(4) == b"\x7fELF"]
    assert any(f.name == "libqxcb.so" for f in elfs), "the build has no X11 platform plugin"
    missing: dict[str, set[str]] = {}
    outside: dict[str, set[str]] = {}
    for elf in elfs:
        listed = run(["ldd", str(elf)], env=env).stdout
        for entry in listed.splitlines():
            name, arrow, where = entry.strip().partition(" => ")
            if not arrow:
                continue
            where = where.split(" (")[0].strip()
            user = str(elf.relative_to(bundle))
            if where == "not found":
                missing.setdefault(name, set()).add(user)
            elif not where.startswith(str(bundle)):
                outside.setdefault(where, set()).add(user)
    assert not missing, f"libraries found neither in the build nor on this machine: {missing}"
    strays = {}
    for library, users in outside.items():
        package = package_of(library)
        if package is None or package not in closure:
            strays[library] = (package, sorted(users)[:3])
    assert not strays, f"loaded from the system but not brought by the .deb's Depends: {strays}"
