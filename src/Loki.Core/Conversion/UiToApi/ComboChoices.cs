using System.Runtime.CompilerServices;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// What <see cref="SchemaChoice"/> asks of a combo's option list, worked out once per definition's input instead of
/// for every saved value: whether any option looks like a file (then options never count), and the options' JSON texts.
/// A class defined by several dumps has its nodes weighed against each definition, and an option list can hold
/// hundreds of entries: writing each out for every node was most of a conversion with three dumps.
/// </summary>
internal sealed class ComboChoices
{
    private static readonly ConditionalWeakTable<InputSpec, ComboChoices> Cache = [];

    private readonly HashSet<string> _texts;

    private ComboChoices(InputSpec input)
    {
        var choices = input.Choices!;
        _texts = new HashSet<string>(choices.Count, StringComparer.Ordinal);
        foreach (var choice in choices)
        {
            HasFile |= SchemaChoice.LooksLikeFile(JsonRead.String(choice));
            if (choice is not null)
            {
                _texts.Add(choice.ToJsonString());
            }
        }
    }

    /// <summary>True when an option looks like a file (a list of files says which machine made a dump, not which version).</summary>
    public bool HasFile { get; }

    /// <summary>The facts of <paramref name="input"/>'s options (it has a non-empty <see cref="InputSpec.Choices"/>).</summary>
    public static ComboChoices Of(InputSpec input) => Cache.GetValue(input, static i => new ComboChoices(i));

    /// <summary>True when an option is written as <paramref name="json"/> (compared as <c>ToJsonString</c> texts).</summary>
    public bool Holds(string json) => _texts.Contains(json);
}
