using System.Text.RegularExpressions;

namespace Loki.Core.Composition;

/// <summary>
/// What a composite script's flow depends on outside its own folder: the config layers of the nodes it binds with
/// <c>compose.node("name", __file__)</c>. Their interfaces, defaults and versions shape the flow (its nodes,
/// widgets, links) and its proof, so the incremental build counts them in the composite's fingerprint and regrows
/// the flow when a called node changes. Read with a regular expression, not Python: the fingerprint is computed
/// for every node of every build and must stay cheap; a name the static reader would refuse only costs a rebuild.
/// </summary>
public static partial class CompositeDependencies
{
    /// <summary>The node names <paramref name="scriptText"/> binds, in order of first appearance, without repeats.</summary>
    public static IReadOnlyList<string> CalledNodes(string scriptText) =>
        CompositeScriptReader.MayBeComposite(scriptText)
            ? [.. NodeBinding().Matches(scriptText).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// The config file of every node the LOKI Script of the node folder <paramref name="nodeDirectory"/> binds, as
    /// the build finds it (a sibling folder of the same library), whether or not it exists yet (a node added later
    /// turns a refusal into a flow). Empty for a folder without a script or a script that binds no node.
    /// </summary>
    public static IReadOnlyList<string> ConfigFiles(string nodeDirectory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(nodeDirectory));
        var script = Path.Combine(full, Path.GetFileName(full) + ".py");
        if (!File.Exists(script) || Path.GetDirectoryName(full) is not { } library)
        {
            return [];
        }

        return [.. CalledNodes(File.ReadAllText(script)).Select(n => Path.Combine(library, n, n + ".json"))];
    }

    [GeneratedRegex("""compose\.node\(\s*(?<q>["'])(?<name>[A-Za-z0-9_.-]+)\k<q>""")]
    private static partial Regex NodeBinding();
}
