using System.Collections.Immutable;
using Loki.Core.Diagnostics;
using Loki.Core.Nodes;
using Loki.Core.Packaging;

namespace Loki.Core.Requirements;

/// <summary>
/// Checks the requirements of every node of a library together, the way no packaging tool does today: each line is
/// installable by ComfyUI-Manager, every third-party import is declared, the torch family is left to ComfyUI, no two
/// nodes pin versions that exclude each other, a single OpenCV variant. Produces the merged pack requirements.
/// pip's resolution against a real index is the separate step <see cref="PipResolver"/>.
/// </summary>
public static class RequirementsVerifier
{
    /// <summary>Verifies the nodes of <paramref name="library"/>.</summary>
    /// <param name="library">The library folder (<c>nodes/</c>).</param>
    /// <param name="checkImports">Scan the nodes' Python for imports (needs a Python interpreter).</param>
    /// <param name="python">The interpreter for the import scan; default <see cref="PythonProcess.DefaultInterpreter"/>.</param>
    public static RequirementsReport Verify(string library, bool checkImports = true, string? python = null) =>
        Verify(LibraryNodes.Discover(library), checkImports, python);

    /// <summary>Verifies the given node folders.</summary>
    public static RequirementsReport Verify(IReadOnlyList<NodeFolder> nodes, bool checkImports = true, string? python = null)
    {
        var diagnostics = new DiagnosticBag();
        var parsed = ImmutableArray.CreateBuilder<NodeRequirements>();
        foreach (var node in nodes)
        {
            var reqs = RequirementParser.ReadFile(node.Name, node.RequirementsPath(), diagnostics);
            parsed.Add(new NodeRequirements(node.Name, node.RequirementsPath(), reqs));
            CheckTorchAndPins(reqs, diagnostics);
        }

        if (checkImports)
        {
            CheckImports(nodes, parsed, diagnostics, python);
        }

        var installable = parsed.SelectMany(n => n.Requirements).Where(r => !ImportNames.TorchFamily.Contains(r.Key)).ToList();
        CheckConflicts(installable, diagnostics);
        CheckOpenCv(installable, diagnostics);
        return new RequirementsReport(parsed.ToImmutable(), Merge(installable), [.. diagnostics.Items]);
    }

    private static void CheckTorchAndPins(ImmutableArray<Requirement> reqs, DiagnosticBag diagnostics)
    {
        foreach (var r in reqs)
        {
            var s = r.Source;
            if (ImportNames.TorchFamily.Contains(r.Key))
            {
                if (r.IsPinned)
                {
                    diagnostics.Error(LokiCodes.RequirementPinsTorch,
                        $"{s}: '{r.Name}' must not be pinned by a node: ComfyUI installs the CUDA/ROCm build that fits the machine, and a pin replaces it", s.File, line: s.Line);
                }
                else
                {
                    diagnostics.Warning(LokiCodes.RequirementTorchListed,
                        $"{s}: '{r.Name}' is provided by ComfyUI; the line is left out of the pack's requirements", s.File, line: s.Line);
                }
            }
            else if (ImportNames.Shared.Contains(r.Key) && r.Specifiers.Any(c => c.Operator is "==" or "===" or "<" or "<=" or "~="))
            {
                diagnostics.Warning(LokiCodes.RequirementStrictPin,
                    $"{s}: '{r.ToLine()}' pins a library other packs share; prefer a lower bound (>=)", s.File, line: s.Line);
            }
        }
    }

    private static void CheckImports(IReadOnlyList<NodeFolder> nodes, IList<NodeRequirements> parsed, DiagnosticBag diagnostics, string? python)
    {
        // A node without a script, node or flow layer yet (only vendored src/, say) cannot run: its imports are
        // checked once a functionality layer exists (`loki wrap` writes its requirements then).
        nodes = [.. nodes.Where(n => n.FunctionalityLayers.Any())];
        var files = nodes.SelectMany(n => n.PythonFiles()).ToList();
        var imports = ImportScanner.Scan(files, diagnostics, python);
        foreach (var node in nodes)
        {
            var declared = parsed.First(p => p.Node == node.Name).Requirements;
            var local = LocalModules(node.Directory);
            var prefix = node.Directory + Path.DirectorySeparatorChar;
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var imp in imports.Where(i => i.File.StartsWith(prefix, StringComparison.Ordinal)))
            {
                if (imp.Stdlib || imp.Optional || ImportNames.HostProvided.Contains(imp.Module) || local.Contains(imp.Module)
                    || declared.Any(r => ImportNames.Provides(r.Key, imp.Module)))
                {
                    continue;
                }

                if (reported.Add(imp.Module))
                {
                    var rel = Path.GetRelativePath(node.Directory, imp.File).Replace('\\', '/');
                    diagnostics.Error(LokiCodes.RequirementImportNotCovered,
                        $"node '{node.Name}' ({rel} line {imp.Line}) imports '{imp.Module}', which its requirements.txt does not cover; add '{ImportNames.SuggestDistribution(imp.Module)}'",
                        imp.File, line: imp.Line);
                }
            }
        }
    }

    // Modules that resolve inside the node folder itself (siblings, vendored code under src/).
    private static HashSet<string> LocalModules(string nodePath)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dir in new[] { nodePath, Path.Combine(nodePath, "src") }.Where(Directory.Exists))
        {
            names.UnionWith(Directory.EnumerateFiles(dir, "*.py").Select(Path.GetFileNameWithoutExtension)!);
            names.UnionWith(Directory.EnumerateDirectories(dir).Select(Path.GetFileName)!);
        }

        return names;
    }

    private static void CheckConflicts(List<Requirement> reqs, DiagnosticBag diagnostics)
    {
        foreach (var group in reqs.Where(r => r.IsPinned).GroupBy(r => r.Key))
        {
            var list = group.ToList();
            var done = false;
            for (var i = 0; i < list.Count && !done; i++)
            {
                for (var j = i + 1; j < list.Count && !done; j++)
                {
                    var (a, b) = (list[i], list[j]);
                    if (a.Marker is not null && b.Marker is not null && a.Marker != b.Marker)
                    {
                        continue; // different environments; pip decides
                    }

                    if (!SpecifierSet.IsSatisfiable(a.Specifiers.AddRange(b.Specifiers)))
                    {
                        diagnostics.Error(LokiCodes.RequirementConflict,
                            $"no version of '{a.Name}' satisfies both {a.Source} and {b.Source}", b.Source.File, line: b.Source.Line);
                        done = true; // one report per package names both sides; more would repeat it
                    }
                }
            }
        }
    }

    private static void CheckOpenCv(List<Requirement> reqs, DiagnosticBag diagnostics)
    {
        var variants = reqs.Where(r => ImportNames.OpenCv.Contains(r.Key)).GroupBy(r => r.Key).Select(g => g.First()).ToList();
        if (variants.Count > 1)
        {
            diagnostics.Error(LokiCodes.RequirementOpencvVariants,
                $"{variants[0].Source} and {variants[1].Source} ask for different OpenCV distributions, which overwrite each other's cv2; use opencv-python-headless everywhere",
                variants[1].Source.File, line: variants[1].Source.Line);
        }
    }

    private static ImmutableArray<MergedRequirement> Merge(List<Requirement> reqs) =>
        [.. reqs.GroupBy(r => (r.Key, r.Marker))
            .OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.Marker ?? string.Empty, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.OrderBy(r => r.Source.Node, StringComparer.Ordinal).First();
                var merged = first with
                {
                    Extras = [.. g.SelectMany(r => r.Extras.IsDefault ? [] : r.Extras).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)],
                    Specifiers = [.. g.SelectMany(r => r.Specifiers).Distinct().OrderBy(s => s.ToString(), StringComparer.Ordinal)],
                };
                return new MergedRequirement(merged.ToLine(), g.Key.Key, [.. g.Select(r => r.Source).OrderBy(s => s.Node, StringComparer.Ordinal).ThenBy(s => s.Line)]);
            })];
}
