using System.Text;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.IO;
using Loki.Core.Library;
using Loki.Core.Nodes;
using Loki.Core.Regeneration;

namespace Loki.Core.Glamours;

/// <summary>
/// Grows one node's <c>glamour/</c> layer: draws each missing file, redraws generated files whose inputs changed,
/// and never touches a file a person wrote or edited. A person's <c>glamour.json</c> makes the whole folder theirs:
/// it is only checked (<see cref="GlamourChecker"/>). Verifying writes nothing and reports what is stale.
/// </summary>
public static class GlamourGrowth
{
    /// <summary>Bumped whenever the default drawing changes, so every generated glamour is redrawn once.</summary>
    public const string PainterVersion = "glamour-painter 1";

    /// <summary>Grows the glamour of <paramref name="node"/> in <paramref name="library"/>.</summary>
    public static GlamourResult Grow(GlamourLibrary library, string node, LibraryBuildMode mode)
    {
        var entry = library.Nodes[node];
        var dir = Path.Combine(entry.Folder.Directory, "glamour");
        var diagnostics = new DiagnosticBag();
        var written = new List<string>();
        var jsonPath = Path.Combine(dir, GlamourDocument.JsonFile);
        if (File.Exists(jsonPath) && GeneratedHeader.ReadJson(File.ReadAllText(jsonPath), underExtra: false, out _, out _) is null)
        {
            GlamourChecker.Check(dir, diagnostics);
            return new GlamourResult(node, entry.Folder.Directory, [], [.. diagnostics.Items]);
        }

        var subject = GlamourSubjectReader.Read(library, node);
        var source = entry.Folder.Has(NodeLayer.Name) ? entry.Folder.FileOf(NodeLayer.Name) : entry.Folder.FileOf(NodeLayer.Config);
        if (subject.Composition is not null)
        {
            source = entry.Folder.FileOf(NodeLayer.Flow);
        }

        var inputs = InputsOf(library, node, subject);
        var context = new Context(dir, source, mode, diagnostics, written);

        var icon = context.Picture(GlamourDocument.IconFile, inputs, () => IconPainter.Paint(subject, library.IconOf));
        library.Remember(node, icon);
        var iconPlaced = subject.Composition is { } composition ? CompositionPainter.Layout(composition, IconPainter.GraphArea) : null;

        // Faces and card show the icon: a person's icon joins their inputs.
        var withIcon = context.IconIsPersons ? Sha256Hex.Of(inputs + Sha256Hex.Of(Convert.ToBase64String(icon))) : inputs;
        var face = GlamourFace.For(subject);
        foreach (var state in GlamourState.All)
        {
            context.Picture(state.File, withIcon, () => FacePainter.Paint(subject, face, state, icon));
        }

        context.Picture(GlamourDocument.CardFile, withIcon, () => CardPainter.Paint(subject, icon));
        context.Json(GlamourDocument.Build(subject, face, iconPlaced), withIcon);
        return new GlamourResult(node, entry.Folder.Directory, [.. written], [.. diagnostics.Items]);
    }

    /// <summary>The hash of everything the default glamour of <paramref name="node"/> is drawn from.</summary>
    private static string InputsOf(GlamourLibrary library, string node, GlamourSubject subject)
    {
        var entry = library.Nodes[node];
        var sb = new StringBuilder(PainterVersion).Append('\n').Append(node).Append('\n')
            .Append(Sha256Hex.Of(entry.NameText)).Append('\n').Append(Sha256Hex.Of(entry.ConfigText)).Append('\n');
        if (subject.Composition is { } composition && library.FlowOf(node) is { } flow)
        {
            sb.Append(Sha256Hex.Of(flow.ToJsonString())).Append('\n');
            foreach (var inner in composition.UsedNodes)
            {
                var innerIcon = library.IconOf(inner);
                sb.Append(inner).Append(' ').Append(innerIcon is null ? "-" : Sha256Hex.Of(Convert.ToBase64String(innerIcon)))
                    .Append(' ').Append(Sha256Hex.Of(library.Nodes[inner].NameText)).Append('\n');
            }
        }

        return Sha256Hex.Of(sb.ToString());
    }

    private sealed class Context(string dir, string source, LibraryBuildMode mode, DiagnosticBag diagnostics, List<string> written)
    {
        public bool IconIsPersons { get; private set; }

        /// <summary>The picture at <paramref name="file"/>: kept when a person's or up to date, else drawn (or reported stale).</summary>
        public byte[] Picture(string file, string inputs, Func<byte[]> draw)
        {
            var path = Path.Combine(dir, file);
            var state = GlamourMark.Read(path);
            if (file == GlamourDocument.IconFile)
            {
                IconIsPersons = state.IsPersons;
            }

            if (state.Kind == GlamourFileKind.Edited)
            {
                diagnostics.Warning(LokiCodes.GlamourEdited, $"glamour/{file} was generated and has been edited since; it is kept as is and no longer redrawn (remove its 'loki' text chunk to make it yours, or delete it to have it redrawn)", path);
            }

            if (state.IsPersons || (state.Kind == GlamourFileKind.Generated && state.InputsSha256 == inputs))
            {
                return state.Bytes!;
            }

            var png = GlamourMark.Stamp(draw(), source, inputs);
            Write(path, file, png, state.Kind == GlamourFileKind.Missing);
            return png;
        }

        public void Json(JsonObject doc, string inputs)
        {
            var path = Path.Combine(dir, GlamourDocument.JsonFile);
            var text = GeneratedHeader.WrapJson(doc, underExtra: false, source, inputs);
            if (File.Exists(path))
            {
                var current = File.ReadAllText(path);
                var mark = GeneratedHeader.ReadJson(current, underExtra: false, out var body, out _);
                if (mark?.BodySha256 is { } sha && sha != Sha256Hex.Of(body))
                {
                    diagnostics.Warning(LokiCodes.GlamourEdited, "glamour/glamour.json was generated and has been edited since; it is kept as is and no longer regenerated (remove its 'loki' block to make it yours)", path);
                    return;
                }

                if (current == text)
                {
                    return;
                }
            }

            Write(path, GlamourDocument.JsonFile, AtomicFile.Utf8.GetBytes(text), !File.Exists(path));
        }

        private void Write(string path, string file, byte[] content, bool missing)
        {
            written.Add(path);
            if (mode == LibraryBuildMode.Verify)
            {
                diagnostics.Error(LokiCodes.GlamourStale, $"glamour/{file} is {(missing ? "missing" : "out of date")}; build with regeneration on to draw it", path);
                return;
            }

            AtomicFile.WriteIfChanged(path, content);
            diagnostics.Info(LokiCodes.GlamourGenerated, $"{(missing ? "drew" : "redrew")} glamour/{file} from {source}", path);
        }
    }
}
