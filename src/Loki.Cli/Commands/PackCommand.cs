using System.CommandLine;
using Loki.Core.Diagnostics;
using Loki.Core.Packaging;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki pack</c>: builds the ComfyUI-LOKI pack folder and its release zip from the library and the runtime.
/// Errors (bad metadata, requirements that fail verification) stop it before anything is written.
/// </summary>
internal sealed class PackCommand : Command
{
    private readonly Option<string> _library = Valued("--library", "the library folder (default: nodes)", "DIR");
    private readonly Option<string> _runtime = Valued("--runtime", "the Python runtime folder (default: src/python/loki_runtime)", "DIR");
    private readonly Option<string> _metadata = Valued("--metadata", "the pack metadata (default: pack.json when it exists)", "FILE");
    private readonly Option<string> _out = Valued("--out", "the pack folder (default: artifacts/<folder name>)", "DIR");
    private readonly Option<string> _zip = Valued("--zip", "the release zip (default: beside the pack folder)", "FILE");
    private readonly Option<string> _web = Valued("--web", "the web extension folder (default: web when it exists)", "DIR");
    private readonly Option<string> _locales = Valued("--locales", "the locales folder (default: locales when it exists)", "DIR");
    private readonly Option<string> _python = Valued("--python", "the Python used for the import check", "PYTHON");
    private readonly Option<bool> _noZip = new("--no-zip") { Description = "write the pack folder only" };
    private readonly Option<bool> _noImportCheck = new("--no-import-check") { Description = "skip importing the pack in Python" };

    public PackCommand()
        : base("pack", "build the ComfyUI-LOKI pack folder and its release zip")
    {
        Add(_library);
        Add(_runtime);
        Add(_metadata);
        Add(_out);
        Add(_zip);
        Add(_web);
        Add(_locales);
        Add(_python);
        Add(_noZip);
        Add(_noImportCheck);
        SetAction(Run);
    }

    private static Option<string> Valued(string name, string description, string helpName) =>
        new(name) { Description = description, HelpName = helpName };

    private int Run(ParseResult parse)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        var library = Path.GetFullPath(parse.GetValue(_library) ?? "nodes");
        var runtime = Path.GetFullPath(parse.GetValue(_runtime) ?? Path.Combine("src", "python", "loki_runtime"));
        var metadataFile = parse.GetValue(_metadata) ?? (File.Exists("pack.json") ? "pack.json" : null);
        if (!Directory.Exists(library))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "library folder not found", library));
        }

        var diagnostics = new DiagnosticBag();
        PackMetadata metadata;
        if (metadataFile is null)
        {
            metadata = new PackMetadata();
        }
        else if (!File.Exists(metadataFile))
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.FileNotFound, DiagnosticSeverity.Error, "pack metadata file not found", metadataFile));
        }
        else
        {
            metadata = PackMetadataReader.Read(metadataFile, diagnostics) ?? new PackMetadata();
        }

        var options = new PackOptions(library, runtime, metadata, metadataFile)
        {
            WebDirectory = parse.GetValue(_web) ?? (Directory.Exists("web") ? "web" : null),
            LocalesDirectory = parse.GetValue(_locales) ?? (Directory.Exists("locales") ? "locales" : null),
            CheckImports = !parse.GetValue(_noImportCheck),
            Python = parse.GetValue(_python),
        };
        var result = PackBuilder.Build(options);
        diagnostics.AddRange(result.Diagnostics);
        foreach (var d in diagnostics.Items)
        {
            stderr.WriteLine(d.ToString());
        }

        if (diagnostics.HasErrors)
        {
            stderr.WriteLine($"pack: {diagnostics.Items.Count(d => d.IsError)} error(s); nothing written");
            return CliApp.Failed;
        }

        var outDir = Path.GetFullPath(parse.GetValue(_out) ?? Path.Combine("artifacts", metadata.FolderName));
        var changed = PackWriter.WriteFolder(result.Entries, outDir);
        stdout.WriteLine($"pack: {outDir} ({result.Entries.Length} files, {result.Nodes.Length} nodes, {result.Flows.Length} flows, {changed} changed)");
        if (!parse.GetValue(_noZip))
        {
            var zip = Path.GetFullPath(parse.GetValue(_zip) ?? Path.Combine(Path.GetDirectoryName(outDir)!, $"{metadata.FolderName}-{metadata.Version}.zip"));
            var sha = PackWriter.WriteZip(result.Entries, zip);
            File.WriteAllText(zip + ".sha256", $"{sha}  {Path.GetFileName(zip)}\n");
            stdout.WriteLine($"zip:  {zip} (sha256 {sha})");
        }

        return CliApp.Success;
    }
}
