using Loki.Core.Diagnostics;
using Microsoft.Build.Framework;
using Task = Microsoft.Build.Utilities.Task;

namespace Loki.Build.Tasks;

/// <summary>
/// Base of every LOKI task: a sealed <see cref="Execute"/> that funnels unexpected exceptions into one coded error,
/// and <see cref="Report"/>, which logs a core diagnostic in MSBuild's canonical form (subcategory, code, file,
/// line and column) so IDEs and CI annotate it.
/// </summary>
public abstract class LokiTask : Task
{
    /// <summary>The subcategory shown before the severity: <c>file(1,1): LOKI error LOKI4010: ...</c>.</summary>
    public const string Subcategory = "LOKI";

    /// <inheritdoc/>
    public sealed override bool Execute()
    {
        try
        {
            ExecuteCore();
        }
        catch (LokiException ex)
        {
            Report(ex.Diagnostic);
        }
        catch (AggregateException ex)
        {
            // Nodes are built in parallel: report each failure once, coded.
            foreach (var inner in ex.Flatten().InnerExceptions)
            {
                if (inner is LokiException loki)
                {
                    Report(loki.Diagnostic);
                }
                else
                {
                    Log.LogError(Subcategory, LokiCodes.TaskFailed, null, null, 0, 0, 0, 0, $"{GetType().Name} failed: {inner.GetType().Name}: {inner.Message}");
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            Log.LogError(Subcategory, LokiCodes.TaskFailed, null, null, 0, 0, 0, 0, $"{GetType().Name} failed: {ex.GetType().Name}: {ex.Message}");
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The task's work; report problems through <see cref="Report"/>.</summary>
    protected abstract void ExecuteCore();

    /// <summary>Logs <paramref name="diagnostic"/> as an MSBuild error, warning or message.</summary>
    protected void Report(LokiDiagnostic diagnostic, MessageImportance importance = MessageImportance.Normal)
    {
        var message = diagnostic.JsonPath is null ? diagnostic.Message : $"{diagnostic.Message} [at {diagnostic.JsonPath}]";
        switch (diagnostic.Severity)
        {
            case DiagnosticSeverity.Error:
                Log.LogError(Subcategory, diagnostic.Code, null, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, message);
                break;
            case DiagnosticSeverity.Warning:
                Log.LogWarning(Subcategory, diagnostic.Code, null, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, message);
                break;
            default:
                Log.LogMessage(Subcategory, diagnostic.Code, null, diagnostic.File, diagnostic.Line, diagnostic.Column, 0, 0, importance, message);
                break;
        }
    }
}
