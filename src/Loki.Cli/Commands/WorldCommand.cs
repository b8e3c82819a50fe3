using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Packaging;
using Loki.Core.World;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki world</c>: the whole library as one macro workflow, drawn as a map in one PNG that carries the workflow
/// (and the prompt of its runnable part) the way ComfyUI embeds them, so dropping it into ComfyUI opens the World.
/// </summary>
internal sealed class WorldCommand : Command
{
    private readonly Option<string> _library = new("--library") { Description = "the library folder (default: nodes)", HelpName = "DIR" };
    private readonly Option<string> _metadata = new("--metadata") { Description = "the pack metadata giving cnr_id and ver (default: pack.json when it exists)", HelpName = "FILE" };
    private readonly Option<string> _output = new("--output", "-o") { Description = "the picture to write (default: world.png)", HelpName = "FILE" };

    public WorldCommand()
        : base("world", "draw the whole library as one macro workflow: a map PNG that opens in ComfyUI")
    {
        Add(_library);
        Add(_metadata);
        Add(_output);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var output = Path.GetFullPath(parse.GetValue(_output) ?? "world.png");
        if (!output.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            stderr.WriteLine(new LokiDiagnostic(LokiCodes.WorldBadOutput, DiagnosticSeverity.Error, "the World is a PNG: name the output <name>.png", output).ToString());
            return CliApp.BadUsage;
        }

        var diagnostics = new DiagnosticBag();
        var metadataFile = parse.GetValue(_metadata) ?? (File.Exists("pack.json") ? "pack.json" : null);
        if (metadataFile is not null && !File.Exists(metadataFile))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "pack metadata file not found", metadataFile));
        }

        var pack = metadataFile is null ? new PackMetadata() : PackMetadataReader.Read(metadataFile, diagnostics) ?? new PackMetadata();
        var library = WorldLibraryReader.Read(Path.GetFullPath(parse.GetValue(_library) ?? "nodes"), pack, diagnostics);
        byte[]? png = null;
        WorldModel? world = null;
        if (library is not null && !diagnostics.HasErrors)
        {
            world = WorldBuilder.Model(library);
            png = WorldBuilder.Png(world, diagnostics);
        }

        foreach (var d in diagnostics.Items)
        {
            stderr.WriteLine(d.ToString());
        }

        if (png is null || world is null)
        {
            return ExitCodes.For(diagnostics.Items);
        }

        AtomicFile.Write(output, png);
        stdout.WriteLine($"world: {output} ({world.Library.Nodes.Length} nodes in {world.Regions.Length} regions, {world.Plan.Links.Length} paths, "
            + $"{world.Prompt.Count} nodes runnable, {png.Length} bytes)");
        return CliApp.Success;
    }
}
