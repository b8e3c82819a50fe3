using System.Collections.Immutable;
using Loki.Core.Diagnostics;

namespace Loki.Core.Composition;

/// <summary>
/// What a composite LOKI Script's <c>run()</c> does, read statically: its calls of library nodes in order and the
/// values it returns. A script the reader refused carries the coded <see cref="Refusal"/> instead.
/// </summary>
/// <param name="Path">The script file.</param>
/// <param name="Parameters">The parameters of <c>run()</c>.</param>
/// <param name="Calls">The node calls, in execution order (an argument's inner call comes first).</param>
/// <param name="Outputs">Output name → value; a single <c>"*"</c> entry of kind Result for <c>return NODE(...)</c>.</param>
/// <param name="Refusal">Why the script cannot become a flow, when it cannot.</param>
/// <param name="RunLine">The line of <c>def run</c>.</param>
/// <param name="ReturnLine">The line of its <c>return</c>.</param>
public sealed record CompositeScript(
    string Path,
    ImmutableArray<string> Parameters,
    ImmutableArray<CompositeCall> Calls,
    ImmutableArray<KeyValuePair<string, CompositeValue>> Outputs,
    LokiDiagnostic? Refusal = null,
    int RunLine = 1,
    int ReturnLine = 1);
