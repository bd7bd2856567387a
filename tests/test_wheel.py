"""Build the wheel, install it into a fresh virtual environment, run it from elsewhere.

Everything here works offline: the wheel is built without build isolation (hatchling is in the
test extra), installed without its dependencies, and the new environment borrows the test
environment's copies of those dependencies through a .pth file. That the wheel declares the
right dependencies is checked against pyproject.toml instead of by letting pip resolve them.
"""

import os
import subprocess
import sys
import sysconfig
import venv
import zipfile
from email.parser import Parser

import pytest

from locations import ROOT

try:
    import tomllib
except ImportError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("BRIEFCLI_SKIP_WHEEL") == "1", reason="BRIEFCLI_SKIP_WHEEL=1"),
]


def _run(args, **kwargs):
    """Run a step of the build; a failure says which step and what it printed."""
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, args[:4]))} ... failed ({result.returncode}):\n"
            f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}\n"
            "(skip this test with BRIEFCLI_SKIP_WHEEL=1)",
            pytrace=False,
        )
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist),
          str(ROOT)], timeout=600)
    wheels = list(dist.glob("briefcli-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def test_wheel_declares_the_projects_dependencies(wheel):
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = Parser().parsestr(archive.read(name).decode("utf-8"))
    declared = {r for r in metadata.get_all("Requires-Dist") if "extra ==" not in r}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    from packaging.requirements import Requirement

    def normal(requirements):
        return {(r.name, str(r.specifier)) for r in map(Requirement, requirements)}

    assert normal(declared) == normal(project["dependencies"])


def test_wheel_installs_and_runs_from_another_directory(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
          "--no-deps", "--no-index", str(wheel)], timeout=600)
    # the dependencies: the test environment's own copies, after the new environment's packages
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    with open(os.path.join(target, "zz-test-dependencies.pth"), "w", encoding="utf-8") as pth:
        pth.write("\n".join(sorted(ours)) + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environ = {"PATH": f"{env_dir / 'bin'}:/usr/bin:/bin", "NO_COLOR": "1", "HOME": str(tmp_path),
               "BRIEFCLI_NO_CACHE": "1"}
    result = subprocess.run(
        [str(env_dir / "bin" / "briefcli"), "people", "--format", "json"],
        cwd=elsewhere, capture_output=True, text=True, env=environ, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    import json

    names = [p["name"] for p in json.loads(result.stdout)]
    assert names == ["Louise Arbour", "Miroslav Lajčák", "Juan José Gómez Camacho", "Jürg Lauber"]
    # briefcli and the shipped dataset with its source text come from inside the installed wheel
    check = subprocess.run(
        [str(python), "-c", "import briefcli, briefcli.shipped as s; "
         "print(briefcli.__file__); print(s.shipped_dataset())"],
        cwd=elsewhere, capture_output=True, text=True, env=environ, timeout=60,
    )
    module, dataset = check.stdout.splitlines()
    assert module.startswith(str(env_dir)), module
    assert dataset.startswith(str(env_dir)) and dataset.endswith("briefcli/data/compact.yaml")
    assert os.path.exists(os.path.join(os.path.dirname(dataset), "sources",
                                       "un-news-2017-12-07.txt"))
