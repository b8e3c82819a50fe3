using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Diagnostics;
using Loki.Core.Text;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>--to ui</c>: the UI workflow. A file that holds one (JSON, or an image's <c>workflow</c>) gives it unchanged;
/// a prompt alone is laid out as a new workflow, marked as generated under <c>extra.loki</c> (contracts.md §6).
/// </summary>
internal sealed class UiConvertTarget : ConvertTarget
{
    /// <inheritdoc />
    public override string Name => "ui";

    /// <inheritdoc />
    public override string? Convert(ConvertRequest request, DiagnosticBag diagnostics)
    {
        if (request.Input.Ui is { } ui)
        {
            return CanonicalJson.Write(ui);
        }

        // LOKI nodes and markers of the library the prompt uses get their real widgets and slots.
        var schemas = FlowCommandSupport.Environment(request.InputPath, request.Schemas, request.Libraries, diagnostics, request.Environments).Schemas;
        // A class without a schema is reported as the UI node built without one (LOKI1300), not twice.
        Loki.Core.Schemas.PromptSchemaCheck.Check(request.Input.Api!, request.InputPath, schemas, diagnostics, unknownClasses: false);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        var result = ApiToUiConverter.Convert(request.Input.Api!, schemas, request.InputPath);
        diagnostics.AddRange(result.Diagnostics);
        if (!result.Succeeded)
        {
            return null;
        }

        var workflow = result.Workflow!;
        workflow["extra"]!.AsObject()["loki"] = new JsonObject
        {
            ["generated"] = true,
            ["source"] = Path.GetFileName(request.InputPath),
            ["source_sha256"] = System.Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(request.InputPath))),
        };
        return CanonicalJson.Write(workflow);
    }
}
