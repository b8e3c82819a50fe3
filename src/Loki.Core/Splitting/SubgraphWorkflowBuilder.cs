using System.Text.Json.Nodes;
using Loki.Core.Conversion.ApiToUi;
using Loki.Core.Diagnostics;
using Loki.Core.Packaging.Flows;
using Loki.Core.Regeneration;
using Loki.Core.Text;
using Loki.Core.Workflows.Layout;

namespace Loki.Core.Splitting;

/// <summary>
/// The parent flow as one UI workflow with native subgraphs (<c>-o parent.subgraphs.json</c>): every sub-flow use
/// becomes an instance of a subgraph definition made from the sub-flow's flow (its markers become the subgraph's
/// inputs and outputs, as for the pack's blueprints), nested definitions for nested flows. A use whose parameters
/// differ from another's gets its own definition with its values inside, so the frontend's flattening needs no
/// promoted widgets and gives the original prompt back.
/// </summary>
public static class SubgraphWorkflowBuilder
{
    /// <summary>Builds the document; null with errors in <paramref name="diagnostics"/> when a part does not convert.</summary>
    public static JsonObject? Build(SplitResult split, SplitForms forms, DiagnosticBag diagnostics)
    {
        var state = new State(split, forms, diagnostics);
        var root = state.Lower(split.Parent, forms.ParentUi, split.Name + ".subgraphs.json");
        if (root is null)
        {
            return null;
        }

        root["definitions"] = new JsonObject { ["subgraphs"] = new JsonArray([.. state.Definitions.Select(d => (JsonNode)d)]) };
        return root;
    }

    private sealed class State(SplitResult split, SplitForms forms, DiagnosticBag diagnostics)
    {
        private readonly Dictionary<string, JsonObject> _byKey = new(StringComparer.Ordinal);

        public List<JsonObject> Definitions { get; } = [];

        /// <summary>The UI of <paramref name="prompt"/> with each sub-flow use as a subgraph instance.</summary>
        public JsonObject? Lower(JsonObject prompt, JsonObject formUi, string file)
        {
            var uses = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            var plain = (JsonObject)prompt.DeepClone();
            foreach (var (id, entry) in prompt)
            {
                var flow = split.Subflows.FirstOrDefault(s => s.ClassType == entry!["class_type"]!.GetValue<string>());
                if (flow is null)
                {
                    continue;
                }

                var values = flow.Inputs.Where(p => p.IsParameter).ToDictionary(p => p.Name, p => entry!["inputs"]?[p.Name]?.DeepClone());
                var key = flow.ClassType + (values.Count == 0 ? "" : "#" + Sha256Hex.Of(CanonicalJson.WriteCompact(new JsonObject(values!)))[..12]);
                if (!_byKey.TryGetValue(key, out var definition))
                {
                    var inner = Lower(Specialize(flow, values), forms.FlowUi[flow.ClassType], flow.Name + "_workflow.json");
                    if (inner is null)
                    {
                        return null;
                    }

                    var blueprint = SubgraphBlueprintBuilder.Build(inner, flow.Title, "split/" + split.Name + "/" + key, new JsonObject());
                    definition = (JsonObject)blueprint!["definitions"]!["subgraphs"]![0]!.DeepClone();
                    Definitions.Add(definition);
                    _byKey[key] = definition;
                }

                uses[id] = definition;
                foreach (var p in values.Keys)
                {
                    (plain[id]!["inputs"] as JsonObject)?.Remove(p);
                }
            }

            var converted = ApiToUiConverter.Convert(plain, forms.Schemas, file);
            if (!converted.Succeeded)
            {
                diagnostics.AddRange(converted.Diagnostics.Where(d => d.IsError));
                return null;
            }

            var ui = converted.Workflow!;
            var formNodes = formUi["nodes"]!.AsArray().OfType<JsonObject>().ToDictionary(n => n["id"]!.ToString(), StringComparer.Ordinal);
            foreach (var node in ui["nodes"]!.AsArray().OfType<JsonObject>())
            {
                var id = node["id"]!.ToString();
                if (uses.TryGetValue(id, out var definition))
                {
                    Instance(ui, node, definition);
                }
                else if (formNodes.TryGetValue(id, out var form))
                {
                    ControlModes.Copy(form["widgets_values"] as JsonArray, node);
                }
            }

            // Instances now have their subgraph's slots: size and place again with the one layout every writer uses.
            WorkflowLayout.Apply(ui, forms.Schemas);
            return ui; // definitions (nested ones first) are collected in Definitions, all at the root
        }

        /// <summary>The flow's prompt with each parameter's value written into the input it sets (its marker dropped).</summary>
        private static JsonObject Specialize(Subflow flow, Dictionary<string, JsonNode?> values)
        {
            var prompt = flow.Prompt();
            foreach (var (id, entry) in prompt.ToList())
            {
                if (entry!["class_type"]!.GetValue<string>() == SubflowMarkers.Input && entry["inputs"]?["name"]?.GetValue<string>() is { } name && values.TryGetValue(name, out var value))
                {
                    var port = flow.Inputs.First(p => p.Name == name);
                    prompt[port.Node]!["inputs"]![port.Input!] = value?.DeepClone();
                    prompt.Remove(id);
                }
            }

            return prompt;
        }

        /// <summary>Turns a flow node into an instance of <paramref name="definition"/>: sockets by name, links re-slotted.</summary>
        private static void Instance(JsonObject ui, JsonObject node, JsonObject definition)
        {
            var id = node["id"]!.ToString();
            var oldInputs = node["inputs"]!.AsArray().OfType<JsonObject>().Select(i => i["name"]!.GetValue<string>()).ToList();
            var oldOutputs = node["outputs"]!.AsArray().OfType<JsonObject>().Select(o => o["name"]!.GetValue<string>()).ToList();
            var newInputs = definition["inputs"]!.AsArray().OfType<JsonObject>().ToList();
            var newOutputs = definition["outputs"]!.AsArray().OfType<JsonObject>().ToList();
            var inputs = new JsonArray();
            var outputs = new JsonArray();
            foreach (var i in newInputs)
            {
                inputs.Add(new JsonObject { ["name"] = i["name"]!.DeepClone(), ["type"] = i["type"]!.DeepClone(), ["link"] = null });
            }

            foreach (var o in newOutputs)
            {
                outputs.Add(new JsonObject { ["name"] = o["name"]!.DeepClone(), ["type"] = o["type"]!.DeepClone(), ["links"] = new JsonArray() });
            }

            foreach (var link in ui["links"]!.AsArray().OfType<JsonArray>())
            {
                if (link[3]!.ToString() == id)
                {
                    var k = newInputs.FindIndex(i => i["name"]!.GetValue<string>() == oldInputs[link[4]!.GetValue<int>()]);
                    link[4] = k;
                    inputs[k]!["link"] = link[0]!.GetValue<int>();
                }

                if (link[1]!.ToString() == id)
                {
                    var k = newOutputs.FindIndex(o => o["name"]!.GetValue<string>() == oldOutputs[link[2]!.GetValue<int>()]);
                    link[2] = k;
                    outputs[k]!["links"]!.AsArray().Add(link[0]!.GetValue<int>());
                }
            }

            node["type"] = definition["id"]!.DeepClone();
            node["inputs"] = inputs;
            node["outputs"] = outputs;
            node["widgets_values"] = new JsonArray();
            node["properties"] = new JsonObject();
        }
    }
}
