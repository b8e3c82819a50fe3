using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Schemas;

namespace Loki.Core.Tests.Conversion;

/// <summary>
/// Candidates whose widget layouts agree are weighed only at the positions whose option lists answer differently
/// (<see cref="CandidatePlan"/>): the plan must name exactly those positions (file lists and empty lists never count,
/// so they never differ), and choosing by it must pick what weighing every candidate in full picks, for any values.
/// </summary>
public sealed class CandidatePlanTests : IDisposable
{
    // Positions: seed 0, its control 1, sampler 2, steps 3, model 4, mode 5. B has a sampler option A lacks and the
    // other way round, and lists other files; C has other samplers, no files and another mode list; Odd has one widget more (another layout).
    private const string A = """{"Sampler": {"input": {"required": {"seed": ["INT", {"default": 0, "control_after_generate": true}], "sampler": [["a", "b", "e"]], "steps": ["INT", {"default": 20}], "model": [["x.safetensors"]], "mode": [["one", "two"]]}}, "output": [], "name": "Sampler", "display_name": "A"}}""";
    private const string B = """{"Sampler": {"input": {"required": {"seed": ["INT", {"default": 0, "control_after_generate": true}], "sampler": [["a", "b", "c"]], "steps": ["INT", {"default": 20}], "model": [["y.safetensors", "z.ckpt"]], "mode": [["one", "two"]]}}, "output": [], "name": "Sampler", "display_name": "B"}}""";
    private const string C = """{"Sampler": {"input": {"required": {"seed": ["INT", {"default": 0, "control_after_generate": true}], "sampler": [["b", "d"]], "steps": ["INT", {"default": 20}], "model": [[]], "mode": [["one", "two", "three"]]}}, "output": [], "name": "Sampler", "display_name": "C"}}""";
    private const string Odd = """{"Sampler": {"input": {"required": {"seed": ["INT", {"default": 0, "control_after_generate": true}], "sampler": [["a", "d"]], "steps": ["INT", {"default": 20}], "model": [["x.safetensors"]], "mode": [["one", "two"]], "cfg": ["FLOAT", {"default": 8}]}}, "output": [], "name": "Sampler", "display_name": "Odd"}}""";

    private static readonly string[] Texts = ["a", "c", "d", "e", "one", "two", "three", "fixed", "increment", "randomize", "x.safetensors", "q"];

    private readonly string _dir = Directory.CreateTempSubdirectory("loki-plan-").FullName;

    [Fact]
    public void Only_positions_whose_options_answer_differently_are_weighed()
    {
        Assert.Equal([2], Plan(Load(A, B)).Differing);
        Assert.Equal([2, 5], Plan(Load(A, B, C)).Differing);
        Assert.Null(Plan(Load(A, Odd)).Differing);
        Assert.Null(Plan(Load(A, B)).Lead); // no catalogue: nothing outranks by provenance alone
    }

    [Fact]
    public void The_candidate_holding_a_saved_option_wins_and_a_tie_keeps_the_first()
    {
        var set = Load(A, B);
        var candidates = set.WeighedCandidates("Sampler");
        Assert.Equal("B", Choose(set, """[1, "fixed", "c", 20, "x.safetensors", "one"]""").DisplayName);
        Assert.Equal("A", Choose(set, """[1, "randomize", "e", 20, "y.safetensors"]""").DisplayName);
        Assert.Same(candidates[0], Choose(set, """[1, "fixed", "a", 20, "q", "one"]"""));

        // A number at the control position was saved before control widgets existed and belongs to the sampler: the
        // text after it is then the steps' value, and no option list is asked about it (either candidate is ranked first).
        Assert.Same(candidates[0], Choose(set, """[1, 3, "c", 20]"""));
        Assert.Same(candidates[0], Choose(set, """[1, 3, "e", 20]"""));
    }

    [Fact]
    public void Planned_choices_are_those_of_weighing_every_candidate_in_full()
    {
        var sets = new[] { Load(A, B), Load(A, B, C), Load(C, B), Load(A, Odd, C) };
        var (differed, random) = (0, new Random(10));
        for (var round = 0; round < 3000; round++)
        {
            var values = RandomValues(random);
            foreach (var set in sets)
            {
                var all = set.WeighedCandidates("Sampler");
                var (planned, full) = (Choose(set, values.ToJsonString()), SchemaChoice.For(all, values, null));
                Assert.True(ReferenceEquals(planned, full), $"{values.ToJsonString()}: {planned.DisplayName} planned, {full!.DisplayName} in full");
                differed += ReferenceEquals(full, all[0]) ? 0 : 1;
            }
        }

        // Values must often choose another candidate than the first, or the comparison proves little.
        Assert.True(differed > 1000, $"only {differed} choices of another candidate than the first");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Chosen as conversion chooses: through the class's plan.
    private static NodeSchema Choose(SchemaSet set, string values) =>
        SchemaChoice.For(set, "Sampler", (JsonArray)JsonNode.Parse(values)!, null)!;

    private static CandidatePlan Plan(SchemaSet set) => CandidatePlan.Of(set, "Sampler")!;

    // Mostly a saved KSampler-like list (seed, a control mode or not, a sampler, steps, a model, a mode), each position
    // sometimes another kind of value, cut short or run on; sometimes anything at all.
    private static JsonArray RandomValues(Random random)
    {
        var values = new JsonArray();
        if (random.Next(4) > 0)
        {
            values.Add(Maybe(random, JsonValue.Create(random.Next(100))));
            if (random.Next(3) > 0)
            {
                values.Add(Maybe(random, JsonValue.Create(Texts[random.Next(7, 10)])));
            }

            values.Add(Maybe(random, JsonValue.Create(Texts[random.Next(0, 4)])));
            values.Add(Maybe(random, JsonValue.Create(random.Next(1, 50))));
            values.Add(Maybe(random, JsonValue.Create(Texts[random.Next(10, 12)])));
            values.Add(Maybe(random, JsonValue.Create(Texts[random.Next(4, 7)])));
            while (values.Count > 0 && random.Next(4) == 0)
            {
                values.RemoveAt(values.Count - 1);
            }
        }

        for (var i = random.Next(0, values.Count == 0 ? 9 : 2); i > 0; i--)
        {
            values.Add(Any(random));
        }

        return values;
    }

    private static JsonNode? Maybe(Random random, JsonNode value) => random.Next(8) == 0 ? Any(random) : value;

    private static JsonNode? Any(Random random) =>
            random.Next(8) switch
            {
                0 => JsonValue.Create(random.Next(-2, 50)),
                1 => JsonValue.Create(random.NextDouble()),
                2 => null,
                3 => JsonValue.Create(random.Next(2) == 0),
                4 => new JsonArray(1, 2),
                _ => JsonValue.Create(Texts[random.Next(Texts.Length)]),
            };

    // The definitions loaded together (their class's candidates newest first, as the schema set ranks them).
    private SchemaSet Load(params string[] definitions)
    {
        var files = definitions.Select((text, i) =>
        {
            var file = Path.Combine(_dir, $"{Guid.NewGuid():N}-{i}.json");
            File.WriteAllText(file, text);
            return file;
        });
        var set = SchemaSet.Load([.. files], includeCatalogue: false);
        Assert.Equal(definitions.Length, set.WeighedCandidates("Sampler").Count);
        return set;
    }
}
