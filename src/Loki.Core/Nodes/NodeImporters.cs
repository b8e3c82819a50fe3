using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;
using Loki.Core.Python.Environment;

namespace Loki.Core.Nodes;

/// <summary>
/// The importers for sources that need a converter from another area: a Python function (wrapped as a LOKI Script by
/// <see cref="FunctionWrapper"/>) and a ComfyUI node (read statically by <see cref="ComfyNodeImporter"/>). Each writes
/// the node's first layers into the folder and returns the files it wrote.
/// </summary>
public static class NodeImporters
{
    /// <summary>The importer for <paramref name="kind"/>, or null when this build has none.</summary>
    public static Func<ImportSource, string, DiagnosticBag, IReadOnlyList<string>>? For(ImportSourceKind kind) => kind switch
    {
        ImportSourceKind.PythonFunction => (source, folder, diagnostics) => Write(folder, diagnostics, python =>
            FunctionWrapper.PlanAsync(python, source.Path, source.Member!, folder, null, diagnostics)),
        ImportSourceKind.ComfyNode => (source, folder, diagnostics) => Write(folder, diagnostics, python =>
            ComfyNodeImporter.PlanAsync(python, source.Path, source.Member!, folder, null, diagnostics)),
        _ => null,
    };

    private static IReadOnlyList<string> Write(string folder, DiagnosticBag diagnostics, Func<PythonInterpreter, Task<IReadOnlyList<GeneratedFile>>> plan)
    {
        // The importers are synchronous front-ends of short helper processes (static reading, no import of the code).
        var python = PythonLocator.FindAsync([]).GetAwaiter().GetResult();
        var files = plan(python).GetAwaiter().GetResult();
        return GeneratedFileWriter.Write(folder, files, diagnostics);
    }
}
