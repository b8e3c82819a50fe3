using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Flows;
using Loki.Core.Schemas;

namespace Loki.Core.Splitting;

/// <summary>
/// The UI workflows a split writes (each sub-flow and the parent, laid out by the API → UI converter, seeds with
/// their control modes), the schemas that know the sub-flows' nodes, and the same workflows read back to API form
/// as ComfyUI's frontend would queue them (what the check inlines).
/// </summary>
public sealed record SplitForms(SchemaSet Schemas, ImmutableDictionary<string, JsonObject> FlowUi, JsonObject ParentUi)
{
    /// <summary>Makes the UI forms; null with errors in <paramref name="diagnostics"/> when one does not convert.</summary>
    public static SplitForms? Build(SplitResult split, SchemaSet comfySchemas, DiagnosticBag diagnostics)
    {
        var workflow = Path.GetFileName(split.File);
        var schemas = FlowLoader.WithLoki(comfySchemas, split.Subflows.Select(s => SubflowConfig.For(s, workflow)));
        var controls = split.Ui is null ? [] : UiControls.WidgetValuesById(split.Ui);
        var flows = ImmutableDictionary.CreateBuilder<string, JsonObject>(StringComparer.Ordinal);
        foreach (var flow in split.Subflows)
        {
            var first = split.Instances.Values.Where(i => i.Definition == flow.Index).OrderBy(i => i.Id, StringComparer.Ordinal).First();
            if (Ui(flow.Prompt(), schemas, flow.Name + "_workflow.json", id => first.Members.GetValueOrDefault(id), controls, diagnostics) is not { } ui)
            {
                return null;
            }

            flows[flow.ClassType] = ui;
        }

        var parent = Ui(split.Parent, schemas, split.Name + "_workflow.json", id => id, controls, diagnostics);
        return parent is null ? null : new SplitForms(schemas, flows.ToImmutable(), parent);
    }

    /// <summary>The flows and the parent read back through UI → API conversion.</summary>
    public (JsonObject Parent, ImmutableDictionary<string, JsonObject> Flows)? ReadBack(DiagnosticBag diagnostics)
    {
        var flows = ImmutableDictionary.CreateBuilder<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (classType, ui) in FlowUi)
        {
            if (Api(ui, classType) is not { } prompt)
            {
                return null;
            }

            flows[classType] = prompt;
        }

        return Api(ParentUi, "parent") is { } parent ? (parent, flows.ToImmutable()) : null;

        JsonObject? Api(JsonObject ui, string name)
        {
            var result = UiToApiConverter.Convert((JsonObject)ui.DeepClone(), Schemas, UiToApiOptions.Default, name);
            diagnostics.AddRange(result.Diagnostics.Where(d => d.IsError));
            return result.Succeeded ? result.Prompt : null;
        }
    }

    private static JsonObject? Ui(JsonObject prompt, SchemaSet schemas, string file, Func<string, string?> original, Dictionary<string, JsonArray> controls, DiagnosticBag diagnostics)
    {
        var result = ApiToUiConverter.Convert(prompt, schemas, file);
        if (!result.Succeeded)
        {
            diagnostics.AddRange(result.Diagnostics.Where(d => d.IsError));
            return null;
        }

        foreach (var node in result.Workflow!["nodes"]!.AsArray().OfType<JsonObject>())
        {
            if (original(node["id"]!.ToString()) is { } id && controls.TryGetValue(id, out var widgets))
            {
                ControlModes.Copy(widgets, node);
            }
        }

        return result.Workflow;
    }
}
