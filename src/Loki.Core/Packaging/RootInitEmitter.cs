using System.Text;
using Loki.Core.Text;

namespace Loki.Core.Packaging;

/// <summary>
/// Writes the pack's root <c>__init__.py</c>, the file ComfyUI imports. It finds everything relative to itself, so the
/// pack works under any folder name (git clone, registry id, renamed by hand); imports the runtime's own nodes and
/// every node folder, logging and skipping a node that fails instead of failing the pack; and never installs anything.
/// </summary>
public static class RootInitEmitter
{
    /// <summary>The file text.</summary>
    /// <param name="header">The generated-file header line.</param>
    /// <param name="metadata">Pack identity, for the docstring and logger name.</param>
    /// <param name="runtimeModules">Absolute module names of the runtime that export node mappings (<c>loki_runtime.markers</c>).</param>
    /// <param name="nodes">Node folder names under <c>nodes/</c>, in load order.</param>
    /// <param name="hasWeb">True when the pack ships a <c>web/</c> folder.</param>
    public static string Emit(string header, PackMetadata metadata, IEnumerable<string> runtimeModules, IEnumerable<string> nodes, bool hasWeb)
    {
        var modules = string.Concat(runtimeModules.Select(m => "    " + PythonLiteral.String(m) + ",\n"))
            + string.Concat(nodes.Select(n => "    " + PythonLiteral.String(".nodes." + n) + ",\n"));
        var w = new IndentedWriter();
        w.Line(header);
        w.Line("\"\"\"" + DocLine(metadata));
        w.Lines(Body.Replace("{LOGGER}", PythonLiteral.String(metadata.FolderName), StringComparison.Ordinal)
            .Replace("{MODULES}\n", modules, StringComparison.Ordinal)
            .Replace("{WEB}", hasWeb ? "\"./web\"" : "None", StringComparison.Ordinal));
        return w.ToString();
    }

    private const string Body = """"

        Loads the LOKI runtime's own nodes and every node folder under nodes/. Installs nothing: requirements.txt is
        installed by ComfyUI-Manager (or by hand) before ComfyUI starts. A node that fails to import is logged and skipped.
        """
        import importlib
        import logging
        import os
        import sys

        _PACK_DIR = os.path.dirname(os.path.abspath(__file__))
        if _PACK_DIR not in sys.path:
            # Appended, never prepended: the pack's nodes/ folder must not shadow ComfyUI's own `nodes` module.
            sys.path.append(_PACK_DIR)

        _LOG = logging.getLogger({LOGGER})

        # Absolute names come from sys.path (the runtime); names starting with "." are this pack's node folders.
        _MODULES = (
        {MODULES}
        )

        NODE_CLASS_MAPPINGS = {}
        NODE_DISPLAY_NAME_MAPPINGS = {}
        WEB_DIRECTORY = {WEB}
        __all__ = ["NODE_CLASS_MAPPINGS", "NODE_DISPLAY_NAME_MAPPINGS", "WEB_DIRECTORY"]


        def _load(name):
            try:
                module = importlib.import_module(name, __name__)
            except Exception as exc:  # one broken node must not take the whole pack down
                _LOG.warning("[LOKI] skipped %s: %s: %s", name.lstrip("."), type(exc).__name__, exc)
                return
            displays = getattr(module, "NODE_DISPLAY_NAME_MAPPINGS", None) or {}
            for key, cls in (getattr(module, "NODE_CLASS_MAPPINGS", None) or {}).items():
                if key in NODE_CLASS_MAPPINGS:
                    _LOG.warning("[LOKI] %s registers %s again; the first one is kept", name.lstrip("."), key)
                    continue
                NODE_CLASS_MAPPINGS[key] = cls
                if key in displays:
                    NODE_DISPLAY_NAME_MAPPINGS[key] = displays[key]


        for _name in _MODULES:
            _load(_name)
        """";

    // The docstring's first line; triple quotes and backslashes in user text must not end or bend it.
    private static string DocLine(PackMetadata m) =>
        $"{m.DisplayName} {m.Version}: {m.Description}".Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal);
}
