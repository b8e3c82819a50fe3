using System.Collections.Immutable;

namespace Loki.Core.Packaging;

/// <summary>
/// The identity of the pack as the Comfy Registry, ComfyUI-Manager and comfy-cli read it from
/// <c>pyproject.toml</c>. Read from <c>pack.json</c> by <see cref="PackMetadataReader"/>; checked against the
/// registry's own rules by <see cref="PackMetadataValidator"/> before anything is written.
/// </summary>
public sealed record PackMetadata
{
    /// <summary>The registry node id (<c>[project].name</c>): immutable once published, also the install folder name.</summary>
    public string Name { get; init; } = "comfyui-loki";

    /// <summary>The name shown in the Manager and registry (<c>[tool.comfy].DisplayName</c>).</summary>
    public string DisplayName { get; init; } = "ComfyUI-LOKI";

    /// <summary>SemVer X.Y.Z (<c>[project].version</c>).</summary>
    public string Version { get; init; } = "0.1.0";

    /// <summary>At most 1000 characters (<c>[project].description</c>).</summary>
    public string Description { get; init; } = "LOKI nodes for ComfyUI: each node also runs as a script and as a workflow.";

    /// <summary>The registry publisher (<c>[tool.comfy].PublisherId</c>), <c>^[a-z][a-z0-9-]*$</c>.</summary>
    public string PublisherId { get; init; } = "loki";

    /// <summary>The https repository URL (<c>[project.urls].Repository</c>), the one URL the registry stores.</summary>
    public string Repository { get; init; } = "https://github.com/dogcomplex/ComfyUI-LOKI";

    /// <summary>SPDX licence id, written as <c>license = {file = "LICENSE"}</c> with the text shipped beside it.</summary>
    public string License { get; init; } = "MIT";

    /// <summary>The licence text file (absolute, or relative to the metadata file); null to generate the text from <see cref="License"/>.</summary>
    public string? LicenseFile { get; init; }

    /// <summary>Who holds the copyright, for a generated licence text.</summary>
    public string Authors { get; init; } = "The LOKI authors";

    /// <summary><c>[project].requires-python</c>.</summary>
    public string RequiresPython { get; init; } = ">=3.10";

    /// <summary>The ComfyUI core version range (0.x, <c>[tool.comfy].requires-comfyui</c>).</summary>
    public string RequiresComfyUI { get; init; } = ">=0.3.60";

    /// <summary>Exact registry classifier strings (OS and accelerators).</summary>
    public ImmutableArray<string> Classifiers { get; init; } =
    [
        "Operating System :: OS Independent",
        "Environment :: GPU :: NVIDIA CUDA",
    ];

    /// <summary>An optional icon URL (≤ 400×400) for <c>[tool.comfy].Icon</c>.</summary>
    public string? Icon { get; init; }

    /// <summary>The folder name used for the built pack under <c>artifacts/</c> and for the archive.</summary>
    public string FolderName { get; init; } = "ComfyUI-LOKI";
}
