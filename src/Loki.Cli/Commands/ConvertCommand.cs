using System.CommandLine;
using System.Globalization;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki convert INPUT --to api|ui|script|node [--schemas FILE_OR_DIR]... [-o OUT] [--seed N]</c>: reads a UI
/// workflow, an API prompt, or a PNG/WebP carrying either, and writes the requested form to OUT (atomically) or stdout.
/// </summary>
internal sealed class ConvertCommand : Command
{
    /// <summary>The <c>--to</c> targets, in the order usage lists them.</summary>
    public static readonly IReadOnlyList<ConvertTarget> Targets = [new ApiConvertTarget(), new UiConvertTarget(), new ScriptConvertTarget(), new NodeConvertTarget()];

    private static readonly string TargetNames = string.Join("|", Targets.Select(t => t.Name));

    private readonly Argument<string> _input = CliOptions.Path("INPUT", "a UI workflow or API prompt (.json), or a .png/.webp carrying one");
    private readonly Option<string> _to = new("--to") { Description = "what to write: api (the prompt), ui (the workflow), script (a LOKI Script), node (a LOKI Node folder)", HelpName = TargetNames, Required = true };
    private readonly Option<string[]> _schemas = CliOptions.Schemas("an /object_info dump, or a folder of them; repeatable, later ones win over earlier ones and over the shipped ComfyUI core catalogue");
    private readonly Option<string> _output = CliOptions.Output("write here (atomically) instead of to stdout; --to node: the node folder");
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

    public ConvertCommand()
        : base("convert", "convert a workflow, prompt or image to another form")
    {
        _to.Validators.Add(result =>
        {
            if (result.Tokens is [{ } token] && Targets.All(t => t.Name != token.Value))
            {
                result.AddError($"unknown --to '{token.Value}'; expected {TargetNames}");
            }
        });
        Add(_input);
        Add(_to);
        Add(_schemas);
        Add(_output);
        Add(_seed);
        Add(_backend);
        Add(_library);
        Add(_name);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var input = parse.GetRequiredValue(_input);
        var target = Targets.First(t => t.Name == parse.GetRequiredValue(_to));
        var file = WorkflowLoader.Load(input);
        var schemas = CommandIO.LoadSchemas(parse.GetValue(_schemas) ?? []);
        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(schemas.Diagnostics);
        diagnostics.AddRange(file.Warnings ?? []);
        var output = parse.GetValue(_output);
        var request = new ConvertRequest(input, file, schemas, parse.GetValue(_seed), output)
        {
            Backend = parse.GetValue(_backend),
            Libraries = parse.GetValue(_library) ?? [],
            NodeName = parse.GetValue(_name),
        };
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
