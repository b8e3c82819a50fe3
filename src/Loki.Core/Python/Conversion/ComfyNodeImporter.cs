using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Naming;
using Loki.Core.Python.Comfy;
using Loki.Core.Python.Emit;
using Loki.Core.Python.Environment;

namespace Loki.Core.Python.Conversion;

/// <summary>
/// ComfyUI node → LOKI Script + LOKI Node (<c>loki import-node PACK:Class --into nodes/&lt;n&gt;</c>): the node's
/// interface is read statically; the script runs the original node with ComfyUI on the path.
/// </summary>
public static class ComfyNodeImporter
{
    /// <summary>Plans <c>&lt;n&gt;.json</c>, <c>&lt;n&gt;.py</c>, <c>&lt;n&gt;_node.py</c> and <c>__init__.py</c> for node <paramref name="classType"/> of <paramref name="packPath"/>.</summary>
    public static async Task<IReadOnlyList<GeneratedFile>> PlanAsync(
        PythonInterpreter python, string packPath, string classType, string nodeFolder, string? comfyuiRoot,
        DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(nodeFolder);
        var nodeName = NodeFolders.NodeName(folder);
        var pack = await ComfyNodeExtractor.ExtractAsync(python, packPath, comfyuiRoot, cancellationToken).ConfigureAwait(false);
        var node = pack.Find(classType);
        if (node is null)
        {
            diagnostics.AddRange(pack.Diagnostics);
            var known = pack.Nodes.Length == 0
                ? "it registers no node that can be read statically" + (pack.Diagnostics.FirstOrDefault() is { } first ? $" (first problem: {first})" : string.Empty)
                : "it registers: " + string.Join(", ", pack.Nodes.Take(40).Select(n => n.ClassType));
            throw new LokiException(new LokiDiagnostic(LokiCodes.ComfyNodeNotFound, DiagnosticSeverity.Error, $"no node '{classType}' in the pack; {known}", pack.Directory));
        }

        var isCore = File.Exists(Path.Combine(pack.Directory, "nodes.py")) && Directory.Exists(Path.Combine(pack.Directory, "comfy_extras"));
        var packName = isCore ? "comfyui" : Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(pack.Directory));
        var sourceFile = Path.Combine(File.Exists(pack.Directory) ? Path.GetDirectoryName(pack.Directory)! : pack.Directory, node.File);
        var sourceRel = packName + "/" + node.File;
        var sha = Regeneration.Sha256Hex.OfFile(sourceFile);
        var config = ObjectInfoConverter.ToConfig(node, nodeName, packName, sourceFile, diagnostics);
        return Files(config, new ComfyNodeBody(classType, packName), sourceRel, sha, NameLayerIn(folder, nodeName, diagnostics));
    }

    internal static List<GeneratedFile> Files(NodeConfig config, ScriptBody body, string sourceRel, string sha, NameLayer? names)
    {
        var n = config.NodeName;
        var configSource = n + ".json";
        var configText = NodeConfigWriter.Write(config);
        // The node and __init__ derive from the config; its file text (with header) is their source.
        var configSha = Regeneration.Sha256Hex.Of(new GeneratedFile(configSource, configText, GeneratedFileKind.JsonHeader, sourceRel, sha).Text);
        return
        [
            new GeneratedFile(configSource, configText, GeneratedFileKind.JsonHeader, sourceRel, sha),
            new GeneratedFile(n + ".py", ScriptEmitter.Emit(config, body), GeneratedFileKind.CommentHeader, sourceRel, sha),
            new GeneratedFile(n + "_node.py", NodeEmitter.EmitNode(config), GeneratedFileKind.CommentHeader, configSource, configSha),
            new GeneratedFile("__init__.py", NodeEmitter.EmitInit(config, names), GeneratedFileKind.CommentHeader, configSource, configSha),
        ];
    }

    internal static NameLayer? NameLayerIn(string folder, string nodeName, DiagnosticBag diagnostics)
    {
        var path = Path.Combine(folder, nodeName + "_name.md");
        return File.Exists(path) ? NameLayerReader.ReadFile(path, diagnostics) : null;
    }
}
