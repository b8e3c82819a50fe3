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

    // ---- LOKI4000-4199 node folders, regeneration, MSBuild integration ---------------------

    /// <summary>A <c>LokiNode</c> item or command names a node folder that does not exist.</summary>
    public const string NodeFolderMissing = "LOKI4000";

    /// <summary>A node folder's name is not lowercase snake_case (warning).</summary>
    public const string NodeNameNotSnakeCase = "LOKI4001";

    /// <summary>A node has no functionality layer (script, node or flow): nothing to derive (info).</summary>
    public const string NoFunctionalityLayer = "LOKI4002";

    /// <summary>A layer is missing and no converter can generate it from what the node has (info).</summary>
    public const string LayerNotGeneratable = "LOKI4003";

    /// <summary>A layer was generated or regenerated (info; the message names its source).</summary>
    public const string LayerGenerated = "LOKI4004";

    /// <summary>The growth report of one node: which layers exist, were generated, are missing (info).</summary>
    public const string NodeGrowth = "LOKI4005";

    /// <summary>A generated file was edited by a person: it is left as is and no longer regenerated (warning).</summary>
    public const string GeneratedFileEdited = "LOKI4010";

    /// <summary>A generated file's header cannot be read; the file is treated as authored (warning).</summary>
    public const string GeneratedHeaderBad = "LOKI4011";

    /// <summary>The source layer named in a generated file's header no longer exists (warning).</summary>
    public const string GeneratedSourceMissing = "LOKI4012";

    /// <summary>Two authored layers declare different interfaces; the message names both files (error).</summary>
    public const string LayersDisagree = "LOKI4013";

    /// <summary>A converter failed to derive a layer; its own diagnostics follow (error).</summary>
    public const string GenerationFailed = "LOKI4014";

    /// <summary>A temporary file left by an interrupted write was found and removed (info).</summary>
    public const string StaleTemporaryFile = "LOKI4015";

    /// <summary>Verification (no writing): a generated layer is missing or out of date with its source (error).</summary>
    public const string GeneratedLayerStale = "LOKI4016";

    /// <summary><c>loki new</c>/<c>loki import</c>: the target node folder already holds that layer (error).</summary>
    public const string NodeLayerExists = "LOKI4020";

    /// <summary><c>loki import</c>: the source is not a function, a ComfyUI node reference or a workflow (error).</summary>
    public const string ImportSourceUnknown = "LOKI4021";

    /// <summary>A conversion this command needs is not available in this build of LOKI (error).</summary>
    public const string ConverterUnavailable = "LOKI4022";

    /// <summary>An MSBuild task failed unexpectedly; always a bug (error).</summary>
    public const string TaskFailed = "LOKI4099";
}
