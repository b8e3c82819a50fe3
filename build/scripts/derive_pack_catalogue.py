#!/usr/bin/env python3
"""Derives LOKI's custom-node pack catalogue (src/Loki.Core/Resources/Packs/pack-catalogue.json).

Facts come from the shared corpus: every /object_info dump's `python_module` (custom_nodes.<folder>), every
UI workflow node's `properties.cnr_id` / `properties.aux_id`, and the `custom_types` the corpus index records.
PACKS and RULES below are hand-kept facts about well-known packs (their repositories and the naming conventions of their node types). Deterministic output:
sorted keys, no timestamps. Usage: derive_pack_catalogue.py [CORPUS] [OUT]
"""
from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

# folder (as under custom_nodes/) -> (display name, GitHub owner/repo, registry id or None)
PACKS = {
    "comfy-core": ("ComfyUI core", "comfyanonymous/ComfyUI", "comfy-core"),
    "A8R8_ComfyUI_nodes": ("A8R8 ComfyUI nodes", "ramyma/A8R8_ComfyUI_nodes", None),
    "ComfyUI-3D-Pack": ("ComfyUI 3D Pack", "MrForExample/ComfyUI-3D-Pack", None),
    "ComfyUI-Advanced-ControlNet": ("ComfyUI Advanced ControlNet", "Kosinkadink/ComfyUI-Advanced-ControlNet", "comfyui-advanced-controlnet"),
    "ComfyUI-Allor": ("ComfyUI Allor", "Nourepide/ComfyUI-Allor", None),
    "ComfyUI-AnimateDiff-Evolved": ("AnimateDiff Evolved", "Kosinkadink/ComfyUI-AnimateDiff-Evolved", "comfyui-animatediff-evolved"),
    "ComfyUI-BRIA_AI-RMBG": ("BRIA AI RMBG", "ZHO-ZHO-ZHO/ComfyUI-BRIA_AI-RMBG", None),
    "ComfyUI-Custom-Scripts": ("pysssss Custom Scripts", "pythongosssss/ComfyUI-Custom-Scripts", "comfyui-custom-scripts"),
    "ComfyUI-Easy-Use": ("ComfyUI Easy Use", "yolain/ComfyUI-Easy-Use", "comfyui-easy-use"),
    "ComfyUI-GGUF": ("ComfyUI GGUF", "city96/ComfyUI-GGUF", "comfyui-gguf"),
    "ComfyUI-HunyuanVideoWrapper": ("HunyuanVideo Wrapper", "kijai/ComfyUI-HunyuanVideoWrapper", "comfyui-hunyuanvideowrapper"),
    "ComfyUI-Impact-Pack": ("ComfyUI Impact Pack", "ltdrdata/ComfyUI-Impact-Pack", "comfyui-impact-pack"),
    "ComfyUI-Impact-Subpack": ("ComfyUI Impact Subpack", "ltdrdata/ComfyUI-Impact-Subpack", "comfyui-impact-subpack"),
    "ComfyUI-Inspire-Pack": ("ComfyUI Inspire Pack", "ltdrdata/ComfyUI-Inspire-Pack", "comfyui-inspire-pack"),
    "ComfyUI-KJNodes": ("KJNodes", "kijai/ComfyUI-KJNodes", "comfyui-kjnodes"),
    "ComfyUI-Kolors-MZ": ("Kolors MZ", "MinusZoneAI/ComfyUI-Kolors-MZ", None),
    "ComfyUI-LivePortraitKJ": ("LivePortrait KJ", "kijai/ComfyUI-LivePortraitKJ", "comfyui-liveportraitkj"),
    "ComfyUI-Marigold": ("Marigold", "kijai/ComfyUI-Marigold", None),
    "ComfyUI-MVAdapter": ("MV-Adapter", "huanngzh/ComfyUI-MVAdapter", None),
    "ComfyUI-VideoHelperSuite": ("Video Helper Suite", "Kosinkadink/ComfyUI-VideoHelperSuite", "comfyui-videohelpersuite"),
    "ComfyUI-WD14-Tagger": ("WD14 Tagger", "pythongosssss/ComfyUI-WD14-Tagger", None),
    "ComfyUI-WanVideoWrapper": ("WanVideo Wrapper", "kijai/ComfyUI-WanVideoWrapper", "comfyui-wanvideowrapper"),
    "ComfyUI-Frame-Interpolation": ("Frame Interpolation", "Fannovel16/ComfyUI-Frame-Interpolation", "comfyui-frame-interpolation"),
    "ComfyUI-segment-anything-2": ("Segment Anything 2", "kijai/ComfyUI-segment-anything-2", "ComfyUI-segment-anything-2"),
    "ComfyUI_Comfyroll_CustomNodes": ("Comfyroll Studio", "Suzie1/ComfyUI_Comfyroll_CustomNodes", "comfyroll"),
    "ComfyUI_Cutoff": ("Cutoff", "BlenderNeko/ComfyUI_Cutoff", None),
    "ComfyUI_FizzNodes": ("FizzNodes", "FizzleDorf/ComfyUI_FizzNodes", None),
    "ComfyUI_IPAdapter_plus": ("IPAdapter plus", "cubiq/ComfyUI_IPAdapter_plus", "comfyui_ipadapter_plus"),
    "ComfyUI_Noise": ("Noise", "BlenderNeko/ComfyUI_Noise", None),
    "ComfyUI_TiledKSampler": ("Tiled KSampler", "BlenderNeko/ComfyUI_TiledKSampler", None),
    "ComfyUI_UltimateSDUpscale": ("Ultimate SD Upscale", "ssitu/ComfyUI_UltimateSDUpscale", "comfyui_ultimatesdupscale"),
    "ComfyUI_essentials": ("ComfyUI essentials", "cubiq/ComfyUI_essentials", "comfyui_essentials"),
    "ComfyUI_tinyterraNodes": ("tinyterraNodes", "TinyTerra/ComfyUI_tinyterraNodes", None),
    "ComfyUI-QualityOfLifeSuit_Omar92": ("Quality of Life Suit (Omar92)", "omar92/ComfyUI-QualityOfLifeSuit_Omar92", None),
    "ComfyUi_NNLatentUpscale": ("NN Latent Upscale", "Ttl/ComfyUi_NNLatentUpscale", None),
    "SeargeSDXL": ("SeargeSDXL", "SeargeDP/SeargeSDXL", None),
    "cg-use-everywhere": ("Use Everywhere", "chrisgoringe/cg-use-everywhere", "cg-use-everywhere"),
    "civitai_comfy_nodes": ("Civitai nodes", "civitai/civitai_comfy_nodes", None),
    "clipseg": ("CLIPSeg", "biegert/ComfyUI-CLIPSeg", None),
    "comfy_mtb": ("MTB nodes", "melMass/comfy_mtb", "comfy-mtb"),
    "comfyui-tooling-nodes": ("Tooling nodes (Krita AI)", "Acly/comfyui-tooling-nodes", None),
    "comfyui_controlnet_aux": ("ControlNet auxiliary preprocessors", "Fannovel16/comfyui_controlnet_aux", "comfyui_controlnet_aux"),
    "comfyui_segment_anything": ("Segment Anything", "storyicon/comfyui_segment_anything", None),
    "efficiency-nodes-comfyui": ("Efficiency Nodes", "jags111/efficiency-nodes-comfyui", None),
    "rgthree-comfy": ("rgthree nodes", "rgthree/rgthree-comfy", "rgthree-comfy"),
    "sd-perturbed-attention": ("Perturbed Attention", "pamparamm/sd-perturbed-attention", None),
    "was-node-suite-comfyui": ("WAS Node Suite", "WASasquatch/was-node-suite-comfyui", "was-node-suite-comfyui"),
    "websocket_image_save": ("ComfyUI websocket example node", "comfyanonymous/ComfyUI", None),
}

# Naming conventions, checked in order after the exact types: (kind, text, pack folder).
RULES = [
    ("suffix", " (rgthree)", "rgthree-comfy"),
    ("suffix", "Rgthree", "rgthree-comfy"),
    ("suffix", " //Inspire", "ComfyUI-Inspire-Pack"),
    ("suffix", "|pysssss", "ComfyUI-Custom-Scripts"),
    ("suffix", " (Efficient)", "efficiency-nodes-comfyui"),
    ("suffix", " (mtb)", "comfy_mtb"),
    ("suffix", " (segment anything)", "comfyui_segment_anything"),
    ("suffix", " _O", "ComfyUI-QualityOfLifeSuit_Omar92"),
    ("suffix", " VFI", "ComfyUI-Frame-Interpolation"),
    ("suffix", "KJv2", "ComfyUI-KJNodes"),
    ("suffix", "KJ", "ComfyUI-KJNodes"),
    ("suffix", "GGUF", "ComfyUI-GGUF"),
    ("suffix", "Preprocessor", "comfyui_controlnet_aux"),
    ("suffix", "+", "ComfyUI_essentials"),
    ("prefix", "[Comfy3D]", "ComfyUI-3D-Pack"),
    ("prefix", "ADE_", "ComfyUI-AnimateDiff-Evolved"),
    ("prefix", "ACN_", "ComfyUI-Advanced-ControlNet"),
    ("prefix", "VHS_", "ComfyUI-VideoHelperSuite"),
    ("prefix", "BNK_Cutoff", "ComfyUI_Cutoff"),
    ("prefix", "BNK_Tiled", "ComfyUI_TiledKSampler"),
    ("prefix", "BNK_", "ComfyUI_Noise"),
    ("prefix", "CR ", "ComfyUI_Comfyroll_CustomNodes"),
    ("prefix", "ETN_", "comfyui-tooling-nodes"),
    ("prefix", "HyVideo", "ComfyUI-HunyuanVideoWrapper"),
    ("prefix", "WanVideo", "ComfyUI-WanVideoWrapper"),
    ("prefix", "IPAdapter", "ComfyUI_IPAdapter_plus"),
    ("prefix", "LivePortrait", "ComfyUI-LivePortraitKJ"),
    ("prefix", "MZ_", "ComfyUI-Kolors-MZ"),
    ("prefix", "Searge", "SeargeSDXL"),
    ("prefix", "UltimateSDUpscale", "ComfyUI_UltimateSDUpscale"),
    ("prefix", "Anything Everywhere", "cg-use-everywhere"),
    ("prefix", "easy ", "ComfyUI-Easy-Use"),
    ("prefix", "ttN ", "ComfyUI_tinyterraNodes"),
    ("prefix", "Image ", "was-node-suite-comfyui"),
    ("prefix", "Text ", "was-node-suite-comfyui"),
]

# Node types known from the packs' sources that their names do not give away.
KNOWN_TYPES = {
    "SetNode": "ComfyUI-KJNodes", "GetNode": "ComfyUI-KJNodes", "ImageConcatMulti": "ComfyUI-KJNodes",
    "ConditioningMultiCombine": "ComfyUI-KJNodes", "DownloadAndLoadSAM2Model": "ComfyUI-segment-anything-2",
    "Sam2Segmentation": "ComfyUI-segment-anything-2", "Fast Bypasser (rgthree)": "rgthree-comfy",
    "ShowText|pysssss": "ComfyUI-Custom-Scripts", "UnetLoaderGGUF": "ComfyUI-GGUF",
    "SAMLoader": "ComfyUI-Impact-Pack", "UltralyticsDetectorProvider": "ComfyUI-Impact-Subpack",
    "FaceDetailer": "ComfyUI-Impact-Pack", "MMDetLoader": "ComfyUI-Impact-Pack", "MMDetDetectorProvider": "ComfyUI-Impact-Pack",
    "BboxDetectorForEach": "ComfyUI-Impact-Pack", "SegmDetectorForEach": "ComfyUI-Impact-Pack",
    "KSampler (Efficient)": "efficiency-nodes-comfyui", "Efficient Loader": "efficiency-nodes-comfyui",
}

CORE_MODULES = ("nodes", "comfy_extras.", "comfy_api_nodes.", "comfy_api.")


def canonical(folder: str) -> str:
    """The PACKS key for a folder name, matched without case (dumps spell folders as they were cloned)."""
    for known in PACKS:
        if known.lower() == folder.lower():
            return known
    return folder


def main() -> int:
    corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "corpus")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "..", "src", "Loki.Core", "Resources", "Packs", "pack-catalogue.json")
    types: dict[str, dict] = {}
    extra_packs: dict[str, tuple] = {}

    for path in sorted(glob.glob(os.path.join(corpus, "schemas", "**", "*.json"), recursive=True)):
        try:
            dump = json.load(open(path, encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(dump, dict):
            continue
        for class_type, definition in dump.items():
            module = definition.get("python_module") if isinstance(definition, dict) else None
            if not isinstance(module, str):
                continue
            if module.startswith("custom_nodes."):
                folder = canonical(module.split(".")[1])
            elif module == "nodes" or module.startswith(CORE_MODULES):
                folder = "comfy-core"
            else:
                continue
            # ComfyUI ignores a custom node that reuses a core name (nodes.py init_external_custom_nodes): core wins.
            if class_type not in types or (folder == "comfy-core" and types[class_type]["pack"] != "comfy-core"):
                types[class_type] = {"pack": folder, "evidence": "object_info python_module " + module}

    registry = {cnr: folder for folder, (_, _, cnr) in PACKS.items() if cnr}
    seen: dict[str, Counter] = defaultdict(Counter)
    for path in sorted(glob.glob(os.path.join(corpus, "**", "*.json"), recursive=True)):
        if os.sep + "schemas" + os.sep in path:
            continue
        try:
            doc = json.load(open(path, encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(doc, dict):
            continue
        graphs = [doc] + list(((doc.get("definitions") or {}).get("subgraphs") or []))
        for graph in graphs:
            for node in graph.get("nodes") or [] if isinstance(graph, dict) else []:
                props = node.get("properties") if isinstance(node, dict) else None
                if not isinstance(props, dict) or not isinstance(node.get("type"), str):
                    continue
                aux, cnr = props.get("aux_id"), props.get("cnr_id")
                if isinstance(aux, str) and "/" in aux:
                    folder = canonical(aux.split("/")[1])
                    if folder not in PACKS:
                        extra_packs.setdefault(folder, (folder, aux, None))
                    seen[node["type"]][(folder, "workflow properties.aux_id " + aux)] += 1
                elif isinstance(cnr, str) and cnr:
                    folder = registry.get(cnr) or registry.get(cnr.lower())
                    if folder is None:
                        continue
                    seen[node["type"]][(folder, "workflow properties.cnr_id " + cnr)] += 1

    for class_type, votes in seen.items():
        if class_type not in types:
            (folder, evidence), _ = votes.most_common(1)[0]
            types[class_type] = {"pack": folder, "evidence": evidence}
    # The corpus index names the pack of every custom type it found in a workflow ("owner/repo", maybe annotated).
    index_path = os.path.join(corpus, "index.json")
    if os.path.exists(index_path):
        for entry in json.load(open(index_path, encoding="utf-8")).get("workflows", []):
            for class_type, origin in sorted((entry.get("custom_types") or {}).items()):
                match = re.match(r"^([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)", origin or "")
                if not match or class_type in types:
                    continue
                folder = canonical(match.group(2))
                if folder not in PACKS:
                    extra_packs.setdefault(folder, (folder, match.group(1) + "/" + match.group(2), None))
                types[class_type] = {"pack": folder, "evidence": "corpus index: workflows using it come with " + match.group(0)}

    for class_type, folder in KNOWN_TYPES.items():
        types.setdefault(class_type, {"pack": folder, "evidence": "known type of the pack"})

    packs = {folder: {"name": name, "repository": "https://github.com/" + repo, **({"cnr_id": cnr} if cnr else {})}
             for folder, (name, repo, cnr) in {**PACKS, **extra_packs}.items()}
    missing = sorted({t["pack"] for t in types.values()} - packs.keys())
    for folder in missing:  # a dump names a folder we hold no repository for: keep the folder name only
        packs[folder] = {"name": folder, "repository": None}
    catalogue = {
        "about": "Likely custom-node pack per node type. Derived by build/scripts/derive_pack_catalogue.py from the "
                 "shared corpus (object_info python_module, workflow cnr_id/aux_id) plus hand-kept naming rules.",
        "packs": packs,
        "rules": [{"kind": k, "text": t, "pack": p} for k, t, p in RULES],
        "types": types,
    }
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(catalogue, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")
    print(f"{len(types)} types, {len(packs)} packs -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
