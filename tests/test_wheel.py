"""Build the wheel, install it into a fresh virtual environment, run it from elsewhere."""

import os
import subprocess
import sys
import venv

import pytest

from locations import ROOT


@pytest.mark.skipif(os.environ.get("BRIEFCLI_SKIP_WHEEL") == "1", reason="BRIEFCLI_SKIP_WHEEL=1")
def test_wheel_installs_and_runs_from_another_directory(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    wheels = list(dist.glob("briefcli-*.whl"))
    assert len(wheels) == 1
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", str(wheels[0])],
        check=True, capture_output=True, timeout=600,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environ = {"PATH": f"{env_dir / 'bin'}:/usr/bin:/bin", "NO_COLOR": "1", "HOME": str(tmp_path)}
    result = subprocess.run(
        [str(env_dir / "bin" / "briefcli"), "people"],
        cwd=elsewhere, capture_output=True, text=True, env=environ, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Louise Arbour" in result.stdout and "Jürg Lauber" in result.stdout
    # the shipped dataset and its source text come from inside the installed package
    check = subprocess.run(
        [str(python), "-c", "import briefcli.shipped as s; print(s.shipped_dataset())"],
        cwd=elsewhere, capture_output=True, text=True, env=environ, timeout=60,
    )
    assert "site-packages/briefcli/data/compact.yaml" in check.stdout
    assert (env_dir / "lib").exists()
