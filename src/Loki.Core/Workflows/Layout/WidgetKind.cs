namespace Loki.Core.Workflows.Layout;

/// <summary>How the 1.27.10 frontend sizes one widget of a node.</summary>
public enum WidgetKind
{
    /// <summary>A canvas widget without its own size (number, combo, toggle, one-line text, button): one row.</summary>
    Row,

    /// <summary>A DOM text box (multi-line <c>STRING</c>, <c>MARKDOWN</c>, <c>TEXTAREA</c>): grows, and a new node starts at 400 × 200.</summary>
    TextBox,

    /// <summary>Another DOM widget a frontend extension adds (audio player, text preview, 3D view, webcam): grows from 50 px.</summary>
    Panel,
}
