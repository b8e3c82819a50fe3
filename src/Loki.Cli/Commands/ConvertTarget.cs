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
/// <param name="Line">The whole command line, for target-specific options (<c>--backend</c>, <c>--library</c>, <c>--name</c>).</param>
internal sealed record ConvertRequest(string InputPath, WorkflowFile Input, SchemaSet Schemas, long? Seed, string? OutputPath, CommandLine? Line = null)
{
    /// <summary>The value of a target-specific option, or null.</summary>
    public string? Option(string name) => Line?.Value(name);

    /// <summary>True when a target-specific flag (<c>--standalone</c>) is on the command line.</summary>
    public bool Flag(string name) => Line?.Flag(name) == true;

    /// <summary>Every value of a repeatable target-specific option.</summary>
    public IReadOnlyList<string> Options(string name) => Line?.Values(name) ?? [];
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

    /// <summary>True when the target writes its output itself (files it must not overwrite, a folder), so the command only reports.</summary>
    public virtual bool WritesFile(ConvertRequest request) => false;
}
