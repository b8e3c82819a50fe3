using Loki.Core.Diagnostics;
using Loki.Core.Packaging;
using Loki.Core.World;

namespace Loki.Core.Tests.World;

/// <summary>A small library written for a test: an image node, a mask node fed by it, a text node and a flow.</summary>
internal sealed class WorldFixture : IDisposable
{
    public WorldFixture()
    {
        Root = Directory.CreateTempSubdirectory("loki-world-").FullName;
        Node("tone", "image/adjust", "I2I_Tone", "🎚️", """
            "inputs": {"image": {"type": "IMAGE"}, "gamma": {"type": "FLOAT", "default": 1.0, "min": 0.1, "max": 4.0}},
            "outputs": {"image": {"type": "IMAGE"}}
            """);
        Node("key_mask", "mask", "I2M_Key", "🎯", """
            "inputs": {"image": {"type": "IMAGE"}, "color": {"type": "STRING", "default": "#00ff00"}},
            "outputs": {"mask": {"type": "MASK"}}
            """);
        Node("shout", "text", "T2T_Shout", "📣", """
            "inputs": {"text": {"type": "STRING", "default": "", "multiline": true}, "mode": {"type": "COMBO", "options": ["upper", "lower"], "default": "upper"}},
            "outputs": {"text": {"type": "STRING"}}
            """);
        Node("postcard", "flows", "IT2I_Postcard", "📮", """
            "inputs": {"image": {"type": "IMAGE"}, "caption": {"type": "STRING", "default": "hi"}},
            "outputs": {"image": {"type": "IMAGE"}},
            "flow": {"file": "postcard_workflow.json", "script": "postcard.py", "source": "marker"}
            """);
    }

    public string Root { get; }

    public string Library => Path.Combine(Root, "nodes");

    public WorldLibrary Read(DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var library = WorldLibraryReader.Read(Library, new PackMetadata(), diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.Items));
        return library!;
    }

    public string Node(string name, string category, string x2y, string emoji, string ports)
    {
        var folder = Path.Combine(Library, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".json"), $$"""
            {"node_name": "{{name}}", "version": "1.0.0", "description": "The {{name}} node of a test library.", "category": "{{category}}",
            {{ports}}}
            """);
        File.WriteAllText(Path.Combine(folder, name + "_name.md"), $"# {name}\n\n- **EMOJI_ICON**: {emoji}\n- **X2Y_FORMAT**: {x2y}\n");
        return folder;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
