using System.Text;

namespace Loki.Core.Packaging;

/// <summary>
/// Writes the pack's <c>pyproject.toml</c> in the shape comfy-cli parses and the registry accepts
/// (<c>prior-art-packaging.md</c> §2): static version, <c>license = {file = "LICENSE"}</c>, exact classifiers,
/// <c>dependencies</c> identical to <c>requirements.txt</c>, only the URL keys comfy-cli reads, and no
/// <c>[tool.comfy].web</c> (the pack sets <c>WEB_DIRECTORY</c>; both would load the JS twice).
/// </summary>
public static class PyprojectEmitter
{
    /// <summary>The file text.</summary>
    public static string Emit(PackMetadata m, IEnumerable<string> requirementLines, string header)
    {
        var sb = new StringBuilder();
        sb.Append(header).Append('\n');
        sb.Append("[project]\n");
        sb.Append("name = ").Append(TomlLiteral.String(m.Name)).Append('\n');
        sb.Append("version = ").Append(TomlLiteral.String(m.Version)).Append('\n');
        sb.Append("description = ").Append(TomlLiteral.String(m.Description)).Append('\n');
        sb.Append("license = { file = \"LICENSE\" }\n");
        sb.Append("requires-python = ").Append(TomlLiteral.String(m.RequiresPython)).Append('\n');
        sb.Append("classifiers = ").Append(TomlLiteral.Array(m.Classifiers)).Append('\n');
        sb.Append("dependencies = ").Append(TomlLiteral.Array(requirementLines)).Append('\n');
        sb.Append('\n');
        sb.Append("[project.urls]\n");
        sb.Append("Repository = ").Append(TomlLiteral.String(m.Repository)).Append('\n');
        sb.Append("Homepage = ").Append(TomlLiteral.String(m.Repository)).Append('\n');
        sb.Append("Issues = ").Append(TomlLiteral.String(m.Repository.TrimEnd('/') + "/issues")).Append('\n');
        sb.Append('\n');
        sb.Append("[tool.comfy]\n");
        sb.Append("PublisherId = ").Append(TomlLiteral.String(m.PublisherId)).Append('\n');
        sb.Append("DisplayName = ").Append(TomlLiteral.String(m.DisplayName)).Append('\n');
        if (m.Icon is not null)
        {
            sb.Append("Icon = ").Append(TomlLiteral.String(m.Icon)).Append('\n');
        }

        sb.Append("requires-comfyui = ").Append(TomlLiteral.String(m.RequiresComfyUI)).Append('\n');
        return sb.ToString();
    }
}
