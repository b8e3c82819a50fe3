using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Analysis;
using Loki.Core.Python.Comfy;
using Loki.Core.Python.Emit;
using Loki.Core.Python.Environment;

namespace Loki.Core.Python.Conversion;

/// <summary>
/// Conversions inside one node folder: LOKI Script → LOKI Node (from <c>&lt;n&gt;.json</c>, or the script's
/// <c>run</c> signature when there is no config) and LOKI Node → LOKI Script (for hand-written nodes, read statically).
/// </summary>
public static class NodeLayerConverter
{
    /// <summary>Plans <c>&lt;n&gt;_node.py</c> and <c>__init__.py</c> (and <c>&lt;n&gt;.json</c> when it is missing).</summary>
    public static async Task<IReadOnlyList<GeneratedFile>> ScriptToNodeAsync(PythonInterpreter python, string nodeFolder, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(nodeFolder);
        var n = NodeFolders.NodeName(folder);
        var configPath = Path.Combine(folder, n + ".json");
        var scriptPath = Path.Combine(folder, n + ".py");
        var files = new List<GeneratedFile>();
        NodeConfig config;
        string configText;
        if (File.Exists(configPath))
        {
            configText = File.ReadAllText(configPath);
            config = NodeConfigReader.Parse(configText, configPath, diagnostics, n)
                ?? throw new LokiException(diagnostics.Items.Last(d => d.IsError));
        }
        else if (File.Exists(scriptPath))
        {
            var fn = await StaticPythonReader.ReadFunctionAsync(python, scriptPath, "run", cancellationToken).ConfigureAwait(false);
            var sha = Regeneration.Sha256Hex.OfFile(scriptPath);
            config = FunctionWrapper.BuildConfig(n, fn, n + ".py", sha, scriptPath, diagnostics);
            configText = NodeConfigWriter.Write(config);
            files.Add(new GeneratedFile(n + ".json", configText, GeneratedFileKind.JsonHeader, n + ".py", sha));
            configText = files[^1].Text;
        }
        else
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.NodeLayerMissing, DiagnosticSeverity.Error, $"neither {n}.json nor {n}.py is here; a LOKI Node is generated from one of them", folder));
        }

        if (!File.Exists(scriptPath))
        {
            diagnostics.Warning(LokiCodes.NodeLayerMissing, $"{n}.py is missing: the generated node imports it", folder);
        }

        var configSha = Regeneration.Sha256Hex.Of(configText);
        var names = ComfyNodeImporter.NameLayerIn(folder, n, diagnostics);
        files.Add(new GeneratedFile(n + "_node.py", NodeEmitter.EmitNode(config), GeneratedFileKind.CommentHeader, n + ".json", configSha));
        files.Add(new GeneratedFile("__init__.py", NodeEmitter.EmitInit(config, names), GeneratedFileKind.CommentHeader, n + ".json", configSha));
        return files;
    }

    /// <summary>Plans <c>&lt;n&gt;.py</c> (and <c>&lt;n&gt;.json</c> when missing) that run the folder's hand-written LOKI Node.</summary>
    public static async Task<IReadOnlyList<GeneratedFile>> NodeToScriptAsync(PythonInterpreter python, string nodeFolder, DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(nodeFolder);
        var n = NodeFolders.NodeName(folder);
        var nodePath = Path.Combine(folder, n + "_node.py");
        if (!File.Exists(nodePath))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.NodeLayerMissing, DiagnosticSeverity.Error, $"{n}_node.py is not here", folder));
        }

        // With an __init__.py the folder is read as ComfyUI would load it (mappings are often declared there).
        var target = File.Exists(Path.Combine(folder, "__init__.py")) ? folder : nodePath;
        var pack = await ComfyNodeExtractor.ExtractAsync(python, target, null, cancellationToken).ConfigureAwait(false);
        var candidates = pack.Nodes.Where(x => x.File == n + "_node.py").ToList();
        if (candidates.Count == 0)
        {
            diagnostics.AddRange(pack.Diagnostics);
            throw new LokiException(new LokiDiagnostic(LokiCodes.NodeClassUnreadable, DiagnosticSeverity.Error, "no node class registered from this file could be read statically", nodePath));
        }

        var node = candidates.FirstOrDefault(x => x.ClassType == Naming.NodeNames.ToMappingKey(n)) ?? candidates[0];
        var sha = Regeneration.Sha256Hex.OfFile(nodePath);
        var config = ObjectInfoConverter.ToConfig(node, n, "loki", nodePath, diagnostics);
        var category = config.Category is { } c && c.StartsWith("LOKI 🦊", StringComparison.Ordinal) ? c["LOKI 🦊".Length..].TrimStart('/') : config.Category;
        config = config with
        {
            Comfy = null,
            Category = string.IsNullOrEmpty(category) ? null : category,
            Extra = [],
        };
        var files = new List<GeneratedFile>();
        if (!File.Exists(Path.Combine(folder, n + ".json")))
        {
            files.Add(new GeneratedFile(n + ".json", NodeConfigWriter.Write(config), GeneratedFileKind.JsonHeader, n + "_node.py", sha));
        }

        files.Add(new GeneratedFile(n + ".py", ScriptEmitter.Emit(config, new LokiNodeBody(node.ClassType)), GeneratedFileKind.CommentHeader, n + "_node.py", sha));
        return files;
    }
}
