using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Flows.Interface;
using Loki.Core.Flows.Schemas;

namespace Loki.Core.Flows;

/// <summary>
/// A flow read and analysed once: its graph, signature and plan, the file it came from and that file's hash.
/// Every flow conversion (script, node, inspect) starts here.
/// </summary>
/// <param name="Graph">The flow graph.</param>
/// <param name="Interface">The detected signature.</param>
/// <param name="Plan">The signature applied to the graph.</param>
/// <param name="Prompt">The API prompt the graph was read from.</param>
/// <param name="SourceSha256">SHA-256 (hex, lower case) of the flow file's bytes.</param>
public sealed record FlowDocument(FlowGraph Graph, FlowInterface Interface, FlowPlan Plan, JsonObject Prompt, string SourceSha256)
{
    /// <summary>Analyses a flow given as an API prompt and, when it was saved from the editor, the UI workflow.</summary>
    /// <param name="prompt">The API prompt.</param>
    /// <param name="ui">The UI workflow the prompt was converted from, or null.</param>
    /// <param name="schemas">The node classes the flow may use.</param>
    /// <param name="file">The flow file (diagnostics, header).</param>
    /// <param name="sourceBytes">The file's bytes, for the hash.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static FlowDocument Analyse(JsonObject prompt, JsonObject? ui, FlowSchemaCatalog schemas, string file, byte[] sourceBytes, DiagnosticBag diagnostics)
    {
        var graph = FlowGraphReader.Read(prompt, ui, schemas, file, diagnostics);
        var flowInterface = FlowInterfaceDetector.Detect(graph, schemas, diagnostics);
        var plan = FlowPlan.Build(graph, flowInterface, new DiagnosticBag()); // cycles are reported by the validator, over the whole graph
        return new FlowDocument(graph, flowInterface, plan, prompt, Convert.ToHexStringLower(SHA256.HashData(sourceBytes)));
    }

    /// <summary>Runs the pre-flight checks; true when the flow can be converted.</summary>
    public bool Validate(FlowSchemaCatalog schemas, DiagnosticBag diagnostics) => FlowValidator.Validate(Plan, schemas, diagnostics);
}
