using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Flows;
using Loki.Core.Schemas;

namespace Loki.Core.Splitting;

/// <summary>
/// Turns the folder's definitions into sub-flows: widget values that differ between the uses of one definition
/// become its parameters (each use passes its own value), every definition gets its name, and the placeholder
/// classes of the instance nodes become the flow nodes' classes.
/// </summary>
internal static class SplitFinalizer
{
    public static (ImmutableArray<Subflow> Flows, ImmutableDictionary<string, SubflowInstance> Instances) Run(
        RegionFolder folder, WorkGraph graph, SchemaSet schemas, string parentName, string? prefix)
    {
        var flows = new List<Subflow>();
        var names = new UniqueNames([parentName]);
        foreach (var d in folder.Definitions)
        {
            var first = d.Instances[0].Body;
            var portNames = new UniqueNames(d.Sockets.Select(s => s.Name));
            var parameters = new List<SubflowPort>();
            foreach (var (node, entry) in first)
            {
                foreach (var (input, value) in (JsonObject)entry!["inputs"]!)
                {
                    if (FlowGraphReader.AsLink(value) is null && d.Instances.Any(i => !JsonNode.DeepEquals(i.Body[node]!["inputs"]![input], value)))
                    {
                        var name = portNames.Take(PythonNames.IsIdentifier(PythonNames.Snake(input)) ? PythonNames.Snake(input) : "value");
                        parameters.Add(new SubflowPort(name, ParameterType(entry["class_type"]!.GetValue<string>(), input, value, schemas, flows), node, -1, input, value?.DeepClone()));
                    }
                }
            }

            foreach (var instance in d.Instances)
            {
                foreach (var p in parameters)
                {
                    instance.Location[p.Name] = instance.Body[p.Node]!["inputs"]![p.Input!]?.DeepClone();
                }
            }

            var classes = first.Select(p => p.Value!["class_type"]!.GetValue<string>()).ToList();
            var wanted = SplitNamer.Base(d.Title, d.Kind, classes);
            if (prefix is { Length: > 0 })
            {
                wanted = SplitNamer.Clean(prefix + "_" + wanted);
            }

            if (schemas.Contains(Naming.NodeNames.ToMappingKey(wanted)))
            {
                wanted += "_flow"; // a group called "Output" must not become the LokiOutput marker's class
            }

            if (names.IsTaken(wanted) && SplitNamer.Dominant(classes) is { } dominant && !wanted.Contains(dominant, StringComparison.Ordinal))
            {
                wanted = SplitNamer.Clean(wanted + "_" + dominant);
            }

            flows.Add(new Subflow(d.Index, names.Take(wanted), d.Title, d.Kind, d.Key, first, [.. d.Sockets, .. parameters], d.Outputs, d.OriginalNodes));
        }

        var classOf = flows.ToDictionary(f => Subflow.Placeholder(f.Index), f => f.ClassType, StringComparer.Ordinal);
        foreach (var body in folder.Definitions.SelectMany(d => d.Instances).Select(i => i.Body).Append(graph.Prompt))
        {
            foreach (var (_, entry) in body)
            {
                if (classOf.TryGetValue(entry!["class_type"]!.GetValue<string>(), out var real))
                {
                    entry["class_type"] = real;
                }
            }
        }

        var instances = folder.Definitions.SelectMany(d => d.Instances.Select(i => new SubflowInstance(i.Id, d.Index, i.Members)))
            .ToImmutableDictionary(i => i.Id, StringComparer.Ordinal);
        return ([.. flows], instances);
    }

    /// <summary>The widget type of a parameter: the input's schema type, a nested flow's port type, else the value's kind.</summary>
    private static string ParameterType(string classType, string input, JsonNode? value, SchemaSet schemas, List<Subflow> flows)
    {
        if (Subflow.PlaceholderIndex(classType) is var index and >= 0 && flows.FirstOrDefault(f => f.Index == index)?.Inputs.FirstOrDefault(p => p.Name == input) is { } port)
        {
            return port.Type;
        }

        if (schemas.Find(classType)?.Input(input) is { Type: "INT" or "FLOAT" or "STRING" or "BOOLEAN" or "COMBO" } spec)
        {
            return spec.Type;
        }

        return value is JsonValue v ? v.GetValueKind() switch
        {
            JsonValueKind.Number => v.ToJsonString().Contains('.', StringComparison.Ordinal) ? "FLOAT" : "INT",
            JsonValueKind.True or JsonValueKind.False => "BOOLEAN",
            _ => "STRING",
        } : "STRING";
    }
}
