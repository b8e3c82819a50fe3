using System.Buffers;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Cli.Commands;

/// <summary>Everything a <c>--to</c> target gets: the input as read, the schemas, and the options.</summary>
/// <param name="InputPath">The input path as given.</param>
/// <param name="Input">The workflow and/or prompt the input holds.</param>
/// <param name="Schemas">The node definitions (catalogue plus <c>--schemas</c>).</param>
/// <param name="Seed">The <c>--seed</c> for dynamic prompts, or null.</param>
/// <param name="OutputPath">The <c>-o</c> path, or null for stdout.</param>
internal sealed record ConvertRequest(string InputPath, WorkflowFile Input, SchemaSet Schemas, long? Seed, string? OutputPath)
{
    // Made only when no run-wide cache is given (a batch gives its own to every file).
    private FlowEnvironmentCache? _environments;

    /// <summary><c>--backend</c> (script target), or null.</summary>
    public string? Backend { get; init; }

    /// <summary>Every <c>--library</c>, in order.</summary>
    public IReadOnlyList<string> Libraries { get; init; } = [];

    /// <summary><c>--name</c> (node target), or null.</summary>
    public string? NodeName { get; init; }

    /// <summary>The flow environments of this run (shared by the files of a batch).</summary>
    public FlowEnvironmentCache Environments { get => _environments ??= new(); init => _environments = value; }

    /// <summary><c>--standalone</c> (script target).</summary>
    public bool Standalone { get; init; }
}

/// <summary>
/// One <c>--to</c> value of <c>loki convert</c>. A new target (script, node) is one subclass and one entry in
/// <see cref="ConvertCommand.Targets"/>.
/// </summary>
internal abstract class ConvertTarget
{
    /// <summary>The <c>--to</c> value.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Produces the output text (what goes to <c>-o</c> or stdout), or null when it cannot; problems go to
    /// <paramref name="diagnostics"/> (errors make the command exit 1).
    /// </summary>
    public abstract string? Convert(ConvertRequest request, DiagnosticBag diagnostics);

    /// <summary>
    /// <see cref="Convert"/> as the UTF-8 bytes of the file to write (a target that can, writes them without the text in
    /// between); null when it cannot.
    /// </summary>
    public virtual byte[]? ConvertUtf8(ConvertRequest request, DiagnosticBag diagnostics) =>
        Convert(request, diagnostics) is { } text ? Loki.Core.IO.AtomicFile.Utf8.GetBytes(text) : null;

    /// <summary>
    /// <see cref="ConvertUtf8(ConvertRequest, DiagnosticBag)"/>'s bytes appended to <paramref name="output"/> (a converting
    /// thread's buffer, kept file after file); false when there are none. A target that writes UTF-8 itself writes
    /// straight into the buffer, with no array of its own per file.
    /// </summary>
    public virtual bool ConvertUtf8(ConvertRequest request, DiagnosticBag diagnostics, IBufferWriter<byte> output)
    {
        if (ConvertUtf8(request, diagnostics) is not { } bytes)
        {
            return false;
        }

        output.Write(bytes);
        return true;
    }

    /// <summary>True when the target writes its output itself (files it must not overwrite, a folder), so the command only reports.</summary>
    public virtual bool WritesFile(ConvertRequest request) => false;

    /// <summary>
    /// True when a batch's outputs are written by the target itself (<see cref="WritesFile"/> for every output path): a
    /// batch then has no bytes to hand a writer thread, and converts on every core instead.
    /// </summary>
    public virtual bool WritesBatchOutputs => false;

    /// <summary>
    /// Where a batch puts the result for the input found at <paramref name="relative"/> (below the folder or glob
    /// that named it), relative to the output folder: by default the same path, a <c>.png</c>/<c>.webp</c> with
    /// <c>.json</c> appended.
    /// </summary>
    public virtual string BatchOutput(string relative) =>
        relative.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? relative : relative + ".json";
}
