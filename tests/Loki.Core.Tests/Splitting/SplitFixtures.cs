using System.Text.Json.Nodes;
using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Schemas;

namespace Loki.Core.Tests.Splitting;

/// <summary>Small workflows of ComfyUI core nodes for the splitter's tests (laid out by the API → UI converter, groups drawn around nodes).</summary>
internal static class SplitFixtures
{
    /// <summary>Two blur-and-invert chains blended and saved; the chains differ only by their blur radius.</summary>
    public static JsonObject TwoChains() => JsonNode.Parse("""
        {
          "1": {"class_type": "EmptyImage", "inputs": {"width": 32, "height": 32, "batch_size": 1, "color": 16711680}},
          "2": {"class_type": "ImageBlur", "inputs": {"image": ["1", 0], "blur_radius": 3, "sigma": 1.0}},
          "3": {"class_type": "ImageInvert", "inputs": {"image": ["2", 0]}},
          "4": {"class_type": "SaveImage", "inputs": {"images": ["3", 0], "filename_prefix": "a"}},
          "5": {"class_type": "EmptyImage", "inputs": {"width": 32, "height": 32, "batch_size": 1, "color": 255}},
          "6": {"class_type": "ImageBlur", "inputs": {"image": ["5", 0], "blur_radius": 5, "sigma": 1.0}},
          "7": {"class_type": "ImageInvert", "inputs": {"image": ["6", 0]}},
          "8": {"class_type": "ImageBlend", "inputs": {"image1": ["3", 0], "image2": ["7", 0], "blend_factor": 0.5, "blend_mode": "normal"}},
          "9": {"class_type": "SaveImage", "inputs": {"images": ["8", 0], "filename_prefix": "b"}}
        }
        """)!.AsObject();

    /// <summary>The UI form of <paramref name="prompt"/> with a group around each list of node ids.</summary>
    public static JsonObject Ui(JsonObject prompt, params (string Title, string[] Ids)[] groups) => Ui(prompt, SchemaSet.Catalogue, groups);

    public static JsonObject Ui(JsonObject prompt, SchemaSet schemas, params (string Title, string[] Ids)[] groups)
    {
        var ui = ApiToUiConverter.Convert(prompt, schemas, "fixture.json").Workflow!;
        Grid(ui);
        var array = new JsonArray();
        foreach (var (title, ids) in groups)
        {
            var boxes = ids.Select(id => Box(ui, id)).ToList();
            var x = boxes.Min(b => b.X) - 10;
            var y = boxes.Min(b => b.Y) - 40;
            array.Add(new JsonObject
            {
                ["title"] = title,
                ["bounding"] = new JsonArray(x, y, boxes.Max(b => b.X + b.W) + 10 - x, boxes.Max(b => b.Y + b.H) + 10 - y),
            });
        }

        ui["groups"] = array;
        return ui;
    }

    /// <summary>
    /// Places the chains on a grid far apart (nodes 1-4 in one row, 5-9 in the next), so that a group drawn around
    /// some nodes holds no other node's centre whatever the automatic layout did.
    /// </summary>
    public static void Grid(JsonObject ui)
    {
        foreach (var node in ui["nodes"]!.AsArray().OfType<JsonObject>())
        {
            var id = int.Parse(node["id"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
            var (col, row) = id <= 4 ? (id - 1, 0) : (id - 5, 1);
            node["pos"] = new JsonArray(col * 600.0, row * 900.0);
        }
    }

    /// <summary>A node's <c>pos</c> and <c>size</c> in a UI workflow.</summary>
    public static (double X, double Y, double W, double H) Box(JsonObject ui, string id)
    {
        var node = ui["nodes"]!.AsArray().OfType<JsonObject>().First(n => n["id"]!.ToString() == id);
        return (node["pos"]![0]!.GetValue<double>(), node["pos"]![1]!.GetValue<double>(), node["size"]![0]!.GetValue<double>(), node["size"]![1]!.GetValue<double>());
    }

    /// <summary>Writes <paramref name="workflow"/> to a temp file named <paramref name="name"/>.</summary>
    public static string Save(JsonObject workflow, string dir, string name)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, workflow.ToJsonString());
        return path;
    }
}
