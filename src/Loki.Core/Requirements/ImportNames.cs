using System.Collections.Frozen;

namespace Loki.Core.Requirements;

/// <summary>
/// What a distribution lets a node import, for the distributions whose import name differs from their name
/// (<c>Pillow</c> → <c>PIL</c>), and the modules a node may import without declaring them: ComfyUI's own modules,
/// the torch family it installs itself, and LOKI's runtime shipped in the pack.
/// </summary>
public static class ImportNames
{
    private static readonly FrozenDictionary<string, string[]> ByDistribution = new Dictionary<string, string[]>
    {
        ["pillow"] = ["PIL"],
        ["opencv-python"] = ["cv2"],
        ["opencv-python-headless"] = ["cv2"],
        ["opencv-contrib-python"] = ["cv2"],
        ["opencv-contrib-python-headless"] = ["cv2"],
        ["pyyaml"] = ["yaml"],
        ["scikit-image"] = ["skimage"],
        ["scikit-learn"] = ["sklearn"],
        ["beautifulsoup4"] = ["bs4"],
        ["python-dateutil"] = ["dateutil"],
        ["protobuf"] = ["google"],
        ["pymupdf"] = ["fitz", "pymupdf"],
        ["attrs"] = ["attr", "attrs"],
        ["python-dotenv"] = ["dotenv"],
        ["pycryptodome"] = ["Crypto"],
        ["pywavelets"] = ["pywt"],
        ["python-magic"] = ["magic"],
        ["ffmpeg-python"] = ["ffmpeg"],
        ["colour-science"] = ["colour"],
        ["pyserial"] = ["serial"],
        ["websocket-client"] = ["websocket"],
        ["onnxruntime-gpu"] = ["onnxruntime"],
        ["open-clip-torch"] = ["open_clip"],
        ["gitpython"] = ["git"],
        ["scikit-video"] = ["skvideo"],
        ["imageio-ffmpeg"] = ["imageio_ffmpeg"],
        ["pytorch-lightning"] = ["pytorch_lightning"],
        ["faiss-cpu"] = ["faiss"],
        ["faiss-gpu"] = ["faiss"],
        ["matplotlib"] = ["matplotlib", "mpl_toolkits", "pylab"],
        ["setuptools"] = ["setuptools", "pkg_resources"],
        ["pyopengl"] = ["OpenGL"],
        ["pyzmq"] = ["zmq"],
        ["msgpack-python"] = ["msgpack"],
        ["python-slugify"] = ["slugify"],
        ["typing-extensions"] = ["typing_extensions"],
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
        if (ByDistribution.TryGetValue(distributionKey, out var names) && names.Contains(module, StringComparer.Ordinal))
        {
            return true;
        }

        // The common case: the import name is the distribution name with '-' as '_' (case-insensitive).
        return string.Equals(distributionKey.Replace('-', '_'), module.Replace('-', '_'), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The distribution to suggest for <paramref name="module"/> (headless OpenCV for <c>cv2</c>).</summary>
    public static string SuggestDistribution(string module)
    {
        if (module == "cv2")
        {
            return "opencv-python-headless";
        }

        var known = ByDistribution.Where(p => p.Value.Contains(module, StringComparer.Ordinal))
            .Select(p => p.Key).Order(StringComparer.Ordinal).FirstOrDefault();
        return known ?? module.Replace('_', '-');
    }
}
