using System.Runtime.InteropServices;
using System.Text.Json;

namespace Loki.Core.Schemas;

/// <summary>
/// Whether two parsed definitions would write out the same JSON text (<see cref="System.Text.Json.Nodes.JsonNode.ToJsonString"/>
/// of their trees), decided on the elements without writing either (issue 10: ranking asks it of every candidate pair).
/// </summary>
/// <remarks>
/// The writer's text is a function of the tree that loses nothing but white space and escapes: keys in order, strings by
/// their unescaped value (the writer escapes one value one way), numbers and literals as written. So two trees write
/// the same text exactly when they match in that order, with those values. That holds for trees with distinct keys in
/// every object, which is all <see cref="NodeSchemaReader"/> reads (a key written twice keeps one value in the tree).
/// </remarks>
internal static class JsonElementEquality
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> (objects with distinct keys throughout) write the same text.</summary>
    public static bool Same(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = a.EnumerateObject();
                var right = b.EnumerateObject();
                while (true)
                {
                    var (moreLeft, moreRight) = (left.MoveNext(), right.MoveNext());
                    if (moreLeft != moreRight)
                    {
                        return false;
                    }

                    if (!moreLeft)
                    {
                        return true;
                    }

                    if (!SameName(left.Current, right.Current) || !Same(left.Current.Value, right.Current.Value))
                    {
                        return false;
                    }
                }

            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return false;
                }

                var items = b.EnumerateArray();
                foreach (var item in a.EnumerateArray())
                {
                    items.MoveNext();
                    if (!Same(item, items.Current))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.String:
                var textA = JsonMarshal.GetRawUtf8Value(a);
                var textB = JsonMarshal.GetRawUtf8Value(b);
                return textA.SequenceEqual(textB) || (HasEscape(textA, textB) && a.GetString() == b.GetString());
            case JsonValueKind.Number:
                return JsonMarshal.GetRawUtf8Value(a).SequenceEqual(JsonMarshal.GetRawUtf8Value(b));
            default:
                return true;
        }
    }

    // The bytes as written are the value unless an escape is in them (then the unescaped values decide).
    private static bool SameName(JsonProperty a, JsonProperty b)
    {
        var nameA = JsonMarshal.GetRawUtf8PropertyName(a);
        var nameB = JsonMarshal.GetRawUtf8PropertyName(b);
        return nameA.SequenceEqual(nameB) || (HasEscape(nameA, nameB) && a.Name == b.Name);
    }

    private static bool HasEscape(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => a.Contains((byte)'\\') || b.Contains((byte)'\\');
}
