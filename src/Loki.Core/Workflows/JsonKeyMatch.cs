using System.Runtime.InteropServices;
using System.Text.Json;

namespace Loki.Core.Workflows;

/// <summary>
/// Which of a few keys a parsed property is, compared as written (nearly every key: its bytes are its text) and, only
/// when it holds an escape (<c>"\u0069d"</c> is <c>id</c>), as text: the one rule the element views use for the keys they
/// read (a node's, a slot's), as <see cref="JsonKeyScan"/> compares keys as written.
/// </summary>
internal static class JsonKeyMatch
{
    /// <summary>The position of <paramref name="property"/>'s name among <paramref name="names"/> (UTF-8), or -1.</summary>
    public static int IndexOf(JsonProperty property, byte[][] names)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        for (var i = 0; i < names.Length; i++)
        {
            if (raw.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        if (raw.IndexOf((byte)'\\') < 0)
        {
            return -1;
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (property.NameEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
