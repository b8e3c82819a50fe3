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
/// <item><c>LOKI6000-6099</c> splitting a workflow into a library of flows (<c>loki split</c>).</item>
/// <item><c>LOKI6100-6129</c> composite LOKI Scripts compiled to LOKI Flows (<c>Loki.Core.Composition</c>).</item>
/// <item><c>LOKI8000-8039</c> the World: the library as one macro workflow in one image (<c>loki world</c>).</item>
/// <item><c>LOKI8040-8079</c> the dispatcher (<c>loki run</c>): jobs files, options, cluster, job outcomes.</item>
/// <item><c>LOKI6130-6169</c> decomposing a plain Python function into steps (<c>loki decompose</c>).</item>
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

    // LOKI0050-0069: batch conversion and speed (issue 10).

    /// <summary>Two inputs of one <c>loki convert</c> batch would write the same output file; the later one is refused.</summary>
    public const string BatchOutputClash = "LOKI0050";

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

    // ---- LOKI1000-1099 reading workflows, prompts and media --------------------------------
    // Split: LOKI1000-1039 workflow and prompt JSON (core-convert); LOKI1040-1099 PNG/WebP media (core-cli).

    /// <summary>A workflow or prompt file is not valid JSON (truncated or malformed); the line is given.</summary>
    public const string WorkflowInvalidJson = "LOKI1000";

    /// <summary>JSON that is neither a UI workflow nor an API prompt.</summary>
    public const string WorkflowUnknownFormat = "LOKI1001";

    /// <summary>A field of a UI workflow has the wrong shape (a node without an id, links that are not arrays...).</summary>
    public const string WorkflowBadField = "LOKI1002";

    /// <summary>Two nodes of one graph share an id.</summary>
    public const string WorkflowDuplicateNodeId = "LOKI1003";

    /// <summary>A link starts or ends at a node that is not in its graph.</summary>
    public const string WorkflowLinkToMissingNode = "LOKI1004";

    /// <summary>A node's input names a link id that the graph does not have.</summary>
    public const string WorkflowMissingLink = "LOKI1005";

    /// <summary>An API prompt entry lacks <c>class_type</c> or <c>inputs</c>, or has a link that is not <c>["id", slot]</c>.</summary>
    public const string PromptBadNode = "LOKI1006";

    /// <summary>An API prompt links to a node id that is not in the prompt.</summary>
    public const string PromptLinkToMissingNode = "LOKI1007";

    /// <summary>A subgraph instance names a definition that <c>definitions.subgraphs</c> does not hold.</summary>
    public const string WorkflowMissingSubgraph = "LOKI1008";

    /// <summary>A group node instance names a group that <c>extra.groupNodes</c> does not hold.</summary>
    public const string WorkflowMissingGroupNode = "LOKI1009";

    /// <summary>The file kind is not one LOKI reads (by extension and content).</summary>
    public const string WorkflowUnsupportedFile = "LOKI1010";

    /// <summary>A media file carries no workflow and no prompt.</summary>
    public const string WorkflowNoMetadata = "LOKI1011";

    // LOKI1012-1029 API prompt validation (h-fidelity)

    /// <summary>The links of an API prompt form a cycle; ComfyUI refuses to run it.</summary>
    public const string PromptCycle = "LOKI1012";

    /// <summary>An API prompt links to an output index its origin node does not have (negative, or past its outputs).</summary>
    public const string PromptLinkToMissingOutput = "LOKI1013";

    /// <summary>An API prompt uses a class that no given schema defines (a warning: the server may have it).</summary>
    public const string PromptUnknownClass = "LOKI1014";

    // LOKI1040-1099 media files (PNG, WebP) carrying a workflow or prompt

    /// <summary>A media file is neither a PNG nor a WebP (by its signature), or its extension is not supported.</summary>
    public const string MediaUnknownFormat = "LOKI1040";

    /// <summary>A PNG chunk or RIFF chunk runs past the end of the file.</summary>
    public const string MediaTruncated = "LOKI1041";

    /// <summary>A PNG chunk's CRC does not match its type and data; the message names the chunk.</summary>
    public const string MediaBadCrc = "LOKI1042";

    /// <summary>A PNG text chunk (<c>tEXt</c>, <c>zTXt</c>, <c>iTXt</c>, <c>comf</c>) is malformed or fails to decompress.</summary>
    public const string MediaBadTextChunk = "LOKI1043";

    /// <summary>The EXIF block of a WebP file is malformed (bad byte order mark, offsets outside the block).</summary>
    public const string MediaBadExif = "LOKI1044";

    /// <summary>A PNG given to the metadata writer is not a valid PNG (no signature or no <c>IHDR</c> first).</summary>
    public const string MediaNotWritable = "LOKI1045";

    // ---- LOKI1100-1199 node schemas ------------------------------------------------------------
    // Split: LOKI1100-1149 /object_info loading (core-convert); LOKI1150-1199 pack catalogue (core-cli).

    /// <summary>An <c>/object_info</c> dump is not valid JSON or not an object of node definitions.</summary>
    public const string SchemaInvalid = "LOKI1100";

    /// <summary>One node definition inside a dump has the wrong shape; it is skipped.</summary>
    public const string SchemaBadNode = "LOKI1101";

    /// <summary>A schema path given by the user names no file or folder.</summary>
    public const string SchemaNotFound = "LOKI1102";

    // ---- LOKI1200-1399 conversion --------------------------------------------------------------
    // Split: LOKI1200-1299 UI to API (core-convert); LOKI1300-1399 API to UI (core-cli).

    /// <summary>A node type has no schema and its UI node does not record enough to convert it.</summary>
    public const string ConvertUnknownNodeType = "LOKI1200";

    /// <summary>A node type has no schema; it was converted from the widget sockets the UI node records.</summary>
    public const string ConvertSchemaFromUiNode = "LOKI1201";

    /// <summary>The links of the graph form a cycle; ComfyUI cannot run it.</summary>
    public const string ConvertCycle = "LOKI1202";

    /// <summary>A widget value list has fewer values than the schema has widgets (older node version).</summary>
    public const string ConvertFewerWidgetValues = "LOKI1203";

    /// <summary>Dynamic-prompt choices (<c>{a|b}</c>) were left as written (no seed given).</summary>
    public const string ConvertDynamicPromptKept = "LOKI1204";

    /// <summary>A bypassed node has no input whose type matches; the consumer's input is dropped.</summary>
    public const string ConvertBypassNoMatch = "LOKI1205";

    /// <summary>A link could not be followed (a missing slot, a reroute loop); the input is dropped.</summary>
    public const string ConvertUnresolvedLink = "LOKI1206";

    /// <summary>A UI workflow that holds no node ComfyUI would run.</summary>
    public const string ConvertEmptyPrompt = "LOKI1207";

    // ---- LOKI3000-3199 flows: signatures, flow scripts, flow nodes ----------------------------

    /// <summary>The links of a flow form a cycle.</summary>
    public const string FlowCycle = "LOKI3000";

    /// <summary>A flow uses a node type no schema (ComfyUI dump, LOKI library, markers) knows.</summary>
    public const string FlowUnknownNodeType = "LOKI3001";

    /// <summary>A required input of a node in the flow has no value and no flow input feeds it.</summary>
    public const string FlowMissingRequiredInput = "LOKI3002";

    /// <summary>A value (a widget or a flow input's default) lies outside its min/max.</summary>
    public const string FlowValueOutOfRange = "LOKI3003";

    /// <summary>A combo value is not one of its options.</summary>
    public const string FlowValueNotInOptions = "LOKI3004";

    /// <summary>A link names an output slot the source node does not have.</summary>
    public const string FlowBadLinkSlot = "LOKI3005";

    /// <summary>A constant has the wrong type for its input (text where a number is expected).</summary>
    public const string FlowBadValueType = "LOKI3006";

    /// <summary>A LokiInput/LokiOutput marker has a bad field (empty name, unknown type, default that does not parse).</summary>
    public const string FlowMarkerBad = "LOKI3010";

    /// <summary>Two inputs of a flow have one name.</summary>
    public const string FlowDuplicateInputName = "LOKI3011";

    /// <summary>An output marker (or a declared subgraph output) has nothing connected.</summary>
    public const string FlowOutputUnconnected = "LOKI3012";

    /// <summary>Two outputs of a flow have one name.</summary>
    public const string FlowDuplicateOutputName = "LOKI3013";

    /// <summary>A flow has no output: nothing to return.</summary>
    public const string FlowNoOutputs = "LOKI3014";

    /// <summary>The signature was inferred by the rule of thumb; the user should confirm it (info).</summary>
    public const string FlowInterfaceInferred = "LOKI3020";

    /// <summary>App Mode names a node or widget the flow does not have, or a widget driven by a link; it is skipped.</summary>
    public const string FlowAppModeBadReference = "LOKI3021";

    /// <summary>A subgraph input feeds nothing; it is left out of the signature.</summary>
    public const string FlowSubgraphInputUnused = "LOKI3022";

    /// <summary>The <c>loki</c> backend was asked for a flow that uses nodes other than LOKI nodes and built-ins.</summary>
    public const string FlowBackendUnsupported = "LOKI3030";

    /// <summary>A node name for a flow node or a node config for a one-node flow is unusable.</summary>
    public const string FlowNodeBad = "LOKI3040";

    /// <summary>A file LOKI would write exists and was not generated by LOKI (or was edited); it is left alone.</summary>
    public const string FlowFileNotOverwritten = "LOKI3041";

    /// <summary>A flow script's folder holds a <c>&lt;stem&gt;.json</c> that is no node config; the runtime would read it as the script's interface.</summary>
    public const string FlowScriptConfigClash = "LOKI3042";

    // LOKI3150-3199: the Python flow runtime (loki_runtime/flow_errors.py); it also raises LOKI3000-3014.

    /// <summary>At run time, a link feeds an input a type it does not accept.</summary>
    public const string FlowRunTypeMismatch = "LOKI3150";

    /// <summary>A node raised an error while a flow ran; the message names the node chain (id, title, type).</summary>
    public const string FlowRunNodeFailed = "LOKI3151";

    /// <summary>The chosen backend cannot be used (no ComfyUI folder, ComfyUI not importable, server unreachable).</summary>
    public const string FlowRunBackendUnavailable = "LOKI3152";

    /// <summary>ComfyUI refused the prompt without naming a node (e.g. <c>prompt_no_outputs</c>).</summary>
    public const string FlowRunServerRejected = "LOKI3153";

    /// <summary>A node expansion added a node id that already exists.</summary>
    public const string FlowRunDuplicateNode = "LOKI3154";

    /// <summary>A flow node cannot read or import its flow file.</summary>
    public const string FlowRunBadFlowFile = "LOKI3155";

    /// <summary>A flow output refers to a node that is not in the flow, or its result did not come back.</summary>
    public const string FlowRunBadOutput = "LOKI3156";

    // LOKI1300-1399 API to UI (core-cli).

    /// <summary>A node type has no schema: its UI node was built from the prompt alone (warning; names the likely pack).</summary>
    public const string ApiToUiNoSchema = "LOKI1300";

    /// <summary>A prompt input that is neither in the node's schema nor a link has no place in the UI node and is left out (warning).</summary>
    public const string ApiToUiDroppedInput = "LOKI1301";

    /// <summary>A prompt link joins an output and an input of different types; it is kept as written (warning).</summary>
    public const string ApiToUiTypeMismatch = "LOKI1302";

    /// <summary>
    /// A prompt lacks a widget input that later widgets of the node have; its UI widget gets the default, which
    /// converting back will send (warning).
    /// </summary>
    public const string ApiToUiFilledDefault = "LOKI1303";

    /// <summary>A prompt links to an output slot its node's schema does not have; untyped outputs are added (warning).</summary>
    public const string ApiToUiUnknownOutput = "LOKI1304";

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

    /// <summary>A layer cannot be derived from a source that itself wraps it (info; another converter may).</summary>
    public const string LayerNotDerivable = "LOKI4017";

    /// <summary><c>loki new</c>/<c>loki import</c>: the target node folder already holds that layer (error).</summary>
    public const string NodeLayerExists = "LOKI4020";

    /// <summary><c>loki import</c>: the source is not a function, a ComfyUI node reference or a workflow (error).</summary>
    public const string ImportSourceUnknown = "LOKI4021";

    /// <summary>A conversion this command needs is not available in this build of LOKI (error).</summary>
    public const string ConverterUnavailable = "LOKI4022";

    /// <summary>An MSBuild task failed unexpectedly; always a bug (error).</summary>
    public const string TaskFailed = "LOKI4099";

    // ---- LOKI4200-4299 the source generator (reported by the compiler) ---------------------

    /// <summary>Generator: a node config is not valid JSON.</summary>
    public const string GeneratorInvalidJson = "LOKI4200";

    /// <summary>Generator: a node config field has the wrong shape.</summary>
    public const string GeneratorBadField = "LOKI4201";

    /// <summary>Generator: a port default is out of range, not an option, or of the wrong type.</summary>
    public const string GeneratorBadDefault = "LOKI4202";

    /// <summary>Generator: a port is declared twice.</summary>
    public const string GeneratorDuplicatePort = "LOKI4203";

    /// <summary>Generator: two nodes map to one C# class name.</summary>
    public const string GeneratorDuplicateClass = "LOKI4204";

    /// <summary>Generator: the consuming project does not reference CliWrap.</summary>
    public const string GeneratorMissingCliWrap = "LOKI4205";

    /// <summary>Generator: a port type has no C# form and is passed as text (info).</summary>
    public const string GeneratorOpaquePort = "LOKI4206";

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

    /// <summary>A file without the LOKI header is authored and is never overwritten.</summary>
    public const string AuthoredFileKept = "LOKI2031";

    /// <summary>A node folder lacks the layer a conversion starts from, or that layer is unusable.</summary>
    public const string NodeLayerMissing = "LOKI2040";

    /// <summary>A LOKI Node file defines no node class that can be read statically.</summary>
    public const string NodeClassUnreadable = "LOKI2041";

    // 2100-2119: scripts that run anywhere (the loki-runtime wheel, --standalone copies).

    /// <summary>A generated LOKI Script run from the shell found loki_runtime neither beside it nor installed (printed by the script, exit 2).</summary>
    public const string ScriptRuntimeMissing = "LOKI2100";

    /// <summary><c>--standalone</c>: the loki_runtime to copy beside the script was not found (give <c>--runtime DIR</c>).</summary>
    public const string StandaloneRuntimeNotFound = "LOKI2101";

    /// <summary><c>--standalone</c>: a folder beside the script (<c>loki_runtime/</c>, <c>nodes/&lt;n&gt;/</c>) is not a copy LOKI made; it is left alone.</summary>
    public const string StandaloneForeignFolder = "LOKI2102";

    /// <summary><c>--standalone</c>: a LOKI node the flow uses was not found in its library, so it is not copied beside the script.</summary>
    public const string StandaloneNodeNotFound = "LOKI2103";

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

    // ---- LOKI6000-6099 splitting a workflow into a library of flows (loki split) --------------

    /// <summary>A node class has no schema (pass its <c>/object_info</c> with --schemas): its outputs' types are unknown.</summary>
    public const string SplitUnknownClass = "LOKI6001";

    /// <summary>A group's border cuts through a node (neither mostly inside nor mostly outside).</summary>
    public const string SplitGroupCutsNode = "LOKI6002";

    /// <summary>A region could not become a flow (a path leaves it and comes back, or a lazy input crosses its border); it stays inline.</summary>
    public const string SplitRegionKept = "LOKI6003";

    /// <summary>The equivalence check failed: inlining the sub-flows does not give the original prompt (first difference named).</summary>
    public const string SplitCheckFailed = "LOKI6004";

    /// <summary>The workflow did not convert to an API prompt, so there is nothing to split.</summary>
    public const string SplitNotConvertible = "LOKI6005";

    /// <summary>A node folder under --into holds files a person wrote with a different flow: it is left alone and the sub-flow is written under another name.</summary>
    public const string SplitAuthoredFolder = "LOKI6006";

    /// <summary>An existing library node has the same flow: it is reused instead of writing a twin.</summary>
    public const string SplitReusedNode = "LOKI6007";

    /// <summary>A sub-flow's written workflow could not be grown into a node by the build (its classes need schemas the build does not have).</summary>
    public const string SplitGrowthFailed = "LOKI6008";

    /// <summary>Bad split options (unknown --by, --min-nodes below 2, a prefix that is not a node name).</summary>
    public const string SplitBadOptions = "LOKI6009";

    // ---- LOKI6100-6129 composite LOKI Scripts compiled to LOKI Flows (h-compose, issue 13) ----------------

    /// <summary>A composite LOKI Script was compiled into its flow and proven equal to the script on its examples.</summary>
    public const string ComposeCompiled = "LOKI6100";

    /// <summary>A statement or value of a composite run() is not a node call, a constant, a parameter or a named value (arithmetic, branches, loops, other calls).</summary>
    public const string ComposeNotACall = "LOKI6101";

    /// <summary>A node is called with positional arguments (or **kwargs): a flow links inputs by name.</summary>
    public const string ComposePositional = "LOKI6102";

    /// <summary>A name is neither a parameter of run() nor a value named before it.</summary>
    public const string ComposeUnknownName = "LOKI6103";

    /// <summary>A call's whole result (a dict of outputs) is used where one value is needed.</summary>
    public const string ComposeWholeResult = "LOKI6104";

    /// <summary>No run() to compile, or run() takes *args/**kwargs.</summary>
    public const string ComposeNoRun = "LOKI6105";

    /// <summary><c>compose.node()</c> without the node's folder name as a literal text.</summary>
    public const string ComposeBadBinding = "LOKI6106";

    /// <summary>A called node is not in the library, or has no readable config layer.</summary>
    public const string ComposeUnknownNode = "LOKI6107";

    /// <summary>A call names an input the called node does not have.</summary>
    public const string ComposeUnknownInput = "LOKI6108";

    /// <summary>A value picks an output the called node does not have.</summary>
    public const string ComposeUnknownOutput = "LOKI6109";

    /// <summary>Run time (loki_runtime.compose): a composite script names a node its library does not have.</summary>
    public const string ComposeNodeNotFound = "LOKI6110";

    /// <summary>A value passed between nodes has a type the receiving input does not take.</summary>
    public const string ComposeTypeMismatch = "LOKI6111";

    /// <summary>A constant is given to a socket input, or is not a valid widget value (kind, range, options).</summary>
    public const string ComposeBadConstant = "LOKI6112";

    /// <summary>The outputs run() returns are not the outputs the node's config declares.</summary>
    public const string ComposeOutputsDiffer = "LOKI6113";

    /// <summary>A parameter of run() is not an input of the node's config.</summary>
    public const string ComposeUnknownParameter = "LOKI6114";

    /// <summary>Equivalence refused: the flow on the LOKI executor gives other outputs than the script on an example.</summary>
    public const string ComposeNotEqual = "LOKI6115";

    /// <summary>Equivalence cannot be proven: the node has no examples to run.</summary>
    public const string ComposeNoExamples = "LOKI6116";

    /// <summary>Equivalence cannot be proven: the script or the flow failed to run on an example.</summary>
    public const string ComposeCheckFailed = "LOKI6117";

    /// <summary>The compiled flow did not convert back (UI → API → flow script) with the library's nodes.</summary>
    public const string ComposeFlowInvalid = "LOKI6118";

    /// <summary>A required socket input of a called node is given no value.</summary>
    public const string ComposeMissingInput = "LOKI6119";

    // ---- LOKI6120-6124 UI to API conversion of frontend-only nodes (issue 10, h-convert) --------------------------

    /// <summary>
    /// A frontend-only Preset Text node (pysssss) feeds an input: the text it gives is a browser-side preset the workflow
    /// does not record, so the prompt the frontend would queue cannot be known.
    /// </summary>
    public const string ConvertBrowserPreset = "LOKI6120";

    // ---- LOKI7100-7139 glamours and drawing (issue 14, h-glam) ------------------------------

    /// <summary>A font file the drawing library loads is missing (install the Debian package the message names).</summary>
    public const string RenderFontMissing = "LOKI7100";

    /// <summary>An image could not be decoded or encoded by the drawing library.</summary>
    public const string RenderImageBad = "LOKI7101";

    /// <summary>A node's <c>glamour/glamour.json</c> is not valid JSON or does not follow <c>docs/schemas/glamour.schema.json</c>.</summary>
    public const string GlamourInvalid = "LOKI7102";

    /// <summary>A file <c>glamour.json</c> names (icon, state image, card) does not exist in the node's <c>glamour/</c> folder.</summary>
    public const string GlamourFileMissing = "LOKI7103";

    /// <summary>A generated glamour file was edited (or replaced) by a person: it is kept and no longer regenerated.</summary>
    public const string GlamourEdited = "LOKI7104";

    /// <summary>A generated glamour is missing or out of date in a build that only verifies (<c>LokiRegenerate=false</c>).</summary>
    public const string GlamourStale = "LOKI7105";

    /// <summary>A glamour file was (re)generated.</summary>
    public const string GlamourGenerated = "LOKI7106";

    /// <summary>A flow's inner nodes refer to each other in a cycle of flows; the composed glamour draws the repeated flow as a plain box.</summary>
    public const string GlamourFlowCycle = "LOKI7107";

    // ---- LOKI7140-7169 glamours in the editor (issue 14, h-glamweb; used by loki_runtime/glamour_files.py) ------

    /// <summary>A node's <c>glamour/glamour.json</c> is not a JSON object: the pack's <c>/loki/glamours</c> leaves that node out (logged).</summary>
    public const string GlamourRouteUnreadable = "LOKI7140";

    /// <summary>A request of <c>/loki/glamour/&lt;node&gt;/&lt;path&gt;</c> outside a node's glamour folder, of another file type, or of a missing file: answered 404.</summary>
    public const string GlamourRouteRefused = "LOKI7141";

    // ---- LOKI8000-8039 the World: the library as one macro workflow in one image (loki world, issue 15) ----

    /// <summary>The library has no node with a config layer: there is nothing to put in the World.</summary>
    public const string WorldEmptyLibrary = "LOKI8000";

    /// <summary>A node folder has no config layer (the library is not built): it is left out of the World.</summary>
    public const string WorldNodeWithoutConfig = "LOKI8001";

    /// <summary>A node's glamour icon cannot be decoded: the World draws its plain icon instead.</summary>
    public const string WorldIconUnreadable = "LOKI8002";

    /// <summary>The World's output is not a <c>.png</c> file (the workflow is embedded the way ComfyUI embeds it in PNGs).</summary>
    public const string WorldBadOutput = "LOKI8003";

    // ---- LOKI8040-8079 the dispatcher (loki run; mirrored by src/python/loki_runtime/dispatch/codes.py) ----------

    /// <summary>A line of a JSONL jobs file is not JSON (the file and line are named).</summary>
    public const string DispatchJobsInvalidJson = "LOKI8040";

    /// <summary>A job has a field of the wrong shape, an unknown field, or an id used twice.</summary>
    public const string DispatchJobBadField = "LOKI8041";

    /// <summary>A job's flow is not a flow script (or node folder) that can be loaded.</summary>
    public const string DispatchFlowNotFound = "LOKI8042";

    /// <summary>A job gives an input its flow does not have.</summary>
    public const string DispatchUnknownInput = "LOKI8043";

    /// <summary>A job's input file does not exist.</summary>
    public const string DispatchInputFileNotFound = "LOKI8044";

    /// <summary>A CSV of inputs is malformed (header, cell count, quoting); the line is named.</summary>
    public const string DispatchCsvMalformed = "LOKI8045";

    /// <summary>The jobs file holds no job.</summary>
    public const string DispatchNoJobs = "LOKI8046";

    /// <summary>Bad <c>loki run</c> options (workers below 1, --workers with --scheduler, a scheduler that is not a URL...).</summary>
    public const string DispatchBadOptions = "LOKI8047";

    /// <summary>No Dask scheduler answers, or the cluster has no worker in time.</summary>
    public const string DispatchClusterUnavailable = "LOKI8048";

    /// <summary>A job needs a resource (GPU) that no worker of the cluster declares; it is reported failed, not queued forever.</summary>
    public const string DispatchNoWorkerForResources = "LOKI8049";

    /// <summary>Every worker that ran a job died (Dask's allowed-failures was reached).</summary>
    public const string DispatchWorkerDied = "LOKI8050";

    /// <summary>A job failed with an error that carries no LOKI code of its own.</summary>
    public const string DispatchJobFailed = "LOKI8051";

    /// <summary>A job ran but its output files could not be written.</summary>
    public const string DispatchOutputNotWritten = "LOKI8052";

    /// <summary>Some jobs of the run failed (the summary line; each failed job has its own line).</summary>
    public const string DispatchJobsFailed = "LOKI8053";

    /// <summary>A job's input value is unusable (wrong type, out of range, a required input missing).</summary>
    public const string DispatchJobBadValue = "LOKI8054";

    /// <summary>The Python runtime (<c>loki_runtime</c>) that runs the dispatcher was not found.</summary>
    public const string DispatchRuntimeNotFound = "LOKI8055";
    // ---- LOKI6130-6169 decomposing a plain Python function into steps (loki decompose) -------
    // 6130-6136 are reported by the embedded analysis (lokiast/decompose_refusals.py) and must match it.

    /// <summary>The function returns early (a return inside a branch or loop, or before its last statement).</summary>
    public const string DecomposeEarlyReturn = "LOKI6130";

    /// <summary>The function declares <c>global</c> or <c>nonlocal</c> names: a step may only change its own values.</summary>
    public const string DecomposeGlobalWrite = "LOKI6131";

    /// <summary>The function is a generator, awaits, or is <c>async</c>.</summary>
    public const string DecomposeGenerator = "LOKI6132";

    /// <summary>The function looks at its own scope (<c>locals()</c>, <c>vars()</c>, <c>exec</c>, <c>eval</c>, zero-argument <c>super()</c>).</summary>
    public const string DecomposeDynamicScope = "LOKI6133";

    /// <summary>The target is a method that needs an instance (only plain functions and static methods are decomposed).</summary>
    public const string DecomposeMethod = "LOKI6134";

    /// <summary>The function uses <c>*args</c> or <c>**kwargs</c>, which cannot be node inputs.</summary>
    public const string DecomposeVariadic = "LOKI6135";

    /// <summary>The body is one step already at the given <c>--min-lines</c>: nothing to cut.</summary>
    public const string DecomposeNothingToCut = "LOKI6136";

    /// <summary>The decomposition gives a different result (or error, or input state) than the original on a generated input.</summary>
    public const string DecomposeNotEquivalent = "LOKI6137";

    /// <summary>Equality cannot be proven: too few generated inputs ran the original to a normal return.</summary>
    public const string DecomposeUnproven = "LOKI6138";

    /// <summary>A node folder the decomposition would write holds a node this decomposition did not write (hand-written or from another source).</summary>
    public const string DecomposeFolderTaken = "LOKI6139";

    /// <summary>The equivalence check could not run (the original or the composite failed to load).</summary>
    public const string DecomposeCheckFailed = "LOKI6140";

    /// <summary>Bad decompose options (<c>--min-lines</c> below 1, <c>--depth</c> below 1).</summary>
    public const string DecomposeBadOptions = "LOKI6141";

    /// <summary>The analysis reported a refusal code this build does not know (helper and table out of step).</summary>
    public const string DecomposeRefused = "LOKI6142";

    /// <summary>The function returns no value (a flow needs an output); reported by the embedded analysis.</summary>
    public const string DecomposeNoResult = "LOKI6143";

    // LOKI0070-0079: the library build's speed (issue 10, h-build).

    /// <summary>The flows one library build converted, and how often each (once): a message of the build log.</summary>
    public const string FlowConversions = "LOKI0070";

    /// <summary>The no-change check of a library build: nothing changed since its stamp, no node is grown.</summary>
    public const string NodesUpToDate = "LOKI0071";

    /// <summary>The no-change check of a library build: the first file it saw changed since the stamp, so nodes are grown.</summary>
    public const string NodesChanged = "LOKI0072";
}
