"""notebooks/compare_phases.ipynb runs against a fixture run dir and is stored without outputs."""

from __future__ import annotations

import json
import sys

import nbformat
import pytest

from tests.conftest import REPO_ROOT
from tests.unit.test_report_tables import make_baselines, make_run_dir

NOTEBOOK = REPO_ROOT / "notebooks" / "compare_phases.ipynb"


def test_committed_notebook_has_no_outputs():
    nb = json.loads(NOTEBOOK.read_text())
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    assert code, "the notebook has code cells"
    for cell in code:
        assert cell["outputs"] == [] and cell["execution_count"] is None
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    nbformat.validate(nbformat.reads(NOTEBOOK.read_text(), as_version=4))


def _kernel_manager(tmp_path):
    """A KernelManager for this interpreter's `python3` kernel (installing its spec if absent)."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    specs = KernelSpecManager()
    if "python3" not in specs.find_kernel_specs():
        from ipykernel.kernelspec import install

        install(prefix=str(tmp_path / "jupyter"), kernel_name="python3")
        specs = KernelSpecManager(kernel_dirs=[str(tmp_path / "jupyter/share/jupyter/kernels")])
    spec = specs.get_kernel_spec("python3")
    assert spec.argv[0] in ("python", "python3", sys.executable), spec.argv
    return KernelManager(kernel_name="python3", kernel_spec_manager=specs)


def _outputs_text(nb) -> str:
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(str(output.get("data", {}).get("text/markdown", "")))
    return "\n".join(parts)


@pytest.mark.slow
def test_notebook_runs_on_a_fixture_run(tmp_path, monkeypatch):
    from nbclient import NotebookClient

    run = make_run_dir(tmp_path)
    make_baselines(tmp_path)
    monkeypatch.setenv("MEDLAB_RUN_DIR", str(run))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        nb,
        km=_kernel_manager(tmp_path),
        timeout=300,
        resources={"metadata": {"path": str(REPO_ROOT / "notebooks")}},
    )
    client.execute()  # raises CellExecutionError on any failing cell
    text = _outputs_text(nb)
    assert f"run directory: {run}" in text
    assert "| med_advisor_phase3 | 4.5449 | 4.7885 | 4.5406 | 4.6880 | 3.85% | 4.91% |" in text
    assert "| MMLU | 55.53 | 61.40 |" in text
    assert "med_advisor_phase2 -> med_advisor_phase3: boundary_violation_pct 5.77% -> 3.85%" in text
    images = [
        output
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    assert len(images) == 3, "policy rates, rule checks and benchmark bars"
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors


def test_notebook_runs_on_the_committed_tiny_pipeline_example(tmp_path, monkeypatch):
    """Default run dir: experiments/tiny_pipeline/run_example (stored results of `make run`)."""
    from nbclient import NotebookClient

    monkeypatch.delenv("MEDLAB_RUN_DIR", raising=False)
    example = REPO_ROOT / "experiments" / "tiny_pipeline" / "run_example"
    manifest = json.loads((example / "manifest.json").read_text())
    nb = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(
        nb,
        km=_kernel_manager(tmp_path),
        timeout=300,
        resources={"metadata": {"path": str(REPO_ROOT / "notebooks")}},
    ).execute()
    text = _outputs_text(nb)
    assert f"run directory: {example}" in text
    assert f"{len(manifest['stages'])} stages" in text
    acc = json.loads((example / "afm_sft" / "eval" / "harness.json").read_text())["results"]
    assert f"{100 * acc['medlab_medmcqa_local']['acc']:.2f}" in text
