using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    // The string options by their text (two strings write the same JSON exactly when they are equal), every other
    // option by its JSON text; made on first use: a list holding a file name is never asked (HasFile), and a dump's
    // file lists are its longest (building their sets was most of what weighing definitions allocated).
    private readonly JsonArray _choices;
    private HashSet<string>? _strings;
    private HashSet<string>? _others;
    private HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private ComboChoices(InputSpec input)
    {
        _choices = input.Choices!;
        foreach (var choice in _choices)
        {
            if (SchemaChoice.LooksLikeFile(Text(choice)))
            {
                HasFile = true;
                break;
            }
        }
    }

    // The option's kind, then its text (ToString is a string's text): no TryGetValue<T>, whose first call per
    // instantiation is a slow run-time look-up in the native CLI (issue 10).
    private static string? Text(JsonNode? choice) => choice is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.ToString() : null;

    private HashSet<string> Strings
    {
        get
        {
            if (_strings is null)
            {
                var strings = new HashSet<string>(_choices.Count, StringComparer.Ordinal);
                var others = new HashSet<string>(StringComparer.Ordinal);
                foreach (var choice in _choices)
                {
                    if (Text(choice) is { } text)
                    {
                        strings.Add(text);
                    }
                    else if (choice is not null)
                    {
                        others.Add(choice.ToJsonString());
                    }
                }

                (_others, _lookup, _strings) = (others, strings.GetAlternateLookup<ReadOnlySpan<char>>(), strings);
            }

            return _strings;
        }
    }

    private HashSet<string> Others
    {
        get
        {
            _ = Strings;
            return _others!;
        }
    }

    /// <summary>True when an option is no string (a number, a literal, a list): only then can a non-string value be held.</summary>
    public bool HasOthers => Others.Count > 0;

    /// <summary>True when an option looks like a file (a list of files says which machine made a dump, not which version).</summary>
    public bool HasFile { get; }

    /// <summary>The facts of <paramref name="input"/>'s options (it has a non-empty <see cref="InputSpec.Choices"/>).</summary>
    public static ComboChoices Of(InputSpec input) => Cache.GetValue(input, static i => new ComboChoices(i));

    /// <summary>True when an option writes the same JSON as <paramref name="value"/> (what comparing <c>ToJsonString</c> texts gave).</summary>
    public bool Holds(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => HoldsString(value),
        JsonValueKind.Object => Others.Contains(JsonObject.Create(value)!.ToJsonString()),
        JsonValueKind.Array => Others.Contains(JsonArray.Create(value)!.ToJsonString()),
        _ => Others.Count > 0 && Others.Contains(JsonValue.Create(value)!.ToJsonString()),
    };

    // A short printable-ASCII string is looked up from its bytes as written (its text, char for char), without making
    // the string; anything else is read as .NET reads it. The raw value holds the quotes: the text is between them.
    private bool HoldsString(JsonElement value)
    {
        var text = JsonMarshal.GetRawUtf8Value(value)[1..^1];
        return IsPlain(text) ? HoldsPlain(text) : Strings.Contains(value.GetString()!);
    }

    /// <summary>
    /// True when an option is the string whose text is <paramref name="text"/>: printable ASCII without a backslash,
    /// as written between its quotes, so its bytes are its characters (a short one is looked up without a string).
    /// </summary>
    public bool HoldsPlain(ReadOnlySpan<byte> text)
    {
        if (text.Length > 256)
        {
            return Strings.Contains(PlainText.String(text));
        }

        Span<char> chars = stackalloc char[text.Length];
        PlainText.Chars(text, chars);

        _ = Strings; // the look-up is made with the set
        return _lookup.Contains(chars);
    }

    /// <summary>True for string text (between its quotes) that <see cref="HoldsPlain"/> can look up: short printable ASCII, no escape.</summary>
    public static bool IsPlain(ReadOnlySpan<byte> text) => text.Length <= 256 && PlainText.Is(text);
}
