"""Static (import-free) readers of Python sources for LOKI Build: signatures, imports, ComfyUI node schemas.

Stdlib only; runs on Python 3.10+. Nothing here imports the code it reads.
"""
