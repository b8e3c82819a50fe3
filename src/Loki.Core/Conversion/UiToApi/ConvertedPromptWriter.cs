using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Loki.Core.Text;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Writes a <see cref="ConvertedPrompt"/> as UTF-8, byte for byte what <see cref="CanonicalJson.WriteUtf8(System.Text.Json.Nodes.JsonNode?)"/>
/// writes of <see cref="ConvertedPrompt.ToJsonObject"/>: the same writer settings and the same calls a
/// <see cref="System.Text.Json.Nodes.JsonObject"/> makes (property names, values of the document written from their
/// elements, converter-made values from their nodes), without building the tree.
/// </summary>
internal static class ConvertedPromptWriter
{
    // The fixed names every entry writes, encoded once: the writer then copies them without checking them for escapes.
    private static readonly JsonEncodedText Inputs = JsonEncodedText.Encode("inputs"u8);
    private static readonly JsonEncodedText ClassType = JsonEncodedText.Encode("class_type"u8);
    private static readonly JsonEncodedText Meta = JsonEncodedText.Encode("_meta"u8);
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title"u8);
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("__value__"u8);

    /// <summary>The prompt's file bytes (final newline included).</summary>
    public static byte[] Utf8(ConvertedPrompt prompt) => CanonicalJson.WriteUtf8(prompt, static (writer, p) => Write(writer, p));

    /// <summary>The prompt's file bytes appended to <paramref name="output"/>.</summary>
    public static void Utf8(ConvertedPrompt prompt, IBufferWriter<byte> output) => CanonicalJson.WriteUtf8(prompt, static (writer, p) => Write(writer, p), output);

    /// <summary>Writes the prompt object to <paramref name="writer"/>.</summary>
    public static void Write(Utf8JsonWriter writer, ConvertedPrompt prompt)
    {
        var inputs = prompt.InputSpan;
        var encoder = writer.Options.Encoder;
        writer.WriteStartObject();
        foreach (ref readonly var entry in prompt.EntrySpan)
        {
            writer.WritePropertyName(EncodedNames.Of(entry.Id, encoder));
            writer.WriteStartObject();
            writer.WritePropertyName(Inputs);
            writer.WriteStartObject();
            for (var i = entry.InputStart; i < entry.InputStart + entry.InputCount; i++)
            {
                ref readonly var input = ref inputs[i];
                if (input.Kind != PromptInputKind.Removed)
                {
                    writer.WritePropertyName(EncodedNames.Of(input.Name, encoder));
                    WriteValue(writer, in input);
                }
            }

            writer.WriteEndObject();
            writer.WriteString(ClassType, entry.ClassType);
            writer.WritePropertyName(Meta);
            writer.WriteStartObject();
            writer.WritePropertyName(Title);
            if (entry.Title is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(entry.Title);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    // A number, or a string of printable ASCII without an escape, goes out as the document holds it: the bytes the
    // writer makes of it anyway (a number is written as read; such a string needs no escaping), without checking and
    // escaping it again. Anything else is written by the element, as the tree was.
    private static void WriteElement(Utf8JsonWriter writer, JsonElement element)
    {
        var kind = element.ValueKind;
        if (kind is JsonValueKind.Number or JsonValueKind.String)
        {
            var raw = JsonMarshal.GetRawUtf8Value(element);
            if (kind == JsonValueKind.Number || (raw.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0 && !raw.Contains((byte)'\\')))
            {
                writer.WriteRawValue(raw, skipInputValidation: true);
                return;
            }
        }

        element.WriteTo(writer);
    }

    private static void WriteValue(Utf8JsonWriter writer, in PromptInput input)
    {
        if (input.Kind == PromptInputKind.Link)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(input.Text);
            writer.WriteNumberValue(input.Slot);
            writer.WriteEndArray();
            return;
        }

        var wrapped = input.IsList;
        if (wrapped)
        {
            writer.WriteStartObject();
            writer.WritePropertyName(Value);
        }

        switch (input.Kind)
        {
            case PromptInputKind.Text:
                writer.WriteStringValue(input.Text);
                break;
            case PromptInputKind.Element:
                WriteElement(writer, input.Element);
                break;
            case PromptInputKind.Saved:
                // What WriteElement does for a number, literal or plain string, from the file's bytes.
                writer.WriteRawValue(input.SavedRaw, skipInputValidation: true);
                break;
            default:
                if (input.Node is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    input.Node.WriteTo(writer, CanonicalJson.Indented);
                }

                break;
        }

        if (wrapped)
        {
            writer.WriteEndObject();
        }
    }
}
