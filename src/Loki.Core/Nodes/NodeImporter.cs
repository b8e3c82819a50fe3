using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Regeneration;
using Loki.Core.Text;
using Loki.Core.Workflows;

namespace Loki.Core.Nodes;

/// <summary>
/// <c>loki new</c> / <c>loki import</c>: places the first layer of a node (templates, a saved workflow, a wrapped
/// function or ComfyUI node), then grows the node with <see cref="NodeRegenerator"/> so the derivable layers follow.
/// </summary>
public static class NodeImporter
{
    /// <summary>
    /// Imports <paramref name="source"/> into the node folder <paramref name="directory"/>. Returns the growth report
    /// (null when nothing could be placed; the reason is in <paramref name="diagnostics"/>) and the files placed.
    /// </summary>
    public static (NodeGrowth? Growth, IReadOnlyList<string> Placed) Import(ImportSource source, string directory, bool mustBeNew, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(full);
        var placed = new List<string>();
        switch (source.Kind)
        {
            case ImportSourceKind.Workflow:
                var target = Path.Combine(full, LayerCatalog.FileName(NodeLayer.Flow, name));
                if (File.Exists(target))
                {
                    diagnostics.Error(LokiCodes.NodeLayerExists, "the node already has a flow layer; remove it first to import another workflow", target);
                    return (null, placed);
                }

                var workflow = WorkflowLoader.Load(source.Path);
                diagnostics.AddRange(workflow.Warnings ?? []);
                placed.AddRange(NodeScaffold.Create(full, mustBeNew, diagnostics));
                if (diagnostics.HasErrors)
                {
                    return (null, placed);
                }

                // The imported flow is the person's: written without a LOKI header (one left by an earlier conversion
                // names a source outside the node), so the build never rewrites it.
                var document = (workflow.Ui ?? workflow.Api)!.DeepClone().AsObject();
                (document["extra"] as System.Text.Json.Nodes.JsonObject)?.Remove("loki");
                AtomicFile.WriteIfChanged(target, CanonicalJson.Write(document));
                placed.Add(target);
                break;

            case ImportSourceKind.PythonFunction or ImportSourceKind.ComfyNode:
                if (NodeImporters.For(source.Kind) is not { } importer)
                {
                    diagnostics.Error(LokiCodes.ConverterUnavailable, $"this build of LOKI cannot import a {source.Kind} yet", source.Path);
                    return (null, placed);
                }

                placed.AddRange(NodeScaffold.Create(full, mustBeNew, diagnostics));
                if (diagnostics.HasErrors)
                {
                    return (null, placed);
                }

                placed.AddRange(importer(source, full, diagnostics));
                break;

            default:
                placed.AddRange(NodeScaffold.Create(full, mustBeNew, diagnostics));
                break;
        }

        if (diagnostics.HasErrors)
        {
            return (null, placed);
        }

        var growth = NodeRegenerator.CreateDefault().Regenerate(full);
        diagnostics.AddRange(growth.Diagnostics);
        return (growth, placed);
    }
}
