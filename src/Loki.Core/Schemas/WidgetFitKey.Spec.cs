using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text.Json;
using Loki.Core.Conversion.UiToApi;

namespace Loki.Core.Schemas;

/// <summary>One input's spec hashed as far as the weighing reads it: the part of <see cref="WidgetFitKey"/> below an input.</summary>
internal static partial class WidgetFitKey
{
    // The hash of one input's spec, the reader on its first token and left on its last.
    private static ulong SpecHash(ref Utf8JsonReader reader, XxHash3 hash)
    {
        hash.Reset();
        Spec(ref reader, hash);
        return hash.GetCurrentHashAsUInt64();
    }

    // [head, {options}, ...]: a list head as Choices, the options as Options (none when they hold only a tooltip: no
    // options and empty ones read the same), the rest token by token; each item with its place.
    private static void Spec(ref Utf8JsonReader reader, XxHash3 hash)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Value(ref reader, hash);
            return;
        }

        Token(ref reader, hash);
        for (var item = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; item++)
        {
            if (item == 1 && reader.TokenType == JsonTokenType.StartObject && OnlyTooltip(reader))
            {
                reader.Skip();
                continue;
            }

            Add(hash, item);
            if (item == 0 && reader.TokenType == JsonTokenType.StartArray)
            {
                Choices(ref reader, hash);
            }
            else if (item == 1 && reader.TokenType == JsonTokenType.StartObject)
            {
                Options(ref reader, hash);
            }
            else
            {
                Value(ref reader, hash);
            }
        }

        Token(ref reader, hash);
    }

    // True when the options object the reader is on has no member but a tooltip (read on a copy of the reader).
    private static bool OnlyTooltip(Utf8JsonReader probe)
    {
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            if (!probe.ValueTextEquals("tooltip"u8))
            {
                return false;
            }

            probe.Read();
            probe.Skip();
        }

        return true;
    }

    // An input's options, less its tooltip; a V3 combo's option list ("options") as Choices.
    private static void Options(ref Utf8JsonReader reader, XxHash3 hash)
    {
        Token(ref reader, hash);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("tooltip"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            var isList = reader.ValueTextEquals("options"u8);
            Token(ref reader, hash);
            reader.Read();
            if (isList && reader.TokenType == JsonTokenType.StartArray)
            {
                Choices(ref reader, hash);
            }
            else
            {
                Value(ref reader, hash);
            }
        }

        Token(ref reader, hash);
    }

    // A combo's option list: one mark when it never counts (empty, or a string item naming a file), else its tokens.
    private static void Choices(ref Utf8JsonReader reader, XxHash3 hash)
    {
        var probe = reader;
        var depth = probe.CurrentDepth;
        var counts = false;
        while (probe.Read() && probe.CurrentDepth > depth)
        {
            counts = true;
            if (probe.TokenType == JsonTokenType.String && probe.CurrentDepth == depth + 1 && SchemaChoice.LooksLikeFile(probe.GetString()))
            {
                counts = false;
                break;
            }

            probe.Skip();
        }

        if (counts)
        {
            Value(ref reader, hash);
            return;
        }

        Add(hash, 3);
        reader.Skip();
    }

    // A whole value, token by token (its kind and raw bytes; white space never counts).
    private static void Value(ref Utf8JsonReader reader, XxHash3 hash)
    {
        Token(ref reader, hash);
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var depth = reader.CurrentDepth;
            while (reader.Read() && reader.CurrentDepth > depth)
            {
                Token(ref reader, hash);
            }

            Token(ref reader, hash);
        }
    }

    private static void Token(ref Utf8JsonReader reader, XxHash3 hash)
    {
        Add(hash, (int)reader.TokenType | (reader.ValueSpan.Length << 8));
        hash.Append(reader.ValueSpan);
    }

    private static void Add(XxHash3 hash, int value) => hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));
}
