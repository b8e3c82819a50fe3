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
    private readonly LazyJsonRoot? _lazyUi;
    private JsonObject? _ui = Ui;

    /// <summary>A UI workflow <see cref="UiDirectReader"/> read from bytes: <see cref="Ui"/> is made from them on first use.</summary>
    internal WorkflowFile(string path, LazyJsonRoot ui, IReadOnlyList<LokiDiagnostic> warnings)
        : this(path, WorkflowFormat.UiJson, null, null, warnings)
    {
        _lazyUi = ui;
    }

    /// <summary>The UI workflow, when the file holds one.</summary>
    public JsonObject? Ui
    {
        get => _ui ??= _lazyUi?.Object;
        init
        {
            _ui = value;
            _lazyUi = null;
        }
    }

    /// <summary>
    /// True when the file holds a UI workflow: the test that does not make <see cref="Ui"/>'s object (a workflow read
    /// from bytes makes it only when asked for; converting never asks).
    /// </summary>
    public bool HasUi => _ui is not null || _lazyUi is not null;

    /// <summary>
    /// The checked view the loader built of <see cref="Ui"/>, so a conversion does not read and check it again;
    /// null when the file holds no UI workflow, or when <see cref="Ui"/> is no longer the object it was built on
    /// (a copy made with <c>with</c>).
    /// </summary>
    public UiWorkflow? UiView
    {
        get => _uiView is { } view && (view.Source is { } source
            ? ReferenceEquals(source, _lazyUi) || (source.IsBuilt && ReferenceEquals(source.Object, _ui))
            : ReferenceEquals(view.Raw, Ui)) ? view : null;
        init => _uiView = value;
    }

    private readonly UiWorkflow? _uiView;
}
