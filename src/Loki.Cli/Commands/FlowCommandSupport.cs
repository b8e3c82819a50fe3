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
    public static FlowEnvironment Environment(string flowPath, SchemaSet schemas, IReadOnlyList<string> libraries, DiagnosticBag diagnostics)
    {
        foreach (var library in libraries.Where(l => !Directory.Exists(l)))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "--library: no such folder", library));
        }

        return new FlowEnvironment(schemas, FlowLibrary.Read(LibraryRoots(flowPath, libraries), diagnostics));
    }

    /// <summary>Each <c>--library</c>, or by default the library the flow file lives in (the nearest <c>nodes/</c> above it).</summary>
    public static IReadOnlyList<string> LibraryRoots(string flowPath, IReadOnlyList<string> libraries) =>
        libraries.Count > 0 ? libraries : FlowLibrary.RootAbove(flowPath) is { } above ? [above] : [];

    /// <summary>Loads and analyses a flow; null (with errors) when it does not convert.</summary>
    public static FlowDocument? Load(string flowPath, SchemaSet schemas, IReadOnlyList<string> libraries, DiagnosticBag diagnostics, out FlowEnvironment environment)
    {
        environment = Environment(flowPath, schemas, libraries, diagnostics);
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
