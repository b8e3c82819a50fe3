using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Flows.Schemas;
using Loki.Core.Schemas;
using Loki.Core.Text;
using Loki.Core.Workflows;

namespace Loki.Core.Flows;

/// <summary>
/// Reads a flow from anything <c>loki convert --to api</c> reads (UI or API JSON, PNG, WebP), converts a UI
/// workflow to its API prompt with the LOKI markers and library nodes known, and analyses it.
/// </summary>
public static class FlowLoader
{
    /// <summary>
    /// Loads <paramref name="path"/>. Unreadable input throws <see cref="LokiException"/>; a workflow that does not
    /// convert returns null with its errors in <paramref name="diagnostics"/>.
    /// </summary>
    public static FlowDocument? Load(string path, FlowEnvironment environment, DiagnosticBag diagnostics)
    {
        FlowConversionTally.Loaded(path);
        var file = WorkflowLoader.Load(path);
        diagnostics.AddRange(file.Warnings ?? []);
        JsonObject? prompt;
        if (file.Ui is not null)
        {
            var converted = UiToApiConverter.Convert(file, environment.Schemas, UiToApiOptions.Default, path);
            diagnostics.AddRange(converted.Diagnostics);
            prompt = converted.Prompt;
        }
        else
        {
            prompt = file.Api;
            if (prompt is not null)
            {
                PromptSchemaCheck.Check(prompt, path, environment.Schemas, diagnostics);
            }
        }

        if (prompt is null)
        {
            return null;
        }

        return FlowDocument.Analyse(prompt, file.Ui, environment.Catalog, path, File.ReadAllBytes(path), diagnostics);
    }

    /// <summary>ComfyUI's schemas plus the LOKI markers and the library's nodes (which win on a clash).</summary>
    public static SchemaSet WithLoki(SchemaSet comfySchemas, IEnumerable<NodeConfig> library)
    {
        var loki = LokiObjectInfo.Markers();
        foreach (var config in library)
        {
            loki[Loki.Core.Naming.NodeNames.ToMappingKey(config.NodeName)] = LokiObjectInfo.Entry(config);
        }

        return comfySchemas.Merge(SchemaSet.Parse(CanonicalJson.WriteCompact(loki), "<LOKI library>"));
    }

    /// <summary>The flow view of a schema set.</summary>
    public static FlowSchemaCatalog Catalog(SchemaSet schemas)
    {
        var info = new JsonObject();
        foreach (var classType in schemas.ClassTypes)
        {
            info[classType] = schemas.Find(classType)!.Raw.DeepClone();
        }

        return new FlowSchemaCatalog().AddObjectInfo(info);
    }
}
