using System.Text.Json.Nodes;

namespace Loki.Core.Python.Comfy;

/// <summary>
/// The marker static extraction leaves where a value is known only when code runs:
/// <c>{"__loki_unresolved__": "folder_paths.get_filename_list('checkpoints')"}</c>. Never a guess.
/// </summary>
public static class UnresolvedValue
{
    /// <summary>The marker's only key.</summary>
    public const string Key = "__loki_unresolved__";

    /// <summary>The source expression when <paramref name="node"/> is a marker, else null.</summary>
    public static string? SourceOf(JsonNode? node) =>
        node is JsonObject o && o.Count == 1 && o[Key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Every marker under <paramref name="node"/> with its JSON path, in document order.</summary>
    public static IEnumerable<(string Path, string Source)> FindAll(JsonNode? node, string path = "$")
    {
        if (SourceOf(node) is { } source)
        {
            yield return (path, source);
            yield break;
        }

        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    foreach (var hit in FindAll(v, $"{path}.{k}"))
                    {
                        yield return hit;
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    foreach (var hit in FindAll(a[i], $"{path}[{i}]"))
                    {
                        yield return hit;
                    }
                }

                break;
        }
    }
}
