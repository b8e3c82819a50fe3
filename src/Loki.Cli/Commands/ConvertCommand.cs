using System.CommandLine;
using System.Globalization;
using Loki.Core.Workflows.Batch;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki convert INPUT --to api|ui|script|node [--schemas FILE_OR_DIR]... [-o OUT] [--seed N]</c>: reads a UI
/// workflow, an API prompt, or a PNG/WebP carrying either, and writes the requested form to OUT (atomically) or stdout.
/// Several inputs, a folder or a glob make a batch (<see cref="ConvertBatch"/>) into the folder <c>-o OUTDIR</c>.
/// </summary>
internal sealed class ConvertCommand : Command
{
    /// <summary>The <c>--to</c> targets, in the order usage lists them.</summary>
    public static readonly IReadOnlyList<ConvertTarget> Targets = [new ApiConvertTarget(), new UiConvertTarget(), new ScriptConvertTarget(), new NodeConvertTarget()];

    private static readonly string TargetNames = string.Join("|", Targets.Select(t => t.Name));

    private readonly CliConsole _console;
    private readonly Argument<string[]> _inputs = CliOptions.Paths(new Argument<string[]>("INPUT")
    {
        Description = "a UI workflow or API prompt (.json), or a .png/.webp carrying one; several, a folder (recursive) or a glob (in/**/*.json) convert as a batch into -o OUTDIR",
        Arity = ArgumentArity.OneOrMore,
    });
    private readonly Option<string> _to = new("--to") { Description = "what to write: api (the prompt), ui (the workflow), script (a LOKI Script), node (a LOKI Node folder)", HelpName = TargetNames, Required = true };
    private readonly Option<string[]> _schemas = CliOptions.Schemas("an /object_info dump, or a folder of them; repeatable, beside the shipped ComfyUI core catalogue; each node uses the newest definition of its class that its saved widgets fit, whatever the order");
    private readonly Option<string> _output = CliOptions.Output("write here (atomically) instead of to stdout; a folder (one that exists, or ending in /) or a batch: the output folder; --to node: the node folder");
    private readonly Option<long?> _seed = new("--seed")
    {
        Description = "resolve {a|b} dynamic-prompt choices deterministically with this seed",
        HelpName = "N",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
            {
                return seed;
            }

            result.AddError($"--seed needs a whole number, got '{text}'");
            return null;
        },
    };
    private readonly Option<string> _backend = new("--backend") { Description = "--to script: the script's default backend", HelpName = "loki|comfyui|server" };
    private readonly Option<string[]> _library = CliOptions.Library("a LOKI library (holding nodes/) whose nodes the workflow uses; repeatable (default: the library the flow file is in)");
    private readonly Option<string> _name = new("--name") { Description = "--to node: the node's name (default: the folder's name)", HelpName = "NAME" };
    private readonly Option<bool> _standalone = new("--standalone") { Description = "--to script -o FILE: copy loki_runtime (and the LOKI nodes the flow uses) beside the script, so its folder runs anywhere" };

    public ConvertCommand(CliConsole console)
        : base("convert", "convert workflows, prompts or images to another form")
    {
        _console = console;
        _to.Validators.Add(result =>
        {
            if (result.Tokens is [{ } token] && Targets.All(t => t.Name != token.Value))
            {
                result.AddError($"unknown --to '{token.Value}'; expected {TargetNames}");
            }
        });
        Add(_inputs);
        Add(_to);
        Add(_schemas);
        Add(_output);
        Add(_seed);
        Add(_backend);
        Add(_library);
        Add(_name);
        Add(_standalone);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var inputs = parse.GetRequiredValue(_inputs);
        var output = parse.GetValue(_output);
        // One input into a folder (`-o out/`, or a folder that exists) is a batch of one: the file goes into it, named
        // as a batch names it. Not for --to node, whose -o is the node's own folder.
        var target = Targets.First(t => t.Name == parse.GetRequiredValue(_to));
        var intoFolder = output is not (null or "-") && target is not NodeConvertTarget
            && (Path.EndsInDirectorySeparator(output) || Directory.Exists(output));
        var batch = inputs.Length > 1 || WorkflowInputs.IsMany(inputs[0]) || intoFolder;
        if (batch && output is null or "-")
        {
            throw CliUsage.Error("convert", "several inputs, a folder or a glob need -o OUTDIR");
        }

        if (batch && parse.GetValue(_name) is not null)
        {
            throw CliUsage.Error("convert", "--name names one node; a batch names each node after its file");
        }

        var schemas = CommandIO.LoadSchemas(parse.GetValue(_schemas) ?? []);
        await CommandIO.ReportAsync(stderr, schemas.Diagnostics);
        var settings = new ConvertSettings(target, schemas, parse.GetValue(_seed))
        {
            Backend = parse.GetValue(_backend),
            Libraries = parse.GetValue(_library) ?? [],
            NodeName = parse.GetValue(_name),
            Standalone = parse.GetValue(_standalone),
        };
        if (batch)
        {
            return await ConvertBatch.RunAsync(inputs, output!, settings, _console, stdout, stderr);
        }

        var outcome = ConvertFile.Run(inputs[0], output, settings);
        await CommandIO.ReportAsync(stderr, outcome.Diagnostics);
        if (outcome.Text is not null)
        {
            await CommandIO.WriteResultAsync(outcome.Text, null, stdout);
        }

        return outcome.ExitCode;
    }
}
