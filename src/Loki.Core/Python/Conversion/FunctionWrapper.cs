using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Python.Analysis;
using Loki.Core.Python.Emit;
using Loki.Core.Python.Environment;

namespace Loki.Core.Python.Conversion;

/// <summary>
/// Python function → LOKI Script (<c>loki wrap module.py:function --into nodes/&lt;n&gt;</c>): reads the function
/// statically, copies its code under the node's <c>src/</c> when it lives elsewhere, and produces <c>&lt;n&gt;.py</c>,
/// <c>&lt;n&gt;.json</c> and <c>requirements.txt</c>.
/// </summary>
public static class FunctionWrapper
{
    /// <summary>Plans the files of a wrap; nothing is written (see <see cref="GeneratedFileWriter"/>).</summary>
    /// <param name="python">Any Python 3.10+.</param>
    /// <param name="modulePath">The module file defining the function.</param>
    /// <param name="function">The function (<c>blur</c>, or <c>Class.method</c> for a static method).</param>
    /// <param name="nodeFolder">The node folder, <c>nodes/&lt;n&gt;</c>; its name is the node name.</param>
    /// <param name="repository">Optional: a whole folder (a third-party repository) to keep under <c>src/</c>; the module must lie in it.</param>
    /// <param name="diagnostics">Warnings (untyped parameters, unknown distributions).</param>
    /// <param name="cancellationToken">Cancels the helper calls.</param>
    public static async Task<IReadOnlyList<GeneratedFile>> PlanAsync(
        PythonInterpreter python, string modulePath, string function, string nodeFolder, string? repository,
        DiagnosticBag diagnostics, CancellationToken cancellationToken = default)
    {
        var module = Path.GetFullPath(modulePath);
        var folder = Path.GetFullPath(nodeFolder);
        var nodeName = NodeFolders.NodeName(folder);
        if (!File.Exists(module))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "module not found", module));
        }

        var fn = await StaticPythonReader.ReadFunctionAsync(python, module, function, cancellationToken).ConfigureAwait(false);
        var files = new List<GeneratedFile>();
        var placement = CodePlacement.Plan(module, folder, repository is null ? null : Path.GetFullPath(repository), files);
        var sha = Regeneration.Sha256Hex.OfFile(module);
        var sourceRel = placement.SourceInNodeFolder;
        var config = BuildConfig(nodeName, fn, sourceRel, sha, module, diagnostics);
        var body = new FunctionCallBody(
            placement.ImportRoot,
            placement.ModuleName,
            function,
            fn.Parameters.Where(p => p.Kind is "positional" or "keyword_only")
                .Select(p => new CallArgument(p.Name, p.PositionalOnly)).ToImmutableArray(),
            fn.IsAsync,
            fn.Parameters.Where(p => p.Type?.Pil == true && p.Kind is "positional" or "keyword_only").Select(p => p.Name).ToImmutableArray());
        files.Add(new GeneratedFile(nodeName + ".json", NodeConfigWriter.Write(config), GeneratedFileKind.JsonHeader, sourceRel, sha));
        files.Add(new GeneratedFile(nodeName + ".py", ScriptEmitter.Emit(config, body), GeneratedFileKind.CommentHeader, sourceRel, sha));
        var scanned = await StaticPythonReader.ScanImportsAsync(python, placement.ScanPath, cancellationToken).ConfigureAwait(false);
        files.Add(Requirements.File(scanned, sourceRel, sha, module, diagnostics));
        return files;
    }

    /// <summary>The interface of a function: one input per parameter, outputs from the return annotation.</summary>
    public static NodeConfig BuildConfig(string nodeName, PythonFunction fn, string sourceRel, string sha, string file, DiagnosticBag diagnostics)
    {
        var inputs = ImmutableArray.CreateBuilder<PortSpec>();
        foreach (var p in fn.Parameters)
        {
            if (p.Kind is "var_positional" or "var_keyword")
            {
                diagnostics.Warning(LokiCodes.ParameterSkipped, $"{fn.Name}: {(p.Kind == "var_positional" ? "*" : "**")}{p.Name} cannot be an input and is left out", file, line: fn.Line);
                continue;
            }

            inputs.Add(Input(fn, p, file, diagnostics));
        }

        return new NodeConfig
        {
            NodeName = nodeName,
            Description = fn.Summary.Length > 0 ? fn.Summary : $"Runs {fn.QualifiedName}.",
            Inputs = inputs.ToImmutable(),
            Outputs = Outputs(fn),
        };
    }

    private static PortSpec Input(PythonFunction fn, PythonParameter p, string file, DiagnosticBag diagnostics)
    {
        var t = p.Type;
        var type = t is { Understood: true } ? t.Type : TypeOfDefault(p.Default);
        if (type == PortTypes.Any && (t is null || !t.Understood))
        {
            diagnostics.Warning(LokiCodes.ParameterUntyped,
                $"{fn.Name}: parameter '{p.Name}' has {(p.Annotation is null ? "no type hint" : $"a type hint LOKI does not understand ({p.Annotation})")}; it is passed through opaque",
                file, line: fn.Line);
        }

        var required = !(t?.Optional == true || (p.HasDefault && p.Default is null));
        var options = t?.Options ?? default;
        var def = p.Default is null || p.Default.GetValueKind() == JsonValueKind.Null ? null : p.Default.DeepClone();
        return new PortSpec(p.Name, type, p.Description ?? t?.Description, required, def, t?.Min, t?.Max, t?.Step,
            options.IsDefault ? default : options, t?.Multiline ?? false);
    }

    private static string TypeOfDefault(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => PortTypes.Boolean,
        JsonValueKind.String => PortTypes.String,
        JsonValueKind.Number => value.ToJsonString().Contains('.') || value.ToJsonString().Contains('e') ? PortTypes.Float : PortTypes.Int,
        _ => PortTypes.Any,
    };

    private static ImmutableArray<PortSpec> Outputs(PythonFunction fn)
    {
        var types = fn.ReturnTypes;
        if (!fn.HasReturnAnnotation)
        {
            types = [new PythonType(PortTypes.Any, Understood: false)];
        }

        var docs = fn.ReturnDocs;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var outputs = ImmutableArray.CreateBuilder<PortSpec>();
        for (var i = 0; i < types.Length; i++)
        {
            var doc = docs.Length == types.Length ? docs[i] : docs.Length == 1 && types.Length == 1 ? docs[0] : null;
            var name = doc?.Name is { } n && PythonNames.IsIdentifier(n) ? n : types[i].Type switch
            {
                PortTypes.Image => "image",
                PortTypes.Mask => "mask",
                PortTypes.Audio => "audio",
                PortTypes.String => "text",
                PortTypes.Int or PortTypes.Float => "value",
                PortTypes.Boolean => "flag",
                _ => "result",
            };
            outputs.Add(new PortSpec(PythonNames.Unique(name, taken), types[i].Type, doc?.Description is { Length: > 0 } d ? d : null));
        }

        return outputs.ToImmutable();
    }
}
