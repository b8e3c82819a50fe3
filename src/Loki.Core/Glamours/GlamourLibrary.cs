using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Naming;
using Loki.Core.Nodes;
using Loki.Core.Packaging;
using Loki.Core.Schemas;

namespace Loki.Core.Glamours;

/// <summary>
/// The nodes one glamour build sees: their folders, config and name layers, the ComfyUI class each registers as
/// (<c>LokiImageBlur</c> → <c>image_blur</c>), and each node's current icon (the one on disk, or the one drawn earlier
/// in this build when nothing is written), so a flow's glamour composes its inner nodes' icons.
/// </summary>
public sealed class GlamourLibrary
{
    private readonly Dictionary<string, byte[]> _drawnIcons = new(StringComparer.Ordinal);
    private readonly Lazy<SchemaSet> _schemas;

    private GlamourLibrary(ImmutableSortedDictionary<string, Entry> nodes)
    {
        Nodes = nodes;
        ClassToNode = nodes.Values.ToImmutableSortedDictionary(e => NodeNames.ToMappingKey(e.Folder.Name), e => e.Folder.Name, StringComparer.Ordinal);
        _schemas = new(() => FlowLoader.WithLoki(SchemaSet.Catalogue, nodes.Values.Select(e => e.Config).OfType<NodeConfig>()));
    }

    /// <summary>One node as the glamour build reads it.</summary>
    /// <param name="Folder">The node folder.</param>
    /// <param name="Config">Its config layer, when it has a readable one.</param>
    /// <param name="Name">Its name layer, when it has one.</param>
    /// <param name="ConfigText">The config file's text ("" when absent).</param>
    /// <param name="NameText">The name file's text ("" when absent).</param>
    public sealed record Entry(NodeFolder Folder, NodeConfig? Config, NameLayer? Name, string ConfigText, string NameText);

    /// <summary>Node name → entry.</summary>
    public ImmutableSortedDictionary<string, Entry> Nodes { get; }

    /// <summary>ComfyUI class → node name.</summary>
    public ImmutableSortedDictionary<string, string> ClassToNode { get; }

    /// <summary>The core catalogue plus every node's config, for laying flows out at the frontend's sizes.</summary>
    public SchemaSet Schemas => _schemas.Value;

    /// <summary>Reads the nodes in <paramref name="directories"/>; problems of their layers are left to the regenerator, which reports them.</summary>
    public static GlamourLibrary Read(IEnumerable<string> directories)
    {
        var entries = ImmutableSortedDictionary.CreateBuilder<string, Entry>(StringComparer.Ordinal);
        foreach (var dir in directories)
        {
            var quiet = new DiagnosticBag();
            if (NodeFolderReader.Read(dir, quiet) is not { } folder)
            {
                continue;
            }

            var configText = folder.Has(NodeLayer.Config) ? File.ReadAllText(folder.PathOf(NodeLayer.Config)) : string.Empty;
            var nameText = folder.Has(NodeLayer.Name) ? File.ReadAllText(folder.PathOf(NodeLayer.Name)) : string.Empty;
            var config = configText.Length > 0 ? NodeConfigReader.Parse(configText, folder.PathOf(NodeLayer.Config), quiet, folder.Name) : null;
            var name = nameText.Length > 0 ? NameLayerReader.Parse(nameText, folder.PathOf(NodeLayer.Name), quiet) : null;
            entries[folder.Name] = new Entry(folder, config, name, configText, nameText);
        }

        return new GlamourLibrary(entries.ToImmutable());
    }

    /// <summary>The display name the editor shows for a LOKI node's class, or null for other classes.</summary>
    public string? DisplayNameOf(string classType) =>
        ClassToNode.TryGetValue(classType, out var node) ? (Nodes[node].Name ?? NameLayer.Empty).DisplayName(node) : null;

    /// <summary>Records the icon drawn for <paramref name="node"/> in this build.</summary>
    public void Remember(string node, byte[] icon) => _drawnIcons[node] = icon;

    /// <summary>The node's icon: drawn in this build, else its <c>glamour/icon.png</c>, else null.</summary>
    public byte[]? IconOf(string node)
    {
        if (_drawnIcons.TryGetValue(node, out var drawn))
        {
            return drawn;
        }

        if (!Nodes.TryGetValue(node, out var entry))
        {
            return null;
        }

        var path = Path.Combine(entry.Folder.Directory, "glamour", GlamourDocument.IconFile);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>The flow of <paramref name="node"/> as a UI workflow, or null when it has none that reads.</summary>
    public JsonObject? FlowOf(string node)
    {
        if (!Nodes.TryGetValue(node, out var entry) || !entry.Folder.Has(NodeLayer.Flow))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(entry.Folder.PathOf(NodeLayer.Flow))) is JsonObject { } o && o["nodes"] is JsonArray ? o : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>The library nodes the flow of <paramref name="node"/> is made of, when it is composite; else empty.</summary>
    public IReadOnlyList<string> InnerNodes(string node) =>
        IsComposite(node) ? [.. TypesOf(FlowOf(node)!).Select(t => ClassToNode.GetValueOrDefault(t)).OfType<string>().Distinct().Order(StringComparer.Ordinal)] : [];

    /// <summary>
    /// True when <paramref name="node"/> is drawn as a composition of its flow: the flow uses nodes, and not the node
    /// itself (the one-node flow around a script node is the node, not a composition).
    /// </summary>
    public bool IsComposite(string node)
    {
        if (FlowOf(node) is not { } flow)
        {
            return false;
        }

        var types = TypesOf(flow);
        return !types.Contains(NodeNames.ToMappingKey(node), StringComparer.Ordinal) && types.Any(t => !FlowComposition.Markers.Contains(t));
    }

    private static List<string> TypesOf(JsonObject flow) =>
        [.. ((JsonArray)flow["nodes"]!).OfType<JsonObject>().Select(n => n["type"]?.ToString() ?? string.Empty)];

    private static readonly HashSet<string> FlowMarkers = new(StringComparer.Ordinal) { "LokiInput", "LokiOutput", "Note", "MarkdownNote", "Reroute" };
}
