using Loki.Core.Diagnostics;
using Loki.Core.Packaging;

namespace Loki.Cli.Commands;

/// <summary>
/// <c>loki pack</c>: builds the ComfyUI-LOKI pack folder and its release zip from the library and the runtime.
/// Errors (bad metadata, requirements that fail verification) stop it before anything is written.
/// </summary>
internal static class PackCommand
{
    private static readonly HashSet<string> Valued = ["--library", "--runtime", "--metadata", "--out", "--zip", "--web", "--locales", "--python"];
    private static readonly HashSet<string> Flags = ["--no-zip", "--no-import-check"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = CommandArgs.Parse("pack", args, Valued, Flags);
        var library = Path.GetFullPath(a.Get("--library") ?? "nodes");
        var runtime = Path.GetFullPath(a.Get("--runtime") ?? Path.Combine("src", "python", "loki_runtime"));
        var metadataFile = a.Get("--metadata") ?? (File.Exists("pack.json") ? "pack.json" : null);
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
            WebDirectory = a.Get("--web") ?? (Directory.Exists("web") ? "web" : null),
            LocalesDirectory = a.Get("--locales") ?? (Directory.Exists("locales") ? "locales" : null),
            CheckImports = !a.Has("--no-import-check"),
            Python = a.Get("--python"),
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

        var outDir = Path.GetFullPath(a.Get("--out") ?? Path.Combine("artifacts", metadata.FolderName));
        var changed = PackWriter.WriteFolder(result.Entries, outDir);
        stdout.WriteLine($"pack: {outDir} ({result.Entries.Length} files, {result.Nodes.Length} nodes, {result.Flows.Length} flows, {changed} changed)");
        if (!a.Has("--no-zip"))
        {
            var zip = Path.GetFullPath(a.Get("--zip") ?? Path.Combine(Path.GetDirectoryName(outDir)!, $"{metadata.FolderName}-{metadata.Version}.zip"));
            var sha = PackWriter.WriteZip(result.Entries, zip);
            File.WriteAllText(zip + ".sha256", $"{sha}  {Path.GetFileName(zip)}\n");
            stdout.WriteLine($"zip:  {zip} (sha256 {sha})");
        }

        return CliApp.Success;
    }
}
