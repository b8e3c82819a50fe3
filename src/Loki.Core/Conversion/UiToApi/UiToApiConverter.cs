using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>
/// Converts a UI workflow into the API prompt the ComfyUI frontend 1.27.10 would queue (<c>graphToPrompt</c>),
/// offline: no server, no browser, no custom nodes installed. Node definitions come from a <see cref="SchemaSet"/>.
/// </summary>
public static class UiToApiConverter
{
    /// <summary>Converts <paramref name="ui"/>; <paramref name="file"/> names it in diagnostics.</summary>
    public static UiToApiResult Convert(JsonObject ui, SchemaSet schemas, UiToApiOptions options, string file)
    {
        var diagnostics = new DiagnosticBag();
        var workflow = UiWorkflow.Read(ui, file, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new UiToApiResult(null, diagnostics.Items);
        }

        var flattener = new GraphFlattener(workflow, schemas, diagnostics);
        flattener.Run();
        var run = new ConversionRun(workflow, schemas, options, flattener, diagnostics);
        var prompt = run.Build();
        if (!diagnostics.HasErrors)
        {
            PromptCycles.Check(prompt, workflow, flattener.ById, diagnostics);
        }

        return new UiToApiResult(diagnostics.HasErrors ? null : prompt, diagnostics.Items);
    }

    /// <summary>Converts with the default options and the shipped catalogue.</summary>
    public static UiToApiResult Convert(JsonObject ui, string file) => Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, file);
}
