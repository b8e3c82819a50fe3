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

    // ---- LOKI2000-2199 Python emitters, wrapping functions, static extraction -------------------

    /// <summary>No Python 3.10+ interpreter with the packages an operation needs was found.</summary>
    public const string PythonNotFound = "LOKI2000";

    /// <summary>A LOKI Python helper failed or printed something that is not its JSON result (a bug or a broken interpreter).</summary>
    public const string PythonHelperFailed = "LOKI2001";

    /// <summary>A Python source file cannot be read or parsed.</summary>
    public const string PythonSourceUnreadable = "LOKI2002";

    /// <summary>The function named in <c>module.py:function</c> does not exist in that module.</summary>
    public const string FunctionNotFound = "LOKI2003";

    /// <summary>A wrapped function's parameter has no type hint or default LOKI understands; it becomes an opaque input.</summary>
    public const string ParameterUntyped = "LOKI2010";

    /// <summary>A wrapped function's <c>*args</c>/<c>**kwargs</c> cannot be an input and are left out.</summary>
    public const string ParameterSkipped = "LOKI2011";

    /// <summary>A third-party import has no known distribution; its import name is used as the requirement.</summary>
    public const string UnknownDistribution = "LOKI2012";

    /// <summary>A name (node, port) is not usable as a Python identifier or LOKI node name.</summary>
    public const string BadIdentifier = "LOKI2013";

    /// <summary>The requested ComfyUI node class is not registered by the pack.</summary>
    public const string ComfyNodeNotFound = "LOKI2020";

    /// <summary>Part of a pack could not be read statically (its nodes may be missing from the result).</summary>
    public const string ComfyExtractionIncomplete = "LOKI2021";

    /// <summary>A node field is only known at run time (e.g. model file lists) and is marked unresolved.</summary>
    public const string ComfyValueUnresolved = "LOKI2022";

    /// <summary>A generated file was edited by a person (its body no longer matches); it is left as it is.</summary>
    public const string GeneratedFileEdited = "LOKI2030";

    /// <summary>A file without the LOKI header is authored and is never overwritten.</summary>
    public const string AuthoredFileKept = "LOKI2031";

    /// <summary>A node folder lacks the layer a conversion starts from, or that layer is unusable.</summary>
    public const string NodeLayerMissing = "LOKI2040";

    /// <summary>A LOKI Node file defines no node class that can be read statically.</summary>
    public const string NodeClassUnreadable = "LOKI2041";
}
