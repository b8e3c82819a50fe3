"""pytest set-up for the node test layers: makes loki_runtime importable from the repository or a built pack."""
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
for _candidate in (_ROOT / "src" / "python", _ROOT):
    if (_candidate / "loki_runtime" / "__init__.py").is_file() and str(_candidate) not in sys.path:
        sys.path.insert(0, str(_candidate))
        break
