using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Schemas;
using Loki.Core.Workflows;
using Loki.Tests;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// <see cref="WorkflowLoader.Load(string, FileReadBuffer?)"/>: a batch thread reads file after file into one buffer, and
/// each file loads, converts and fails exactly as <see cref="WorkflowLoader.Load(string)"/> has it (same views, prompt
/// bytes, diagnostics and error codes).
/// </summary>
public sealed class LoaderReadBufferTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("loki-loadbuf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // What a caller gets from loading and converting a file: the views, the prompt and every diagnostic, or the error.
    private static string Outcome(Func<WorkflowFile> load, string path)
    {
        try
        {
            var file = load();
            var text = new StringBuilder(LoaderPaths.Describe(file));
            if (file.HasUi)
            {
                var result = UiToApiConverter.Convert(file, SchemaSet.Catalogue, UiToApiOptions.Default, path);
                text.Append(result.Succeeded ? Encoding.UTF8.GetString(result.PromptUtf8()!) : "no prompt").Append('\n');
                text.AppendJoin('\n', result.Diagnostics.Select(d => d.ToString()));
            }

            return text.ToString();
        }
        catch (LokiException e)
        {
            return "error " + e.Diagnostic;
        }
    }

    [CorpusFact]
    public void Corpus_files_read_one_after_another_into_one_buffer_load_and_convert_as_alone()
    {
        // Large and small files in turn, so that the buffer is both grown and reused with old bytes past the new end.
        var files = new[] { "frontend-pairs", "workflows" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, d), "*.json", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 1000, $"only {files.Count} corpus files found");
        var buffer = new FileReadBuffer();
        foreach (var path in files)
        {
            Assert.Equal(Outcome(() => WorkflowLoader.Load(path), path), Outcome(() => WorkflowLoader.Load(path, buffer), path));
        }
    }

    [Fact]
    public void Files_it_cannot_read_so_give_the_codes_of_the_ordinary_path()
    {
        var buffer = new FileReadBuffer();
        File.WriteAllText(Path.Combine(_dir, "big.json"), "{\"nodes\": [], \"links\": [], \"pad\": \"" + new string('x', 5000) + "\"}");
        buffer.TryRead(Path.Combine(_dir, "big.json"), long.MaxValue);
        Directory.CreateDirectory(Path.Combine(_dir, "folder.json"));
        File.WriteAllText(Path.Combine(_dir, "truncated.json"), "{\"nodes\": [{\"id\": 1, ");
        File.WriteAllText(Path.Combine(_dir, "empty.json"), string.Empty);
        File.WriteAllText(Path.Combine(_dir, "utf16.json"), "{\"nodes\": [], \"links\": []}", Encoding.Unicode);
        File.WriteAllText(Path.Combine(_dir, "array.json"), "[1, 2]");
        using (var large = File.Create(Path.Combine(_dir, "large.json")))
        {
            large.SetLength(JsonSource.MaxFileBytes + 1);
        }

        var expected = new Dictionary<string, string?>
        {
            ["missing.json"] = LokiCodes.FileNotFound,
            ["folder.json"] = LokiCodes.FileNotFound,
            ["truncated.json"] = LokiCodes.WorkflowInvalidJson,
            ["empty.json"] = LokiCodes.WorkflowInvalidJson,
            ["utf16.json"] = null,
            ["array.json"] = LokiCodes.WorkflowUnknownFormat,
            ["large.json"] = LokiCodes.FileTooLarge,
        };
        foreach (var (name, code) in expected)
        {
            var path = Path.Combine(_dir, name);
            var alone = Outcome(() => WorkflowLoader.Load(path), path);
            Assert.Equal(alone, Outcome(() => WorkflowLoader.Load(path, buffer), path));
            if (code is null)
            {
                Assert.StartsWith(path + "|", alone, StringComparison.Ordinal);
            }
            else
            {
                Assert.StartsWith("error " + path, alone, StringComparison.Ordinal);
                Assert.Contains(" error " + code + ":", alone, StringComparison.Ordinal);
            }
        }
    }
}
