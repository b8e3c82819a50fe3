using Loki.Core.Diagnostics;
using Loki.Core.Python.Analysis;
using Loki.Core.Python.Emit;

namespace Loki.Core.Python.Conversion;

/// <summary>The <c>requirements.txt</c> of wrapped code: one distribution per third-party import, sorted, no pins.</summary>
public static class Requirements
{
    /// <summary>The generated <c>requirements.txt</c>; unknown imports keep their import name with a warning.</summary>
    public static GeneratedFile File(ImportScan scan, string sourceRel, string sha, string subject, DiagnosticBag diagnostics)
    {
        var lines = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var import in scan.ThirdParty)
        {
            if (import.Module == "loki_runtime")
            {
                continue;
            }

            var dist = DistributionCatalogue.Find(import.Module);
            if (dist is null)
            {
                diagnostics.Warning(LokiCodes.UnknownDistribution, $"no known distribution for import '{import.Module}'; '{import.Module}' is listed, check it", subject);
                dist = import.Module;
            }

            lines.Add(import.Optional ? dist + "  # optional: imported under try/except" : dist);
        }

        var text = string.Concat(lines.Select(l => l + "\n"));
        return new GeneratedFile("requirements.txt", text, GeneratedFileKind.CommentHeader, sourceRel, sha);
    }
}
