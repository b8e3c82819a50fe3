using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Naming;
using Loki.Core.Nodes;
using Loki.Core.Packaging;
using Loki.Core.Python.Emit;

namespace Loki.Core.World;

/// <summary>
/// Reads a library for the World: every node folder with a config layer (<see cref="LibraryNodes.Discover"/>), its
/// name layer for the title, X2Y format and emojis, and its glamour icon when there is one.
/// </summary>
public static class WorldLibraryReader
{
    /// <summary>Where a node's glamour icon lives, relative to its folder (the glamour layer's contract).</summary>
    public const string IconFile = "glamour/icon.png";

    /// <summary>
    /// Reads <paramref name="library"/>. A folder without a config layer is left out with LOKI8001 (the library is
    /// not built); a library with no node at all is LOKI8000. <paramref name="pack"/> gives the registry identity.
    /// </summary>
    public static WorldLibrary? Read(string library, PackMetadata pack, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(library))
        {
            diagnostics.Error(LokiCodes.FileNotFound, "library folder not found", library);
            return null;
        }

        var nodes = ImmutableArray.CreateBuilder<WorldNode>();
        foreach (var folder in LibraryNodes.Discover(library))
        {
            var configPath = folder.ConfigPath();
            if (!File.Exists(configPath))
            {
                diagnostics.Warning(LokiCodes.WorldNodeWithoutConfig, $"node '{folder.Name}' has no config layer and is left out of the World (build the library first)", folder.Directory);
                continue;
            }

            var config = NodeConfigReader.ReadFile(configPath, diagnostics, folder.Name);
            if (config is null)
            {
                continue;
            }

            var namePath = folder.PathOf(NodeLayer.Name);
            var names = File.Exists(namePath) ? NameLayerReader.ReadFile(namePath, diagnostics) : null;
            var icon = Path.Combine(folder.Directory, IconFile);
            nodes.Add(new WorldNode(
                folder.Name,
                NodeNames.ToMappingKey(config.NodeName),
                NodeEmitter.DisplayName(config, names),
                string.IsNullOrWhiteSpace(config.Category) ? "misc" : config.Category.Trim(),
                names?.X2YFormat,
                names?.DisplayEmojis,
                config.Extra["flow"] is JsonObject,
                config,
                File.Exists(icon) ? icon : null));
        }

        if (nodes.Count == 0)
        {
            diagnostics.Error(LokiCodes.WorldEmptyLibrary, "the library has no node with a config layer: there is no World to draw", library);
            return null;
        }

        return new WorldLibrary(nodes.ToImmutable(), pack.Name, pack.Version);
    }
}
