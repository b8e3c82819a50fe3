using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Naming;

namespace Loki.Core.Regeneration.Generators;

/// <summary>
/// The LOKI nodes of its library a flow file uses, read from the files as they are now: what a conversion of the
/// flow depends on besides its own bytes. A node's own config, or any config the flow does not use, is no part of
/// it, so the build writing those (in parallel, or the flow node's own config from the flow) leaves a flow's
/// conversion valid, while a changed config of a node the flow uses makes a new key.
/// </summary>
public sealed record FlowDependencies(string Key, ImmutableArray<NodeConfig> Configs)
{
    // Config files parsed once per content state (path, size, time): a library of 1,000 nodes is listed, not re-read.
    private const int MaxParsed = 65536;
    private static readonly ConcurrentDictionary<string, (long Ticks, Dictionary<string, string> Folders)> Siblings = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (long Length, long Ticks, NodeConfig? Config)> Parsed = new(StringComparer.Ordinal);

    /// <summary>The dependencies of <paramref name="flowBytes"/> (the file at <paramref name="flowPath"/>) in the libraries at <paramref name="roots"/>.</summary>
    internal static FlowDependencies Of(string flowPath, byte[] flowBytes, IEnumerable<string> roots)
    {
        var used = UsedClasses(flowBytes);
        var key = new StringBuilder();
        var configs = ImmutableArray.CreateBuilder<NodeConfig>();
        foreach (var (file, length, ticks, config) in LibraryConfigs(roots))
        {
            // A config that does not read is skipped by the flow's environment too; its state stays in the key so a
            // fix is seen. A flow whose classes are unknown (a PNG) depends on every config.
            var classKey = config is null ? null : NodeNames.ToMappingKey(config.NodeName);
            if (used is not null && (classKey is null || !used.Contains(classKey)))
            {
                continue;
            }

            key.Append(file).Append('|').Append(length).Append('|').Append(ticks).Append('\n');
            if (config is not null)
            {
                configs.Add(config);
            }
        }

        return new FlowDependencies(key.ToString(), configs.ToImmutable());
    }

    /// <summary>
    /// The config files of the library nodes the flow of the node folder <paramref name="nodeDirectory"/> uses, found
    /// as the build finds its nodes (sibling folders, by name), whether or not they exist yet; empty without a flow.
    /// For the incremental build's fingerprint: a node whose flow uses a changed node is converted again.
    /// </summary>
    public static IReadOnlyList<string> ConfigFiles(string nodeDirectory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(nodeDirectory));
        var flow = Path.Combine(full, Path.GetFileName(full) + "_workflow.json");
        if (!File.Exists(flow) || Path.GetDirectoryName(full) is not { } library || UsedClasses(File.ReadAllBytes(flow)) is not { } used)
        {
            return [];
        }

        var folders = SiblingsByClass(library);
        return [.. used.Order(StringComparer.Ordinal).Select(folders.GetValueOrDefault).OfType<string>().Select(f => Path.Combine(f, Path.GetFileName(f) + ".json"))];
    }

    // Class name → node folder for the folders of a library, listed again only when the folder list changes.
    private static Dictionary<string, string> SiblingsByClass(string library)
    {
        var stamp = Directory.GetLastWriteTimeUtc(library).Ticks;
        if (Siblings.TryGetValue(library, out var known) && known.Ticks == stamp)
        {
            return known.Folders;
        }

        var folders = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in Directory.GetDirectories(library).Order(StringComparer.Ordinal))
        {
            folders.TryAdd(NodeNames.ToMappingKey(Path.GetFileName(folder)), folder);
        }

        Siblings[library] = (stamp, folders);
        return folders;
    }

    /// <summary>Every class name a JSON flow names (<c>type</c>, <c>class_type</c>, at any depth); null when the file is not JSON.</summary>
    private static HashSet<string>? UsedClasses(byte[] bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var used = new HashSet<string>(StringComparer.Ordinal);
            var typeProperty = false;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    typeProperty = reader.ValueTextEquals("type"u8) || reader.ValueTextEquals("class_type"u8);
                }
                else
                {
                    if (typeProperty && reader.TokenType == JsonTokenType.String && reader.GetString() is { } type)
                    {
                        used.Add(type);
                    }

                    typeProperty = false;
                }
            }

            return used;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // What FlowLibrary.Read reads, in its order, each config parsed only when its file changed.
    private static IEnumerable<(string File, long Length, long Ticks, NodeConfig? Config)> LibraryConfigs(IEnumerable<string> roots)
    {
        if (Parsed.Count > MaxParsed)
        {
            Parsed.Clear();
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in roots.SelectMany(FlowLibrary.NodeFolders))
        {
            var info = new FileInfo(Path.Combine(folder, Path.GetFileName(folder) + ".json"));
            if (!info.Exists || !seen.Add(info.FullName))
            {
                continue;
            }

            var (length, ticks) = (info.Length, info.LastWriteTimeUtc.Ticks);
            if (!Parsed.TryGetValue(info.FullName, out var entry) || entry.Length != length || entry.Ticks != ticks)
            {
                var bag = new DiagnosticBag();
                var config = NodeConfigReader.ReadFile(info.FullName, bag, Path.GetFileName(folder));
                entry = (length, ticks, bag.HasErrors ? null : config);
                Parsed[info.FullName] = entry;
            }

            yield return (info.FullName, length, ticks, entry.Config);
        }
    }
}
