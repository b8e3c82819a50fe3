using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;

namespace Loki.Core.Splitting;

/// <summary>
/// Proves a split: inlines every sub-flow use back into the parent (each input marker replaced by what the use
/// passes, each output by what its marker holds, recursively) and compares the result with the original prompt
/// node for node, ids mapped through the split's record of which node each inner node was. The flows compared may
/// be read back from the written files, so the check covers what was written, not only what was meant.
/// </summary>
public static class SplitChecker
{
    /// <summary>The first difference as a LOKI6004 error, or null when the split is equivalent.</summary>
    /// <param name="split">The split.</param>
    /// <param name="parent">The parent prompt to inline (the split's, or the written parent read back).</param>
    /// <param name="flows">Each sub-flow's prompt by class (the split's, or the written flows read back).</param>
    public static LokiDiagnostic? Check(SplitResult split, JsonObject parent, IReadOnlyDictionary<string, JsonObject> flows)
    {
        var outputs = split.Subflows.ToDictionary(s => s.ClassType, s => s.Outputs.Select(o => o.Name).ToList(), StringComparer.Ordinal);
        var inliner = new Inliner(split, flows, outputs);
        try
        {
            var inlined = new Dictionary<string, (string Class, JsonObject Inputs)>(StringComparer.Ordinal);
            inliner.Expand(new Scope(parent, id => id, null, null), inlined);
            return Compare(split, inlined) is { } difference
                ? new LokiDiagnostic(LokiCodes.SplitCheckFailed, DiagnosticSeverity.Error, "inlining the sub-flows does not give the original prompt: " + difference, split.File)
                : null;
        }
        catch (SplitCheckException e)
        {
            return new LokiDiagnostic(LokiCodes.SplitCheckFailed, DiagnosticSeverity.Error, "inlining the sub-flows failed: " + e.Message, split.File);
        }
    }

    private static string? Compare(SplitResult split, Dictionary<string, (string Class, JsonObject Inputs)> inlined)
    {
        foreach (var (id, entry) in split.Original)
        {
            var classType = entry!["class_type"]!.GetValue<string>();
            if (!inlined.TryGetValue(id, out var got))
            {
                return $"node {id} ({classType}) is missing";
            }

            if (got.Class != classType)
            {
                return $"node {id} is a {got.Class}, the original a {classType}";
            }

            var want = entry["inputs"] as JsonObject ?? [];
            foreach (var (name, value) in want)
            {
                var expected = FlowGraphReader.AsLink(value) is { } l ? new JsonArray(l.NodeId, l.Slot) : value;
                if (!got.Inputs.TryGetPropertyValue(name, out var actual))
                {
                    return $"input '{name}' of node {id} ({classType}) is missing";
                }

                if (!JsonNode.DeepEquals(expected, actual))
                {
                    return $"input '{name}' of node {id} ({classType}) is {actual?.ToJsonString() ?? "null"}, the original {expected?.ToJsonString() ?? "null"}";
                }
            }

            if (got.Inputs.Select(i => i.Key).FirstOrDefault(k => !want.ContainsKey(k)) is { } extra)
            {
                return $"node {id} ({classType}) has an input '{extra}' the original lacks";
            }
        }

        return inlined.Keys.FirstOrDefault(k => !split.Original.ContainsKey(k)) is { } added ? $"node {added} ({inlined[added].Class}) is not in the original" : null;
    }

    /// <summary>A prompt being inlined: how its ids map to the split's ids, and the use it is the body of.</summary>
    private sealed record Scope(JsonObject Prompt, Func<string, string> Resolve, Scope? Outer, JsonObject? UseInputs);

    private sealed class Inliner(SplitResult split, IReadOnlyDictionary<string, JsonObject> flows, Dictionary<string, List<string>> outputs)
    {
        public void Expand(Scope scope, Dictionary<string, (string Class, JsonObject Inputs)> into)
        {
            foreach (var (localId, entry) in scope.Prompt)
            {
                var classType = entry!["class_type"]!.GetValue<string>();
                if (scope.Outer is not null && classType is "LokiInput" or "LokiOutput")
                {
                    continue;
                }

                if (Use(scope, localId, classType) is { } inner)
                {
                    Expand(inner, into);
                    continue;
                }

                var inputs = new JsonObject();
                foreach (var (name, value) in entry["inputs"] as JsonObject ?? [])
                {
                    inputs[name] = Value(scope, value, 0);
                }

                if (!into.TryAdd(scope.Resolve(localId), (classType, inputs)))
                {
                    throw new SplitCheckException($"node {scope.Resolve(localId)} comes out of the inlining twice");
                }
            }
        }

        /// <summary>The scope of the sub-flow body a node uses, or null when the node is not a sub-flow use.</summary>
        private Scope? Use(Scope scope, string localId, string classType)
        {
            if (!flows.TryGetValue(classType, out var body) || !split.Instances.TryGetValue(scope.Resolve(localId), out var use))
            {
                return null;
            }

            return new Scope(body, c => use.Members.TryGetValue(c, out var m) ? m : throw new SplitCheckException($"inner node {c} of {classType} (use {use.Id}) maps to no node of the original"), scope, scope.Prompt[localId]!["inputs"] as JsonObject ?? []);
        }

        private JsonNode? Value(Scope scope, JsonNode? value, int depth)
        {
            if (depth > 256)
            {
                throw new SplitCheckException("links between flows and their markers loop");
            }

            if (FlowGraphReader.AsLink(value) is not { } link)
            {
                return value?.DeepClone();
            }

            if (scope.Prompt[link.NodeId] is not JsonObject source)
            {
                throw new SplitCheckException($"a link points at node {link.NodeId}, which is not in its flow");
            }

            var classType = source["class_type"]!.GetValue<string>();
            if (scope.Outer is not null && classType == "LokiInput")
            {
                var name = source["inputs"]?["name"]?.GetValue<string>() ?? "";
                if (!scope.UseInputs!.TryGetPropertyValue(name, out var passed))
                {
                    throw new SplitCheckException($"the flow input '{name}' gets no value from its use");
                }

                return Value(scope.Outer, passed, depth + 1);
            }

            if (Use(scope, link.NodeId, classType) is { } inner)
            {
                var names = outputs[classType];
                var marker = link.Slot < names.Count
                    ? inner.Prompt.FirstOrDefault(p => p.Value?["class_type"]?.GetValue<string>() == "LokiOutput" && p.Value["inputs"]?["name"]?.GetValue<string>() == names[link.Slot]).Value
                    : null;
                return marker is null
                    ? throw new SplitCheckException($"{classType} has no output {link.Slot}")
                    : Value(inner, marker["inputs"]?["value"], depth + 1);
            }

            return new JsonArray(scope.Resolve(link.NodeId), link.Slot);
        }
    }
}
