using Loki.Core.Diagnostics;
using Loki.Core.Nodes;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Environment;

namespace Loki.Core.Regeneration.Generators;

/// <summary>
/// The Python conversions as layer generators: the config layer derived from a LOKI Script's <c>run</c> signature or
/// from a hand-written LOKI Node (<see cref="NodeLayerConverter"/> run on a <see cref="ScratchFolder"/>, keeping the
/// config it plans), then <see cref="ScriptFromNodeGenerator"/> and <see cref="NodeFromScriptGenerator"/>.
/// </summary>
public static class PythonLayerGenerators
{
    /// <summary>Every Python conversion, in preference order.</summary>
    public static IReadOnlyList<ILayerGenerator> All { get; } =
    [
        Planned("script→config", NodeLayer.Script, NodeLayer.Config, ScriptToNode),
        Planned("node→config", NodeLayer.Node, NodeLayer.Config, NodeToScript),
        new ScriptFromNodeGenerator(),
        new NodeFromScriptGenerator(),
    ];

    private static ILayerGenerator Planned(string name, NodeLayer source, NodeLayer target, Func<PythonInterpreter, string, DiagnosticBag, Task<IReadOnlyList<GeneratedFile>>> plan) =>
        new DelegateLayerGenerator(name, source, target, context =>
        {
            using var scratch = ScratchFolder.Create(context, target);
            var bag = new DiagnosticBag();
            try
            {
                var files = plan(Python(), scratch.Directory, bag).GetAwaiter().GetResult();
                var wanted = context.Folder.FileOf(target);
                return files.FirstOrDefault(f => f.RelativePath == wanted && f.Kind != GeneratedFileKind.Copy)?.Content;
            }
            catch (LokiException ex)
            {
                bag.Add(ex.Diagnostic);
                return null;
            }
            finally
            {
                // Report against the real node folder, never the scratch copy.
                context.Diagnostics.AddRange(bag.Items.Select(d => scratch.ToReal(d, context.Folder.Directory)));
            }
        });

    private static Task<IReadOnlyList<GeneratedFile>> ScriptToNode(PythonInterpreter python, string folder, DiagnosticBag diagnostics) =>
        NodeLayerConverter.ScriptToNodeAsync(python, folder, diagnostics);

    private static Task<IReadOnlyList<GeneratedFile>> NodeToScript(PythonInterpreter python, string folder, DiagnosticBag diagnostics) =>
        NodeLayerConverter.NodeToScriptAsync(python, folder, diagnostics);

    // One probe per process (PythonLocator caches it); a missing Python surfaces as its coded LokiException.
    private static PythonInterpreter Python() => PythonLocator.FindAsync([]).GetAwaiter().GetResult();
}
