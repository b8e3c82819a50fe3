using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows.Interface;

/// <summary>
/// Names flow parameters after what they mean: the text of the CLIPTextEncode feeding KSampler.positive is
/// <c>positive_prompt</c>, a seed is <c>seed</c>, a loaded image <c>image</c>; clashes are qualified by the node's
/// title or class (<c>upscale_steps</c>), then numbered.
/// </summary>
internal static class ParameterNamer
{
    /// <summary>The base name of the parameter bound to (<paramref name="node"/>, <paramref name="input"/>).</summary>
    public static string BaseName(DetectionContext context, FlowNode node, string input, string type)
    {
        var schema = context.Schemas.Find(node.ClassType)?.Input(input);
        if (type == "STRING" && (schema?.DynamicPrompts == true || input is "text" or "prompt"))
        {
            var role = ConditioningRole(context, node);
            return role is null ? (context.HasCustomTitle(node) ? PythonNames.Snake(node.Title!) : "prompt") : role + "_prompt";
        }

        if (node.ClassType.StartsWith("Primitive", StringComparison.Ordinal))
        {
            return context.HasCustomTitle(node) ? PythonNames.Snake(node.Title!) : FirstConsumerInput(context, node) ?? PythonNames.Snake(input);
        }

        if (input is "seed" or "noise_seed")
        {
            return "seed";
        }

        return PythonNames.Snake(input);
    }

    /// <summary>A qualified name for a clash: <c>&lt;title or class&gt;_&lt;base&gt;</c>.</summary>
    public static string Qualified(DetectionContext context, FlowNode node, string baseName)
    {
        var owner = context.HasCustomTitle(node)
            ? PythonNames.Snake(node.Title!)
            : PythonNames.Snake(node.ClassType.StartsWith("Loki", StringComparison.Ordinal) && node.ClassType.Length > 4 ? node.ClassType[4..] : node.ClassType);
        return owner.EndsWith(baseName, StringComparison.Ordinal) ? owner : owner + "_" + baseName;
    }

    /// <summary>Gives each (node, base name) a unique name: clashing ones are qualified, then numbered.</summary>
    public static List<string> Assign(DetectionContext context, IReadOnlyList<(FlowNode? Node, string BaseName)> wanted, IEnumerable<string>? taken = null)
    {
        var counts = wanted.GroupBy(w => w.BaseName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var names = new UniqueNames(taken);
        return wanted.Select(w => names.Take(counts[w.BaseName] > 1 && w.Node is not null ? Qualified(context, w.Node, w.BaseName) : w.BaseName)).ToList();
    }

    /// <summary><c>positive</c> or <c>negative</c> when the node's output feeds an input of that name (directly or through one pass-through node).</summary>
    private static string? ConditioningRole(DetectionContext context, FlowNode node, int depth = 0)
    {
        // A title that says it ("CLIP Text Encode (Positive Prompt)") wins: guiders without positive/negative inputs
        // (Flux's BasicGuider) leave nothing else to go by.
        var title = depth == 0 && context.HasCustomTitle(node) ? node.Title!.ToLowerInvariant() : string.Empty;
        if (title.Contains("positive", StringComparison.Ordinal) != title.Contains("negative", StringComparison.Ordinal))
        {
            return title.Contains("positive", StringComparison.Ordinal) ? "positive" : "negative";
        }

        foreach (var consumer in context.Graph.ConsumersOf(node.Id))
        {
            var input = consumer.Input.ToLowerInvariant();
            if (input.Contains("positive", StringComparison.Ordinal))
            {
                return "positive";
            }

            if (input.Contains("negative", StringComparison.Ordinal))
            {
                return "negative";
            }
        }

        if (depth < 2)
        {
            foreach (var consumer in context.Graph.ConsumersOf(node.Id))
            {
                if (context.Graph.Node(consumer.NodeId) is { } next && ConditioningRole(context, next, depth + 1) is { } role)
                {
                    return role;
                }
            }
        }

        return null;
    }

    private static string? FirstConsumerInput(DetectionContext context, FlowNode node) =>
        context.Graph.ConsumersOf(node.Id).Select(c => PythonNames.Snake(c.Input)).FirstOrDefault();
}
