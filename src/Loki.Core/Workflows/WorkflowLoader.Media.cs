using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Media;

namespace Loki.Core.Workflows;

public static partial class WorkflowLoader
{
    /// <summary>
    /// Reads the <c>workflow</c> and <c>prompt</c> a PNG or WebP carries. The workflow must be valid; a broken prompt
    /// beside a good workflow is reported as a warning (the frontend, too, loads the workflow and ignores the prompt).
    /// </summary>
    private static WorkflowFile LoadMedia(string path, WorkflowFormat format)
    {
        var metadata = MediaMetadataReader.Read(path);
        if (metadata.IsEmpty)
        {
            throw JsonSource.Fail(LokiCodes.WorkflowNoMetadata, "the image carries no ComfyUI workflow and no prompt", path);
        }

        var warnings = new List<LokiDiagnostic>();
        JsonObject? ui = null;
        JsonObject? api = null;
        if (metadata.Workflow is { } workflowText)
        {
            ui = JsonSource.Parse(workflowText, path + "#workflow", LokiCodes.WorkflowInvalidJson) as JsonObject
                ?? throw JsonSource.Fail(LokiCodes.WorkflowUnknownFormat, "the embedded workflow is not a JSON object", path + "#workflow", "$");
        }

        if (metadata.Prompt is { } promptText)
        {
            try
            {
                api = JsonSource.Parse(promptText, path + "#prompt", LokiCodes.WorkflowInvalidJson) as JsonObject
                    ?? throw JsonSource.Fail(LokiCodes.WorkflowUnknownFormat, "the embedded prompt is not a JSON object", path + "#prompt", "$");
            }
            catch (LokiException e) when (ui is not null)
            {
                warnings.Add(e.Diagnostic with { Severity = DiagnosticSeverity.Warning });
            }
        }

        var read = FromJson(ui ?? api!, path, ui, api, format);
        return read with { Warnings = [.. warnings, .. read.Warnings ?? []] };
    }
}
