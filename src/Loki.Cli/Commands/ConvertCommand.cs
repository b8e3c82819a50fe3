using System.Globalization;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki convert INPUT --to api|ui [--schemas FILE_OR_DIR]... [-o OUT] [--seed N]</c>: reads a UI workflow, an API
/// prompt, or a PNG/WebP carrying either, and writes the requested form as JSON to OUT (atomically) or stdout.
/// </summary>
internal static class ConvertCommand
{
    /// <summary>The <c>--to</c> targets, in the order usage lists them.</summary>
    public static readonly IReadOnlyList<ConvertTarget> Targets = [new ApiConvertTarget(), new UiConvertTarget(), new ScriptConvertTarget(), new NodeConvertTarget()];

    private const string Help = """
        usage: loki convert INPUT --to TARGET [--schemas FILE_OR_DIR]... [-o OUT] [--seed N]

        INPUT            a UI workflow or API prompt (.json), or a .png/.webp carrying one
        --to TARGET      {targets}
        --schemas PATH   an /object_info dump, or a folder of them; repeatable, later ones win over earlier ones and
                         over the shipped ComfyUI core catalogue
        -o, --output OUT write the JSON here (atomically) instead of to stdout
        --seed N         resolve {a|b} dynamic-prompt choices deterministically with this seed

        --to script [-o FILE]  the flow as a LOKI Script: a function with the flow's signature (see 'loki inspect
                         INPUT --interface'); --backend loki|comfyui|server sets its default backend
        --standalone     with --to script -o FILE: copy loki_runtime (and the LOKI nodes the flow uses) beside
                         the script, so its folder runs anywhere without installing loki-runtime
        --to node -o DIR  the flow as a LOKI Node folder; --name NAME (default: the folder's name)
        --library DIR    a LOKI library (holding nodes/) whose nodes the workflow uses, for every target;
                         repeatable (default: the
                         library the flow file is in)
        """;

    /// <summary>Runs the command; returns the exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            await stdout.WriteLineAsync(Help.Replace("{targets}", string.Join("|", Targets.Select(t => t.Name)), StringComparison.Ordinal));
            return CliApp.Success;
        }

        var line = CommandLine.Parse("convert", args, ["--to", "--schemas", "--output", "--seed", "--backend", "--library", "--name"], ["--standalone"], new Dictionary<string, string> { ["-o"] = "--output" });
        var input = line.SinglePositional("INPUT");
        var to = line.Value("--to") ?? throw CommandLine.Usage("convert", "missing --to " + string.Join("|", Targets.Select(t => t.Name)));
        var target = Targets.FirstOrDefault(t => t.Name == to)
            ?? throw CommandLine.Usage("convert", $"unknown --to '{to}'; expected {string.Join("|", Targets.Select(t => t.Name))}");
        var seed = line.Value("--seed") is { } s
            ? long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw CommandLine.Usage("convert", $"--seed needs a whole number, got '{s}'")
            : (long?)null;

        var file = WorkflowLoader.Load(input);
        var schemas = CommandIO.LoadSchemas(line.Paths("--schemas"));
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(schemas.Diagnostics);
        diagnostics.AddRange(file.Warnings ?? []);
        var output = line.Value("--output") is "-" ? "-" : line.PathValue("--output");
        var request = new ConvertRequest(input, file, schemas, seed, output, line);
        var text = target.Convert(request, diagnostics);
        await CommandIO.ReportAsync(stderr, diagnostics.Items);
        if (text is not null && !diagnostics.HasErrors && target.WritesFile(request))
        {
            return CliApp.Success;
        }

        if (text is null || diagnostics.HasErrors)
        {
            return ExitCodes.For(diagnostics.Items) is var code and not CliApp.Success ? code : CliApp.Failed;
        }

        await CommandIO.WriteResultAsync(text, output, stdout);
        return CliApp.Success;
    }
}
