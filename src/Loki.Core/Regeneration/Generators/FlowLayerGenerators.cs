using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Flows.Node;
using Loki.Core.Naming;
using Loki.Core.Nodes;
using Loki.Core.Schemas;
using Loki.Core.Text;

namespace Loki.Core.Regeneration.Generators;

/// <summary>
/// The flow conversions the build runs: a LOKI Flow (<c>&lt;n&gt;_workflow.json</c>) gives the node's config, flow
/// script and flow node (contracts §2.3). The way back, a node's one-node flow, is <see cref="FlowFromNodeGenerator"/>.
/// </summary>
public static class FlowLayerGenerators
{
    /// <summary>Every flow conversion, in preference order.</summary>
    public static IReadOnlyList<ILayerGenerator> All { get; } =
    [
        new DelegateLayerGenerator("flow→config", NodeLayer.Flow, NodeLayer.Config, c => FromFlow(c, f => CanonicalJson.Write(f.Config))),
        new DelegateLayerGenerator("flow→script", NodeLayer.Flow, NodeLayer.Script, c => FromFlow(c, f => f.Script)),
        new DelegateLayerGenerator("flow→node", NodeLayer.Flow, NodeLayer.Node, c => FromFlow(c, f => f.Node)),
    ];

    /// <summary>
    /// Reads the flow file of a node folder against ComfyUI's core catalogue plus the LOKI nodes of the library the
    /// folder lives in; null (with diagnostics) when it does not convert.
    /// </summary>
    public static (FlowDocument Document, FlowEnvironment Environment)? Load(NodeFolder folder, string flowPath, DiagnosticBag diagnostics)
    {
        var library = FlowLibrary.RootAbove(folder.Directory) is { } root ? new[] { root } : [];
        var (key, dependencies) = FlowConversionCache.FlowKey(flowPath, library);
        var loaded = FlowConversionCache.GetOrCompute("load\n" + key, diagnostics, bag =>
        {
            // The configs the flow uses are all it reads of the library (the classes it names).
            var environment = new FlowEnvironment(SchemaSet.Catalogue, dependencies.Configs);
            var document = FlowLoader.Load(flowPath, environment, bag);
            return document is null || bag.HasErrors ? null : new Loaded(document, environment);
        });
        return loaded is null || diagnostics.HasErrors ? null : (loaded.Document, loaded.Environment);
    }

    /// <summary>The files of the flow node a node folder's flow converts to; null (with diagnostics) when it does not.</summary>
    public static FlowNodeFiles? Convert(NodeFolder folder, string flowPath, string? description, DiagnosticBag diagnostics, NameLayer? names = null)
    {
        var library = FlowLibrary.RootAbove(folder.Directory) is { } root ? new[] { root } : [];
        // The description the generated config will carry, so the config and the script, which reads it back from
        // that config, come from one conversion (and a null here gives the text the config would have).
        description ??= RequirementsLayer.Description(folder) ?? FlowNodeEmitter.DefaultDescription(flowPath);
        var key = $"convert\n{folder.Name}\n{description}\n{NameKey(names)}\n{FlowConversionCache.FlowKey(flowPath, library).Key}";
        return FlowConversionCache.GetOrCompute(key, diagnostics, bag =>
        {
            if (Load(folder, flowPath, bag) is not { } flow)
            {
                return null;
            }

            FlowConversionTally.Emitted(flowPath);
            return FlowNodeEmitter.Emit(flow.Document, flow.Environment.Catalog, folder.Name, Path.GetFileName(flowPath), description, names);
        });
    }

    // The name layer gives the flow node its display name, as `loki convert --to node` does.
    private static string? FromFlow(LayerGenerationContext context, Func<FlowNodeFiles, string> pick) =>
        Convert(context.Folder, context.SourcePath, context.Config?.Description, context.Diagnostics, context.Name) is { } files ? pick(files) : null;

    // Every field of the name layer, as part of the cache key (its record's ToString does not show array contents).
    private static string NameKey(NameLayer? n) => n is null
        ? "-"
        : string.Join('\u0001', [n.OfficialName, n.Token, n.EmojiIcon, .. n.Recipes, "|", .. n.X2YFormats, "|", .. n.Aliases, "|", .. n.Tags, "|", .. n.Metaphors, "|", .. n.Extra.Select(e => e.Key + "=" + e.Value)]);

    private sealed record Loaded(FlowDocument Document, FlowEnvironment Environment);
}
