using System.Collections.Concurrent;
using System.Security.Cryptography;
using Loki.Core.Diagnostics;

namespace Loki.Core.Regeneration.Generators;

/// <summary>
/// Converts a flow once, not once per layer it feeds (config, script, node, interface check): results are kept by
/// the flow file's path and SHA-256, the state of the library configs it uses (<see cref="FlowDependencies"/>) and
/// the caller's own inputs, with the diagnostics the conversion gave, which every caller gets again. A changed flow
/// or used config is a new key, so a kept result is always the result a fresh conversion would give; configs the
/// flow does not use (its own, written from it; other nodes', written by the same build) leave the key as it is.
/// </summary>
internal static class FlowConversionCache
{
    // Bounded: an MSBuild node lives across many builds; a library is far smaller than this.
    private const int MaxEntries = 4096;

    private static readonly ConcurrentDictionary<string, Lazy<(object? Value, IReadOnlyList<LokiDiagnostic> Diagnostics)>> Entries = new(StringComparer.Ordinal);

    /// <summary>The key part that names a flow file's content and what it is read against, with the configs it uses.</summary>
    public static (string Key, FlowDependencies Dependencies) FlowKey(string flowPath, IEnumerable<string> libraryRoots)
    {
        var bytes = File.ReadAllBytes(flowPath);
        var dependencies = FlowDependencies.Of(flowPath, bytes, libraryRoots);
        return (Path.GetFullPath(flowPath) + "\n" + Convert.ToHexString(SHA256.HashData(bytes)) + "\n" + dependencies.Key, dependencies);
    }

    /// <summary>The result of <paramref name="compute"/> for <paramref name="key"/>, computed once; its diagnostics are added to <paramref name="diagnostics"/>.</summary>
    public static T? GetOrCompute<T>(string key, DiagnosticBag diagnostics, Func<DiagnosticBag, T?> compute)
        where T : class
    {
        if (Entries.Count > MaxEntries)
        {
            Entries.Clear();
        }

        var entry = Entries.GetOrAdd(key, _ => new(() =>
        {
            var bag = new DiagnosticBag();
            return (compute(bag), bag.Items);
        })).Value;
        diagnostics.AddRange(entry.Diagnostics);
        return (T?)entry.Value;
    }
}
