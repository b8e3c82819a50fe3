namespace Loki.Core.Workflows;

/// <summary>
/// What <see cref="UiDirectReader"/> read of one node before the node is made: the values the views hold, and where
/// the values parsed on demand sit in the file.
/// </summary>
internal struct UiNodeFields
{
    /// <summary>The node id as text, or null when it has none.</summary>
    public string? Id;

    /// <summary>The type (empty when absent or not a string).</summary>
    public string Type;

    /// <summary>The mode (0 when absent).</summary>
    public int Mode;

    /// <summary>The saved execution order, or null.</summary>
    public long? Order;

    /// <summary>The title when it is a string, else null.</summary>
    public string? Title;

    /// <summary>The <c>outputs</c> value.</summary>
    public JsonSlice Outputs;

    /// <summary>The <c>widgets_values</c> value.</summary>
    public JsonSlice WidgetValues;

    /// <summary>What the <c>widgets_values</c> value is (<see cref="System.Text.Json.JsonValueKind.Undefined"/> when absent).</summary>
    public System.Text.Json.JsonValueKind WidgetValuesKind;

    /// <summary>Where the node's input slots start in its graph's <see cref="UiGraph.InputPool"/>.</summary>
    public int InputsStart;

    /// <summary>How many input slots the node has.</summary>
    public int InputsCount;

    /// <summary>Where the values of a <c>widgets_values</c> array start in its graph's <see cref="UiGraph.SavedPool"/>.</summary>
    public int SavedStart;

    /// <summary>How many values that array holds; -1 when <c>widgets_values</c> is no array.</summary>
    public int SavedCount;

    /// <summary>The <c>properties</c> value.</summary>
    public JsonSlice Properties;
}
