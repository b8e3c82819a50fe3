namespace Loki.Core.Conversion.UiToApi;

/// <summary>Node types that exist only in the frontend and never reach the backend.</summary>
internal static class VirtualNodes
{
    /// <summary>Core virtual nodes, plus the best-known third-party ones (they pass links through by slot).</summary>
    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "PrimitiveNode", "Reroute", "Note", "MarkdownNote",
        "Reroute (rgthree)", "Fast Groups Muter (rgthree)", "Fast Groups Bypasser (rgthree)", "Fast Muter (rgthree)",
        "Fast Bypasser (rgthree)", "Fast Actions Button (rgthree)", "Bookmark (rgthree)", "Label (rgthree)",
        "Note Plus (mtb)",

        // pysssss Custom Scripts' Preset Text (presetText.js: isVirtualNode, registered as "PresetText|pysssss", saved
        // as "PresetText" by older versions): never sent; a linked one is reported (see PresetTextNodes).
        "PresetText", "PresetText|pysssss",
    };

    /// <summary>True when <paramref name="type"/> never reaches the backend.</summary>
    public static bool Contains(string type) => Types.Contains(type);

    /// <summary>
    /// The class renames the frontend applies when it loads a workflow (<c>app.ts</c> <c>loadGraphData</c>).
    /// </summary>
    public static string Rename(string type) => type switch
    {
        "T2IAdapterLoader" => "ControlNetLoader",
        "ConditioningAverage " => "ConditioningAverage",
        "SDV_img2vid_Conditioning" => "SVD_img2vid_Conditioning",
        _ => type,
    };
}
