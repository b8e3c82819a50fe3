using System.Collections.Immutable;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Analysis;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Environment;

namespace Loki.Core.Python.Decomposition;

/// <summary>
/// Plans the node folders of a decomposition (nothing is written here): each leaf step becomes a LOKI Script
/// through the <c>loki wrap</c> machinery (<see cref="FunctionWrapper"/>: signature, docstring, requirements) from
/// its generated module <c>src/&lt;step&gt;_code.py</c>; the function and every step cut again become composite
/// scripts (<see cref="CompositeScriptEmitter"/>) whose <c>run</c> calls their steps.
/// </summary>
public static class FunctionDecomposer
{
    /// <summary>One folder per node, the function's first.</summary>
    /// <param name="python">Any Python 3.10+ (static reading only).</param>
    /// <param name="plan">The cut, from <see cref="DecompositionReader"/>.</param>
    /// <param name="library">The library folder the node folders go in (<c>nodes/</c>).</param>
    /// <param name="diagnostics">Warnings of the wraps.</param>
    /// <param name="cancellationToken">Cancels the helper calls.</param>
    public static async Task<IReadOnlyList<PlannedFolder>> PlanAsync(
        PythonInterpreter python, DecompositionPlan plan, string library, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var sha = Regeneration.Sha256Hex.OfFile(plan.File);
        var folders = new List<PlannedFolder>();
        var staging = Path.Combine(Path.GetTempPath(), "loki-build", "decompose-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            foreach (var node in plan.Nodes)
            {
                var nodeFolder = Path.Combine(Path.GetFullPath(library), node.Name);
                var source = plan.SourceFor(nodeFolder);
                if (node.IsComposite)
                {
                    var config = node == plan.Root
                        ? await RootConfigAsync(python, plan, source, sha, cancellationToken).ConfigureAwait(false)
                        : StepConfig(node);
                    var returned = node == plan.Root ? node.Returns : node.Outputs;
                    folders.Add(new PlannedFolder(node.Name,
                    [
                        new GeneratedFile(node.Name + ".json", NodeConfigWriter.Write(config), GeneratedFileKind.JsonHeader, source, sha),
                        new GeneratedFile(node.Name + ".py", CompositeScriptEmitter.Emit(config, node, returned), GeneratedFileKind.CommentHeader, source, sha),
                    ]));
                }
                else
                {
                    folders.Add(await StepFolderAsync(python, plan, node, Path.Combine(staging, node.Name), source, sha, diagnostics, cancellationToken).ConfigureAwait(false));
                }
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return folders;
    }

    private static async Task<PlannedFolder> StepFolderAsync(
        PythonInterpreter python, DecompositionPlan plan, PlannedNode node, string staged, string source, string sha,
        DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        // The wrap reads the step's module from disk: it is staged in a scratch node folder first.
        var codePath = "src/" + node.Name + "_code.py";
        var files = new List<GeneratedFile> { new(codePath, node.Code!, GeneratedFileKind.CommentHeader, source, sha) };
        if (node.UsesModule && !plan.Installed)
        {
            // The step imports names of the original module, which is not installed: a copy goes under src/ as wrap copies code.
            CodePlacement.Plan(plan.File, staged, null, files);
        }

        foreach (var file in files)
        {
            var path = Path.Combine(staged, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text);
        }

        var wrapDiagnostics = new DiagnosticBag();
        var wrapped = await FunctionWrapper.PlanAsync(python, Path.Combine(staged, codePath), node.Name, staged, null, wrapDiagnostics, cancellationToken).ConfigureAwait(false);
        diagnostics.AddRange(wrapDiagnostics.Items);
        return new PlannedFolder(node.Name, [.. files, .. wrapped]);
    }

    private static async Task<NodeConfig> RootConfigAsync(
        PythonInterpreter python, DecompositionPlan plan, string source, string sha, CancellationToken cancellationToken)
    {
        var fn = await StaticPythonReader.ReadFunctionAsync(python, plan.File, plan.QualifiedName, cancellationToken).ConfigureAwait(false);
        var config = FunctionWrapper.BuildConfig(plan.Root.Name, fn, source, sha, plan.File, new DiagnosticBag());

        // Values that are only assumed to be images (an ndarray, a Tensor) pass through untouched, as the steps take them.
        var assumed = fn.Parameters.Where(p => p.Type?.Assumed == true).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var outputs = config.Outputs.Length != plan.Root.Returns.Length
            ? [new PortSpec("result", PortTypes.Any, "what the function returns.")]
            : fn.ReturnTypes.Any(t => t.Assumed) ? config.Outputs.Select(o => o with { Type = PortTypes.Any }).ToImmutableArray() : config.Outputs;
        return config with
        {
            Description = plan.Root.Description,
            Inputs = config.Inputs.Select(p => assumed.Contains(p.Name) ? p with { Type = PortTypes.Any } : p).ToImmutableArray(),
            Outputs = outputs,
        };
    }

    private static NodeConfig StepConfig(PlannedNode node) => new()
    {
        NodeName = node.Name,
        Description = node.Description,
        Inputs = node.Inputs.Select(n => new PortSpec(n, PortTypes.Any, $"the value of `{n}` before the step.")).ToImmutableArray(),
        Outputs = node.Outputs.Zip(node.OutputPorts).Select(o => new PortSpec(o.Second, PortTypes.Any, $"the value of `{o.First}` after the step.")).ToImmutableArray(),
    };
}
