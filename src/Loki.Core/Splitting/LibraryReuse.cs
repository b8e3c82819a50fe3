using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Regeneration;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Splitting;

/// <summary>
/// Fits a split into the library it is written to: a sub-flow whose flow a node of the library already has (same
/// prompt, titles aside) takes that node's name and is not written again; a sub-flow whose folder a person wrote or
/// edited, with another flow, gets the next free name. A folder the split itself wrote before is rewritten in place.
/// </summary>
public static class LibraryReuse
{
    /// <summary>The split with names fitted, and the sub-flows (by index) already in the library.</summary>
    public static (SplitResult Split, HashSet<int> Reused) Fit(SplitResult split, string into, SchemaSet comfySchemas, DiagnosticBag diagnostics)
    {
        var reused = new HashSet<int>();
        if (!Directory.Exists(into))
        {
            return (split, reused);
        }

        var existing = ExistingFlows(into, split, comfySchemas);
        var taken = new HashSet<string>(Directory.GetDirectories(into).Select(Path.GetFileName)!, StringComparer.Ordinal);
        foreach (var flow in split.Subflows.ToList())
        {
            var current = split.Subflows.First(s => s.Index == flow.Index);
            var prompt = Comparable(current.Prompt());
            if (existing.FirstOrDefault(e => JsonNode.DeepEquals(e.Prompt, prompt)) is { Name: { } twin })
            {
                diagnostics.Info(LokiCodes.SplitReusedNode, $"sub-flow '{current.Name}' is the library node '{twin}': reused", Path.Combine(into, twin));
                split = SplitRenamer.Rename(split, new Dictionary<int, string> { [flow.Index] = twin });
                reused.Add(flow.Index);
                continue;
            }

            if (taken.Contains(current.Name) && !OwnedBySplit(Path.Combine(into, current.Name), split.File))
            {
                var name = current.Name;
                for (var i = 2; taken.Contains(name); i++)
                {
                    name = $"{current.Name}_{i}";
                }

                diagnostics.Warning(LokiCodes.SplitAuthoredFolder, $"{Path.Combine(into, current.Name)} holds another node a person wrote or edited: the sub-flow is written as '{name}'", Path.Combine(into, current.Name));
                split = SplitRenamer.Rename(split, new Dictionary<int, string> { [flow.Index] = name });
                taken.Add(name);
            }
        }

        return (split, reused);
    }

    /// <summary>True when the folder's flow file was written by loki split from the same workflow and is unedited (or absent).</summary>
    public static bool OwnedBySplit(string folder, string workflow)
    {
        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return true;
        }

        var file = Path.Combine(folder, Path.GetFileName(folder) + "_workflow.json");
        if (!File.Exists(file))
        {
            return false;
        }

        var mark = GeneratedHeader.ReadJson(File.ReadAllText(file), underExtra: true, out var body, out var malformed);
        return mark is not null && !malformed && mark.Source == Path.GetFileName(workflow)
            && (mark.BodySha256 is null || mark.BodySha256 == Sha256Hex.Of(body));
    }

    /// <summary>A flow prompt as compared for reuse: titles dropped.</summary>
    private static JsonObject Comparable(JsonObject prompt)
    {
        var copy = (JsonObject)prompt.DeepClone();
        foreach (var (_, entry) in copy)
        {
            (entry as JsonObject)?.Remove("_meta");
        }

        return copy;
    }

    private static List<(string Name, JsonObject Prompt)> ExistingFlows(string into, SplitResult split, SchemaSet comfySchemas)
    {
        var configs = FlowLibrary.Read([into], new DiagnosticBag());
        var schemas = FlowLoader.WithLoki(comfySchemas, configs.Concat(split.Subflows.Select(s => SubflowConfig.For(s, Path.GetFileName(split.File)))));
        var result = new List<(string, JsonObject)>();
        foreach (var folder in Directory.GetDirectories(into).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var file = Path.Combine(folder, name + "_workflow.json");
            try
            {
                if (File.Exists(file) && WorkflowLoader.Load(file) is { } loaded
                    && (loaded.Ui is not null ? UiToApiConverter.Convert(loaded, schemas, UiToApiOptions.Default, file).Prompt : loaded.Api) is { } prompt)
                {
                    result.Add((name, Comparable(prompt)));
                }
            }
            catch (LokiException)
            {
                // A flow file that does not read is no candidate for reuse; the build reports it.
            }
        }

        return result;
    }
}
