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

pytestmark = pytest.mark.slow


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
