using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Workflows;

/// <summary>
/// A workflow as read from disk: the UI workflow and/or the API prompt it holds, kept as mutable JSON so that
/// every key, known or not, is written back unchanged. Use <see cref="UiGraph"/> and <see cref="ApiPrompt"/> for
/// typed read-only views.
/// </summary>
/// <param name="Path">The file it came from (or the name given to <see cref="WorkflowLoader.Parse(string, string)"/>).</param>
/// <param name="Format">The form it was saved in.</param>
/// <param name="Ui">The UI workflow, when the file holds one.</param>
/// <param name="Api">The API prompt, when the file holds one.</param>
/// <param name="Warnings">Problems found while reading that did not reject the file.</param>
public sealed record WorkflowFile(string Path, WorkflowFormat Format, JsonObject? Ui, JsonObject? Api, IReadOnlyList<LokiDiagnostic>? Warnings = null)
{
    /// <summary>
    /// The checked view the loader built of <see cref="Ui"/>, so a conversion does not read and check it again;
    /// null when the file holds no UI workflow, or when <see cref="Ui"/> is no longer the object it was built on
    /// (a copy made with <c>with</c>).
    /// </summary>
    public UiWorkflow? UiView
    {
        get => _uiView is { } view && ReferenceEquals(view.Raw, Ui) ? view : null;
        init => _uiView = value;
    }

    private readonly UiWorkflow? _uiView;
}
