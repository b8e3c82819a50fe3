namespace Loki.Core.Config;

/// <summary>The ComfyUI type names LOKI knows how to adapt, and their classification.</summary>
public static class PortTypes
{
    /// <summary>Image batch: <c>[B,H,W,C]</c> float in 0..1; a PNG file in a script.</summary>
    public const string Image = "IMAGE";

    /// <summary>Mask batch: <c>[B,H,W]</c> float in 0..1; a greyscale PNG in a script.</summary>
    public const string Mask = "MASK";

    /// <summary>Audio: <c>{"waveform": [B,C,T], "sample_rate": int}</c>; a WAV file in a script.</summary>
    public const string Audio = "AUDIO";

    /// <summary>Integer widget.</summary>
    public const string Int = "INT";

    /// <summary>Float widget.</summary>
    public const string Float = "FLOAT";

    /// <summary>Text widget.</summary>
    public const string String = "STRING";

    /// <summary>Toggle widget.</summary>
    public const string Boolean = "BOOLEAN";

    /// <summary>A choice among <see cref="PortSpec.Options"/>.</summary>
    public const string Combo = "COMBO";

    /// <summary>ComfyUI's wildcard type (accepts anything).</summary>
    public const string Any = "*";

    /// <summary>True for types exchanged as files by a LOKI Script.</summary>
    public static bool IsFileType(string type) => type is Image or Mask or Audio;

    /// <summary>True for widget (primitive) types.</summary>
    public static bool IsWidgetType(string type) => type is Int or Float or String or Boolean or Combo;

    /// <summary>
    /// Normalises a type as found in the wild (<c>"image"</c>, <c>"int"</c>, <c>"str"</c>, <c>"bool"</c>,
    /// <c>"float"</c>, <c>"text"</c>) to its ComfyUI name; unknown names are upper-cased and kept opaque.
    /// </summary>
    public static string Normalize(string type)
    {
        var t = type.Trim();
        return t.ToLowerInvariant() switch
        {
            "int" or "integer" => Int,
            "float" or "number" or "double" => Float,
            "str" or "string" or "text" => String,
            "bool" or "boolean" => Boolean,
            "combo" or "enum" or "choice" => Combo,
            "image" => Image,
            "mask" => Mask,
            "audio" => Audio,
            "*" or "any" => Any,
            _ => t.ToUpperInvariant(),
        };
    }
}
