"""The pytest fixtures the web-extension browser modules share (test_web_flow_nodes.py, test_web_glamours.py).

A module defines `web_pack` (the pack folder it serves) and imports the rest: `server` (a real ComfyUI 0.3.64 with
that pack and the real frontend 1.27.10, one per module), `browser` (one chromium with the app loaded; its start-up
errors in `browser.startup_errors`) and `page` (the browser, failing the test on any error of the page's own).
`upload_gradient` puts a colour-gradient PNG of a given size into the server's input folder.
"""
from __future__ import annotations

import pytest

import browser_harness
import comfy_real
import comfyui_tool
from browser_harness import Browser, significant


@pytest.fixture(scope="module")
def server(tmp_path_factory, web_pack):
    srv = comfyui_tool.ComfyServer(tmp_path_factory.mktemp("web_server"), packs={comfy_real.PACK_FOLDER: web_pack},
                                   frontend_root=str(browser_harness.find_frontend()))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser(server):
    with Browser() as b:
        b.open(server.url)
        b.startup_errors = b.errors()
        yield b


@pytest.fixture
def page(browser):
    """The module's browser; after the test, the page must have shown no error of its own."""
    browser.errors()
    yield browser
    errors = significant(browser.errors())
    assert errors == [], errors


def upload_gradient(server, folder, size: int, name: str) -> str:
    """A `size` px RGB gradient written to `folder/name` and uploaded; returns the name ComfyUI gave it."""
    import numpy as np

    from conftest import write_rgba_png

    y, x = np.mgrid[0:size, 0:size]
    top = size - 1
    pixels = np.stack([x * 255 // top, y * 255 // top, (x + y) * 255 // (2 * top)], axis=-1).astype(np.uint8)
    return server.upload_png(write_rgba_png(folder / name, pixels))
