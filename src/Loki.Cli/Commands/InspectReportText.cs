using System.Globalization;
using System.Text;
using Loki.Core.Inspection;
using Loki.Core.Workflows;

namespace Loki.Cli.Commands;

/// <summary>The text form of an inspection report, for people.</summary>
internal static class InspectReportText
{
    /// <summary>The short name of a format (<c>ui-json</c>, <c>api-json</c>, <c>png</c>, <c>webp</c>).</summary>
    public static string FormatName(WorkflowFormat format) => format switch
    {
        WorkflowFormat.UiJson => "ui-json",
        WorkflowFormat.ApiJson => "api-json",
        WorkflowFormat.Png => "png",
        _ => "webp",
    };

    public static string Build(WorkflowReport r)
    {
        var sb = new StringBuilder();
        void Line(string text) => sb.Append(text).Append('\n');
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);

        Line($"file:        {r.File}");
        var what = r.Kind == "ui"
            ? $"UI workflow, schema {r.Version}" + (r.FrontendVersion is { } fe ? $", saved by frontend {fe}" : string.Empty)
            : "API prompt";
        Line($"format:      {FormatName(r.Format)} ({what})");
        Line($"nodes:       {N(r.Nodes)}");
        Line($"links:       {N(r.Links)}");
        if (r.PromptNodes is { } p)
        {
            Line($"prompt:      {N(p)} nodes (embedded beside the workflow)");
        }

        Line($"node types:  {N(r.Types.Count)}");
        var width = r.Types.Select(t => t.Type.Length).DefaultIfEmpty(0).Max();
        foreach (var t in r.Types)
        {
            Line($"  {t.Type.PadRight(width)}  {N(t.Count)}");
        }

        Line($"without schema: {N(r.MissingTypes.Count)}");
        foreach (var m in r.MissingTypes)
        {
            var pack = m.Pack is null ? "no known pack" : $"likely {m.Pack} ({m.Pack.Evidence})";
            Line($"  {m.Type}  x{N(m.Count)}: {pack}");
        }

        var chosen = r.Definitions.Where(d => d.Candidates > 1).ToList();
        Line($"definitions chosen among several: {N(chosen.Count)}");
        foreach (var d in chosen)
        {
            Line($"  {d.Type}  x{N(d.Nodes)}: {d.Source}{(d.ComfyVersion is null ? string.Empty : $" (ComfyUI {d.ComfyVersion})")}");
        }

        Line($"subgraphs:   {N(r.Subgraphs.Count)}");
        foreach (var s in r.Subgraphs)
        {
            Line($"  {s.Id}  \"{s.Name}\": {N(s.Nodes)} nodes, {N(s.Instances)} instances");
        }

        Line($"group nodes: {N(r.GroupNodes.Count)}");
        foreach (var g in r.GroupNodes)
        {
            Line($"  {g.Name}: {N(g.Nodes)} nodes, {N(g.Instances)} instances");
        }

        return sb.ToString();
    }
}
