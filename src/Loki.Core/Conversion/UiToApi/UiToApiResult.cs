using System.Buffers;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Text;

namespace Loki.Core.Conversion.UiToApi;

/// <summary>The outcome of one UI to API conversion.</summary>
public sealed record UiToApiResult
{
    private readonly ConvertedPrompt? _converted;
    private JsonObject? _prompt;

    /// <summary>A result holding <paramref name="prompt"/>.</summary>
    /// <param name="prompt">The API prompt, or null when an error stopped the conversion.</param>
    /// <param name="diagnostics">Everything reported, warnings included.</param>
    public UiToApiResult(JsonObject? prompt, IReadOnlyList<LokiDiagnostic> diagnostics)
    {
        _prompt = prompt;
        Diagnostics = diagnostics;
    }

    /// <summary>A result holding the typed prompt a conversion made (the tree is built only when asked for).</summary>
    internal UiToApiResult(ConvertedPrompt? prompt, IReadOnlyList<LokiDiagnostic> diagnostics)
    {
        _converted = prompt;
        Diagnostics = diagnostics;
    }

    /// <summary>
    /// The API prompt, or null when an error stopped the conversion. Built on first use from what the conversion
    /// made, then the same object on every call (a caller that changes it changes what <see cref="PromptUtf8"/> writes).
    /// </summary>
    public JsonObject? Prompt
    {
        get
        {
            if (_prompt is null && _converted is not null)
            {
                Interlocked.CompareExchange(ref _prompt, _converted.ToJsonObject(), null);
            }

            return _prompt;
        }
    }

    /// <summary>Everything reported, warnings included.</summary>
    public IReadOnlyList<LokiDiagnostic> Diagnostics { get; }

    /// <summary>True when a prompt was made and no error was reported.</summary>
    public bool Succeeded => (_converted is not null || _prompt is not null) && !Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// The prompt as the file LOKI writes (<see cref="CanonicalJson.WriteUtf8(JsonNode?)"/> of <see cref="Prompt"/>:
    /// the same bytes), written straight from the conversion's entries unless the tree was built; null with no prompt.
    /// </summary>
    public byte[]? PromptUtf8() =>
        _prompt is { } tree ? CanonicalJson.WriteUtf8(tree) : _converted is { } typed ? ConvertedPromptWriter.Utf8(typed) : null;

    /// <summary>
    /// Appends <see cref="PromptUtf8"/>'s bytes to <paramref name="output"/> without an array of their own (a caller that
    /// keeps one buffer for file after file allocates nothing for the output); false (nothing written) with no prompt.
    /// </summary>
    public bool WritePrompt(IBufferWriter<byte> output)
    {
        if (_prompt is { } tree)
        {
            CanonicalJson.WriteUtf8(tree, output);
        }
        else if (_converted is { } typed)
        {
            ConvertedPromptWriter.Utf8(typed, output);
        }
        else
        {
            return false;
        }

        return true;
    }

    /// <summary>Writes <see cref="PromptUtf8"/> to <paramref name="stream"/>; false (nothing written) with no prompt.</summary>
    public bool WritePrompt(Stream stream)
    {
        if (PromptUtf8() is not { } bytes)
        {
            return false;
        }

        stream.Write(bytes);
        return true;
    }

    /// <summary>The prompt and the diagnostics, as the positional record this type was.</summary>
    public void Deconstruct(out JsonObject? prompt, out IReadOnlyList<LokiDiagnostic> diagnostics)
    {
        prompt = Prompt;
        diagnostics = Diagnostics;
    }
}
