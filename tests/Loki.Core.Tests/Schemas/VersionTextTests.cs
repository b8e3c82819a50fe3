using System.Text.RegularExpressions;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// <see cref="VersionText"/> answers as the regular expressions it replaced did (kept here as the reference), on odd
/// names (case, separators, non-ASCII letters that fold to ASCII, digits of other scripts, partial versions) and on
/// every file name of the corpus.
/// </summary>
public sealed partial class VersionTextTests
{
    public static TheoryData<string> Names => new()
    {
        "comfyui-0.3.64-core.object_info.json", "ComfyUI_v0.3.object_info.json", "COMFYUI 1.2.3.4.json", "comfyuiv12.0",
        "comfyui--0.3.64", "comfyui-v-0.3", "comfyui_vv1.2", "comfyui-1.", "comfyui-1.x", "comfyui-.1.2", "xcomfyui1.2.3x",
        "comfyui-x comfyui-2.5", "comfyui", "comfyu-1.2", "", "comfyui-\u0661.\u0662.\u0663", "comfyui-1.2.\u0663\u0664",
        "comfyu\u0131-1.2", "comfyu\u0130-1.2", "\u212Aomfyui-1.2", "COMFYU\u0049-9.9", "comfyui\u00A01.2", "comfyui-1.2.",
        "comfyui-1..2", "comfyuicomfyui-3.4", "comfyui-v\u0131.2", "comfyui-\uFF11.\uFF12", "a/comfyui-1.2", "comfyui 0.3.64 ",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void A_name_gives_the_version_the_regular_expression_gave(string name)
    {
        Assert.Equal(FileNameReference(name), VersionText.InFileName(name));
        Assert.Equal(StartReference(name), VersionText.AtStart(name));
        var tail = name.Length > 8 ? name[8..] : name;
        Assert.Equal(StartReference(tail), VersionText.AtStart(tail));
    }

    [CorpusFact]
    public void Every_corpus_file_name_gives_the_version_the_regular_expression_gave()
    {
        var names = Directory.EnumerateFiles(RepoPaths.Corpus!, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.True(names.Count > 1000);
        Assert.Contains(names, n => VersionText.InFileName(n!) is not null);
        Assert.All(names, n => Assert.Equal(FileNameReference(n!), VersionText.InFileName(n!)));
    }

    private static string? FileNameReference(string name) => FileNameVersion().Match(name) is { Success: true } m ? m.Groups[1].Value : null;

    private static string? StartReference(string text) => StartVersion().Match(text) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"comfyui[-_ ]?v?(\d+\.\d+(?:\.\d+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNameVersion();

    [GeneratedRegex(@"^\d+\.\d+(?:\.\d+)?")]
    private static partial Regex StartVersion();
}
