"""loki_runtime.glamour_files: the glamour index the editor reads and the files /loki/glamour/<node>/<path> serves."""
from __future__ import annotations

import json
import logging
import os

import pytest

from glamour_standins import write_glamour
from loki_runtime.glamour_files import REFUSED, UNREADABLE, glamour_file, glamour_index


@pytest.fixture
def pack(tmp_path):
    nodes = tmp_path / "nodes"
    write_glamour(nodes / "image_blur", overlays=[{"widget": "radius", "x": 0.1, "y": 0.7, "w": 0.8, "h": 0.2}])
    (nodes / "image_blur" / "image_blur.py").write_text("# the node's script\n")
    (nodes / "image_levels").mkdir()  # no glamour
    return tmp_path


def test_the_index_lists_each_node_with_a_glamour_by_class_type_with_its_files(pack):
    index = glamour_index(pack)
    assert list(index) == ["LokiImageBlur"]
    entry = index["LokiImageBlur"]
    assert entry["name"] == "image_blur" and entry["base"] == "/loki/glamour/image_blur/"
    assert entry["faces"] == {s: f"states/{s}.png" for s in ("idle", "queued", "running", "done", "error")}
    assert (entry["icon"], entry["card"]) == ("icon.png", "card/card.png")
    assert entry["glamour"]["overlays"][0]["widget"] == "radius"


def test_a_state_without_its_image_shows_the_icon_and_a_missing_card_is_none(pack):
    folder = pack / "nodes" / "image_blur" / "glamour"
    (folder / "states" / "error.png").unlink()
    (folder / "card" / "card.png").unlink()
    entry = glamour_index(pack)["LokiImageBlur"]
    assert entry["faces"]["error"] == "icon.png" and entry["card"] is None


def test_an_unreadable_glamour_json_is_left_out_with_its_code(pack, caplog):
    (pack / "nodes" / "image_blur" / "glamour" / "glamour.json").write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="loki"):
        assert glamour_index(pack) == {}
    assert UNREADABLE in caplog.text and "glamour.json" in caplog.text


def test_the_original_packs_glamour_json_without_states_shows_its_icon(pack):
    folder = pack / "nodes" / "image_blur" / "glamour"
    (folder / "glamour.json").write_text(json.dumps({"node_name_internal": "GlamourNode", "version": "0.1.0"}))
    entry = glamour_index(pack)["LokiImageBlur"]
    assert set(entry["faces"].values()) == {"icon.png"}


@pytest.mark.parametrize("path", ["../image_blur.py", "states/../../image_blur.py", "/etc/passwd", "states//idle.png",
                                  ".hidden.png", "states\\idle.png", "glamour.py", "states/missing.png", "C:x.png"])
def test_paths_outside_the_rules_are_refused(pack, path):
    assert glamour_file(pack, "image_blur", path) is None


@pytest.mark.parametrize("node", ["..", "image_blur/..", "", ".git", "image_levels"])
def test_bad_or_glamourless_node_names_are_refused(pack, node):
    assert glamour_file(pack, node, "icon.png") is None


def test_a_link_out_of_the_glamour_folder_is_refused(pack, tmp_path):
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"\x89PNG")
    os.symlink(outside, pack / "nodes" / "image_blur" / "glamour" / "leak.png")
    assert glamour_file(pack, "image_blur", "leak.png") is None
    assert glamour_file(pack, "image_blur", "states/idle.png").name == "idle.png"
    assert REFUSED == "LOKI7141"
