using System.Buffers;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Text;

namespace Loki.Cli.Commands;

/// <summary><c>--to api</c>: the prompt the ComfyUI frontend would queue (a prompt given as input is passed through).</summary>
internal sealed class ApiConvertTarget : ConvertTarget
{
    /// <inheritdoc />
    public override string Name => "api";

    /// <inheritdoc />
    public override string? Convert(ConvertRequest request, DiagnosticBag diagnostics)
    {
        if (!request.Input.HasUi)
        {
            diagnostics.AddRange(Loki.Core.Schemas.PromptSchemaCheck.Check(request.Input, request.Schemas));
            return diagnostics.HasErrors || request.Input.Api is not { } api ? null : CanonicalJson.Write(api);
        }

        // The same bytes as the file path writes, decoded: the JsonObject tree is never built for stdout either.
        return Convert(request, diagnostics, out var result) ? System.Text.Encoding.UTF8.GetString(result.PromptUtf8()!) : null;
    }

    /// <inheritdoc />
    public override byte[]? ConvertUtf8(ConvertRequest request, DiagnosticBag diagnostics)
    {
        if (!request.Input.HasUi)
        {
            diagnostics.AddRange(Loki.Core.Schemas.PromptSchemaCheck.Check(request.Input, request.Schemas));
            return diagnostics.HasErrors || request.Input.Api is not { } api ? null : CanonicalJson.WriteUtf8(api);
        }

        // Written straight from the conversion (UiToApiResult.PromptUtf8): no JsonObject tree in between.
        return Convert(request, diagnostics, out var result) ? result.PromptUtf8() : null;
    }

    /// <inheritdoc />
    public override bool ConvertUtf8(ConvertRequest request, DiagnosticBag diagnostics, IBufferWriter<byte> output)
    {
        if (!request.Input.HasUi)
        {
            diagnostics.AddRange(Loki.Core.Schemas.PromptSchemaCheck.Check(request.Input, request.Schemas));
            if (diagnostics.HasErrors || request.Input.Api is not { } api)
            {
                return false;
            }

            CanonicalJson.WriteUtf8(api, output);
            return true;
        }

        // Written straight from the conversion into the caller's buffer: no tree, no array of its own.
        return Convert(request, diagnostics, out var result) && result.WritePrompt(output);
    }

    private static bool Convert(ConvertRequest request, DiagnosticBag diagnostics, out UiToApiResult result)
    {
        // A workflow of LOKI nodes converts with the library's own definitions (widget order, types).
        var schemas = FlowCommandSupport.Environment(request.InputPath, request.Schemas, request.Libraries, diagnostics, request.Environments).Schemas;
        result = UiToApiConverter.Convert(request.Input, schemas, new UiToApiOptions(DynamicPromptSeed: request.Seed), request.InputPath);
        diagnostics.AddRange(result.Diagnostics);
        return result.Succeeded;
    }
}
