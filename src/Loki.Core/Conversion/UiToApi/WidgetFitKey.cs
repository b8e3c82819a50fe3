using System.IO.Hashing;
using System.Runtime.InteropServices;
using Loki.Core.Schemas;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Everything <see cref="SchemaChoice"/> reads of a definition when it weighs a node's saved widgets against it, as one
/// 64-bit hash: each input's name, whether it has a widget and of which type, a combo's options (unless the list is
/// empty or names files: then they never count), and the widget layout (each position's kind and input). Two definitions
/// of one class with the same key fit every node equally, so of two such candidates the lower-ranked is never chosen
/// (issue 10: a cached dump keeps the key of each definition that differs from the shipped catalogue's, and a run does
/// not read or parse one that the catalogue's, ranked above it, weighs the same as).
/// </summary>
/// <remarks>
/// Finer than the weighing is safe (a key that differs only means both are weighed, as before); coarser is not: what
/// SchemaChoice comes to read of a definition must be hashed here too (<c>WidgetFitKeyTests</c> weighs every pair of
/// one class's corpus definitions that share a key against every corpus node and against made-up values). A key of
/// another build that hashed other facts differs from this build's, so a stale cached key only costs a skip.
/// </remarks>
internal static class WidgetFitKey
{
    // Names this way of hashing: change it with what is hashed.
    private const string Salt = "widget-fit-1";

    /// <summary>The key of <paramref name="schema"/>; never 0 (which stands for "no key").</summary>
    public static ulong Of(NodeSchema schema)
    {
        var hash = new XxHash3();
        Add(hash, Salt);
        var inputs = schema.Inputs;
        Add(hash, inputs.Count);
        foreach (var input in inputs)
        {
            Add(hash, input.Name);
            Add(hash, input.HasWidget ? 1 : 0);
            Add(hash, input.WidgetType);
            // Options count only in a combo whose list is not empty and names no file (SchemaChoice.OutsideOptions: a
            // list of files says which machine made the dump, not which version); such a list is hashed as its JSON,
            // which holds everything its sets are made of.
            if (input.WidgetType == "COMBO" && input.Choices is { Count: > 0 } choices && !ComboChoices.Of(input).HasFile)
            {
                Add(hash, 1);
                Add(hash, choices.ToJsonString());
            }
            else
            {
                Add(hash, 0);
            }
        }

        var layout = WidgetLayout.For(schema);
        Add(hash, layout.Count);
        foreach (var slot in layout)
        {
            Add(hash, (int)slot.Kind);
            Add(hash, slot.Input is null ? -1 : IndexOf(inputs, slot.Input));
        }

        var key = hash.GetCurrentHashAsUInt64();
        return key == 0 ? 1 : key;
    }

    private static int IndexOf(IReadOnlyList<InputSpec> inputs, InputSpec input)
    {
        for (var i = 0; i < inputs.Count; i++)
        {
            if (ReferenceEquals(inputs[i], input))
            {
                return i;
            }
        }

        return -2;
    }

    private static void Add(XxHash3 hash, int value) => hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));

    private static void Add(XxHash3 hash, string text)
    {
        Add(hash, text.Length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
