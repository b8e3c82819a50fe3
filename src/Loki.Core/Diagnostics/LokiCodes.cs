namespace Loki.Core.Diagnostics;

/// <summary>
/// The one diagnostic table of LOKI Build. Codes are stable: never renumber or reuse a retired code.
/// Ranges, one per feature area:
/// <list type="bullet">
/// <item><c>LOKI0001-0099</c> general: usage, files, I/O.</item>
/// <item><c>LOKI0100-0199</c> node config (<c>&lt;n&gt;.json</c>) and name layer.</item>
/// <item><c>LOKI1000-1099</c> reading workflows, prompts and media.</item>
/// <item><c>LOKI1100-1199</c> node schemas (<c>/object_info</c>).</item>
/// <item><c>LOKI1200-1399</c> UI to API and API to UI conversion.</item>
/// <item><c>LOKI2000-2199</c> Python emitters, wrapping functions, static extraction of ComfyUI nodes.</item>
/// <item><c>LOKI3000-3199</c> flows: signatures, flow scripts, flow nodes.</item>
/// <item><c>LOKI4000-4199</c> node folders, regeneration, MSBuild integration.</item>
/// <item><c>LOKI4200-4299</c> the source generator (compiler diagnostics).</item>
/// <item><c>LOKI5000-5199</c> requirements verification, smoke tests, packaging.</item>
/// </list>
/// </summary>
public static class LokiCodes
{
    // ---- LOKI0001-0099 general -------------------------------------------------------------

    /// <summary>A file named on the command line or in a project does not exist.</summary>
    public const string FileNotFound = "LOKI0001";

    /// <summary>A file exists but could not be read (permissions, I/O).</summary>
    public const string FileUnreadable = "LOKI0002";

    /// <summary>A file is larger than LOKI accepts for its kind.</summary>
    public const string FileTooLarge = "LOKI0003";

    /// <summary>Bad command-line usage (unknown verb, missing argument, bad value).</summary>
    public const string BadUsage = "LOKI0004";

    /// <summary>A file could not be written.</summary>
    public const string WriteFailed = "LOKI0005";

    /// <summary>An unexpected internal failure; the message names the operation. Always a bug.</summary>
    public const string InternalError = "LOKI0099";

    // ---- LOKI0100-0199 node config and name layer ------------------------------------------

    /// <summary><c>&lt;n&gt;.json</c> is not valid JSON.</summary>
    public const string ConfigInvalidJson = "LOKI0100";

    /// <summary><c>&lt;n&gt;.json</c> has a field of the wrong shape.</summary>
    public const string ConfigBadField = "LOKI0101";

    /// <summary>A port in <c>&lt;n&gt;.json</c> has an unknown or missing type.</summary>
    public const string ConfigBadPortType = "LOKI0102";

    /// <summary>A port default lies outside its min/max or is not one of its options.</summary>
    public const string ConfigBadDefault = "LOKI0103";

    /// <summary>Two ports share one name.</summary>
    public const string ConfigDuplicatePort = "LOKI0104";

    /// <summary>The name layer (<c>&lt;n&gt;_name.md</c>) could not be read or lacks a required field.</summary>
    public const string NameLayerBad = "LOKI0110";

    // ---- LOKI5000-5199 requirements verification, smoke tests, packaging --------------------
    // 5000-5049 requirements, 5050-5099 smoke runs, 5100-5199 the pack.

    /// <summary>A requirement line uses an option ComfyUI-Manager cannot install (<c>-e</c>, <c>-r</c>, <c>--index-url</c>, ...).</summary>
    public const string RequirementUnsupportedOption = "LOKI5000";

    /// <summary>A requirement line points at a local path, a file URL, a URL or a VCS checkout instead of a package name.</summary>
    public const string RequirementNotAPackage = "LOKI5001";

    /// <summary>A requirement line is not valid PEP 508 (the part ComfyUI-Manager and pip both understand).</summary>
    public const string RequirementSyntax = "LOKI5002";

    /// <summary>A node pins <c>torch</c>, <c>torchvision</c> or <c>torchaudio</c>; ComfyUI owns those.</summary>
    public const string RequirementPinsTorch = "LOKI5003";

    /// <summary>A node lists <c>torch</c>/<c>torchvision</c>/<c>torchaudio</c> without a pin: dropped from the pack, ComfyUI provides it.</summary>
    public const string RequirementTorchListed = "LOKI5004";

    /// <summary>A node's Python imports a third-party module that its <c>requirements.txt</c> does not cover.</summary>
    public const string RequirementImportNotCovered = "LOKI5005";

    /// <summary>Two nodes pin versions of one package that no version satisfies together.</summary>
    public const string RequirementConflict = "LOKI5006";

    /// <summary>One package is listed twice in one requirements file.</summary>
    public const string RequirementDuplicate = "LOKI5007";

    /// <summary>More than one OpenCV distribution (they all install <c>cv2</c> and overwrite each other).</summary>
    public const string RequirementOpencvVariants = "LOKI5008";

    /// <summary>A shared library (numpy, Pillow, transformers, ...) is pinned with <c>==</c>, <c>&lt;</c> or <c>~=</c>; it will fight other packs.</summary>
    public const string RequirementStrictPin = "LOKI5009";

    /// <summary>pip could not resolve the merged requirements against the given index.</summary>
    public const string RequirementUnresolvable = "LOKI5010";

    /// <summary>pip itself could not be run (not installed, crashed, unreadable report).</summary>
    public const string RequirementPipFailed = "LOKI5011";

    /// <summary>The Python import scanner could not read a node's Python file.</summary>
    public const string RequirementImportScanFailed = "LOKI5012";

    /// <summary>The smoke runner reported failing nodes.</summary>
    public const string SmokeFailed = "LOKI5050";

    /// <summary>The library folder for the pack does not exist or holds no node.</summary>
    public const string PackNoLibrary = "LOKI5100";

    /// <summary>The Python runtime to ship in the pack was not found.</summary>
    public const string PackNoRuntime = "LOKI5101";

    /// <summary>A pack metadata value would be refused by the Comfy Registry (name, version, publisher, URL, classifier...).</summary>
    public const string PackBadMetadata = "LOKI5102";

    /// <summary>The output folder holds files LOKI did not generate; it is not cleaned or overwritten.</summary>
    public const string PackForeignOutput = "LOKI5103";

    /// <summary>A node folder has no <c>__init__.py</c>, so the pack cannot import it; it is left out of the root mappings.</summary>
    public const string PackNodeNotImportable = "LOKI5104";

    /// <summary>Two pack paths differ only by case, or a path is not portable (reserved name, too long, odd characters).</summary>
    public const string PackPathNotPortable = "LOKI5105";

    /// <summary>A flow could not be read for its example workflow, thumbnail or subgraph blueprint.</summary>
    public const string PackBadFlow = "LOKI5106";

    /// <summary>The pack metadata file (<c>pack.json</c>) is not valid JSON or has a field of the wrong shape.</summary>
    public const string PackBadMetadataFile = "LOKI5107";

    /// <summary>A symbolic link in a node folder was skipped (zip installs do not keep links).</summary>
    public const string PackSymlinkSkipped = "LOKI5108";
}
