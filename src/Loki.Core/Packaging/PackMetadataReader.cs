using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Loki.Core.Diagnostics;

namespace Loki.Core.Packaging;

/// <summary>
/// Reads <c>pack.json</c>: <c>{"name", "display_name", "version", "description", "publisher_id", "repository",
/// "license", "license_file", "authors", "requires_python", "requires_comfyui", "classifiers", "icon", "folder_name"}</c>,
/// every field optional (defaults from <see cref="PackMetadata"/>).
/// </summary>
public static class PackMetadataReader
{
    /// <summary>Reads the file; null (with a coded error) when it is unusable.</summary>
    public static PackMetadata? Read(string path, DiagnosticBag diagnostics)
    {
        JsonObject obj;
        try
        {
            obj = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new JsonException("the top level must be an object");
        }
        catch (JsonException ex)
        {
            diagnostics.Error(LokiCodes.PackBadMetadataFile, $"pack metadata is not valid: {ex.Message}", path, "$");
            return null;
        }
        catch (IOException ex)
        {
            diagnostics.Error(LokiCodes.FileUnreadable, $"cannot read pack metadata: {ex.Message}", path);
            return null;
        }

        var d = new PackMetadata();
        string Str(string key, string fallback)
        {
            if (obj[key] is null)
            {
                return fallback;
            }

            if (obj[key] is JsonValue v && v.TryGetValue<string>(out var s))
            {
                return s;
            }

            diagnostics.Error(LokiCodes.PackBadMetadataFile, $"'{key}' must be a string", path, "$." + key);
            return fallback;
        }

        var licenseFile = obj["license_file"] is null ? null : Str("license_file", string.Empty);
        var classifiers = d.Classifiers;
        if (obj["classifiers"] is JsonArray arr)
        {
            classifiers = [.. arr.Select(x => x?.ToString() ?? string.Empty)];
        }
        else if (obj["classifiers"] is not null)
        {
            diagnostics.Error(LokiCodes.PackBadMetadataFile, "'classifiers' must be an array of strings", path, "$.classifiers");
        }

        return new PackMetadata
        {
            Name = Str("name", d.Name),
            DisplayName = Str("display_name", d.DisplayName),
            Version = Str("version", d.Version),
            Description = Str("description", d.Description),
            PublisherId = Str("publisher_id", d.PublisherId),
            Repository = Str("repository", d.Repository),
            License = Str("license", d.License),
            LicenseFile = licenseFile is null ? null : Path.GetFullPath(licenseFile, Path.GetDirectoryName(Path.GetFullPath(path))!),
            Authors = Str("authors", d.Authors),
            RequiresPython = Str("requires_python", d.RequiresPython),
            RequiresComfyUI = Str("requires_comfyui", d.RequiresComfyUI),
            Classifiers = classifiers,
            Icon = obj["icon"] is null ? null : Str("icon", string.Empty),
            FolderName = Str("folder_name", d.FolderName),
        };
    }
}
