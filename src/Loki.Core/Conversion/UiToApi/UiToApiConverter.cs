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
    public static UiToApiResult Convert(JsonObject ui, SchemaSet schemas, UiToApiOptions options, string file) =>
        Convert(UiWorkflow.Read(ui, file, new DiagnosticBag()), schemas, options, file);

    /// <summary>Converts what a loader read, reusing the view it checked (<see cref="WorkflowFile.UiView"/>) when it has one.</summary>
    public static UiToApiResult Convert(WorkflowFile loaded, SchemaSet schemas, UiToApiOptions options, string file) =>
        loaded.UiView is { } view
            ? Convert(view, schemas, options, file)
            : Convert(loaded.Ui ?? throw new ArgumentException("the file holds no UI workflow", nameof(loaded)), schemas, options, file);

    /// <summary>
    /// Converts a view made by <see cref="UiWorkflow.Read(System.Text.Json.Nodes.JsonObject, string, DiagnosticBag)"/>: its problems are reported again, not looked for again
    /// (a view made without checks is checked here).
    /// </summary>
    public static UiToApiResult Convert(UiWorkflow workflow, SchemaSet schemas, UiToApiOptions options, string file) =>
        Convert(workflow, schemas, options, file, out _);

    /// <summary>
    /// <see cref="Convert(UiWorkflow, SchemaSet, UiToApiOptions, string)"/>, telling how many link walks took an answer
    /// <see cref="RerouteMemo"/> remembered (tests check that the memo is used, and not used when turned off).
    /// </summary>
    internal static UiToApiResult Convert(UiWorkflow workflow, SchemaSet schemas, UiToApiOptions options, string file, out int remembered)
    {
        remembered = 0;
        var diagnostics = new DiagnosticBag();
        if (workflow.Problems is not { } problems || !string.Equals(workflow.File, file, StringComparison.Ordinal))
        {
            // The file name is in every diagnostic: a view read under another name is checked again under this one.
            workflow = UiWorkflow.Read(workflow.Raw, workflow.Element, file, new DiagnosticBag());
            problems = workflow.Problems!;
        }

        diagnostics.AddRange(problems);
        if (diagnostics.HasErrors)
        {
            return new UiToApiResult((ConvertedPrompt?)null, diagnostics.Items);
        }

        var flattener = new GraphFlattener(workflow, schemas, diagnostics);
        try
        {
            flattener.Run();
            var run = new ConversionRun(workflow, schemas, options, flattener, diagnostics);
            var prompt = run.Build();
            remembered = run.Remembered;
            if (!diagnostics.HasErrors)
            {
                // Also takes out the links to nodes the prompt does not hold: every prompt returned has been through it.
                PromptCycles.Check(prompt, workflow, flattener.ById, diagnostics);
            }

            return new UiToApiResult(diagnostics.HasErrors ? null : prompt, diagnostics.Items);
        }
        finally
        {
            flattener.Release();
        }
    }

    /// <summary>Converts with the default options and the shipped catalogue.</summary>
    public static UiToApiResult Convert(JsonObject ui, string file) => Convert(ui, SchemaSet.Catalogue, UiToApiOptions.Default, file);
}
