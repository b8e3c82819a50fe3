using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// <see cref="DensePositions"/>, the array of positions by value behind <see cref="UiNodeIndex"/> and
/// <see cref="UiLinkTable"/>: it must keep the first position of a repeated key, find exactly the keys added (none
/// outside its range, none in a default one), and take only ranges a few times the count, without overflowing on keys
/// at the ends of the long range.
/// </summary>
public sealed class DensePositionsTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(-300L)]
    [InlineData(long.MaxValue - 500)]
    [InlineData(long.MinValue)]
    public void Finds_what_a_dictionary_of_the_first_position_of_each_key_finds(long first)
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var count = random.Next(1, 80);
            var keys = Enumerable.Range(0, count).Select(_ => first + random.Next(0, (2 * count) + 1)).ToArray();
            var (min, max) = (keys.Min(), keys.Max());
            Assert.True(DensePositions.Fits(min, max, count));

            var dense = DensePositions.For(min, max);
            var expected = new Dictionary<long, int>();
            for (var i = 0; i < keys.Length; i++)
            {
                Assert.Equal(expected.TryAdd(keys[i], i), dense.TryAdd(keys[i], i));
            }

            for (var key = min; key <= max && key >= min; key++)
            {
                Assert.Equal(expected.GetValueOrDefault(key, -1), dense.Find(key));
            }

            // Keys just outside the range, and far away.
            foreach (var outside in new[] { min - 1, max + 1, unchecked(min + long.MaxValue), unchecked(max - long.MaxValue) })
            {
                if (outside < min || outside > max)
                {
                    Assert.Equal(-1, dense.Find(outside));
                }
            }
        }
    }

    [Theory]
    [InlineData(0L, 0L, 1, true)]
    [InlineData(0L, 67L, 1, true)] // 4 * 1 + 64 values apart is the first range left to a dictionary
    [InlineData(0L, 68L, 1, false)]
    [InlineData(10L, 4009L, 1000, true)]
    [InlineData(10L, 4074L, 1000, false)]
    [InlineData(0L, 0L, 0, false)] // no keys: nothing to index
    [InlineData(long.MinValue, long.MaxValue, 1000, false)] // a range wider than a long: no overflow into "close"
    [InlineData(-1L, long.MaxValue, 1000, false)]
    [InlineData(5L, 4L, 10, false)] // no key read (min above max)
    public void Takes_only_ranges_a_few_times_the_count(long min, long max, int count, bool fits)
    {
        Assert.Equal(fits, DensePositions.Fits(min, max, count));
    }

    [Fact]
    public void A_default_index_finds_nothing()
    {
        var none = default(DensePositions);

        Assert.False(none.IsMade);
        Assert.Equal(-1, none.Find(0));
        Assert.Equal(-1, none.Find(long.MinValue));
        Assert.True(DensePositions.For(3, 3).IsMade);
    }
}
