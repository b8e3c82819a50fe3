using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Regeneration;

namespace Loki.Core.Splitting;

/// <summary>
/// Writes a split as node folders under <c>--into</c>: per sub-flow (inner ones first) and for the parent, the
/// flow <c>&lt;n&gt;_workflow.json</c> (UI form, LOKI header under <c>extra.loki</c> naming the workflow it was cut
/// from), a requirements and a name layer when absent; then the build grows the rest (config, script, node,
/// <c>__init__.py</c>) as for any flow. Files a person wrote are never overwritten.
/// </summary>
public static class SplitLibraryWriter
{
    /// <summary>Writes the folders; returns the files written. <paramref name="grow"/> runs the build's growth on each folder.</summary>
    public static IReadOnlyList<string> Write(SplitResult split, SplitForms forms, ISet<int> reused, string into, bool grow, DiagnosticBag diagnostics)
    {
        var written = new List<string>();
        var source = Path.GetFileName(split.File);
        var sourceSha = File.Exists(split.File) ? Sha256Hex.OfFile(split.File) : Sha256Hex.Of(CanonicalText(split.Original));
        var folders = new List<string>();
        foreach (var flow in split.Subflows.Where(f => !reused.Contains(f.Index)))
        {
            var folder = Path.Combine(into, flow.Name);
            var name = NameLayerText.For(flow.Name, flow.Title, flow.Kind, flow.Inputs.Select(p => p.Type), flow.Outputs.Select(p => p.Type));
            var requirements = Requirements(flow.Name, flow.Title, source, flow.Inputs.Select(p => $"{p.Name} ({p.Type})"), flow.Outputs.Select(p => $"{p.Name} ({p.Type})"));
            if (WriteFolder(folder, flow.Name, forms.FlowUi[flow.ClassType], name, requirements, source, sourceSha, written, diagnostics))
            {
                folders.Add(folder);
            }
        }

        var parentFolder = Path.Combine(into, split.Name);
        var parentName = NameLayerText.For(split.Name, split.Name, RegionKind.Root, [], []);
        var parentRequirements = Requirements(split.Name, split.Name, source, [], []);
        if (WriteFolder(parentFolder, split.Name, forms.ParentUi, parentName, parentRequirements, source, sourceSha, written, diagnostics))
        {
            folders.Add(parentFolder);
        }

        if (grow)
        {
            var regenerator = NodeRegenerator.CreateDefault();
            foreach (var folder in folders)
            {
                var growth = regenerator.Regenerate(folder);
                written.AddRange(growth.Written);
                foreach (var d in growth.Diagnostics.Where(d => d.IsError))
                {
                    diagnostics.Warning(LokiCodes.SplitGrowthFailed, $"{Path.GetFileName(folder)}: the build could not grow it ({d.Code}: {d.Message}); the flow is written, the other layers are not", folder);
                }
            }
        }

        return written;
    }

    private static bool WriteFolder(string folder, string name, JsonObject ui, string nameLayer, string requirements, string source, string sourceSha, List<string> written, DiagnosticBag diagnostics)
    {
        if (!LibraryReuse.OwnedBySplit(folder, source))
        {
            diagnostics.Warning(LokiCodes.SplitAuthoredFolder, $"{folder} holds files a person wrote or edited: left alone", folder);
            return false;
        }

        Directory.CreateDirectory(folder);
        var flowFile = Path.Combine(folder, name + "_workflow.json");
        if (AtomicFile.WriteIfChanged(flowFile, GeneratedHeader.WrapJson((JsonObject)ui.DeepClone(), underExtra: true, source, sourceSha)))
        {
            written.Add(flowFile);
        }

        foreach (var (file, text) in new[] { (name + "_name.md", nameLayer), (name + ".md", requirements) })
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                AtomicFile.Write(path, AtomicFile.Utf8.GetBytes(text));
                written.Add(path);
            }
        }

        return true;
    }

    private static string Requirements(string name, string title, string source, IEnumerable<string> inputs, IEnumerable<string> outputs)
    {
        var ins = inputs.ToList();
        var outs = outputs.ToList();
        return $"# Requirements: {name}\n\n## DESCRIPTION\n\n{title.Replace('\n', ' ')}: a part of `{source}` that `loki split` cut out as its own flow.\n\n"
            + "## INPUTS\n\n" + (ins.Count == 0 ? "- none\n" : string.Concat(ins.Select(i => $"- {i}\n")))
            + "\n## OUTPUTS\n\n" + (outs.Count == 0 ? "- none (its output nodes save or show the result)\n" : string.Concat(outs.Select(o => $"- {o}\n")))
            + "\n## BEHAVIOUR\n\nInlined back into its parent, it gives the original workflow's prompt node for node (checked by `loki split --check`).\n";
    }

    private static string CanonicalText(JsonObject prompt) => Text.CanonicalJson.WriteCompact(prompt);
}
