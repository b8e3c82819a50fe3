using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

// A layer's text: wrapped in its LOKI header, compared with what is on disk by body, and read back without the header.
public sealed partial class NodeRegenerator
{
    /// <summary>True when a source layer is written to LOKI's contracts, so a failed conversion is the build's error.</summary>
    private static bool FollowsContract(NodeLayer layer, string text) =>
        layer is not (NodeLayer.Script or NodeLayer.Node) || text.Contains("loki_runtime", StringComparison.Ordinal);

    private static string Wrap(NodeLayer target, string content, string sourceFile, string sourceSha, string sourcePath)
    {
        if (!ExistingLayer.IsJson(target))
        {
            var body = GeneratedHeader.StripPython(content.Replace("\r\n", "\n"));
            return GeneratedHeader.WrapPython(body.EndsWith('\n') ? body : body + "\n", sourceFile, sourceSha);
        }

        if (JsonNode.Parse(content) is not JsonObject doc)
        {
            throw new LokiException(new LokiDiagnostic(LokiCodes.InternalError, DiagnosticSeverity.Error, $"a converter produced a {target} layer that is not a JSON object", sourcePath));
        }

        return GeneratedHeader.WrapJson(doc, ExistingLayer.IsWorkflow(target), sourceFile, sourceSha);
    }

    private static bool SameBody(NodeLayer target, ExistingLayer current, string content) =>
        ExistingLayer.IsJson(target)
            ? GeneratedHeader.ReadJson(Wrap(target, content, "x", new string('0', 64), current.Path), ExistingLayer.IsWorkflow(target), out var body, out _) is not null && body == current.Body
            : GeneratedHeader.StripPython(content.Replace("\r\n", "\n")).TrimEnd('\n') == current.Body.TrimEnd('\n');

    private static string StripHeader(NodeLayer target, string text)
    {
        if (ExistingLayer.IsJson(target))
        {
            return text;
        }

        GeneratedHeader.ReadPython(text, out var body, out _);
        return body;
    }
}
