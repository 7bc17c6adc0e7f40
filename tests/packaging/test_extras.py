"""One package, two ends: the extra `till` and the extra `server` (pyproject.toml). A server
install pulls no Qt and a till install no FastAPI or SQLAlchemy, so each end must import and
start with the other's packages missing: checked in a child Python where importing them fails,
as it would on a machine that never installed them."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TILL_ONLY = ("PySide6", "shiboken6", "qasync", "escpos", "serial", "segno", "platformdirs")
SERVER_ONLY = ("fastapi", "starlette", "uvicorn", "sqlalchemy", "alembic", "lxml", "verifactu", "psycopg")

WITHOUT = """
import importlib.abc, sys
class Missing(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {missing!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}")
        return None
sys.meta_path.insert(0, Missing())
sys.argv = {argv!r}
{code}
"""


def run_without(missing: tuple[str, ...], code: str, argv: list[str]) -> subprocess.CompletedProcess[str]:
    script = WITHOUT.format(missing=missing, argv=argv, code=code)
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)


def test_the_extras_split_the_two_ends():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(requirements: list[str]) -> set[str]:
        return {r.split(">")[0].split("<")[0].split("[")[0].split("=")[0].strip().lower() for r in requirements}

    base, extras = names(project["dependencies"]), project["optional-dependencies"]
    till, server = names(extras["till"]), names(extras["server"])
    assert "pyside6-essentials" in till and "fastapi" in server and "sqlalchemy" in server
    assert not base & {"pyside6-essentials", "qasync", "python-escpos", "fastapi", "sqlalchemy", "uvicorn"}
    assert not till & server


def test_the_server_starts_without_the_tills_packages(tmp_path):
    """Nor the till's code: the rules both ends apply are in sync.rules."""
    db = tmp_path / "chain.sqlite"
    done = run_without(
        (*TILL_ONLY, "pos_app"),
        "import sync.server.__main__ as m; raise SystemExit(m.main())",
        ["pos-server", "--db", str(db), "create-store", "MAD1", "Madrid Centro"],
    )
    assert done.returncode == 0, done.stderr
    assert db.exists()


@pytest.mark.parametrize("argv", [["pos-app", "--version"], ["pos-app", "--demo"]])
def test_the_till_starts_without_the_servers_packages(argv):
    done = run_without(SERVER_ONLY, "import pos_app.__main__ as m; raise SystemExit(m.main())", argv)
    if argv[-1] == "--version":
        assert done.returncode == 0 and done.stdout.startswith("pos-app "), done.stderr
    else:  # the demo needs its server: said, not a traceback
        assert done.returncode == 2 and "without the central server" in done.stderr, done.stderr


def test_the_tills_screen_and_services_import_without_the_servers_packages():
    done = run_without(
        SERVER_ONLY,
        "import pos_app.app, pos_app.ui.main_window, pos_app.services.till, pos_app.provisioning; print('ok')",
        ["python"],
    )
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
