using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Text;

namespace Loki.Core.Composition;

/// <summary>
/// Verdicts on compiled flows reached by other means than the node's examples, for the duration of a scope:
/// <c>loki decompose</c> runs the compiled flow of the function's composite on its generated inputs (arrays and other
/// values no config example can hold included) and lets the build it runs next keep exactly that flow, or refuse it,
/// with <see cref="CompositeEquivalence"/> (docs/decomposition.md).
/// </summary>
public static class ProvenFlows
{
    private static readonly AsyncLocal<ImmutableDictionary<string, Verdict>?> Current = new();

    /// <summary>Makes <paramref name="verdicts"/> (by the composite script's full path) known until the scope is disposed.</summary>
    public static IDisposable Accept(IReadOnlyDictionary<string, Verdict> verdicts)
    {
        var before = Current.Value;
        Current.Value = (before ?? ImmutableDictionary<string, Verdict>.Empty).SetItems(
            verdicts.Select(v => KeyValuePair.Create(Path.GetFullPath(v.Key), v.Value)));
        return new Scope(before);
    }

    /// <summary>The verdict on <paramref name="flow"/> compiled from <paramref name="scriptPath"/>, or null when none is known for that very flow.</summary>
    public static Verdict? Find(string scriptPath, JsonObject flow) =>
        Current.Value?.GetValueOrDefault(Path.GetFullPath(scriptPath)) is { } verdict && verdict.Flow == CanonicalJson.Write(flow) ? verdict : null;

    /// <summary>A verdict on one flow.</summary>
    /// <param name="Flow">The flow proven (canonical JSON, as <see cref="CanonicalJson"/> writes it).</param>
    /// <param name="Equal">True when it gave the original's outcome on every input.</param>
    /// <param name="How">What it was run on, or the first difference.</param>
    public sealed record Verdict(string Flow, bool Equal, string How);

    private sealed class Scope(ImmutableDictionary<string, Verdict>? before) : IDisposable
    {
        public void Dispose() => Current.Value = before;
    }
}
