using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Workflows;

namespace Loki.Core.Splitting;

/// <summary>
/// Splits a workflow into a parent flow and a recursive library of sub-flows: the author's structure first
/// (groups, subgraphs, group nodes), then typed stages of what is left. The split works on the API prompt the
/// frontend would queue, so muted and bypassed nodes, reroutes and primitives already mean what they mean when it
/// runs; a cut never changes that (see <see cref="RegionFolder"/>).
/// </summary>
public static class WorkflowSplitter
{
    /// <summary>Reads <paramref name="path"/> (UI or API JSON, PNG, WebP) and splits it. Unreadable input throws <see cref="LokiException"/>.</summary>
    public static SplitResult Split(string path, SplitOptions options)
    {
        var file = WorkflowLoader.Load(path);
        var name = SplitNamer.Clean(options.Prefix ?? PythonNames.Snake(Path.GetFileNameWithoutExtension(path).Replace(".workflow", "", StringComparison.Ordinal)));
        if (file.Ui is { } ui)
        {
            var converted = UiToApiConverter.Convert(file, FlowLoader.WithLoki(options.Schemas, []), UiToApiOptions.Default, path);
            if (!converted.Succeeded)
            {
                var first = converted.Diagnostics.First(d => d.IsError);
                return SplitResult.Failed(name, path, [.. converted.Diagnostics, new LokiDiagnostic(LokiCodes.SplitNotConvertible, DiagnosticSeverity.Error, $"the workflow does not convert to an API prompt ({first.Code}), so it cannot be split", path)]);
            }

            return Split(converted.Prompt!, ui, name, options, path);
        }

        return Split(file.Api!, null, name, options, path);
    }

    /// <summary>Splits <paramref name="prompt"/>; <paramref name="ui"/> (when known) gives groups, subgraphs and titles.</summary>
    public static SplitResult Split(JsonObject prompt, JsonObject? ui, string name, SplitOptions options, string file)
    {
        var diagnostics = new DiagnosticBag();
        if (options.MinNodes < 2)
        {
            diagnostics.Error(LokiCodes.SplitBadOptions, $"--min-nodes must be at least 2 (got {options.MinNodes})", file);
            return SplitResult.Failed(name, file, diagnostics.Items);
        }

        var schemas = FlowLoader.WithLoki(options.Schemas, []);
        foreach (var (id, entry) in prompt)
        {
            var classType = entry?["class_type"]?.GetValue<string>() ?? "";
            if (!schemas.Contains(classType))
            {
                diagnostics.Error(LokiCodes.SplitUnknownClass, $"node {id} is a '{classType}', a class with no schema: its outputs' types are unknown (pass its /object_info with --schemas)", file, JsonPathText.Key("$", id) + ".class_type");
                return SplitResult.Failed(name, file, diagnostics.Items);
            }
        }

        if (PromptCycleFinder.Find(prompt) is { Count: > 0 } cycle)
        {
            diagnostics.Error(LokiCodes.PromptCycle, $"the links form a cycle through nodes {string.Join(" → ", cycle.Select(e => e.NodeId))}: a workflow with a cycle cannot run or be split", file, JsonPathText.Key("$", cycle[0].NodeId));
            return SplitResult.Failed(name, file, diagnostics.Items);
        }

        var workflow = ui is null ? null : UiWorkflow.View(ui, file);
        var graph = new WorkGraph(prompt, schemas);
        var root = RegionFinder.Find(prompt, workflow, options.Strategy, name, file, diagnostics);
        if (diagnostics.HasErrors)
        {
            return SplitResult.Failed(name, file, diagnostics.Items);
        }

        if (options.Strategy is SplitStrategy.Auto or SplitStrategy.Stages)
        {
            AddStages(root, graph, options, isRoot: true);
        }

        var folder = new RegionFolder(graph, options with { Schemas = schemas }, file, diagnostics);
        folder.Fold(root.Build());
        var (flows, instances) = SplitFinalizer.Run(folder, graph, schemas, name, options.Prefix);
        return new SplitResult(name, file, prompt, ui, graph.Prompt, flows, instances, diagnostics.Items);
    }

    // Stages cut the loose nodes of the whole workflow, and of any author region that is large and flat.
    private static void AddStages(RegionBuilder region, WorkGraph graph, SplitOptions options, bool isRoot)
    {
        foreach (var child in region.Children.ToList())
        {
            AddStages(child, graph, options, isRoot: false);
        }

        if (isRoot || region.Nodes.Count >= Math.Max(6, 2 * options.MinNodes))
        {
            StageFinder.Apply(region, graph);
        }
    }
}
