using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.ApiToUi;

/// <summary>
/// Numbers the links (targets in prompt order, sockets in slot order), grows the outputs a link needs, and settles
/// socket types: a link takes its origin's output type; an untyped end (<c>*</c>, no schema) takes the other end's.
/// </summary>
internal static class LinkBuilder
{
    public static List<UiLinkPlan> Build(List<NodePlan> plans, Dictionary<string, NodePlan> byId, string file, DiagnosticBag diagnostics)
    {
        var links = new List<UiLinkPlan>();
        foreach (var target in plans)
        {
            for (var slot = 0; slot < target.Inputs.Count; slot++)
            {
                var socket = target.Inputs[slot];
                if (socket.Source is not { } source)
                {
                    continue;
                }

                var origin = byId[source.NodeId];
                if (origin.Schema is not null && source.Slot >= origin.Schema.Outputs.Count && origin.Outputs.Count <= source.Slot)
                {
                    diagnostics.Warning(LokiCodes.ApiToUiUnknownOutput, $"input '{socket.Name}' of node '{target.Id}' links to output {source.Slot} of '{origin.ClassType}', whose schema has {origin.Schema.Outputs.Count}; untyped outputs are added", file, JsonPathText.Key(JsonPathText.Key("$", target.Id) + ".inputs", socket.Name));
                }

                while (origin.Outputs.Count <= source.Slot)
                {
                    origin.Outputs.Add(("*", "*"));
                }

                var (outName, outType) = origin.Outputs[source.Slot];
                var type = outType != "*" ? outType : socket.Type;
                if (outType == "*" && type != "*")
                {
                    // An output we know nothing about: name and type it after what it feeds.
                    origin.Outputs[source.Slot] = (outName == "*" ? type : outName, type);
                }

                if (socket.Type == "*" && type != "*")
                {
                    target.Inputs[slot] = socket with { Type = type };
                }
                else if (!TypesMatch(socket.Type, type))
                {
                    diagnostics.Warning(LokiCodes.ApiToUiTypeMismatch, $"input '{socket.Name}' of '{target.ClassType}' takes {socket.Type} but is linked to output {source.Slot} of node '{origin.Id}' ({type}); the link is kept as the prompt has it", file, JsonPathText.Key(JsonPathText.Key("$", target.Id) + ".inputs", socket.Name));
                }

                links.Add(new UiLinkPlan(links.Count + 1, origin.Id, source.Slot, target.Id, slot, type));
            }
        }

        return links;
    }

    /// <summary>The frontend's rule for a valid connection: equal types, a wildcard, or one of a comma-separated list.</summary>
    internal static bool TypesMatch(string input, string output) =>
        input == output || input == "*" || output == "*" || input.Split(',').Contains(output) || output.Split(',').Contains(input);
}
