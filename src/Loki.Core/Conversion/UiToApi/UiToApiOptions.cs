namespace Loki.Core.Conversion.UiToApi;

/// <summary>How <see cref="UiToApiConverter"/> treats the values the frontend changes at queue time.</summary>
/// <param name="DynamicPromptSeed">
/// When set, <c>{a|b}</c> choices in dynamic-prompt widgets are resolved with a generator seeded by this value (the
/// same seed gives the same prompt). When null they are left as written and a warning is reported.
/// </param>
/// <param name="ApplyFilenameTemplates">Fill <c>%Node.widget%</c> in save nodes' <c>filename_prefix</c>, as the frontend does.</param>
/// <param name="Date">
/// The local time to fill <c>%date:FORMAT%</c> patterns with (the frontend uses the clock when it queues). When null
/// they are left as written, so that the same workflow always gives the same prompt.
/// </param>
public sealed record UiToApiOptions(long? DynamicPromptSeed = null, bool ApplyFilenameTemplates = true, DateTime? Date = null)
{
    /// <summary>
    /// False walks every link in full instead of taking what <see cref="RerouteMemo"/> remembered (the same result and
    /// diagnostics: tests compare both).
    /// </summary>
    internal bool RememberReroutes { get; init; } = true;

    /// <summary>The defaults: dynamic prompts kept, filename templates applied.</summary>
    public static UiToApiOptions Default { get; } = new();
}
