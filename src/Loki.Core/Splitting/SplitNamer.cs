using Loki.Core.Flows;

namespace Loki.Core.Splitting;

/// <summary>
/// Names sub-flows after what the author called them (group titles, subgraph names) or, for stages, after what their
/// nodes do (<c>encode_prompt_pair</c>, <c>load_checkpoint_with_loras</c>, <c>decode_image</c>); never by number
/// alone. A clash is qualified by the region's most frequent node class before it is numbered.
/// </summary>
public static class SplitNamer
{
    public static string Base(string title, RegionKind kind, IReadOnlyList<string> classes)
    {
        var name = kind == RegionKind.Stage ? StageName(title, classes) : PythonNames.Snake(title);
        return Clean(name);
    }

    /// <summary>The most frequent real class of a region, snake-cased (<c>clip_text_encode</c>), or null.</summary>
    public static string? Dominant(IReadOnlyList<string> classes) =>
        classes.Where(c => Subflow.PlaceholderIndex(c) < 0).GroupBy(c => c, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => Clean(PythonNames.Snake(g.Key))).FirstOrDefault();

    /// <summary>A node-folder name: lowercase snake case, starting with a letter, at most 48 characters.</summary>
    public static string Clean(string name)
    {
        var s = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        while (s.Contains("__", StringComparison.Ordinal))
        {
            s = s.Replace("__", "_", StringComparison.Ordinal);
        }

        s = s.Trim('_');
        if (s.Length == 0 || !char.IsAsciiLetter(s[0]))
        {
            s = "flow_" + s;
        }

        return s.Length > 48 ? s[..48].TrimEnd('_') : s.TrimEnd('_');
    }

    private static string StageName(string title, IReadOnlyList<string> classes)
    {
        bool Has(string part) => classes.Any(c => c.Contains(part, StringComparison.OrdinalIgnoreCase));
        var real = classes.Where(c => Subflow.PlaceholderIndex(c) < 0).ToList();
        switch (title)
        {
            case "load models":
                if (Has("CheckpointLoader") && Has("Lora"))
                {
                    return "load_checkpoint_with_loras";
                }

                return Has("CheckpointLoader") ? "load_checkpoint" : Has("Lora") ? "apply_loras" : Has("UNETLoader") || Has("UnetLoader") ? "load_diffusion_model" : "load_models";
            case "conditioning":
                var encoders = real.Count(c => c.StartsWith("CLIPTextEncode", StringComparison.Ordinal));
                if (encoders == real.Count)
                {
                    return encoders == 2 ? "encode_prompt_pair" : encoders == 1 ? "encode_prompt" : "encode_prompts";
                }

                return Has("ControlNet") ? "encode_prompts_with_controlnet" : encoders > 0 ? "encode_prompts" : "conditioning";
            case "sampling":
                if (Has("Upscale") || Has("LatentScale"))
                {
                    return "sample_and_upscale_latent";
                }

                return Has("Sampler") ? (Has("EmptyLatent") || Has("EmptySD3Latent") ? "sample_from_empty_latent" : "sample_latent") : "prepare_latent";
            case "image":
                if (Has("VAEDecode"))
                {
                    return Has("Upscale") ? "decode_and_upscale" : real.Count > 1 ? "decode_and_process_image" : "decode_image";
                }

                return Has("Upscale") ? "upscale_image" : Has("LoadImage") ? "load_and_process_image" : "process_image";
            default:
                return Dominant(classes) is { } d ? "finish_" + d : "finish";
        }
    }
}
