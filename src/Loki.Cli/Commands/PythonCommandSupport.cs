using Loki.Core.Diagnostics;
using Loki.Core.Python.Conversion;

namespace Loki.Cli.Commands;

/// <summary>Reporting shared by the Python conversion verbs (wrap, import-node, schemas...).</summary>
internal static class PythonCommandSupport
{
    /// <summary>Writes the files, prints what happened, and returns the exit code.</summary>
    public static int WriteAndReport(string folder, IReadOnlyList<GeneratedFile> files, DiagnosticBag diagnostics, bool force, TextWriter stdout, TextWriter stderr)
    {
        var written = diagnostics.HasErrors ? [] : GeneratedFileWriter.Write(folder, files, diagnostics, force);
        foreach (var path in written)
        {
            stdout.WriteLine("wrote " + Path.GetRelativePath(Directory.GetCurrentDirectory(), path));
        }

        if (written.Count == 0 && !diagnostics.HasErrors)
        {
            stdout.WriteLine("nothing to write: every file is up to date or kept");
        }

        return Report(diagnostics, stderr);
    }

    /// <summary>Prints every diagnostic on stderr; exit 1 when there is an error.</summary>
    public static int Report(DiagnosticBag diagnostics, TextWriter stderr)
    {
        foreach (var d in diagnostics.Items)
        {
            stderr.WriteLine(d.ToString());
        }

        return diagnostics.HasErrors ? CliApp.Failed : CliApp.Success;
    }

    /// <summary>Splits <c>path:name</c> at its last colon (so Windows drive letters survive).</summary>
    public static (string Path, string Name) SplitTarget(string verb, string text, string what)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 1 || colon == text.Length - 1)
        {
            throw CliUsage.Error(verb, $"expected PATH:{what}, got '{text}'");
        }

        return (text[..colon], text[(colon + 1)..]);
    }
}
