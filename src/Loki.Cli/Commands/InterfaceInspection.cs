using Loki.Core.Diagnostics;
using Loki.Core.Flows.Interface;
using Loki.Core.Schemas;
using Loki.Core.Text;

namespace Loki.Cli.Commands;

/// <summary><c>loki inspect FLOW --interface [--json] [--library DIR]...</c>: the flow's signature and how it was found.</summary>
internal static class InterfaceInspection
{
    /// <summary>Prints the interface of <paramref name="input"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string input, SchemaSet schemas, IReadOnlyList<string> libraries, bool json, TextWriter stdout, TextWriter stderr)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(schemas.Diagnostics);
        var doc = FlowCommandSupport.Load(input, schemas, libraries, diagnostics, out _);
        await CommandIO.ReportAsync(stderr, diagnostics.Items);
        if (doc is null || diagnostics.HasErrors)
        {
            return ExitCodes.For(diagnostics.Items) is var code and not CliApp.Success ? code : CliApp.Failed;
        }

        await stdout.WriteAsync(json ? CanonicalJson.Write(FlowInterfaceJson.ToJson(doc.Interface)) : FlowInterfaceJson.ToText(doc.Interface));
        return CliApp.Success;
    }
}
