using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

/// <summary>
/// <see cref="InputSpec"/> reads its options by their kind (no <c>TryGetValue&lt;T&gt;</c>, whose first call per
/// instantiation is slow in the native CLI) with the answers <c>TryGetValue</c> gave, kept here as the reference: on
/// options of every kind and on every input of every corpus dump; a string option's or choice's text is its value.
/// </summary>
public sealed class InputSpecOptionTests
{
    public static TheoryData<string> OddOptions() => new()
    {
        """{}""", """{"widgetType": "COMBO"}""", """{"widgetType": 5}""", """{"widgetType": null}""", """{"widgetType": ""}""",
        """{"forceInput": true}""", """{"forceInput": "true"}""", """{"forceInput": 1}""", """{"forceInput": false}""",
        """{"dynamicPrompts": true}""", """{"dynamicPrompts": [true]}""", """{"control_after_generate": true}""",
        """{"control_after_generate": false}""", """{"control_after_generate": "fixed"}""", """{"control_after_generate": ""}""",
        """{"control_after_generate": 1}""", """{"control_after_generate": null}""", """{"control_after_generate": {}}""",
        """{"widgetType": "INT", "control_after_generate": "x\u00e9"}""",
    };

    [Theory]
    [MemberData(nameof(OddOptions))]
    public void Odd_options_read_as_TryGetValue_read_them(string options)
    {
        foreach (var type in new[] { "INT", "COMBO", "FLOAT", "STRING", "CUSTOM" })
        {
            foreach (var name in new[] { "seed", "x" })
            {
                var parsed = (JsonObject)JsonNode.Parse(options)!;
                Same(new InputSpec(name, type, parsed, null, "required"));
                Same(new InputSpec(name, type, (JsonObject)Loki.Core.Workflows.JsonSource.BuildNode(System.Text.Json.JsonDocument.Parse(options).RootElement)!, null, "optional"));
            }
        }
    }

    [CorpusFact]
    public void Every_input_of_every_corpus_dump_reads_as_TryGetValue_read_it()
    {
        var dumps = Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas"), "*.json", SearchOption.AllDirectories).Where(f => !SchemaOrigin.IsStatsFile(f)).ToList();
        var (inputs, choices) = (0, 0);
        foreach (var dump in dumps)
        {
            SchemaSet set;
            try
            {
                set = SchemaSet.Load([dump], includeCatalogue: true);
            }
            catch (Loki.Core.Diagnostics.LokiException)
            {
                continue;
            }

            foreach (var schema in set.ClassTypes.SelectMany(set.Candidates))
            {
                foreach (var input in schema.Inputs)
                {
                    Same(input);
                    inputs++;
                    foreach (var choice in input.Choices ?? [])
                    {
                        if (choice is JsonValue v && v.TryGetValue(out string? text))
                        {
                            Assert.Equal(text, v.ToString());
                            choices++;
                        }
                    }
                }
            }
        }

        Assert.True(inputs > 20_000 && choices > 20_000, $"{inputs} inputs, {choices} string choices");
    }

    private static void Same(InputSpec input)
    {
        var options = input.Options;
        Assert.Equal(options?["widgetType"] is JsonValue w && w.TryGetValue(out string? s) ? s : input.Type, input.WidgetType);
        foreach (var flag in new[] { "forceInput", "dynamicPrompts", "control_after_generate", "widgetType" })
        {
            Assert.Equal(options?[flag] is JsonValue f && f.TryGetValue(out bool b) && b, input.Flag(flag));
        }

        Assert.Equal(ReferenceControls(input), input.ControlWidgetCount);
    }

    // ControlWidgetCount as it was written with TryGetValue.
    private static int ReferenceControls(InputSpec input)
    {
        var control = input.Options?["control_after_generate"];
        var on = control is JsonValue v
            ? (v.TryGetValue(out bool b) ? b : v.TryGetValue(out string? s) && s.Length > 0)
            : control is null && input.Type == "INT" && input.Name is "seed" or "noise_seed";
        return input.HasWidget && on ? InputSpec.ControlsOf(input.WidgetType) : 0;
    }
}
