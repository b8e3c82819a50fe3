using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Analysis;
using Loki.Core.Python.Environment;

namespace Loki.Core.Composition;

/// <summary>
/// Reads a LOKI Script as a composite (<c>lokiast/composite.py</c>, run by <see cref="PythonHelper"/>; nothing of the
/// script is imported). Cheap for ordinary scripts: only a script that mentions <c>compose</c> reaches Python.
/// </summary>
public static class CompositeScriptReader
{
    /// <summary>True when <paramref name="scriptText"/> may bind library nodes (<c>compose.node(...)</c>).</summary>
    public static bool MayBeComposite(string scriptText) => scriptText.Contains("compose", StringComparison.Ordinal);

    /// <summary>
    /// The composite reading of <paramref name="scriptPath"/>; null when the script binds no library node. A script
    /// that binds nodes but cannot become a flow comes back with its coded <see cref="CompositeScript.Refusal"/>.
    /// Unreadable Python throws <see cref="LokiException"/>.
    /// </summary>
    public static async Task<CompositeScript?> ReadAsync(PythonInterpreter python, string scriptPath, CancellationToken cancellationToken = default)
    {
        var json = await PythonHelper.RunJsonAsync(python, StaticPythonReader.HelperScript, ["composite", scriptPath], LokiCodes.PythonSourceUnreadable, scriptPath, cancellationToken).ConfigureAwait(false);
        return Parse(json, scriptPath);
    }

    /// <summary>The model of the helper's answer (see <see cref="ReadAsync"/>).</summary>
    public static CompositeScript? Parse(JsonObject json, string scriptPath)
    {
        if (json["composite"]?.GetValue<bool>() != true)
        {
            return null;
        }

        if (json["refused"] is JsonObject refused)
        {
            var refusal = new LokiDiagnostic(refused["code"]!.GetValue<string>(), DiagnosticSeverity.Warning,
                $"not compiled to a flow: {refused["message"]}", scriptPath, Line: refused["line"]?.GetValue<int>() ?? 0);
            return new CompositeScript(scriptPath, [], [], [], refusal);
        }

        var parameters = json["parameters"]!.AsArray().Select(p => p!.GetValue<string>()).ToImmutableArray();
        var calls = json["calls"]!.AsArray().Select(c => c!.AsObject()).Select(c => new CompositeCall(
            c["node"]!.GetValue<string>(),
            c["name"]?.GetValue<string>(),
            c["line"]!.GetValue<int>(),
            Values(c["arguments"]!.AsObject()))).ToImmutableArray();
        return new CompositeScript(scriptPath, parameters, calls, Values(json["outputs"]!.AsObject()),
            RunLine: json["run_line"]?.GetValue<int>() ?? 1, ReturnLine: json["return_line"]?.GetValue<int>() ?? 1);
    }

    private static ImmutableArray<KeyValuePair<string, CompositeValue>> Values(JsonObject map) =>
        [.. map.Select(p => KeyValuePair.Create(p.Key, CompositeValue.FromJson(p.Value!.AsObject())))];
}
