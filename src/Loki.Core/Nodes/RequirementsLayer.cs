namespace Loki.Core.Nodes;

/// <summary>Reads the requirements layer <c>&lt;n&gt;.md</c>, the node's source of truth written by a person.</summary>
public static class RequirementsLayer
{
    /// <summary>
    /// The one-sentence DESCRIPTION: the first paragraph under a <c>## DESCRIPTION</c> heading, or null when the file
    /// or the heading is missing (or still holds the <c>loki new</c> placeholder).
    /// </summary>
    public static string? Description(NodeFolder folder)
    {
        var path = Path.Combine(folder.Directory, folder.Name + ".md");
        if (!File.Exists(path))
        {
            return null;
        }

        var lines = File.ReadAllLines(path);
        var start = Array.FindIndex(lines, l => l.TrimStart('#', ' ').Trim().Equals("DESCRIPTION", StringComparison.OrdinalIgnoreCase) && l.StartsWith('#'));
        if (start < 0)
        {
            return null;
        }

        var paragraph = lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#'));
        var text = string.Join(" ", paragraph.Select(l => l.Trim()));
        return text.Length == 0 || text.StartsWith("One sentence:", StringComparison.Ordinal) ? null : text;
    }
}
