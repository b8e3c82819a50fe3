using System.Collections.Immutable;

namespace Loki.Core.Flows;

/// <summary>One node of a flow in API form, with what the UI recorded about it that the API form loses.</summary>
/// <param name="Id">The node id in the API prompt.</param>
/// <param name="ClassType">The node class (<c>KSampler</c>, <c>LokiImageBlur</c>).</param>
/// <param name="Title">The title shown in the UI (<c>_meta.title</c>), or null.</param>
/// <param name="Inputs">Inputs in prompt order.</param>
/// <param name="Controls">For inputs with a <c>control_after_generate</c> widget, its mode as saved in the UI
/// (<c>fixed</c>, <c>increment</c>, <c>decrement</c>, <c>randomize</c>), keyed by input name.</param>
public sealed record FlowNode(
    string Id,
    string ClassType,
    string? Title,
    ImmutableArray<FlowInput> Inputs,
    ImmutableDictionary<string, string> Controls)
{
    /// <summary>The input named <paramref name="name"/>, or null.</summary>
    public FlowInput? Input(string name)
    {
        foreach (var input in Inputs)
        {
            if (input.Name == name)
            {
                return input;
            }
        }

        return null;
    }
}
