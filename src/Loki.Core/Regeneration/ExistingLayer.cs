using Loki.Core.Diagnostics;
using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

/// <summary>
/// A generatable layer file as found on disk, classified by its header: authored, generated and intact,
/// generated then edited, or generated with a header that predates the body hash (to be verified by regenerating).
/// </summary>
/// <param name="Layer">The layer.</param>
/// <param name="Path">The file's full path.</param>
/// <param name="Text">The whole file.</param>
/// <param name="Body">The text after the header (for JSON: the canonical document without the <c>loki</c> block).</param>
/// <param name="Mark">The header, or null for an authored file.</param>
/// <param name="State">Authored, Generated (intact), Edited, or Orphaned.</param>
/// <param name="NeedsVerification">True for an old-style header without a body hash: whether it was edited is known only by regenerating.</param>
internal sealed record ExistingLayer(
    NodeLayer Layer,
    string Path,
    string Text,
    string Body,
    GeneratedMark? Mark,
    LayerState State,
    bool NeedsVerification)
{
    /// <summary>True when a person owns the file (authored, or a generated file they edited).</summary>
    public bool IsPersons => State is LayerState.Authored or LayerState.Edited;

    /// <summary>True when the layer is stored as JSON.</summary>
    public static bool IsJson(NodeLayer layer) => layer is NodeLayer.Config or NodeLayer.Flow or NodeLayer.TestWorkflow;

    /// <summary>True when the JSON header lives under <c>extra</c> (workflows).</summary>
    public static bool IsWorkflow(NodeLayer layer) => layer is NodeLayer.Flow or NodeLayer.TestWorkflow;

    /// <summary>Reads and classifies <paramref name="layer"/> of <paramref name="folder"/>; null when absent.</summary>
    public static ExistingLayer? Read(NodeFolder folder, NodeLayer layer, DiagnosticBag diagnostics)
    {
        if (!folder.Has(layer))
        {
            return null;
        }

        var path = folder.PathOf(layer);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(LokiCodes.FileUnreadable, $"cannot read {folder.FileOf(layer)}: {ex.Message}", path);
            return new ExistingLayer(layer, path, string.Empty, string.Empty, null, LayerState.Authored, false);
        }

        string body;
        bool malformed;
        var mark = IsJson(layer)
            ? GeneratedHeader.ReadJson(text, IsWorkflow(layer), out body, out malformed)
            : GeneratedHeader.ReadPython(text, out body, out malformed);
        if (mark is null)
        {
            if (malformed)
            {
                diagnostics.Warning(LokiCodes.GeneratedHeaderBad, "the LOKI header cannot be read; the file is treated as authored", path, line: 1);
            }

            return new ExistingLayer(layer, path, text, text, null, LayerState.Authored, false);
        }

        if (mark.BodySha256 is { } bodySha)
        {
            var intact = string.Equals(bodySha, Sha256Hex.Of(body), StringComparison.Ordinal);
            return new ExistingLayer(layer, path, text, body, mark, intact ? LayerState.Generated : LayerState.Edited, false);
        }

        // An old-style header: intact only if it is still what LOKI writes from the unchanged recorded source.
        var source = System.IO.Path.Combine(folder.Directory, mark.Source);
        var sourceUnchanged = File.Exists(source) && Sha256Hex.OfFile(source) == mark.SourceSha256;
        return new ExistingLayer(layer, path, text, body, mark, sourceUnchanged ? LayerState.Generated : LayerState.Edited, sourceUnchanged);
    }
}
