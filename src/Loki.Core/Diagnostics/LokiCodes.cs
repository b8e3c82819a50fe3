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

    // ---- LOKI1050-1079 media files (PNG, WebP) carrying a workflow or prompt ---------------

    /// <summary>A media file is neither a PNG nor a WebP (by its signature), or its extension is not supported.</summary>
    public const string MediaUnknownFormat = "LOKI1050";

    /// <summary>A PNG chunk or RIFF chunk runs past the end of the file.</summary>
    public const string MediaTruncated = "LOKI1051";

    /// <summary>A PNG chunk's CRC does not match its type and data; the message names the chunk.</summary>
    public const string MediaBadCrc = "LOKI1052";

    /// <summary>A PNG text chunk (<c>tEXt</c>, <c>zTXt</c>, <c>iTXt</c>, <c>comf</c>) is malformed or fails to decompress.</summary>
    public const string MediaBadTextChunk = "LOKI1053";

    /// <summary>The EXIF block of a WebP file is malformed (bad byte order mark, offsets outside the block).</summary>
    public const string MediaBadExif = "LOKI1054";

    /// <summary>A media file holds neither a <c>workflow</c> nor a <c>prompt</c>.</summary>
    public const string MediaNoMetadata = "LOKI1055";

    /// <summary>A PNG given to the metadata writer is not a valid PNG (no signature or no <c>IHDR</c> first).</summary>
    public const string MediaNotWritable = "LOKI1056";

    // ---- LOKI1300-1349 API to UI conversion (core-cli) --------------------------------------

    /// <summary>An API prompt input links to a node id the prompt does not hold.</summary>
    public const string ApiToUiMissingNode = "LOKI1300";

    /// <summary>The links of an API prompt form a cycle; ComfyUI cannot run it and it cannot be laid out.</summary>
    public const string ApiToUiCycle = "LOKI1301";

    /// <summary>An API prompt entry has the wrong shape (no <c>class_type</c>, <c>inputs</c> not an object, a malformed link).</summary>
    public const string ApiToUiBadNode = "LOKI1302";

    /// <summary>A node type has no schema: its UI node is built from the prompt alone (warning, names the likely pack).</summary>
    public const string ApiToUiNoSchema = "LOKI1303";
}
