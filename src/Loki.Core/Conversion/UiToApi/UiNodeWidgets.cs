using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Widget values of a node whose class has no schema, recovered from what the UI node itself records: frontends
/// since 1.16 give every widget a socket (<c>inputs[i].widget.name</c>) in widget order, so the names line up with
/// <c>widgets_values</c> once control values (<c>"fixed"</c>, <c>"randomize"</c>, ...) after seeds are skipped.
/// </summary>
internal static class UiNodeWidgets
{
    private static readonly HashSet<string> ControlModes = new(StringComparer.Ordinal) { "fixed", "increment", "decrement", "randomize" };

    /// <summary>The named values, or null when the node does not record enough to name every value.</summary>
    public static List<PromptInput>? TryMap(UiNode node)
    {
        if (node.NamedWidgetValues is { } named)
        {
            return named.Select(p => PromptInput.Value(p.Key, JsonCopy.Of(p.Value))).ToList();
        }

        var values = node.WidgetValues;
        var sockets = node.Inputs.Where(i => i.WidgetName is not null).Select(i => i.WidgetName!).ToList();
        if (values is null || values.Count == 0)
        {
            return sockets.Count == 0 ? [] : null;
        }

        var result = new List<PromptInput>();
        var at = 0;
        foreach (var name in sockets)
        {
            if (at >= values.Count)
            {
                return null;
            }

            result.Add(PromptInput.Value(name, JsonCopy.Of(values[at])));
            at++;
            if (at < values.Count && IsControl(values[at]) && values[at - 1]?.GetValueKind() == JsonValueKind.Number)
            {
                at++;
            }
        }

        // Values nobody can name (a widget without a socket) make the mapping a guess: refuse it.
        return at == values.Count ? result : null;
    }

    private static bool IsControl(JsonNode? value) => JsonRead.String(value) is { } s && ControlModes.Contains(s);
}
