using Loki.Core.Schemas;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// <see cref="SchemaOrigin.ParsedVersion"/> is parsed once per origin and kept, which must not show: an origin whose
/// version was read equals (and hashes as) one whose was not, a copy made with another version gives its own, and a
/// version that is no number stays null however often it is asked for.
/// </summary>
public sealed class SchemaOriginTests
{
    [Fact]
    public void An_origin_whose_version_was_read_equals_one_whose_was_not()
    {
        var (read, unread) = (new SchemaOrigin("d.json", "0.3.64"), new SchemaOrigin("d.json", "0.3.64"));
        Assert.Equal(new Version(0, 3, 64), read.ParsedVersion);
        Assert.Same(read.ParsedVersion, read.ParsedVersion);
        Assert.Equal(unread, read);
        Assert.True(read == unread);
        Assert.Equal(unread.GetHashCode(), read.GetHashCode());
        Assert.NotEqual(new SchemaOrigin("d.json", "0.3.65"), read);
        Assert.NotEqual(new SchemaOrigin("e.json", "0.3.64"), read);
        Assert.NotEqual(new SchemaOrigin("d.json", null), read);
    }

    [Fact]
    public void A_copy_with_another_version_parses_its_own()
    {
        var origin = new SchemaOrigin("d.json", "0.3.64");
        Assert.Equal(new Version(0, 3, 64), origin.ParsedVersion);
        Assert.Equal(new Version(0, 4, 1), (origin with { ComfyVersion = "0.4.1" }).ParsedVersion);
        Assert.Null((origin with { ComfyVersion = null }).ParsedVersion);
        Assert.Null((origin with { ComfyVersion = "nightly" }).ParsedVersion);
        Assert.Equal(new Version(0, 3, 64), (origin with { Source = "e.json" }).ParsedVersion);
        Assert.Equal(new Version(0, 3, 64), origin.ParsedVersion);
    }

    [Fact]
    public void A_version_that_is_no_number_stays_null()
    {
        var origin = new SchemaOrigin("d.json", "nightly");
        Assert.Null(origin.ParsedVersion);
        Assert.Null(origin.ParsedVersion);
        Assert.Equal(new SchemaOrigin("d.json", "nightly"), origin);
    }
}
