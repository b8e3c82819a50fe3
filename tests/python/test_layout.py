from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_runtime_package_exists():
    assert (REPO / "src" / "python" / "loki_runtime" / "__init__.py").is_file()
