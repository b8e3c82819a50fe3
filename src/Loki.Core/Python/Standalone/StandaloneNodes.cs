using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Naming;

namespace Loki.Core.Python.Standalone;

/// <summary>
/// The LOKI node folders a flow needs to run on the LOKI executor away from its library: the nodes it uses and,
/// for nodes that are flows themselves, the nodes inside them, found through each folder's <c>&lt;n&gt;_workflow.json</c>.
/// </summary>
public static class StandaloneNodes
{
    /// <summary>
    /// The folders, in name order, of the LOKI nodes among <paramref name="classTypes"/> and of every LOKI node their
    /// workflows use, looked up in <paramref name="libraryRoots"/> (each holding <c>nodes/</c>). A <c>Loki…</c> class
    /// found in no library is a warning (LOKI2103): the markers are the runtime's own and need no folder.
    /// </summary>
    public static IReadOnlyList<string> Closure(IEnumerable<string> classTypes, IEnumerable<string> libraryRoots, DiagnosticBag diagnostics, string file)
    {
        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var root in libraryRoots)
        {
            var nodes = Path.Combine(root, "nodes");
            foreach (var folder in Directory.Exists(nodes) ? Directory.GetDirectories(nodes).Order(StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                folders.TryAdd(NodeNames.ToMappingKey(Path.GetFileName(folder)), folder);
            }
        }

        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>(classTypes);
        while (queue.Count > 0)
        {
            var classType = queue.Dequeue();
            if (found.ContainsKey(classType) || classType is "LokiInput" or "LokiOutput")
            {
                continue;
            }

            if (!folders.TryGetValue(classType, out var folder))
            {
                if (classType.StartsWith("Loki", StringComparison.Ordinal))
                {
                    diagnostics.Warning(LokiCodes.StandaloneNodeNotFound, $"LOKI node {classType} is in no library given (--library); it is not copied beside the script", file);
                }

                continue;
            }

            found[classType] = folder;
            foreach (var inner in WorkflowStrings(Path.Combine(folder, Path.GetFileName(folder) + "_workflow.json")).Where(folders.ContainsKey))
            {
                queue.Enqueue(inner);
            }
        }

        return found.Values.Distinct().OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
    }

    // Every string of the workflow, in any of its shapes (UI, API, subgraphs, group nodes): the ones that name a
    // library class are the nodes it uses. A widget whose text happens to be such a name costs one extra copy.
    private static IEnumerable<string> WorkflowStrings(string path)
    {
        JsonNode? root;
        try
        {
            root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null;
        }
        catch (JsonException)
        {
            yield break;
        }

        var stack = new Stack<JsonNode?>([root]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject o:
                    o.Select(p => p.Value).ToList().ForEach(stack.Push);
                    break;
                case JsonArray a:
                    a.ToList().ForEach(stack.Push);
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    yield return v.GetValue<string>();
                    break;
            }
        }
    }
}
