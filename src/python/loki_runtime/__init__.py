"""LOKI runtime: adapts LOKI Scripts, Nodes and Flows between the shell, Python and ComfyUI."""

__version__ = "0.1.0"
