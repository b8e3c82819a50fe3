using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Workflows;

/// <summary>
/// A workflow as read from disk: the UI workflow and/or the API prompt it holds, kept as mutable JSON so that
/// every key, known or not, is written back unchanged. Use <see cref="UiGraph"/> and <see cref="ApiPrompt"/> for
/// typed read-only views.
/// </summary>
/// <param name="Path">The file it came from (or the name given to <see cref="WorkflowLoader.Parse"/>).</param>
/// <param name="Format">The form it was saved in.</param>
/// <param name="Ui">The UI workflow, when the file holds one.</param>
/// <param name="Api">The API prompt, when the file holds one.</param>
/// <param name="Warnings">Problems found while reading that did not reject the file.</param>
public sealed record WorkflowFile(string Path, WorkflowFormat Format, JsonObject? Ui, JsonObject? Api, IReadOnlyList<LokiDiagnostic>? Warnings = null);
