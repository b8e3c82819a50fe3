using System.Text.RegularExpressions;
using Loki.Core.Diagnostics;

namespace Loki.Core.Packaging;

/// <summary>
/// Paths that break a pack on some platform: two paths that differ only by case (Windows, macOS), Windows reserved
/// names (<c>CON</c>, <c>aux.py</c>), characters Windows refuses, trailing dots or spaces, and paths too long once
/// under <c>ComfyUI/custom_nodes/&lt;pack&gt;/</c>.
/// </summary>
public static partial class PortablePaths
{
    /// <summary>Longest path inside the pack; leaves room for the install prefix under Windows' 260.</summary>
    public const int MaxLength = 160;

    [GeneratedRegex(@"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Reserved();

    /// <summary>Reports every non-portable path of <paramref name="paths"/>.</summary>
    public static void Check(IEnumerable<string> paths, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in paths)
        {
            if (seen.TryGetValue(path, out var twin))
            {
                diagnostics.Error(LokiCodes.PackPathNotPortable, $"'{path}' and '{twin}' differ only by case; they collide on Windows and macOS", path);
            }
            else
            {
                seen[path] = path;
            }

            foreach (var part in path.Split('/'))
            {
                if (Reserved().IsMatch(part) || part.EndsWith('.') || part.EndsWith(' ') || part.Any(c => c < 0x20 || "<>:\"|?*\\".Contains(c)))
                {
                    diagnostics.Error(LokiCodes.PackPathNotPortable, $"'{part}' in '{path}' is not a valid file name on Windows", path);
                }
            }

            if (path.Length > MaxLength)
            {
                diagnostics.Error(LokiCodes.PackPathNotPortable, $"'{path}' is {path.Length} characters; keep pack paths under {MaxLength} for Windows", path);
            }
        }
    }
}
