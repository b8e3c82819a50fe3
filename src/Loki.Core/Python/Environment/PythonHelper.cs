using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using Loki.Core.Diagnostics;

namespace Loki.Core.Python.Environment;

/// <summary>
/// Runs LOKI's own Python helper scripts (embedded in Loki.Core under <c>Resources/python/</c>). They are
/// extracted once into a cache folder named by the hash of their content, so different LOKI versions never
/// share stale copies, and they answer with one JSON object on stdout.
/// </summary>
public static class PythonHelper
{
    private const string ResourcePrefix = "Loki.Core.Resources.python/";
    private static readonly Lazy<string> Folder = new(Extract);

    /// <summary>The folder holding the extracted helpers (<c>loki_pyast.py</c> and its <c>lokiast</c> package).</summary>
    public static string HelperFolder => Folder.Value;

    /// <summary>
    /// Runs <paramref name="script"/> (e.g. <c>loki_pyast.py</c>) with <paramref name="arguments"/> and returns its
    /// JSON result. A result holding <c>"error"</c> (exit 2) becomes a <see cref="LokiException"/> with
    /// <paramref name="errorCode"/> about <paramref name="subjectFile"/>.
    /// </summary>
    public static async Task<JsonObject> RunJsonAsync(
        PythonInterpreter python, string script, IReadOnlyList<string> arguments, string errorCode, string? subjectFile,
        CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(HelperFolder, script);
        var result = await Cli.Wrap(python.Path)
            .WithArguments(["-E", "-s", path, .. arguments])
            .WithEnvironmentVariables(e => e.Set("PYTHONIOENCODING", "utf-8").Set("PYTHONDONTWRITEBYTECODE", "1"))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken).ConfigureAwait(false);
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(result.StandardOutput) as JsonObject;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            // Not JSON at all: reported below with the helper's last stderr line.
        }

        if (json is null)
        {
            var tail = result.StandardError.Trim().Split('\n').LastOrDefault() ?? string.Empty;
            throw new LokiException(new LokiDiagnostic(LokiCodes.PythonHelperFailed, DiagnosticSeverity.Error,
                $"{script} {string.Join(' ', arguments)} failed with exit code {result.ExitCode} using {PythonLocator.Describe(python)}: {tail}", subjectFile));
        }

        if (json["error"] is JsonValue error)
        {
            var line = json["line"] is JsonValue l && l.TryGetValue<int>(out var n) ? n : 0;
            throw new LokiException(new LokiDiagnostic(errorCode, DiagnosticSeverity.Error, error.ToString(), subjectFile, Line: line));
        }

        return json;
    }

    private static string Extract()
    {
        var assembly = typeof(PythonHelper).Assembly;
        var names = assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var files = names.Select(n => (Relative: n[ResourcePrefix.Length..].Replace('\\', '/'), Bytes: Read(assembly, n))).ToList();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relative, bytes) in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(relative + "\n"));
            sha.AppendData(bytes);
        }

        var hash = Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
        var root = Path.Combine(Path.GetTempPath(), "loki-build", "python-helpers", hash);
        var marker = Path.Combine(root, ".complete");
        if (File.Exists(marker))
        {
            return root;
        }

        if (Directory.Exists(root))
        {
            // Left half-made by a process that died before renaming its copy into place is impossible (the rename is
            // atomic), but a person may have deleted files: start again.
            Directory.Delete(root, recursive: true);
        }

        // Extract into a private folder and rename it into place, so concurrent processes never see half a copy.
        var staging = root + "." + Guid.NewGuid().ToString("N")[..8];
        foreach (var (relative, bytes) in files)
        {
            var target = Path.Combine(staging, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, bytes);
        }

        File.WriteAllText(Path.Combine(staging, ".complete"), hash);
        try
        {
            Directory.Move(staging, root);
        }
        catch (IOException) when (File.Exists(marker))
        {
            Directory.Delete(staging, recursive: true);
        }

        return root;
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
