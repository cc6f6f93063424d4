"""The set-up files agree with each other: Binder pins what pyproject needs, CI runs make test."""

import os
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_binder_pins_every_runtime_dependency():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {}
    for line in (ROOT / "binder/requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version, f"binder/requirements.txt: '{line}' is not pinned with =="
            pins[name.lower().replace("_", "-")] = version
    missing = [d for d in deps if _name(d) not in pins]
    assert missing == [], f"not pinned for Binder: {missing}"


def test_binder_builds_python_3_11_and_installs_the_package():
    assert (ROOT / "binder/runtime.txt").read_text().strip() == "python-3.11"
    post = ROOT / "binder/postBuild"
    assert os.access(post, os.X_OK)
    assert "pip install --no-deps" in post.read_text()


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci/run").read_text()
    assert "make test" in (ROOT / "README.md").read_text() and "make lab" in (ROOT / "README.md").read_text()
