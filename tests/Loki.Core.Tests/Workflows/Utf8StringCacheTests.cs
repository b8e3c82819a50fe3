using System.Text;
using System.Text.Json;
using Loki.Core.Workflows;
using Xunit;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// The per-thread string cache gives the text it is asked for whatever its size, starts small (a one-file run of a small
/// workflow should not zero 512 KB) and grows once a thread's texts clash often. Each case runs on its own thread, so it
/// meets a table of its own.
/// </summary>
public sealed class Utf8StringCacheTests
{
    [Fact]
    public void AFewHundredTexts_KeepTheStartingTable_AndEachReadGivesItsText()
    {
        var (entries, mismatches) = OnNewThread(Texts(600, "node_"), rounds: 3);

        Assert.Equal(4096, entries);
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void ManyDistinctTexts_GrowTheTableOnce_AndEveryReadBeforeAndAfterGivesItsText()
    {
        var (entries, mismatches) = OnNewThread(Texts(40_000, "id"), rounds: 2);

        Assert.Equal(16384, entries);
        Assert.Equal(0, mismatches);
    }

    [Theory]
    [InlineData("KSampler_")]
    [InlineData("a_long_prefix_name_")]
    [InlineData("")]
    public void TextsDifferingOnlyInTheirLastBytes_SpreadOverTheTable(string prefix)
    {
        // 600 texts in 4,096 entries: a random spread leaves ~558 entries taken; the old hash put "KSampler_0" ...
        // "KSampler_599" in 7.
        var taken = Texts(600, prefix).Select(t => Utf8StringCache.SlotOf(Encoding.ASCII.GetBytes(t), 4096)).Distinct().Count();

        Assert.InRange(taken, 520, 600);
    }

    [Fact]
    public void EscapedAndNonAsciiTexts_AreGivenAsTheParserReadsThem()
    {
        var texts = new[] { "a\\\"b", "caf\u00e9", "tab\\t", "plain", "plain", "\\u0041" };
        var json = "[" + string.Join(",", texts.Select(t => "\"" + t + "\"")) + "]";
        string[] read = [];
        var thread = new Thread(() => read = ReadAll(Encoding.UTF8.GetBytes(json)));
        thread.Start();
        thread.Join();

        Assert.Equal(["a\"b", "café", "tab\t", "plain", "plain", "A"], read);
    }

    [Fact]
    public void TextsOfEveryLength_ThatShareTheirFirstAndLastEightBytes_EachGetTheirOwnText()
    {
        // Up to 16 bytes an entry tells texts apart by their first and last eight bytes and length; longer texts that
        // share those (and so their entry) must be compared whole. Each length from 1 to 40, every byte in turn changed.
        var texts = new List<string>();
        for (var length = 1; length <= 40; length++)
        {
            var baseText = new string('a', length);
            texts.Add(baseText);
            for (var at = 0; at < length; at++)
            {
                texts.Add(baseText[..at] + "b" + baseText[(at + 1)..]);
            }
        }

        var (_, mismatches) = OnNewThread([.. texts], rounds: 3);

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void PlainIntegers_AreGivenTheirText_ByValueBelowTheSmallLimit_AndAsBeforeAbove()
    {
        // Small values come from an array by value that grows as larger ones are read (out of order here); the rest, and
        // every text that is not the one way of writing a whole number, from the hashed table or not at all.
        int[] small = [5, 0, 300, 17, 16383, 299, 4096, 1, 257];
        string[] other = ["16384", "99999", "123456", "-5", "-0", "007", "00", "1.5", "1e3", "", "-", "12a", "999999999999999999", "9999999999999999999"];
        var mismatches = new List<string>();
        var thread = new Thread(() =>
        {
            for (var round = 0; round < 2; round++)
            {
                foreach (var text in small.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).Concat(other))
                {
                    var expected = long.TryParse(text, out var v) && v.ToString(System.Globalization.CultureInfo.InvariantCulture) == text && text.Length <= 18 ? text : null;
                    var first = Utf8StringCache.PlainInteger(Encoding.ASCII.GetBytes(text));
                    var again = Utf8StringCache.PlainInteger(Encoding.ASCII.GetBytes(text));
                    if (first != expected || (expected is not null && !ReferenceEquals(first, again)))
                    {
                        mismatches.Add($"{text}: {first ?? "null"}");
                    }
                }
            }
        });
        thread.Start();
        thread.Join();

        Assert.Empty(mismatches);
    }

    private static string[] Texts(int count, string prefix) =>
        Enumerable.Range(0, count).Select(i => prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static (int Entries, int Mismatches) OnNewThread(string[] texts, int rounds)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(texts);
        var (entries, mismatches) = (0, 0);
        var thread = new Thread(() =>
        {
            for (var r = 0; r < rounds; r++)
            {
                var read = ReadAll(bytes);
                mismatches += read.Where((t, i) => t != texts[i]).Count();
            }

            entries = Utf8StringCache.EntriesOnThisThread;
        });
        thread.Start();
        thread.Join();
        return (entries, mismatches);
    }

    private static string[] ReadAll(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var read = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                read.Add(Utf8StringCache.String(ref reader));
            }
        }

        return [.. read];
    }
}
