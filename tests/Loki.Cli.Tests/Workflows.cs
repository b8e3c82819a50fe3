namespace Loki.Cli.Tests;

/// <summary>Small hand-written workflows for CLI tests.</summary>
internal static class Workflows
{
    /// <summary>EmptyImage → ImageInvert → SaveImage, as a current frontend saves it (reference §2.12).</summary>
    public const string Chain = """
        {"last_node_id": 3, "last_link_id": 2,
         "nodes": [
          {"id": 1, "type": "EmptyImage", "pos": [0, 0], "size": [315, 130], "flags": {}, "order": 0, "mode": 0,
           "inputs": [{"name": "width", "type": "INT", "widget": {"name": "width"}, "link": null},
                      {"name": "height", "type": "INT", "widget": {"name": "height"}, "link": null},
                      {"name": "batch_size", "type": "INT", "widget": {"name": "batch_size"}, "link": null},
                      {"name": "color", "type": "INT", "widget": {"name": "color"}, "link": null}],
           "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [1]}],
           "properties": {"Node name for S&R": "EmptyImage"}, "widgets_values": [64, 64, 1, 0]},
          {"id": 2, "type": "ImageInvert", "pos": [350, 0], "size": [140, 26], "flags": {}, "order": 1, "mode": 0,
           "inputs": [{"name": "image", "type": "IMAGE", "link": 1}],
           "outputs": [{"name": "IMAGE", "type": "IMAGE", "links": [2]}], "properties": {}},
          {"id": 3, "type": "SaveImage", "pos": [520, 0], "size": [315, 270], "flags": {}, "order": 2, "mode": 0,
           "inputs": [{"name": "images", "type": "IMAGE", "link": 2},
                      {"name": "filename_prefix", "type": "STRING", "widget": {"name": "filename_prefix"}, "link": null}],
           "outputs": [], "properties": {}, "widgets_values": ["ComfyUI"]}],
         "links": [[1, 1, 0, 2, 0, "IMAGE"], [2, 2, 0, 3, 0, "IMAGE"]],
         "groups": [], "config": {}, "extra": {}, "version": 0.4}
        """;

    /// <summary>The prompt the frontend makes of <see cref="Chain"/> (titles from the 0.3.64 display names).</summary>
    public const string ChainPrompt = """
        {"1": {"inputs": {"width": 64, "height": 64, "batch_size": 1, "color": 0}, "class_type": "EmptyImage", "_meta": {"title": "EmptyImage"}},
         "2": {"inputs": {"image": ["1", 0]}, "class_type": "ImageInvert", "_meta": {"title": "Invert Image"}},
         "3": {"inputs": {"filename_prefix": "ComfyUI", "images": ["2", 0]}, "class_type": "SaveImage", "_meta": {"title": "Save Image"}}}
        """;

    /// <summary>Replaces a fragment of <see cref="Chain"/>, asserting it was there.</summary>
    public static string ChainWith(string from, string to)
    {
        Assert.Contains(from, Chain, StringComparison.Ordinal);
        return Chain.Replace(from, to, StringComparison.Ordinal);
    }
}
