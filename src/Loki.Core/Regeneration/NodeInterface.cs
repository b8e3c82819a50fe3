using System.Collections.Immutable;
using Loki.Core.Config;

namespace Loki.Core.Regeneration;

/// <summary>The interface one layer declares: its inputs and outputs (names and types), for agreement checks.</summary>
/// <param name="Inputs">Inputs in declaration order.</param>
/// <param name="Outputs">Outputs in declaration order.</param>
public sealed record NodeInterface(ImmutableArray<PortSpec> Inputs, ImmutableArray<PortSpec> Outputs)
{
    /// <summary>The interface of a config layer.</summary>
    public static NodeInterface From(NodeConfig config) => new(config.Inputs, config.Outputs);

    /// <summary>
    /// Describes how <paramref name="other"/> differs from this interface (missing or extra ports, different types),
    /// or returns null when they agree. The wildcard type <c>*</c> agrees with any type.
    /// </summary>
    public string? DifferenceFrom(NodeInterface other)
    {
        var problems = new List<string>();
        Compare("input", Inputs, other.Inputs, problems);
        Compare("output", Outputs, other.Outputs, problems);
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static void Compare(string kind, ImmutableArray<PortSpec> mine, ImmutableArray<PortSpec> theirs, List<string> problems)
    {
        var theirsByName = theirs.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var p in mine)
        {
            if (!theirsByName.TryGetValue(p.Name, out var q))
            {
                problems.Add($"{kind} \"{p.Name}\" only in the first");
            }
            else if (p.Type != q.Type && p.Type != PortTypes.Any && q.Type != PortTypes.Any)
            {
                problems.Add($"{kind} \"{p.Name}\" is {p.Type} in the first and {q.Type} in the second");
            }
        }

        var mineNames = mine.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(theirs.Where(q => !mineNames.Contains(q.Name)).Select(q => $"{kind} \"{q.Name}\" only in the second"));
    }
}
