using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Workflows;

namespace Loki.Core.Schemas;

/// <summary>
/// The checks of an API prompt that need node definitions: links to an output index past the origin class's outputs
/// (ComfyUI rejects the prompt) and classes no given schema defines (a warning: the server may have them). The checks
/// that need none (shape, missing nodes, cycles) run when the prompt is read (<see cref="ApiPrompt.Check"/>).
/// </summary>
public static class PromptSchemaCheck
{
    /// <summary>Checks <paramref name="prompt"/> against <paramref name="schemas"/>; <paramref name="file"/> names it.</summary>
    public static void Check(JsonObject prompt, string file, SchemaSet schemas, DiagnosticBag diagnostics) =>
        Check(prompt, file, schemas, diagnostics, unknownClasses: true);

    /// <summary>As <see cref="Check(JsonObject, string, SchemaSet, DiagnosticBag)"/>, the unknown-class warning only when <paramref name="unknownClasses"/>.</summary>
    public static void Check(JsonObject prompt, string file, SchemaSet schemas, DiagnosticBag diagnostics, bool unknownClasses)
    {
        foreach (var (id, entry) in prompt)
        {
            if (entry is not JsonObject node || JsonRead.String(node["class_type"]) is not { } classType)
            {
                continue;
            }

            var at = JsonPathText.Key("$", id);
            if (unknownClasses && !schemas.Contains(classType))
            {
                diagnostics.Warning(LokiCodes.PromptUnknownClass, $"node '{id}' has class '{classType}', which no given schema defines; pass its /object_info with --schemas", file, at + ".class_type");
            }

            foreach (var (name, value) in node["inputs"] as JsonObject ?? [])
            {
                if (!ApiPrompt.IsLink(value) || JsonRead.String(value![0]) is not { } source
                    || JsonRead.String(prompt[source]?["class_type"]) is not { } sourceClass
                    || schemas.Find(sourceClass) is not { } sourceSchema
                    || JsonRead.Long(value[1]) is not { } slot || slot < sourceSchema.Outputs.Count
                    || HasDynamicOutputs(sourceSchema))
                {
                    continue;
                }

                diagnostics.Error(LokiCodes.PromptLinkToMissingOutput, $"input '{name}' of node '{id}' links to output {slot} of node '{source}', but {sourceClass} has {sourceSchema.Outputs.Count} output(s)", file, JsonPathText.Key(at + ".inputs", name));
            }
        }
    }

    /// <summary>
    /// A class whose last output is the wildcard <c>*</c> grows outputs at run time (switches, selectors built on a
    /// tuple that answers any index): its dump cannot bound the index.
    /// </summary>
    private static bool HasDynamicOutputs(NodeSchema schema) => schema.Outputs.Count > 0 && schema.Outputs[^1].Type == "*";

    /// <summary>The same checks on a read file when it is an API prompt (a prompt beside a workflow is informative only).</summary>
    public static IReadOnlyList<LokiDiagnostic> Check(WorkflowFile file, SchemaSet schemas)
    {
        if (file.HasUi || file.Api is not { } prompt)
        {
            return [];
        }

        var diagnostics = new DiagnosticBag();
        Check(prompt, file.Path, schemas, diagnostics);
        return diagnostics.Items;
    }
}
