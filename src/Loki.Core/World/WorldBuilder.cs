using System.Text.Json.Nodes;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Media;
using Loki.Core.Schemas;

namespace Loki.Core.World;

/// <summary>
/// <c>loki world</c>: the whole library as one macro workflow (<see cref="WorldChainer"/>, <see cref="WorldMapLayout"/>,
/// <see cref="WorldWorkflowBuilder"/>), drawn as a map (<see cref="WorldPicture"/>) with the workflow embedded as
/// ComfyUI embeds one: a <c>prompt</c> text chunk (the runnable part, converted as the frontend's
/// <c>graphToPrompt</c> would) and a <c>workflow</c> text chunk. The same library gives the same bytes.
/// </summary>
public static class WorldBuilder
{
    /// <summary>The World of <paramref name="library"/> as a model (no drawing).</summary>
    public static WorldModel Model(WorldLibrary library)
    {
        var schemas = FlowLoader.WithLoki(SchemaSet.Catalogue, library.Nodes.Select(n => n.Config));
        var plan = WorldChainer.Plan(library, schemas);
        var (workflow, regions) = WorldWorkflowBuilder.Build(plan, library, schemas);
        var converted = UiToApiConverter.Convert((JsonObject)workflow.DeepClone(), schemas, UiToApiOptions.Default, "<world>");
        if (converted.Prompt is null || !converted.Succeeded)
        {
            var why = string.Join("; ", converted.Diagnostics.Where(d => d.IsError).Select(d => d.ToString()));
            throw new InvalidOperationException("the World's workflow does not convert to a prompt: " + why);
        }

        var prompt = new JsonObject();
        foreach (var (id, entry) in converted.Prompt)
        {
            if (int.TryParse(id, out var n) && plan.Runnable.Contains(n))
            {
                prompt[id] = entry!.DeepClone();
            }
        }

        return new WorldModel(library, plan, workflow, prompt, regions);
    }

    /// <summary>The World's PNG: the map, with <c>prompt</c> and <c>workflow</c> embedded.</summary>
    public static byte[] Png(WorldModel world, DiagnosticBag diagnostics) =>
        PngMetadataWriter.Embed(WorldPicture.Render(world, diagnostics), world.Prompt, world.Workflow, "world.png");
}
