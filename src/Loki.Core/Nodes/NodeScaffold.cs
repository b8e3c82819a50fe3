using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Naming;

namespace Loki.Core.Nodes;

/// <summary>
/// Starts a node folder the way LOKI's growth order begins: the folder, the requirements layer, the name layer and a
/// status file, as templates for a person to fill in (authored files: no LOKI header, never rewritten).
/// </summary>
public static class NodeScaffold
{
    /// <summary>
    /// Creates <paramref name="directory"/> and the template layers it lacks. Returns the files written. With
    /// <paramref name="mustBeNew"/>, a folder that already holds anything is an error (LOKI4020).
    /// </summary>
    public static IReadOnlyList<string> Create(string directory, bool mustBeNew, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        var name = Path.GetFileName(full);
        if (!NodeFolderReader.IsValidName(name))
        {
            diagnostics.Error(LokiCodes.BadUsage, $"\"{name}\" is not a node name: use lowercase snake_case (image_levels)", full);
            return [];
        }

        if (mustBeNew && Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
        {
            diagnostics.Error(LokiCodes.NodeLayerExists, "the node folder already exists and is not empty; use 'loki import ... --into' to add a layer", full);
            return [];
        }

        var title = NodeNames.ToTitle(name);
        var templates = new (string File, string Text)[]
        {
            ($"{name}.md", $"# Requirements: {name}\n\n## DESCRIPTION\n\nOne sentence: what {title} does.\n\n## INPUTS\n\n- none yet\n\n## OUTPUTS\n\n- none yet\n\n## BEHAVIOUR\n\nHow it behaves, edge cases, what it must never do.\n"),
            ($"{name}_name.md", $"# Node Name: {name}\n\n## Official Name\n\n{title}\n\n## TOKEN\n\n{NodeNames.ToPascal(name)}\n\n## EMOJI_ICON\n\n🦊\n\n## RECIPE\n\n`_ => _`\n\n## X2Y_FORMAT\n\n`C2C_{name}`\n\n## ALIASES\n\n## TAGS\n\n## METAPHORS\n"),
            ("STATUS.md", $"# Node Status: {name}\n\n## Current Status\n\n- **Started:** folder, requirements and name layers.\n\n## Priority\n\n- **Medium**\n\n## TODO\n\n- [ ] Write the requirements.\n- [ ] Add one functionality layer (script, node or flow).\n"),
        };

        Directory.CreateDirectory(full);
        var written = new List<string>();
        foreach (var (file, text) in templates)
        {
            var path = Path.Combine(full, file);
            if (!File.Exists(path))
            {
                AtomicFile.Write(path, AtomicFile.Utf8.GetBytes(text));
                written.Add(path);
            }
        }

        return written;
    }
}
