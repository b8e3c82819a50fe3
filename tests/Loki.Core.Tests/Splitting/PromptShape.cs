using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Flows;

namespace Loki.Core.Tests.Splitting;

/// <summary>
/// Compares two API prompts modulo node ids: each node is named by a hash of its class, its constants and the
/// names of the nodes feeding it (recursively), and the two multisets of names must be equal.
/// </summary>
internal static class PromptShape
{
    public static List<string> Names(JsonObject prompt)
    {
        var memo = new Dictionary<string, string>(StringComparer.Ordinal);
        return prompt.Select(p => Name(prompt, p.Key, memo, 0)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Null when equal modulo ids, else what differs.</summary>
    public static string? Difference(JsonObject expected, JsonObject actual)
    {
        var a = Names(expected);
        var b = Names(actual);
        if (a.Count != b.Count)
        {
            return $"{a.Count} nodes expected, {b.Count} found";
        }

        var missing = a.Except(b).Count();
        return missing == 0 && a.SequenceEqual(b) ? null : $"{missing} node(s) differ";
    }

    private static string Name(JsonObject prompt, string id, Dictionary<string, string> memo, int depth)
    {
        if (memo.TryGetValue(id, out var known))
        {
            return known;
        }

        if (depth > 2000 || prompt[id] is not JsonObject entry)
        {
            return "?" + id;
        }

        var sb = new StringBuilder(entry["class_type"]?.GetValue<string>()).Append('{');
        foreach (var (name, value) in ((entry["inputs"] as JsonObject) ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(name).Append('=');
            sb.Append(FlowGraphReader.AsLink(value) is { } link ? "@" + Name(prompt, link.NodeId, memo, depth + 1) + "#" + link.Slot : value?.ToJsonString() ?? "null").Append(';');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.Append('}').ToString())))[..24];
        memo[id] = hash;
        return hash;
    }
}
