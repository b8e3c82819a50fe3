using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;
using Loki.Core.Packaging.Flows;
using Loki.Core.Rendering;
using Loki.Core.Workflows;
using SkiaSharp;

namespace Loki.Core.World;

/// <summary>
/// Draws the World as a map from its laid-out workflow: the regions as coloured lands with their names, the paths
/// as wires coloured by type, and every node as a card with its glamour icon (<c>glamour/icon.png</c>) or, without
/// one, a plain icon (its emoji on a disc); flow nodes have a gold edge. Positions are the workflow's own, scaled,
/// so the picture is the map the frontend opens. Deterministic: same World, same pixels.
/// </summary>
public static class WorldPicture
{
    /// <summary>Pixels per canvas unit.</summary>
    public const float Scale = 0.75f;

    private const float Margin = 60;   // canvas units around the map
    private const float Banner = 110;  // pixels above the map for the World's name

    private static readonly SKColor Sea = new(0x12, 0x1B, 0x26);
    private static readonly SKColor Card = new(0x2A, 0x2D, 0x33);
    private static readonly SKColor CoreCard = new(0x24, 0x26, 0x2A);
    private static readonly SKColor Ink = new(0xEE, 0xEE, 0xEE);
    private static readonly SKColor Faint = new(0xA8, 0xB0, 0xBA);
    private static readonly SKColor Gold = new(0xE8, 0xB9, 0x4A);

    /// <summary>The PNG bytes of the map (no metadata: <see cref="WorldBuilder"/> embeds it).</summary>
    public static byte[] Render(WorldModel world, DiagnosticBag diagnostics)
    {
        var x0 = (float)world.Regions.Min(r => r.X) - Margin;
        var y0 = (float)world.Regions.Min(r => r.Y) - Margin;
        var width = (int)Math.Ceiling(((float)world.Regions.Max(r => r.X + r.Width) + Margin - x0) * Scale);
        var height = (int)Math.Ceiling(((float)world.Regions.Max(r => r.Y + r.Height) + Margin - y0) * Scale + Banner);
        SKPoint P(double x, double y) => new((float)((x - x0) * Scale), (float)((y - y0) * Scale) + Banner);

        using var canvas = new RenderCanvas(width, height, Sea);
        DrawBanner(canvas, world);
        // Paths between regions run under the lands (roads), paths inside a region over them.
        var boxes = NodeBoxes(world);
        var region = world.Plan.Items.ToDictionary(i => i.Id, i => i.Region);
        void Paths(bool inside)
        {
            foreach (var link in world.Plan.Links.Where(l => (region[l.From] == region[l.To]) == inside))
            {
                var (from, to) = (boxes[link.From], boxes[link.To]);
                var inputRow = world.Plan.Links.Where(l => l.To == link.To).ToList().IndexOf(link);
                var a = P(from.X + from.W, from.Y + 14 + (20 * link.FromSlot));
                var b = P(to.X, to.Y + 14 + (20 * inputRow));
                canvas.Wire(a.X, a.Y, b.X, b.Y, new SKColor(0, 0, 0, 0x90), 7);
                canvas.Wire(a.X, a.Y, b.X, b.Y, Rendering.TypeColors.Of(link.Type), 3.5f);
            }
        }

        Paths(inside: false);
        var groups = (world.Workflow["groups"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var k = 0; k < world.Regions.Length; k++)
        {
            var r = world.Regions[k];
            var color = ParseColor(JsonRead.String(groups[k]["color"]));
            var box = new SKRect(P(r.X, r.Y).X, P(r.X, r.Y).Y, P(r.X + r.Width, r.Y + r.Height).X, P(r.X + r.Width, r.Y + r.Height).Y);
            canvas.RoundedBox(box, 18, color.WithAlpha(0x3A), color.WithAlpha(0xB0), 3);
            canvas.Text(WorldWorkflowBuilder.RegionTitle(r.Name), box.Left + 16, box.Top + 34, 24, Ink, bold: true, maxWidth: box.Width - 32);
        }

        Paths(inside: true);
        foreach (var item in world.Plan.Items)
        {
            var b = boxes[item.Id];
            var rect = new SKRect(P(b.X, b.Y - 30).X, P(b.X, b.Y - 30).Y, P(b.X + b.W, b.Y + b.H).X, P(b.X + b.W, b.Y + b.H).Y);
            DrawCard(canvas, item, rect, diagnostics);
        }

        return canvas.ToPng();
    }

    private static void DrawBanner(RenderCanvas canvas, WorldModel world)
    {
        var flows = world.Library.Nodes.Count(n => n.IsFlow);
        canvas.Text("🦊 The LOKI World", 40, 62, 44, Ink, bold: true);
        var regions = world.Regions.Count(r => r.Name != WorldChainer.SourceRegion);
        canvas.Text($"{world.Library.Nodes.Length} nodes ({flows} flows) in {regions} regions · {world.Plan.Links.Length} paths · "
            + $"drop this picture into ComfyUI: it needs the {world.Library.PackId} pack {world.Library.PackVersion}", 42, 96, 20, Faint);
    }

    private static void DrawCard(RenderCanvas canvas, WorldItem item, SKRect rect, DiagnosticBag diagnostics)
    {
        var library = item.Kind == WorldItemKind.Library;
        canvas.RoundedBox(new SKRect(rect.Left + 4, rect.Top + 6, rect.Right + 4, rect.Bottom + 6), 10, new SKColor(0, 0, 0, 0x70));
        canvas.RoundedBox(rect, 10, library ? Card : CoreCard, item.Node?.IsFlow == true ? Gold : new SKColor(0x55, 0x5A, 0x62), item.Node?.IsFlow == true ? 4 : 2);
        var title = 30 * Scale;
        canvas.Text(item.Title, rect.Left + 10, rect.Top + title - 7, 15, library ? Ink : Faint, bold: library, maxWidth: rect.Width - 20);
        if (!library)
        {
            canvas.Text(item.Kind == WorldItemKind.Source ? "source · ComfyUI core" : "preview · ComfyUI core", rect.Left + 10, rect.Top + title + 22, 13, Faint, maxWidth: rect.Width - 20);
            return;
        }

        var side = Math.Min(rect.Height - title - 14, 120f);
        var icon = new SKRect(rect.Left + 10, rect.Top + title + 6, rect.Left + 10 + side, rect.Top + title + 6 + side);
        DrawIcon(canvas, item.Node!, icon, diagnostics);
        var textLeft = icon.Right + 12;
        var textWidth = rect.Right - textLeft - 10;
        canvas.Text(item.Node!.X2YFormat ?? item.Node.Name, textLeft, icon.Top + 18, 15, Gold, bold: true, maxWidth: textWidth);
        var line = icon.Top + 40;
        foreach (var words in canvas.Wrap(item.Node.Config.Description ?? string.Empty, 13, textWidth).Take(Math.Max(0, (int)((rect.Bottom - line) / 18))))
        {
            canvas.Text(words, textLeft, line, 13, Faint);
            line += 18;
        }
    }

    private static void DrawIcon(RenderCanvas canvas, WorldNode node, SKRect box, DiagnosticBag diagnostics)
    {
        if (node.IconPath is { } path)
        {
            try
            {
                canvas.Image(File.ReadAllBytes(path), box, radius: box.Width / 8);
                return;
            }
            catch (Exception ex) when (ex is LokiException or IOException or UnauthorizedAccessException)
            {
                diagnostics.Warning(LokiCodes.WorldIconUnreadable, $"the glamour icon cannot be drawn ({ex.Message}); the plain icon is used", path);
            }
        }

        // The plain icon: the node's emoji on a disc whose colour comes from its name (stable, and neighbours differ).
        var hue = node.Name.Aggregate(17u, (h, ch) => (h * 31) + ch) % 360;
        var disc = SKColor.FromHsl(hue, 45, 38);
        canvas.Dot(box.MidX, box.MidY, box.Width / 2, disc);
        canvas.Dot(box.MidX, box.MidY, box.Width / 2 - 5, disc.WithAlpha(0xFF).WithRed((byte)Math.Min(255, disc.Red + 25)));
        var inner = SKRect.Inflate(box, -box.Width * 0.2f, -box.Height * 0.2f);
        canvas.Emoji(node.Emoji ?? "🦊", inner);
    }

    private static Dictionary<int, (double X, double Y, double W, double H)> NodeBoxes(WorldModel world)
    {
        var boxes = new Dictionary<int, (double, double, double, double)>();
        foreach (var node in (world.Workflow["nodes"] as JsonArray ?? []).OfType<JsonObject>())
        {
            boxes[(int)JsonRead.Long(node["id"])!] = (JsonRead.Number(node["pos"]![0])!.Value, JsonRead.Number(node["pos"]![1])!.Value,
                JsonRead.Number(node["size"]![0])!.Value, JsonRead.Number(node["size"]![1])!.Value);
        }

        return boxes;
    }

    private static SKColor ParseColor(string? hex) =>
        hex is { Length: 4 } ? SKColor.Parse("#" + string.Concat(hex[1..].Select(c => $"{c}{c}"))) : hex is not null && SKColor.TryParse(hex, out var c) ? c : new SKColor(0x88, 0x88, 0xAA);
}
