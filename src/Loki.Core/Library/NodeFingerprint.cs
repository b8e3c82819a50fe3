using System.Text;
using Loki.Core.Composition;
using Loki.Core.Nodes;
using Loki.Core.Regeneration;
using Loki.Core.Regeneration.Generators;

namespace Loki.Core.Library;

/// <summary>
/// A hash of everything regeneration of one node reads: the names and contents of the folder's top-level files,
/// the config layers of the nodes a composite script calls (<see cref="CompositeDependencies"/>: its flow is made
/// of them), those of the nodes its flow uses (<see cref="FlowDependencies"/>) and the identity of this build of LOKI (so an upgraded converter regenerates every node once).
/// </summary>
public static class NodeFingerprint
{
    /// <summary>The identity of the converters in this build of LOKI (the core assembly's module version id).</summary>
    public static string ToolIdentity { get; } = typeof(NodeRegenerator).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    /// <summary>Computes the fingerprint of the node folder <paramref name="directory"/>; empty when it does not exist.</summary>
    public static string Compute(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(ToolIdentity).Append('\n');
        foreach (var file in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (NodeFolderReader.IsTemporary(name))
            {
                continue;
            }

            sb.Append(name).Append(' ').Append(Sha256Hex.OfFile(file)).Append('\n');
        }

        // Folder layers count by presence (a new glamour/ folder changes the report, not the conversions).
        foreach (var dir in Directory.EnumerateDirectories(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            sb.Append(dir).Append("/\n");
        }

        foreach (var config in CompositeDependencies.ConfigFiles(directory))
        {
            sb.Append("calls ").Append(Path.GetFileName(config)).Append(' ').Append(File.Exists(config) ? Sha256Hex.OfFile(config) : "missing").Append('\n');
        }

        foreach (var config in FlowDependencies.ConfigFiles(directory))
        {
            sb.Append("uses ").Append(Path.GetFileName(config)).Append(' ').Append(File.Exists(config) ? Sha256Hex.OfFile(config) : "missing").Append('\n');
        }

        return Sha256Hex.Of(sb.ToString());
    }
}
