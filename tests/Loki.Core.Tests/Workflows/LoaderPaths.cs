using System.Text;
using Loki.Core.Conversion.UiToApi;
using Loki.Core.Diagnostics;
using Loki.Core.Schemas;
using Loki.Core.Workflows;

namespace Loki.Core.Tests.Workflows;

/// <summary>
/// Loads one text both ways, through the loader (the direct reader where the shape allows it) and through the whole-file
/// document (<see cref="WorkflowLoader.ParseElementPath"/>, the reference), and describes everything a caller can read of
/// each: the same errors (code, message, file, path, line, column), the same warnings, views, root object and, when
/// asked, the same prompt bytes and diagnostics.
/// </summary>
internal static class LoaderPaths
{
    /// <summary>Asserts both paths agree on <paramref name="utf8"/>; returns whether the loader took the direct reader.</summary>
    public static bool AssertSame(byte[] utf8, string name, SchemaSet? convertWith = null)
    {
        var (direct, directError) = Load(() => WorkflowLoader.Parse(utf8, name));
        var (element, elementError) = Load(() => WorkflowLoader.ParseElementPath(utf8, name));
        Assert.Equal(Describe(elementError), Describe(directError));

        // Whether the text has the direct reader's shape, asked of the reader itself (a file it reads may still be
        // rejected by the checks after it, as on the document path).
        var text = utf8.AsMemory(utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0);
        var tookDirect = System.Text.Unicode.Utf8.IsValid(text.Span) && UiDirectReader.TryRead(text, name) is not null;
        if (direct is null || element is null)
        {
            return tookDirect;
        }

        Assert.Equal(tookDirect, direct.UiView?.Source is not null);
        Assert.Equal(Describe(element), Describe(direct));
        if (convertWith is not null && element.HasUi)
        {
            Assert.Equal(Convert(element, convertWith, name), Convert(direct, convertWith, name));
        }

        // Last: asking for the root object makes it (on the direct path, from the bytes), and the view stays the file's.
        Assert.Equal(element.Ui?.ToJsonString(), direct.Ui?.ToJsonString());
        Assert.Equal(element.Api?.ToJsonString(), direct.Api?.ToJsonString());
        Assert.Same(direct.UiView?.Root, direct.UiView?.Root);
        foreach (var (id, graph) in element.UiView?.Subgraphs ?? new Dictionary<string, UiGraph>())
        {
            // A definition's object and element, looked up in its parent's on first use either way.
            Assert.Equal(graph.Raw.ToJsonString(), direct.UiView!.Subgraphs[id].Raw.ToJsonString());
            Assert.Equal(graph.Element.GetRawText(), direct.UiView.Subgraphs[id].Element.GetRawText());
        }

        Assert.Equal(element.UiView is null, direct.UiView is null);
        return tookDirect;
    }

    /// <summary>Everything a caller reads of a loaded file, as text (views first: they must not need the root object).</summary>
    public static string Describe(WorkflowFile file)
    {
        var text = new StringBuilder();
        text.Append($"{file.Path}|{file.Format}|ui {file.HasUi}|view {file.UiView is not null}\n");
        foreach (var warning in file.Warnings ?? [])
        {
            text.Append("warning ").Append(Describe(warning)).Append('\n');
        }

        if (file.UiView is { } view)
        {
            text.Append($"version {view.Version}|groups {view.GroupNodes?.ToJsonString()}|problems {string.Join(";", view.Problems?.Select(Describe) ?? [])}\n");
            foreach (var graph in view.Graphs)
            {
                Describe(graph, text);
            }
        }

        return text.ToString();
    }

    private static void Describe(UiGraph graph, StringBuilder text)
    {
        text.Append($"graph {graph.JsonPath}|{graph.Id}|{graph.Name}|{graph.IsSubgraph}\n");
        foreach (var node in graph.Nodes)
        {
            text.Append($"node {node.Id}|{node.Type}|{node.Mode}|{node.Order}|{node.Title}|{node.JsonPath}|{node.WidgetValuesElement.ValueKind}|{node.WidgetValues?.ToJsonString()}|{node.NamedWidgetValues?.ToJsonString()}|{node.Properties?.ToJsonString()}\n");
            foreach (var slot in node.Inputs)
            {
                text.Append($"  in {slot.Name}|{slot.Type}|{slot.Link}|{slot.WidgetName}\n");
            }

            // The values the converter reads are the slots' (it never makes the slot objects).
            Assert.Equal(node.Inputs.Select(s => (s.Name, s.Type, s.Link, s.WidgetName)), node.InputSlots.ToArray().Select(s => (s.Name, s.Type, s.Link, s.WidgetName)));

            foreach (var slot in node.Outputs)
            {
                text.Append($"  out {slot.Name}|{slot.Type}|{slot.Link}|{slot.WidgetName}\n");
            }
        }

        foreach (var slot in graph.SubgraphInputs)
        {
            text.Append($"  io {slot.Name}|{slot.Type}\n");
        }

        for (var i = 0; i < graph.SubgraphOutputs.Count; i++)
        {
            text.Append($"  io {graph.SubgraphOutputs[i].Name}|{graph.SubgraphOutputs[i].Type}|first link {graph.FirstOutputLinkId(i)}\n");
        }

        var table = graph.LinkTable;
        var position = 0;
        foreach (var link in graph.Links.Values)
        {
            text.Append($"link {link.Id}|{link.OriginId}|{link.OriginSlot}|{link.TargetId}|{link.TargetSlot}|{link.Type}|{link.JsonPath}\n");

            // The table the converter reads holds the same links in the same order, found by id, with the same path.
            ref readonly var read = ref table[position];
            Assert.Equal((link.Id, link.OriginId, link.OriginSlot, link.TargetId, link.TargetSlot, link.Type, link.JsonPath), (read.Id, read.OriginId, read.OriginSlot, read.TargetId, read.TargetSlot, read.Type, table.PathOf(position)));
            Assert.Equal(position, table.Find(link.Id));
            Assert.Same(link, graph.Link(link.Id));
            position++;
        }

        Assert.Equal(table.Count, position);
    }

    private static string Describe(LokiDiagnostic? d) =>
        d is null ? "none" : $"{d.Code}|{d.Severity}|{d.Message}|{d.File}|{d.JsonPath}|{d.Line}|{d.Column}";

    private static string Describe(LokiException? e) => Describe(e?.Diagnostic);

    internal static string Convert(WorkflowFile file, SchemaSet schemas, string name)
    {
        var result = UiToApiConverter.Convert(file, schemas, UiToApiOptions.Default, name);
        var bytes = result.Succeeded ? Encoding.UTF8.GetString(result.PromptUtf8()!) : "no prompt";
        return bytes + "\n" + string.Join("\n", result.Diagnostics.Select(Describe));
    }

    private static (WorkflowFile? File, LokiException? Error) Load(Func<WorkflowFile> load)
    {
        try
        {
            return (load(), null);
        }
        catch (LokiException e)
        {
            return (null, e);
        }
    }
}
