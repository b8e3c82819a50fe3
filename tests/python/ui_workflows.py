"""Small UI workflows (schema 0.4) written from a compact description, for tests that need a flow or a graph we own.

    ui_workflow([node(1, "LoadImage", widgets=["ramp.png", "image"], outputs=[("IMAGE", "IMAGE"), ("MASK", "MASK")]),
                 node(2, "PreviewImage", sockets=[("images", "IMAGE")])],
                [(1, 0, 2, "images")])

A node lists its socket inputs, its widget inputs ``(name, type)`` in widget order (their values in ``widgets``)
and its outputs; a link is ``(origin id, origin slot, target id, target input name)``: linking a widget input
converts it to a socket, as the editor does.
"""
from __future__ import annotations


def node(id: int, type: str, *, title: str | None = None, sockets=(), widget_inputs=(), widgets=(), outputs=(),
         pos=None) -> dict:
    return {"id": id, "type": type, "title": title, "sockets": list(sockets), "widget_inputs": list(widget_inputs),
            "widgets": list(widgets), "outputs": list(outputs), "pos": pos}


def marker_in(id: int, name: str, type: str, default="", low="", high="", description="", pos=None) -> dict:
    """A LokiInput marker (widgets: name, type, default, min, max, description)."""
    return node(id, "LokiInput", title=f"Input: {name}", sockets=[("value", "*")],
                widget_inputs=[(w, "STRING") for w in ("name", "type", "default", "min", "max", "description")],
                widgets=[name, type, str(default), str(low), str(high), description], outputs=[("value", type)],
                pos=pos)


def marker_out(id: int, name: str, pos=None) -> dict:
    return node(id, "LokiOutput", title=f"Output: {name}", sockets=[("value", "*")],
                widget_inputs=[("name", "STRING")], widgets=[name], outputs=[("value", "*")], pos=pos)


def ui_workflow(nodes: list[dict], links: list[tuple]) -> dict:
    out_nodes, out_links = [], []
    by_id = {n["id"]: n for n in nodes}
    inputs = {}
    for n in nodes:
        ins = [{"name": name, "type": t, "link": None} for name, t in n["sockets"]]
        ins += [{"name": name, "type": t, "widget": {"name": name}, "link": None} for name, t in n["widget_inputs"]]
        inputs[n["id"]] = ins
    outputs = {n["id"]: [{"name": name, "type": t, "links": [], "slot_index": i}
                         for i, (name, t) in enumerate(n["outputs"])] for n in nodes}
    for link_id, (origin, slot, target, input_name) in enumerate(links, start=1):
        target_inputs = inputs[target]
        index = next(i for i, x in enumerate(target_inputs) if x["name"] == input_name)
        link_type = by_id[origin]["outputs"][slot][1]
        target_inputs[index]["link"] = link_id
        if target_inputs[index]["type"] == "*":
            target_inputs[index]["type"] = link_type
        outputs[origin][slot]["links"].append(link_id)
        out_links.append([link_id, origin, slot, target, index, link_type])
    for order, n in enumerate(nodes):
        entry = {"id": n["id"], "type": n["type"], "pos": n["pos"] or [40 + 360 * order, 120],
                 "size": [300, 60 + 24 * (len(n["sockets"]) + len(n["widget_inputs"]))], "flags": {}, "order": order,
                 "mode": 0, "inputs": inputs[n["id"]], "outputs": outputs[n["id"]],
                 "properties": {"Node name for S&R": n["type"]}, "widgets_values": n["widgets"]}
        if n["title"]:
            entry["title"] = n["title"]
        out_nodes.append(entry)
    return {"last_node_id": max(by_id), "last_link_id": len(links), "nodes": out_nodes, "links": out_links,
            "groups": [], "config": {}, "extra": {"ds": {"scale": 1, "offset": [0, 0]}}, "version": 0.4}
