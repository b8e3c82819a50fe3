"""Where a flow runs: `loki` (the runtime's executor), `comfyui` (in-process ComfyUI), `server` (a ComfyUI server)."""
