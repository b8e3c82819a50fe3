using Loki.Core.Diagnostics;
using Loki.Core.Text;

namespace Loki.Core.Python.Emit;

/// <summary>
/// The lines at the top of every generated LOKI Script that find <c>loki_runtime</c> (contracts §2.1): a copy beside
/// the script or in a folder above it (a <c>--standalone</c> copy, the pack root, the repository's
/// <c>src/python</c>) comes first, else the installed <c>loki-runtime</c> distribution. When neither exists the script
/// run from the shell prints one coded line naming both fixes and exits 2, instead of a traceback.
/// </summary>
public static class RuntimeBootstrap
{
    /// <summary>What a script prints, after its own path and the code, when it finds no runtime.</summary>
    public const string MissingMessage = "loki_runtime is neither beside this script nor installed: "
        + "pip install loki_runtime-*.whl (artifacts/ of the LOKI build), or write the script again with --standalone";

    /// <summary>
    /// Writes the search, then <paramref name="imports"/> (the script's <c>from loki_runtime ...</c> lines) guarded so
    /// that only a missing <c>loki_runtime</c> in a script run as <c>__main__</c> becomes the coded line; anything else
    /// (a broken runtime, an import by ComfyUI or a flow node) raises as before.
    /// </summary>
    public static void Write(IndentedWriter w, IEnumerable<string> imports)
    {
        w.Line("if __package__ in (None, \"\"):  # run as a script: a loki_runtime beside it or above (standalone copy, pack root, repo) comes first");
        w.Line("    sys.path[:0] = [str(p) for d in Path(__file__).resolve().parents for p in (d, d / \"src\" / \"python\") if (p / \"loki_runtime\").is_dir()][:1]");
        w.Line("try:");
        using (w.Indent())
        {
            foreach (var line in imports)
            {
                w.Line(line);
            }
        }

        w.Line("except ModuleNotFoundError as _missing:  # no runtime anywhere: one coded line, not a traceback");
        using (w.Indent())
        {
            w.Line("if _missing.name != \"loki_runtime\" or __name__ != \"__main__\":");
            w.Line("    raise");
            w.Line($"sys.stderr.write(__file__ + {PythonLiteral.String($": error {LokiCodes.ScriptRuntimeMissing}: {MissingMessage}\n")})");
            w.Line("raise SystemExit(2) from None");
        }
    }
}
