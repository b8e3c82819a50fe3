namespace Loki.Core.Workflows.Layout;

/// <summary>
/// What of a node decides the size the frontend gives it: its title, the labels of its slots and the widgets it
/// draws. Built by <see cref="NodeShapeReader"/> from a UI node and its definition.
/// </summary>
/// <param name="Title">The title drawn in the title bar.</param>
/// <param name="SocketInputs">Labels of the inputs without a widget (one row each, beside the outputs).</param>
/// <param name="WidgetInputs">Labels of the widget input slots (they set the widget column's width).</param>
/// <param name="Outputs">Labels of the outputs.</param>
/// <param name="Widgets">The widgets, top to bottom.</param>
/// <param name="ImagePreview">True when the node shows images (a loader's file, a saver's or preview's result).</param>
public sealed record NodeShape(
    string Title,
    IReadOnlyList<string> SocketInputs,
    IReadOnlyList<string> WidgetInputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<WidgetKind> Widgets,
    bool ImagePreview);
