using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows.Script;

/// <summary>
/// Names the variable that holds each node of a flow script after what it holds: its title when it has its own,
/// else its one output (<c>latent</c>, <c>image</c>; conditioning by role, <c>positive</c>), else its class
/// (<c>checkpoint_loader_simple</c>); when several nodes would share an output name, their class names are used.
/// </summary>
internal static class NodeVariables
{
    public static Dictionary<string, string> Assign(FlowPlan plan, FlowSchemaCatalog schemas, IEnumerable<string> taken)
    {
        var roles = plan.Order.SelectMany(n => plan.InputsOf(n).Where(i => i.Source.Link is not null).Select(i => (From: i.Source.Link!.NodeId, i.Name)))
            .ToLookup(p => p.From, p => p.Name, StringComparer.Ordinal);
        var wanted = plan.Order.Select(n => (Node: n, Name: Preferred(roles, schemas, n))).ToList();
        var clash = wanted.GroupBy(w => w.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var names = new UniqueNames(taken);
        return wanted.ToDictionary(
            w => w.Node.Id,
            w => names.Take((clash.Contains(w.Name) || names.IsTaken(w.Name)) && !HasOwnTitle(w.Node, schemas) ? ClassName(w.Node) : w.Name),
            StringComparer.Ordinal);
    }

    private static string Preferred(ILookup<string, string> roles, FlowSchemaCatalog schemas, FlowNode node)
    {
        if (HasOwnTitle(node, schemas))
        {
            return PythonNames.Snake(node.Title!);
        }

        var schema = schemas.Find(node.ClassType);
        if (schema is null || schema.Outputs.Length != 1)
        {
            return ClassName(node);
        }

        var output = schema.Outputs[0];
        if (output.Type == "CONDITIONING")
        {
            var fed = roles[node.Id].Distinct().ToList();
            if (fed.Count == 1 && fed[0] is "positive" or "negative")
            {
                return fed[0];
            }
        }

        return node.ClassType.StartsWith("Loki", StringComparison.Ordinal) ? ClassName(node) : PythonNames.Snake(output.Name);
    }

    private static bool HasOwnTitle(FlowNode node, FlowSchemaCatalog schemas) =>
        !string.IsNullOrWhiteSpace(node.Title) && node.Title != node.ClassType && node.Title != schemas.Find(node.ClassType)?.DisplayName;

    private static string ClassName(FlowNode node) =>
        PythonNames.Snake(node.ClassType.StartsWith("Loki", StringComparison.Ordinal) && node.ClassType.Length > 4 ? node.ClassType[4..] : node.ClassType);
}
