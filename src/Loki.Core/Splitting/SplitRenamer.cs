using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Loki.Core.Splitting;

/// <summary>Gives sub-flows other names (a library node reused, a folder a person owns), everywhere their class is used.</summary>
internal static class SplitRenamer
{
    public static SplitResult Rename(SplitResult split, IReadOnlyDictionary<int, string> names)
    {
        if (names.Count == 0)
        {
            return split;
        }

        var renamed = split.Subflows.Select(s => names.TryGetValue(s.Index, out var n) ? s with { Name = n } : s).ToList();
        var classes = split.Subflows.Zip(renamed).Where(p => p.First.ClassType != p.Second.ClassType).ToDictionary(p => p.First.ClassType, p => p.Second.ClassType, StringComparer.Ordinal);
        return split with
        {
            Parent = Classes(split.Parent, classes),
            Subflows = [.. renamed.Select(s => s with { Body = Classes(s.Body, classes) })],
        };
    }

    private static JsonObject Classes(JsonObject prompt, Dictionary<string, string> classes)
    {
        var copy = (JsonObject)prompt.DeepClone();
        foreach (var (_, entry) in copy)
        {
            if (entry?["class_type"]?.GetValue<string>() is { } c && classes.TryGetValue(c, out var to))
            {
                entry["class_type"] = to;
            }
        }

        return copy;
    }
}
