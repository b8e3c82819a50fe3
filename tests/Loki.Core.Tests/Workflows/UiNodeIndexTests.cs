using System.Text.Json.Nodes;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// <see cref="UiNodeIndex"/> finds whole-number ids through an array of positions by value when they lie close together
/// and every other id by text: it must find exactly what a dictionary of the first node of each id finds, and note the
/// same repeated nodes in the same order, whatever the ids are (numbers near or far apart, negative, zero, written with
/// a zero or plus in front, with a sign only, not numbers).
/// </summary>
public sealed class UiNodeIndexTests
{
    private static readonly string[] Odd = ["0", "-0", "05", "+5", "-", "", "a", "5a", " 5", "-12", "999999999999999999", "1000000000000000000", "٣"];

    [Theory]
    [InlineData(1, 3)] // close together: the array
    [InlineData(1, 500)] // far apart: the dictionary
    [InlineData(-40, 3)] // negative ids
    public void Finds_what_a_dictionary_of_the_first_of_each_id_finds(int first, int spread)
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var ids = new List<string>();
            var count = random.Next(0, 50);
            for (var i = 0; i < count; i++)
            {
                ids.Add(random.Next(8) switch
                {
                    0 when i > 0 => ids[random.Next(i)], // a repeated id (a broken file)
                    1 => Odd[random.Next(Odd.Length)],
                    _ => (first + random.Next(0, Math.Max(1, count * spread))).ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            var nodes = ids.Select((id, i) => new UiNode(new JsonObject { ["id"] = id, ["type"] = $"T{i}" }, id, $"$.nodes[{i}]")).ToList();
            var expected = new Dictionary<string, UiNode>(StringComparer.Ordinal);
            var repeats = new List<UiNode>();
            foreach (var node in nodes)
            {
                if (!expected.TryAdd(node.Id, node))
                {
                    repeats.Add(node);
                }
            }

            var index = UiNodeIndex.Of(nodes, out var repeated);
            Assert.Equal(repeats, repeated ?? []);
            foreach (var id in ids.Concat(Odd).Concat(["-1", "1", "7", (first - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "2", "123456"]))
            {
                Assert.Same(expected.GetValueOrDefault(id), index.Find(id));
            }
        }
    }
}
