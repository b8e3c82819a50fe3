namespace Loki.Core.Flows.Interface;

/// <summary>The loader nodes that read a file a flow can take as an input (a script passes a path, a node a tensor).</summary>
public static class FileLoaders
{
    private static readonly Dictionary<string, string> FileInputs = new(StringComparer.Ordinal)
    {
        ["LoadImage"] = "image",
        ["LoadImageMask"] = "image",
        ["LoadImageOutput"] = "image",
        ["LoadAudio"] = "audio",
        ["LoadVideo"] = "file",
    };

    /// <summary>The input of <paramref name="node"/> that names its file, or null when it is no file loader.</summary>
    public static string? FileInput(FlowNode node) => FileInputs.GetValueOrDefault(node.ClassType);

    /// <summary>True for a file loader class.</summary>
    public static bool IsLoader(string classType) => FileInputs.ContainsKey(classType);
}
