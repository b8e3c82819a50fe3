using System.Text.Json.Nodes;
using Loki.Core.Config;
using Loki.Core.Packaging.Flows;
using SkiaSharp;

namespace Loki.Core.Glamours;

/// <summary>
/// The <c>glamour.json</c> LOKI Build writes for a default glamour (docs/glamours.md, version 1): the icon, the five
/// state faces, one overlay per widget where the face left its value box, the interactions (hover shows the card,
/// clicking a value box edits its widget, flows open on click of their graph), the card, the metaphor, the palette
/// and, for flows, the inner nodes as drawn on the icon.
/// </summary>
public static class GlamourDocument
{
    /// <summary>The files of a default glamour, relative to <c>glamour/</c>.</summary>
    public const string IconFile = "icon.png";

    /// <summary>The card's file.</summary>
    public const string CardFile = "card/card.png";

    /// <summary>The description's file.</summary>
    public const string JsonFile = "glamour.json";

    /// <summary>Builds the document (without its <c>loki</c> block).</summary>
    public static JsonObject Build(GlamourSubject subject, GlamourFace face, IReadOnlyDictionary<string, SKRect>? placedParts)
    {
        var states = new JsonObject();
        foreach (var state in GlamourState.All)
        {
            var s = new JsonObject { ["image"] = state.File, ["label"] = state.Name };
            if (state.Tint is { } tint)
            {
                s["tint"] = Rendering.TypeColors.Hex(tint);
            }

            states[state.Name] = s;
        }

        var overlays = new JsonArray();
        var interactions = new JsonArray { new JsonObject { ["on"] = "hover", ["action"] = "show_card" } };
        foreach (var row in face.Rows)
        {
            var (x, y, w, h) = GlamourFace.Fractions(row.Value);
            overlays.Add(new JsonObject { ["widget"] = row.Widget.Name, ["x"] = x, ["y"] = y, ["w"] = w, ["h"] = h, ["label"] = row.Widget.Name, ["kind"] = Kind(row.Widget) });
            interactions.Add(new JsonObject
            {
                ["on"] = "click", ["action"] = "edit_widget", ["widget"] = row.Widget.Name,
                ["area"] = new JsonObject { ["x"] = x, ["y"] = y, ["w"] = w, ["h"] = h },
            });
        }

        if (subject.Composition is not null)
        {
            var (x, y, w, h) = GlamourFace.Fractions(GlamourFace.IconBox);
            interactions.Add(new JsonObject { ["on"] = "click", ["action"] = "open_flow", ["area"] = new JsonObject { ["x"] = x, ["y"] = y, ["w"] = w, ["h"] = h } });
        }

        var (bg, accent, text) = subject.Palette.ToHex();
        var doc = new JsonObject
        {
            ["version"] = 1,
            ["node"] = subject.Node,
            ["icon"] = IconFile,
            ["states"] = states,
            ["overlays"] = overlays,
            ["interactions"] = interactions,
            ["card"] = CardFile,
        };
        if (subject.Metaphor is { } metaphor)
        {
            doc["metaphor"] = metaphor;
        }

        doc["palette"] = new JsonObject { ["background"] = bg, ["accent"] = accent, ["text"] = text };
        if (subject.Composition is { } composition && placedParts is not null)
        {
            doc["parts"] = Parts(composition, placedParts);
        }

        return doc;
    }

    private static JsonArray Parts(FlowComposition composition, IReadOnlyDictionary<string, SKRect> placed)
    {
        var parts = new JsonArray();
        foreach (var box in composition.Parts)
        {
            if (!placed.TryGetValue(box.Id, out var r))
            {
                continue;
            }

            var loki = composition.LokiNodes.GetValueOrDefault(box.Type);
            parts.Add(new JsonObject
            {
                ["id"] = box.Id, ["node"] = loki ?? box.Type, ["title"] = box.Title, ["glamoured"] = loki is not null,
                ["x"] = Math.Round(r.Left / IconPainter.Size, 4), ["y"] = Math.Round(r.Top / IconPainter.Size, 4),
                ["w"] = Math.Round(r.Width / IconPainter.Size, 4), ["h"] = Math.Round(r.Height / IconPainter.Size, 4),
            });
        }

        return parts;
    }

    private static string Kind(PortSpec widget) => widget.Type switch
    {
        PortTypes.Int or PortTypes.Float => "number",
        PortTypes.Boolean => "toggle",
        PortTypes.Combo => "combo",
        _ => "text",
    };
}
