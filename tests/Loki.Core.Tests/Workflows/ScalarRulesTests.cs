using System.Text;
using System.Text.Json;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// The element readers (<see cref="JsonRead"/>) and the direct reader's (<see cref="ReaderValues"/>) take their rules for
/// numbers and numeric text from the same helpers: each value reads as the expected long, id and type either way.
/// </summary>
public sealed class ScalarRulesTests
{
    [Theory]
    [InlineData("5", 5L, "5", "5")]
    [InlineData("-12", -12L, "-12", "-12")]
    [InlineData("-0", 0L, "0", "-0")]
    [InlineData("007", null, null, null)]
    [InlineData("1.0", 1L, "1", "1.0")]
    [InlineData("1e2", 100L, "100", "1e2")]
    [InlineData("1.5", null, "1.5", "1.5")]
    [InlineData("12345678901234567890", null, "12345678901234567890", "12345678901234567890")]
    [InlineData("9223372036854775807", long.MaxValue, "9223372036854775807", "9223372036854775807")]
    [InlineData("\"42\"", 42L, "42", "42")]
    [InlineData("\" 42 \"", 42L, " 42 ", " 42 ")]
    [InlineData("\"+7\"", 7L, "+7", "+7")]
    [InlineData("\"4.0\"", null, "4.0", "4.0")]
    [InlineData("\"\\u0034\"", 4L, "4", "4")]
    [InlineData("[\"A\", 1, \"B\"]", null, null, "A,,B")]
    [InlineData("null", null, null, "")]
    [InlineData("true", null, null, "")]
    public void Numbers_and_numeric_text_read_alike_from_an_element_and_from_the_reader(string json, long? expectedLong, string? expectedId, string? expectedType)
    {
        if (json == "007")
        {
            // Not JSON: neither form reads it (the loader reports the file).
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json));
            return;
        }

        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        Assert.Equal(expectedLong, JsonRead.Long(element));
        Assert.Equal(expectedId, JsonRead.Id(element));
        Assert.Equal(expectedType, JsonRead.Type(element));
        Assert.Equal(expectedLong, Read(json, static (ref Utf8JsonReader r) => ReaderValues.Long(ref r)));
        Assert.Equal(expectedId, Read(json, static (ref Utf8JsonReader r) => ReaderValues.Id(ref r)));
        Assert.Equal(expectedType, Read(json, static (ref Utf8JsonReader r) => ReaderValues.Type(ref r)));
    }

    private delegate T ReadValue<T>(ref Utf8JsonReader reader);

    // The value read as the direct reader reads it: the reader on its first token, left on its last (nothing after).
    private static T Read<T>(string json, ReadValue<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Assert.True(reader.Read());
        var value = read(ref reader);
        Assert.False(reader.Read());
        return value;
    }

    [Fact]
    public void A_number_of_digits_reads_as_the_general_parser_reads_it()
    {
        // Every length around the 18 digits the plain path takes (19 may overflow a long), both signs, zeros, and
        // numbers it leaves to the general path (fraction, exponent, too long).
        var texts = new List<string> { "0", "-0", "1", "-1", "9", "10", "1.0", "-1.5", "1e3", "2E+2", "-0.0", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "12345678901234567890" };
        var random = new Random(10);
        for (var digits = 1; digits <= 20; digits++)
        {
            for (var i = 0; i < 50; i++)
            {
                var text = new string([.. Enumerable.Range(0, digits).Select(d => (char)('0' + (d == 0 ? random.Next(1, 10) : random.Next(10))))]);
                texts.Add(text);
                texts.Add("-" + text);
                texts.Add(new string('9', digits));
            }
        }

        foreach (var text in texts)
        {
            var raw = System.Text.Encoding.ASCII.GetBytes(text);
            var expected = System.Buffers.Text.Utf8Parser.TryParse(raw, out long value, out var consumed) && consumed == raw.Length ? value : JsonRead.WholeNumber(text);
            Assert.True(expected == JsonRead.LongOfNumber(raw), text);
        }
    }
}
