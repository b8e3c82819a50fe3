using System.Collections.Immutable;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Schemas;

namespace Loki.Cli.Commands;

/// <summary>What the flow targets and <c>inspect --interface</c> share: the LOKI library and loading a flow.</summary>
internal static class FlowCommandSupport
{
    /// <summary>
    /// The node classes a flow may use: <paramref name="schemas"/> plus the LOKI nodes of each <c>--library</c>
    /// (default: the library the flow file lives in, found by the nearest <c>nodes/</c> folder above it).
    /// </summary>
    /// <remarks>With <paramref name="cache"/>, files of one library share its environment (a batch).</remarks>
    public static FlowEnvironment Environment(string flowPath, SchemaSet schemas, IReadOnlyList<string> libraries, DiagnosticBag diagnostics, FlowEnvironmentCache? cache = null)
    {
        foreach (var library in libraries.Where(l => !Directory.Exists(l)))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "--library: no such folder", library));
        }

        var roots = libraries.Count > 0 || cache is null ? LibraryRoots(flowPath, libraries) : cache.RootAbove(flowPath) is { } above ? [above] : [];
        return cache is null ? new FlowEnvironment(schemas, FlowLibrary.Read(roots, diagnostics)) : cache.Get(roots, schemas, diagnostics);
    }

    /// <summary>Each <c>--library</c>, or by default the library the flow file lives in (the nearest <c>nodes/</c> above it).</summary>
    public static IReadOnlyList<string> LibraryRoots(string flowPath, IReadOnlyList<string> libraries) =>
        libraries.Count > 0 ? libraries : FlowLibrary.RootAbove(flowPath) is { } above ? [above] : [];

    /// <summary>Loads and analyses a flow; null (with errors) when it does not convert.</summary>
    public static FlowDocument? Load(string flowPath, SchemaSet schemas, IReadOnlyList<string> libraries, DiagnosticBag diagnostics, out FlowEnvironment environment, FlowEnvironmentCache? cache = null)
    {
        environment = Environment(flowPath, schemas, libraries, diagnostics, cache);
        return FlowLoader.Load(flowPath, environment, diagnostics);
    }

    /// <summary>A flow name from a file name: <c>Upscale &amp; Blur.json</c> → <c>upscale_blur</c>.</summary>
    public static string NameOf(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        stem = stem.EndsWith("_workflow", StringComparison.Ordinal) ? stem[..^"_workflow".Length] : stem;
        return PythonNames.Snake(stem);
    }
}
