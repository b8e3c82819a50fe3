using System.Collections.Frozen;
using Loki.Core.Python.Analysis;

namespace Loki.Core.Requirements;

/// <summary>
/// What a distribution lets a node import, for the distributions whose import name differs from their name
/// (<c>Pillow</c> → <c>PIL</c>), and the modules a node may import without declaring them: ComfyUI's own modules,
/// the torch family it installs itself, and LOKI's runtime shipped in the pack.
/// </summary>
public static class ImportNames
{
    // Imports that several distributions provide; the one-to-one cases come from py-emitters' catalogue
    // (Loki.Core.Python.Analysis.DistributionCatalogue, also used by `loki wrap`).
    private static readonly FrozenDictionary<string, string[]> Alternatives = new Dictionary<string, string[]>
    {
        ["cv2"] = ["opencv-python", "opencv-python-headless", "opencv-contrib-python", "opencv-contrib-python-headless"],
        ["onnxruntime"] = ["onnxruntime", "onnxruntime-gpu"],
        ["faiss"] = ["faiss-cpu", "faiss-gpu"],
        ["google"] = ["protobuf", "google-api-python-client", "google-cloud-storage"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Modules a node never declares: ComfyUI's own (present wherever a LOKI Node runs), the torch family
    /// (ComfyUI installs the right CUDA build; a node must not touch it) and LOKI's runtime (shipped in the pack).
    /// </summary>
    public static readonly FrozenSet<string> HostProvided = new[]
    {
        "torch", "torchvision", "torchaudio",
        "comfy", "comfy_extras", "comfy_execution", "comfy_api", "comfy_api_nodes", "comfy_config",
        "folder_paths", "nodes", "node_helpers", "server", "execution", "latent_preview", "app", "protocol",
        "loki_runtime",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Distributions ComfyUI installs itself; a node must never list them with a pin.</summary>
    public static readonly FrozenSet<string> TorchFamily = new[] { "torch", "torchvision", "torchaudio" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Shared libraries that fight between packs when pinned strictly (the Manager's downgrade list and friends).</summary>
    public static readonly FrozenSet<string> Shared = new[]
    {
        "numpy", "pillow", "transformers", "safetensors", "kornia", "diffusers", "huggingface-hub", "scipy",
        "opencv-python", "opencv-python-headless", "opencv-contrib-python", "opencv-contrib-python-headless",
        "onnxruntime", "onnxruntime-gpu", "accelerate", "tokenizers",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The OpenCV distributions; they all install <c>cv2</c>.</summary>
    public static readonly FrozenSet<string> OpenCv = new[]
    {
        "opencv-python", "opencv-python-headless", "opencv-contrib-python", "opencv-contrib-python-headless",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when installing the distribution <paramref name="distributionKey"/> (normalised) makes <paramref name="module"/> importable.</summary>
    public static bool Provides(string distributionKey, string module)
    {
        if (Alternatives.TryGetValue(module, out var several) && several.Contains(distributionKey, StringComparer.Ordinal))
        {
            return true;
        }

        if (DistributionCatalogue.Find(module) is { } known && Requirement.NormalizeName(known) == distributionKey)
        {
            return true;
        }

        // The common case: the import name is the distribution name with '-' as '_' (case-insensitive).
        return string.Equals(distributionKey.Replace('-', '_'), module.Replace('-', '_'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The distribution to suggest for <paramref name="module"/> (headless OpenCV for <c>cv2</c>: no GUI libraries needed).</summary>
    public static string SuggestDistribution(string module) =>
        module == "cv2" ? "opencv-python-headless" : DistributionCatalogue.Find(module) ?? module.Replace('_', '-');
}
