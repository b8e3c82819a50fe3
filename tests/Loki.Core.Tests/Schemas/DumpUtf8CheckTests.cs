using System.Text.Unicode;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// A dump's UTF-8 is checked run by run (<see cref="DumpIndex.IsUtf8"/>: each run of non-ASCII bytes alone, the ASCII
/// between skipped) with the answers of <see cref="Utf8.IsValid"/> over the whole text: on every corpus dump, on
/// sequences cut, overlong, surrogate, past U+10FFFF or broken by an ASCII byte, and on random bytes.
/// </summary>
public sealed class DumpUtf8CheckTests
{
    public static TheoryData<byte[]> OddTexts() => new()
    {
        Array.Empty<byte>(), "plain ascii"u8.ToArray(), "caf\u00e9 \u2603 \ud83d\ude00"u8.ToArray(), new byte[] { 0xC3 }, new byte[] { (byte)'a', 0xC3 },
        new byte[] { 0xC3, (byte)'a', 0xA9 }, new byte[] { 0xC0, 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
        new byte[] { 0xE2, 0x98 }, new byte[] { 0xE2, 0x98, (byte)'x', 0x83 }, new byte[] { 0x80 }, new byte[] { 0xFF, (byte)'a' },
        new byte[] { (byte)'x', 0xF0, 0x9F, 0x98, 0x80, (byte)'y', 0xC3, 0xA9 }, new byte[] { 0xF0, 0x9F, 0x98, 0x80, 0x80 }, new byte[] { 0xEF, 0xBB, 0xBF },
    };

    [Theory]
    [MemberData(nameof(OddTexts))]
    public void An_odd_text_is_judged_as_a_whole_text_check_judges_it(byte[] text)
    {
        Assert.Equal(Utf8.IsValid(text), DumpIndex.IsUtf8(text));
        var padded = new byte[text.Length + 100];
        "{\"long ascii prefix, longer than one vector of the search\": \""u8.CopyTo(padded);
        text.CopyTo(padded, 60);
        Assert.Equal(Utf8.IsValid(padded), DumpIndex.IsUtf8(padded));
    }

    [Fact]
    public void Random_bytes_are_judged_as_a_whole_text_check_judges_them()
    {
        var random = new Random(10);
        var (valid, invalid) = (0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new byte[random.Next(0, 64)];
            for (var j = 0; j < text.Length; j++)
            {
                // Mostly ASCII, with lead and continuation bytes sprinkled in, as real text with a few non-ASCII letters.
                text[j] = random.Next(4) == 0 ? (byte)random.Next(0x80, 0x100) : (byte)random.Next(0x20, 0x7F);
            }

            var expected = Utf8.IsValid(text);
            Assert.True(expected == DumpIndex.IsUtf8(text), Convert.ToHexString(text));
            _ = expected ? valid++ : invalid++;
        }

        Assert.True(valid > 1000 && invalid > 1000, $"{valid} valid, {invalid} invalid");
    }

    [CorpusFact]
    public void Every_corpus_dump_is_judged_as_a_whole_text_check_judges_it()
    {
        var dumps = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas"), "*.json", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(dumps);
        foreach (var dump in dumps)
        {
            var bytes = File.ReadAllBytes(dump);
            Assert.Equal(Utf8.IsValid(bytes), DumpIndex.IsUtf8(bytes));
            if (bytes.Length > 100)
            {
                // One byte in the middle made a stray lead byte: never valid.
                bytes[bytes.Length / 2] = 0xC3;
                bytes[(bytes.Length / 2) + 1] = (byte)'x';
                Assert.False(DumpIndex.IsUtf8(bytes), dump);
            }
        }
    }
}
