using System.Text.Json.Nodes;
using Loki.Core.Schemas;
using Loki.Tests;

namespace Loki.Core.Tests.Schemas;

public sealed class PackCatalogueTests
{
    [Theory]
    [InlineData("SAMLoader", "ComfyUI-Impact-Pack", "https://github.com/ltdrdata/ComfyUI-Impact-Pack")]
    [InlineData("Reroute (rgthree)", "rgthree-comfy", "https://github.com/rgthree/rgthree-comfy")]
    [InlineData("Power Lora Loader (rgthree)", "rgthree-comfy", "https://github.com/rgthree/rgthree-comfy")]
    [InlineData("VHS_LoadVideoPath", "ComfyUI-VideoHelperSuite", "https://github.com/Kosinkadink/ComfyUI-VideoHelperSuite")]
    [InlineData("SeargeMagicBox", "SeargeSDXL", "https://github.com/SeargeDP/SeargeSDXL")]
    [InlineData("ImageResizeKJ", "ComfyUI-KJNodes", "https://github.com/kijai/ComfyUI-KJNodes")]
    [InlineData("MakeLBW //Inspire", "ComfyUI-Inspire-Pack", "https://github.com/ltdrdata/ComfyUI-Inspire-Pack")]
    [InlineData("InjectLatentNoise+", "ComfyUI_essentials", "https://github.com/cubiq/ComfyUI_essentials")]
    [InlineData("HyVideoSampler", "ComfyUI-HunyuanVideoWrapper", "https://github.com/kijai/ComfyUI-HunyuanVideoWrapper")]
    public void Guess_KnownTypeOrNamingConvention_NamesThePack(string classType, string id, string repository)
    {
        var guess = PackCatalogue.Guess(classType);

        Assert.NotNull(guess);
        Assert.Equal(id, guess!.Id);
        Assert.Equal(repository, guess.Repository);
        Assert.False(string.IsNullOrEmpty(guess.Evidence));
    }

    [Theory]
    [InlineData("NonExistentCustomNode_XYZ_12345")]
    [InlineData("+")]
    [InlineData("")]
    public void Guess_NothingPointsAnywhere_IsNull(string classType) => Assert.Null(PackCatalogue.Guess(classType));

    [Fact]
    public void Guess_AuxIdWins_AndGivesTheForkItNames()
    {
        var guess = PackCatalogue.GuessForUiNode("ControlNetPreprocessorSelector", JsonNode.Parse("""{"aux_id": "aiplayuser/comfyui_controlnet_aux", "cnr_id": "x"}""")!.AsObject());

        Assert.Equal("https://github.com/aiplayuser/comfyui_controlnet_aux", guess!.Repository);
    }

    [Fact]
    public void Guess_UnknownRegistryId_PointsAtTheRegistry()
    {
        var guess = PackCatalogue.Guess("SomethingNew", cnrId: "my-pack", auxId: null);

        Assert.Equal("https://registry.comfy.org/nodes/my-pack", guess!.Repository);
    }

    [Fact]
    public void Guess_CoreNodeFromAnotherDump_IsCore()
    {
        Assert.True(PackCatalogue.Guess("KSampler")!.IsCore);
    }

    [CorpusFact]
    public void Guess_EveryCustomNodeTypeOfTheCorpusDumps_GivesItsModuleFolder()
    {
        var checkedTypes = 0;
        var coreTypes = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus!, "schemas", "reference", "comfyui-0.3.64-core.object_info.json")))!
            .AsObject().Select(p => p.Key).ToHashSet();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepoPaths.Corpus!, "schemas"), "*.json", SearchOption.AllDirectories))
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject dump)
            {
                continue;
            }

            foreach (var (classType, def) in dump)
            {
                if (def?["python_module"] is JsonValue m && m.GetValue<string>() is { } module && module.StartsWith("custom_nodes.", StringComparison.Ordinal))
                {
                    var guess = PackCatalogue.Guess(classType);
                    Assert.True(guess is not null, $"{classType} from {path} has no guess");
                    if (guess!.IsCore && coreTypes.Contains(classType))
                    {
                        continue; // ComfyUI ignores a custom node that reuses a core name (nodes.py init_external_custom_nodes)
                    }

                    Assert.Equal(module.Split('.')[1].ToLowerInvariant(), guess.Id.ToLowerInvariant());
                    checkedTypes++;
                }
            }
        }

        Assert.True(checkedTypes > 500, $"only {checkedTypes} custom-node types found in the corpus dumps");
    }

    [CorpusFact]
    public void Guess_EveryCustomTypeTheCorpusIndexNames_HasAGuess()
    {
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Corpus!, "index.json")))!;
        var named = index["workflows"]!.AsArray()
            .SelectMany(e => e!["custom_types"] as JsonObject ?? [])
            .Where(p => p.Value?.GetValue<string>() is { } origin && System.Text.RegularExpressions.Regex.IsMatch(origin, "^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"))
            .Select(p => p.Key)
            .Distinct()
            .ToList();

        var without = named.Where(t => PackCatalogue.Guess(t) is null).ToList();

        Assert.True(named.Count > 300, $"only {named.Count} named custom types in the index");
        Assert.True(without.Count == 0, "no guess for: " + string.Join(", ", without.Take(20)));
    }
}
