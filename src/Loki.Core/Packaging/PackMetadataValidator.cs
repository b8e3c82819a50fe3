using System.Text.RegularExpressions;
using Loki.Core.Diagnostics;

namespace Loki.Core.Packaging;

/// <summary>
/// The Comfy Registry's checks (backend regexes and limits, and comfy-cli's silent drops made errors), run before
/// a version number is burnt: see <c>prior-art-packaging.md</c> §2 and §5.A.
/// </summary>
public static partial class PackMetadataValidator
{
    /// <summary>The classifier strings comfy-cli accepts; one unknown entry drops the whole list with only a warning.</summary>
    public static readonly IReadOnlySet<string> AcceptedEnvironments = new HashSet<string>(StringComparer.Ordinal)
    {
        "Environment :: GPU :: NVIDIA CUDA", "Environment :: GPU :: AMD ROCm", "Environment :: GPU :: Intel Arc",
        "Environment :: NPU :: Huawei Ascend", "Environment :: GPU :: Apple Metal",
    };

    [GeneratedRegex(@"^[a-zA-Z0-9](?:[a-zA-Z0-9._-]*[a-zA-Z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NodeId();

    [GeneratedRegex(@"[._-]{2}", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleSpecial();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Publisher();

    [GeneratedRegex(@"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^\s*(==|>=|<=|!=|~=|>|<|\^)?\s*(?<major>\d+)\.\d+\.\d+(-[0-9A-Za-z.-]+)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ComfyClause();

    [GeneratedRegex(@"^(Microsoft|POSIX|MacOS|OS Independent)", RegexOptions.CultureInvariant)]
    private static partial Regex OsValue();

    /// <summary>Reports every value the registry or comfy-cli would refuse or silently drop.</summary>
    public static void Validate(PackMetadata m, string file, DiagnosticBag diagnostics)
    {
        void Bad(string field, string why) => diagnostics.Error(LokiCodes.PackBadMetadata, $"{field}: {why}", file, "$." + field);

        if (m.Name.Length is 0 or > 100 || !NodeId().IsMatch(m.Name) || DoubleSpecial().IsMatch(m.Name) || char.IsDigit(m.Name[0]))
        {
            Bad("name", $"'{m.Name}' is not a registry node id (letters, digits, '.', '_', '-'; 1-100 characters; starts with a letter; no two special characters in a row)");
        }

        if (!SemVer().IsMatch(m.Version))
        {
            Bad("version", $"'{m.Version}' is not SemVer X.Y.Z");
        }

        if (!Publisher().IsMatch(m.PublisherId))
        {
            Bad("publisher_id", $"'{m.PublisherId}' does not match ^[a-z][a-z0-9-]*$");
        }

        if (m.Description.Length > 1000)
        {
            Bad("description", $"{m.Description.Length} characters; the registry accepts at most 1000");
        }

        if (!Uri.TryCreate(m.Repository, UriKind.Absolute, out var repo) || repo.Scheme != "https" || repo.UserInfo.Length > 0)
        {
            Bad("repository", $"'{m.Repository}' must be an https URL without credentials");
        }

        if (m.DisplayName.Trim().Length == 0)
        {
            Bad("display_name", "must not be empty");
        }

        foreach (var clause in m.RequiresComfyUI.Split(','))
        {
            var c = ComfyClause().Match(clause);
            if (!c.Success)
            {
                Bad("requires_comfyui", $"'{clause.Trim()}' is not [op]X.Y.Z (comfy-cli drops it silently)");
            }
            else if (c.Groups[1].Value is ">=" or ">" or "==" or "^" or "~=" && c.Groups["major"].Value != "0")
            {
                Bad("requires_comfyui", $"'{clause.Trim()}' asks for ComfyUI core {c.Groups["major"].Value}.x, which does not exist (core is 0.x); no ComfyUI satisfies it");
            }
        }

        foreach (var cls in m.Classifiers)
        {
            var ok = cls.StartsWith("Operating System :: ", StringComparison.Ordinal)
                ? OsValue().IsMatch(cls["Operating System :: ".Length..])
                : AcceptedEnvironments.Contains(cls) || !cls.StartsWith("Environment :: ", StringComparison.Ordinal);
            if (!ok)
            {
                Bad("classifiers", $"'{cls}' is not one of the exact strings comfy-cli accepts; one bad entry drops the whole list");
            }
        }

        if (m.Icon is not null && (!Uri.TryCreate(m.Icon, UriKind.Absolute, out var icon) || icon.Scheme != "https"))
        {
            Bad("icon", $"'{m.Icon}' must be an https URL (the registry takes a URL, not a path in the zip)");
        }

        if (m.FolderName.Length == 0 || m.FolderName.IndexOfAny(['/', '\\', ':']) >= 0)
        {
            Bad("folder_name", $"'{m.FolderName}' must be a plain folder name");
        }
    }
}
