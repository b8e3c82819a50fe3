namespace Loki.Build.Tasks.Tests;

/// <summary>Node files in the shapes hand-kept libraries use (our own content, written by the tests).</summary>
internal static class SampleNodes
{
    /// <summary>A LOKI Node in the contract's shape: defines its own mappings.</summary>
    public static string ContractNode(string pascal) => $$$"""
        class {{{pascal}}}:
            CATEGORY = "LOKI 🦊/test"
            FUNCTION = "execute"
            RETURN_TYPES = ("IMAGE",)

            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {"image": ("IMAGE",)}}

            def execute(self, image):
                return (image,)

        NODE_CLASS_MAPPINGS = {"Loki{{{pascal}}}": {{{pascal}}}}
        NODE_DISPLAY_NAME_MAPPINGS = {"Loki{{{pascal}}}": "{{{pascal}}} (LOKI)"}
        """;

    /// <summary>
    /// Writes a node whose script, config and node a person wrote: only <c>__init__.py</c> is left to derive, so the
    /// build's mechanics are tested without the Python converters.
    /// </summary>
    public static void WriteComplete(TempTree tree, string node, string pascal, string extra = "")
    {
        tree.Write(node, node + ".py", $"def run(image):\n    return {{\"image\": image}}\n{extra}");
        tree.Write(node, node + ".json", "{\"node_name\": \"" + node + "\", \"inputs\": {\"image\": {\"type\": \"IMAGE\"}}, \"outputs\": {\"image\": {\"type\": \"IMAGE\"}}}");
        tree.Write(node, node + "_node.py", ContractNode(pascal));
    }

    /// <summary>A hand-written ComfyUI node class without mappings (the registration lives in an <c>__init__.py</c>).</summary>
    public static string LegacyNode(string pascal) => $$$"""
        import json


        class {{{pascal}}}:
            @classmethod
            def INPUT_TYPES(cls):
                return {"required": {}, "optional": {"flag": ("BOOLEAN", {"default": True})}}

            RETURN_TYPES = ("STRING",)
            FUNCTION = "run"
            CATEGORY = "LOKI 🦊/System"

            def run(self, flag=True):
                return (json.dumps({"flag": flag}),)
        """;

    /// <summary>A LOKI Script in the contract's shape.</summary>
    public const string Script = """"
        """Inverts an image."""
        from loki_runtime import script


        @script.entry(__file__)
        def run(image):
            return {"image": 1.0 - image}


        if __name__ == "__main__":
            raise SystemExit(run.main())
        """";

    /// <summary>A small saved UI workflow.</summary>
    public const string Workflow = """
        {"last_node_id": 2, "last_link_id": 1,
         "nodes": [{"id": 1, "type": "LoadImage", "pos": [0, 0], "size": [300, 300], "flags": {}, "order": 0, "mode": 0,
                    "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}], "widgets_values": ["in.png", "image"]},
                   {"id": 2, "type": "SaveImage", "pos": [400, 0], "size": [300, 300], "flags": {}, "order": 1, "mode": 0,
                    "inputs": [{"name": "images", "type": "IMAGE", "link": 1}], "widgets_values": ["out"]}],
         "links": [[1, 1, 0, 2, 0, "IMAGE"]], "groups": [], "config": {}, "extra": {}, "version": 0.4}
        """;

    /// <summary>The loose config shape quoted in the spec (ports as objects, a LIST type, constants).</summary>
    public const string LooseConfig = """
        {
          "node_name": "list_things",
          "version": "0.1.0",
          "inputs": {
            "trigger": {"type": "*", "description": "Optional trigger.", "required": false}
          },
          "outputs": {
            "NODE_LIST": {"type": "LIST", "description": "A list of strings."}
          },
          "constants": {}
        }
        """;

    /// <summary>The UI-node config shape quoted in the spec.</summary>
    public const string UiConfig = """
        {
          "node_name_internal": "VeilNode",
          "node_display_name": "🌘 Veil (LOKI)",
          "category": "LOKI 🦊/UI",
          "output_node": true,
          "version": "0.1.0",
          "description": "Draws an overlay over other nodes."
        }
        """;
}
