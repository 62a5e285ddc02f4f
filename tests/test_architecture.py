"""The layout is the architecture: imports run one way, and the run never imports its tooling.

    normalizers, schemas  <  extractors  <  pipeline (the run)  <  flows  <  pipeline.cli (the entry point)
    pipeline.devtools (samples, benches): tooling over all of it, imported by nothing but the CLI and tests
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("normalizers", "schemas", "extractors", "pipeline", "flows")
LEVEL = {"normalizers": 0, "schemas": 0, "extractors": 1, "pipeline": 2, "flows": 3, "pipeline.cli": 4, "pipeline.devtools": 4}


def _layer(module: str) -> str:
    for name in ("pipeline.cli", "pipeline.devtools"):
        if module == name or module.startswith(name + "."):
            return name
    return module.split(".")[0]


def _module(path: Path, root: Path = ROOT) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


def _imports(path: Path, root: Path = ROOT) -> list[tuple[int, str]]:
    """Every module a file imports, at the top or inside a function, as absolute names."""
    module = _module(path, root)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found += [(node.lineno, f"{base}.{a.name}" if node.module is None else base) for a in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] in PACKAGES]


def _sources() -> list[Path]:
    return [p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))]


def _upward(path: Path, root: Path = ROOT) -> list[str]:
    here = _layer(_module(path, root))
    return [f"line {line}: {name}" for line, name in _imports(path, root) if LEVEL[_layer(name)] > LEVEL[here]]


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_import_runs_upward(path):
    assert not _upward(path), f"{path.relative_to(ROOT)} imports from above it: {_upward(path)}"


def test_the_run_never_imports_the_tooling():
    for path in _sources():
        here = _layer(_module(path))
        if here in ("pipeline.cli", "pipeline.devtools"):
            continue
        tooling = [name for _, name in _imports(path) if _layer(name) == "pipeline.devtools"]
        assert not tooling, f"{path.relative_to(ROOT)} imports the tooling: {tooling}"


def test_the_checker_sees_an_upward_import(tmp_path):
    """The rule is not vacuous: an extractor importing the run, even inside a function, is caught."""
    probe = tmp_path / "extractors" / "probe.py"
    probe.parent.mkdir()
    probe.write_text("from .grid import Grid\n\ndef f():\n    from pipeline.run import run_pipeline\n")
    assert _upward(probe, tmp_path) == ["line 4: pipeline.run"]
