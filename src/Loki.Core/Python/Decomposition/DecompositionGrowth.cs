using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Composition;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;
using Loki.Core.Regeneration;

namespace Loki.Core.Python.Decomposition;

/// <summary>
/// After the proof: the composite gets the generated inputs that ran as its config's examples, and the build grows
/// every written folder (<see cref="NodeRegenerator"/>): LOKI Node, <c>__init__.py</c>, and for the composites the
/// flow of their steps (<c>&lt;n&gt;_workflow.json</c>, compiled by <c>Loki.Core.Composition</c> and proven equal to
/// the script on those examples on the LOKI executor).
/// </summary>
public static class DecompositionGrowth
{
    /// <summary>
    /// <paramref name="folders"/> with every composite's config carrying the inputs it ran with in the proof as
    /// examples (named <c>generated_1</c>...): the function's from <see cref="EquivalenceReport.Examples"/>, a step's
    /// from <see cref="EquivalenceReport.StepExamples"/>.
    /// </summary>
    public static IReadOnlyList<PlannedFolder> WithExamples(IReadOnlyList<PlannedFolder> folders, DecompositionPlan plan, EquivalenceReport report)
    {
        var composites = plan.Nodes.Where(n => n.IsComposite).Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        return folders.Select(folder =>
        {
            var examples = folder.Name == plan.Root.Name ? report.Examples : report.StepExamples.GetValueOrDefault(folder.Name);
            if (!composites.Contains(folder.Name) || examples.IsDefaultOrEmpty)
            {
                return folder;
            }

            var files = folder.Files.Select(file =>
            {
                if (file.RelativePath != folder.Name + ".json")
                {
                    return file;
                }

                var config = NodeConfigReader.Parse(file.Content, file.RelativePath, new DiagnosticBag(), folder.Name)!;
                var named = examples.Select((inputs, i) => new NodeExample($"generated_{i + 1}", (JsonObject)inputs.DeepClone())).ToImmutableArray();
                return file with { Content = NodeConfigWriter.Write(config with { Examples = named }) };
            });
            return folder with { Files = files.ToImmutableArray() };
        }).ToList();
    }

    /// <summary>
    /// Grows every folder, leaves first and the function last (a composite's flow needs its steps' layers). The
    /// verdict of <paramref name="report"/> on the function's flow (run on the generated inputs) holds for the flow the
    /// build compiles when it is that very flow: the build keeps it without examples, or refuses it when it differed.
    /// </summary>
    public static IReadOnlyList<string> Grow(string library, DecompositionPlan plan, EquivalenceReport? report, DiagnosticBag diagnostics)
    {
        var written = new List<string>();
        var regenerator = NodeRegenerator.CreateDefault();
        var verdicts = new Dictionary<string, ProvenFlows.Verdict>(StringComparer.Ordinal);
        if (report?.Flow is { } flow)
        {
            verdicts[Path.Combine(library, plan.Root.Name, plan.Root.Name + ".py")] = flow.Value;
        }

        using var proven = ProvenFlows.Accept(verdicts);
        var order = plan.Nodes.Where(n => !n.IsComposite).Concat(plan.Nodes.Where(n => n.IsComposite).Reverse());
        foreach (var node in order)
        {
            var growth = regenerator.Regenerate(Path.Combine(library, node.Name));
            written.AddRange(growth.Written);
            foreach (var d in growth.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
            {
                diagnostics.Add(d);
            }
        }

        return written;
    }
}
