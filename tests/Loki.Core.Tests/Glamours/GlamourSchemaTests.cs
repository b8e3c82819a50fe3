using System.Text.Json;
using Json.Schema;
using Loki.Tests;

namespace Loki.Core.Tests.Glamours;

/// <summary>docs/schemas/glamour.schema.json: version 1 and the original pack's file pass; wrong shapes fail.</summary>
public sealed class GlamourSchemaTests
{
    internal static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepoPaths.InRepo("docs", "schemas", "glamour.schema.json"))));

    private const string States =
        "\"states\": {\"idle\": {\"image\": \"states/idle.png\"}, \"queued\": {\"image\": \"states/queued.png\"}, \"running\": {\"image\": \"states/running.png\"}, "
        + "\"done\": {\"image\": \"states/done.png\"}, \"error\": {\"image\": \"states/error.png\", \"tint\": \"#ff0000\"}}";

    private static readonly string Sha = new('a', 64);

    private static string V1(string rest = "", string icon = "icon.png") =>
        "{\"version\": 1, \"node\": \"image_blur\", \"icon\": \"" + icon + "\", " + States + rest + "}";

    public static TheoryData<string, bool> Samples() => new()
    {
        { V1(), true },
        {
            V1(", \"card\": \"card/card.png\", \"metaphor\": \"m\", "
               + "\"overlays\": [{\"widget\": \"radius\", \"x\": 0.1, \"y\": 0.2, \"w\": 0.5, \"h\": 0.1, \"kind\": \"number\"}], "
               + "\"interactions\": [{\"on\": \"hover\", \"action\": \"show_card\"}, {\"on\": \"click\", \"action\": \"edit_widget\", \"widget\": \"radius\"}], "
               + "\"parts\": [{\"id\": \"3\", \"node\": \"image_blur\", \"x\": 0, \"y\": 0, \"w\": 0.5, \"h\": 0.5, \"glamoured\": true}], "
               + "\"loki\": {\"generated\": true, \"source\": \"image_blur_name.md\", \"source_sha256\": \"" + Sha + "\"}"),
            true
        },
        { """{"version": 2, "node": "x", "icon": "icon.png", "states": {}}""", false },
        { V1(icon: "../secret.png"), false },
        { V1(icon: "icon.txt"), false },
        { """{"version": 1, "node": "x", "icon": "icon.png", "states": {"idle": {"image": "states/idle.png"}}}""", false },
        { V1(", \"overlays\": [{\"widget\": \"r\", \"x\": 1.5, \"y\": 0, \"w\": 0.1, \"h\": 0.1}]"), false },
        { V1(", \"interactions\": [{\"on\": \"drag\", \"action\": \"show_card\"}]"), false },
        { V1(", \"interactions\": [{\"on\": \"click\", \"action\": \"edit_widget\"}]"), false },
        { V1(", \"colour\": \"red\""), false },
        { """{"node_display_name": "no internal name"}""", false },
        { """[]""", false },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void AcceptsExactlyTheValidShapes(string json, bool valid) => Assert.Equal(valid, Accepts(JsonDocument.Parse(json).RootElement));

    [Fact]
    public void AcceptsTheOriginalPacksGlamourJson()
    {
        var path = RepoPaths.InRepo("tests", "Loki.Core.Tests", "Glamours", "OriginalPack", "glamour.json");
        Assert.True(Accepts(JsonDocument.Parse(File.ReadAllText(path)).RootElement));
    }

    internal static bool Accepts(JsonElement element) =>
        Schema.Value.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
}
