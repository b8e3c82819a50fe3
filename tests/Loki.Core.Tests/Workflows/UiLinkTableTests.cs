using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// <see cref="UiLinkTable"/> finds links by id through an array of positions when the ids lie close together and a
/// dictionary otherwise: both must keep the first of a repeated id, keep file order and find exactly the ids held.
/// </summary>
public sealed class UiLinkTableTests
{
    [Theory]
    [InlineData(1, 5)] // ids 1..n with gaps: the array of positions
    [InlineData(1, 1000)] // far apart: the dictionary
    [InlineData(-50, 5)] // negative ids
    [InlineData(long.MaxValue - 100, 3)] // near the end of the range
    public void Finds_what_a_dictionary_of_the_first_of_each_id_finds(long first, int spread)
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var random = new Random(seed);
            var read = new List<UiLinkFields>();
            var count = random.Next(0, 60);
            for (var i = 0; i < count; i++)
            {
                // Now and then an id repeats an earlier one (a broken file): the first is kept.
                var id = i > 0 && random.Next(6) == 0 ? read[random.Next(i)].Id : first + random.Next(0, Math.Max(1, count * spread));
                read.Add(new UiLinkFields(id, $"{i}", i % 3, $"{i + 1}", 0, "IMAGE", i));
            }

            var expected = new Dictionary<long, UiLinkFields>();
            foreach (var link in read)
            {
                expected.TryAdd(link.Id, link);
            }

            var table = UiLinkTable.From(read.ToArray(), "$.links");
            Assert.Equal(expected.Values, table.Items.ToArray());
            foreach (var (id, link) in expected)
            {
                Assert.Equal(link, table[table.Find(id)]);
                Assert.Equal($"$.links[{link.Index}]", table.PathOf(table.Find(id)));
                Assert.Equal(id, table.Object(table.Find(id)).Id);
            }

            foreach (var absent in new[] { first - 1, first + (count * spread) + 1, long.MinValue, long.MaxValue, 0 })
            {
                var at = table.Find(absent);
                if (expected.ContainsKey(absent))
                {
                    Assert.Equal(absent, table[at].Id);
                }
                else
                {
                    Assert.Equal(-1, at);
                }
            }

            Assert.Equal(expected.Keys, table.ById.Keys);
        }
    }

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        Assert.Equal(-1, UiLinkTable.From([], "$.links").Find(0));
        Assert.Equal(-1, UiLinkTable.Empty.Find(1));
        Assert.Empty(UiLinkTable.Empty.ById);
    }
}
