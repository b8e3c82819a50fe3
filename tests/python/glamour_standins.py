"""Glamour layers (glamour.json version 1, docs/glamours.md) drawn with Pillow, for test nodes the library build never
grows a glamour for (the browser tests' own flow node) and for library nodes of a checkout whose glamours have not
been built. Each state's face (512 x 320, a node body's proportions) is a plain colour with a white disc of its own
size, so a test can tell the five states apart from the pixels alone; the card is a tarot-shaped (7:12) colour field
with a white frame.
"""
from __future__ import annotations

import json
from pathlib import Path

STATE_COLORS = {"idle": (59, 110, 165), "queued": (165, 138, 59), "running": (59, 165, 92), "done": (106, 59, 165),
                "error": (165, 59, 59)}
DISC = {"idle": 0.30, "queued": 0.18, "running": 0.40, "done": 0.25, "error": 0.12}


def face(color, disc: float, size=(512, 320)):
    """A face in a node body's proportions (docs/glamours.md: 512 x 320)."""
    from PIL import Image, ImageDraw

    w, h = size
    image = Image.new("RGB", (w, h), color)
    r = disc * h
    ImageDraw.Draw(image).ellipse([w / 2 - r, h / 2 - r, w / 2 + r, h / 2 + r], fill=(255, 255, 255))
    return image


def write_glamour(node_folder: Path, overlays=(), interactions=(), card_color=(200, 120, 40)) -> Path:
    """Writes `node_folder/glamour/` (icon, the five state faces, card, glamour.json); returns the folder."""
    from PIL import Image, ImageDraw

    folder = node_folder / "glamour"
    (folder / "states").mkdir(parents=True, exist_ok=True)
    (folder / "card").mkdir(exist_ok=True)
    face(STATE_COLORS["idle"], DISC["idle"], (512, 512)).save(folder / "icon.png")
    for state, color in STATE_COLORS.items():
        face(color, DISC[state]).save(folder / "states" / f"{state}.png")
    card = Image.new("RGB", (280, 480), card_color)
    ImageDraw.Draw(card).rectangle([10, 10, 269, 469], outline=(255, 255, 255), width=6)
    card.save(folder / "card" / "card.png")
    spec = {"version": 1, "node": node_folder.name, "icon": "icon.png",
            "states": {s: {"image": f"states/{s}.png"} for s in STATE_COLORS},
            "overlays": list(overlays), "interactions": list(interactions), "card": "card/card.png"}
    (folder / "glamour.json").write_text(json.dumps(spec, indent=1), encoding="utf-8")
    return folder


WIDGET_TYPES = {"INT", "FLOAT", "STRING", "BOOLEAN", "COMBO"}


def widget_overlays(node_folder: Path) -> list[dict]:
    """An overlay for each of the node's first two widget inputs (its config layer), in the lower half of the body."""
    config = node_folder / f"{node_folder.name}.json"
    inputs = json.loads(config.read_text(encoding="utf-8")).get("inputs", {}) if config.is_file() else {}
    names = [n for n, i in inputs.items() if i.get("type") in WIDGET_TYPES or isinstance(i.get("type"), list)][:2]
    return [{"widget": n, "x": 0.05 + 0.47 * k, "y": 0.72, "w": 0.43, "h": 0.22} for k, n in enumerate(names)]


def fill_missing(nodes: Path) -> list[str]:
    """Gives every node folder under `nodes` without a glamour a stand-in one; returns their names."""
    written = []
    for folder in sorted(p for p in nodes.iterdir() if p.is_dir() and not (p / "glamour" / "glamour.json").exists()):
        if (folder / f"{folder.name}.json").exists():
            hue = sum(folder.name.encode()) * 37 % 256
            write_glamour(folder, overlays=widget_overlays(folder), card_color=(hue, 255 - hue, (hue * 7) % 256), interactions=[
                {"on": "hover", "action": "show_card"},
                {"on": "click", "action": "toggle_veil", "area": {"x": 0.9, "y": 0.3, "w": 0.1, "h": 0.2}}])
            written.append(folder.name)
    return written
