using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Naming;
using Loki.Core.Packaging.Flows;
using Loki.Core.Workflows.Layout;

namespace Loki.Core.Glamours;

/// <summary>Reads what a node's default glamour is drawn from (<see cref="GlamourSubject"/>) out of a <see cref="GlamourLibrary"/>.</summary>
public static class GlamourSubjectReader
{
    /// <summary>The subject of <paramref name="node"/>; a composite flow gets its <see cref="FlowComposition"/>.</summary>
    public static GlamourSubject Read(GlamourLibrary library, string node)
    {
        var entry = library.Nodes[node];
        var name = entry.Name ?? NameLayer.Empty;
        var config = entry.Config;
        var emoji = FirstEmoji(name.EmojiIcon) ?? FirstEmoji(name.DisplayEmojis) ?? GlamourSubject.DefaultEmoji;
        return new GlamourSubject(
            node,
            name.OfficialName ?? NodeNames.ToTitle(node),
            emoji,
            name.Token,
            name.Recipe,
            name.X2YFormat,
            name.Metaphors.IsDefaultOrEmpty ? null : name.Metaphors[0],
            config?.Category,
            GlamourPalette.ForCategory(config?.Category),
            config?.Inputs ?? [],
            config?.Outputs ?? [],
            library.IsComposite(node) ? Compose(library, library.FlowOf(node)!) : null);
    }

    private static FlowComposition Compose(GlamourLibrary library, JsonObject flow)
    {
        // The project's layout at the frontend's sizes, so the composition is the graph the editor would show.
        var ui = (JsonObject)flow.DeepClone();
        WorkflowLayout.Fit(ui, library.Schemas);
        var sketch = FlowSketch.From(ui, n => n["title"]?.ToString() ?? library.DisplayNameOf(n["type"]?.ToString() ?? string.Empty))!;
        var used = sketch.Nodes.Select(n => n.Type).Where(library.ClassToNode.ContainsKey).Distinct()
            .ToImmutableSortedDictionary(t => t, t => library.ClassToNode[t], StringComparer.Ordinal);
        return new FlowComposition(sketch, used);
    }

    // The name layer's emoji field may hold a phrase; the first text element that is not a letter is the icon.
    private static string? FirstEmoji(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var e = System.Globalization.StringInfo.GetTextElementEnumerator(text.Trim().Trim('`'));
        while (e.MoveNext())
        {
            var element = (string)e.Current;
            if (!char.IsLetterOrDigit(element[0]) && !char.IsWhiteSpace(element[0]) && !char.IsPunctuation(element[0]))
            {
                return element;
            }
        }

        return null;
    }
}
