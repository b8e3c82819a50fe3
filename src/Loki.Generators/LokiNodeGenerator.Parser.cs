using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Loki.Generators.Helpers;
using Loki.Generators.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Loki.Generators;

/// <content>Parser phase: config file text → <see cref="NodeModel"/> plus diagnostics.</content>
public sealed partial class LokiNodeGenerator
{
    /// <summary>Turns additional files into equatable node models.</summary>
    internal static class Parser
    {
        /// <summary>
        /// Projects an additional file to (path, text) when it is a node config: marked <c>LokiKind=NodeConfig</c>, or
        /// named like its folder (<c>nodes/x/x.json</c>) and not marked as anything else.
        /// </summary>
        public static ConfigFile? ToConfigFile(AdditionalText file, AnalyzerConfigOptions options, CancellationToken ct)
        {
            options.TryGetValue(LokiMSBuildProperties.Kind, out var kind);
            var path = file.Path;
            var isConfig = string.Equals(kind, "NodeConfig", StringComparison.OrdinalIgnoreCase)
                || (string.IsNullOrEmpty(kind)
                    && path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(Path.GetFileNameWithoutExtension(path), Path.GetFileName(Path.GetDirectoryName(path)), StringComparison.Ordinal));
            if (!isConfig)
            {
                return null;
            }

            var text = file.GetText(ct)?.ToString();
            return text is null ? null : new ConfigFile(path, text);
        }

        /// <summary>Parses one config. Never throws: problems become diagnostics.</summary>
        public static ParseResult Parse(ConfigFile file, CancellationToken ct)
        {
            var diagnostics = new List<DiagnosticInfo>();
            JNode root;
            try
            {
                root = JsonLite.Parse(file.Text);
            }
            catch (JsonLiteException ex)
            {
                diagnostics.Add(Diag("LOKI4200", file.Path, ex.Offset, ex.Line, ex.Column, Path.GetFileName(file.Path), ex.Message));
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            if (root is not JObject obj)
            {
                diagnostics.Add(Diag("LOKI4201", file.Path, root.Pos, Path.GetFileName(file.Path), "the config must be a JSON object"));
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            ct.ThrowIfCancellationRequested();
            var folder = Path.GetFileName(Path.GetDirectoryName(file.Path)) ?? "node";
            var nodeName = (obj["node_name"] as JString)?.Value ?? folder;
            var inputs = ReadPorts(obj["inputs"], file.Path, isInput: true, diagnostics);
            var outputs = ReadPorts(obj["outputs"], file.Path, isInput: false, diagnostics);
            var node = new NodeModel(nodeName, Naming.ToPascal(nodeName), file.Path, (obj["description"] as JString)?.Value, inputs, outputs);
            return new ParseResult(node, diagnostics.ToEquatableArray());
        }

        private static EquatableArray<PortModel> ReadPorts(JNode? node, string path, bool isInput, List<DiagnosticInfo> diagnostics)
        {
            var entries = new List<(string Name, JNode Spec, JPos At)>();
            switch (node)
            {
                case null:
                    break;
                case JObject o:
                    foreach (var m in o.Members)
                    {
                        entries.Add((m.Name, m.Value, m.NamePos));
                    }

                    break;
                case JArray a:
                    foreach (var item in a.Items)
                    {
                        if (item is JObject io && io["name"] is JString s)
                        {
                            entries.Add((s.Value, io, io.Pos));
                        }
                        else
                        {
                            diagnostics.Add(Diag("LOKI4201", path, item.Pos, Path.GetFileName(path), "a port in an array needs a \"name\""));
                        }
                    }

                    break;
                default:
                    diagnostics.Add(Diag("LOKI4201", path, node.Pos, Path.GetFileName(path), "ports must be an object or an array"));
                    break;
            }

            var ports = new List<PortModel>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, spec, at) in entries)
            {
                if (!seen.Add(name))
                {
                    diagnostics.Add(Diag("LOKI4203", path, at, name));
                    continue;
                }

                var port = ReadPort(name, spec, path, isInput, diagnostics);
                if (port is not null)
                {
                    ports.Add(port);
                }
            }

            return ports.ToEquatableArray();
        }

        private static PortModel? ReadPort(string name, JNode spec, string path, bool isInput, List<DiagnosticInfo> diagnostics)
        {
            if (spec is JString typeOnly)
            {
                return new PortModel(name, Naming.NormalizeType(typeOnly.Value), null, true, null, null, null, EquatableArray<string>.Empty);
            }

            if (spec is not JObject o)
            {
                diagnostics.Add(Diag("LOKI4201", path, spec.Pos, Path.GetFileName(path), $"port \"{name}\" needs a spec object"));
                return null;
            }

            var options = new List<string>();
            if (o["options"] is JArray opts)
            {
                foreach (var item in opts.Items)
                {
                    options.Add(item is JString s ? s.Value : item is JNumber n ? n.Raw : item.ToString());
                }
            }

            var type = o["type"] is JString t ? Naming.NormalizeType(t.Value) : options.Count > 0 ? "COMBO" : "*";
            var min = o["min"] as JNumber;
            var max = o["max"] as JNumber;
            var defaultLiteral = o["default"] is { } d ? DefaultLiteral(name, type, d, min, max, options, path, diagnostics) : null;
            var required = !isInput || o["required"] is not JBool { Value: false };
            if (isInput && type is not ("INT" or "FLOAT" or "STRING" or "BOOLEAN" or "COMBO" or "IMAGE" or "MASK" or "AUDIO"))
            {
                diagnostics.Add(Diag("LOKI4206", path, spec.Pos, name, type));
            }

            return new PortModel(
                name, type, (o["description"] as JString)?.Value, required, defaultLiteral,
                min?.Value.ToString("R", CultureInfo.InvariantCulture), max?.Value.ToString("R", CultureInfo.InvariantCulture),
                options.ToEquatableArray());
        }

        private static string? DefaultLiteral(string name, string type, JNode value, JNumber? min, JNumber? max, List<string> options, string path, List<DiagnosticInfo> diagnostics)
        {
            switch (type)
            {
                case "INT" or "FLOAT" when value is JNumber n:
                    if ((min is not null && n.Value < min.Value) || (max is not null && n.Value > max.Value))
                    {
                        diagnostics.Add(Diag("LOKI4202", path, value.Pos, name, $"{n.Raw}, outside [{min?.Raw ?? "-inf"}, {max?.Raw ?? "inf"}]"));
                        return null;
                    }

                    return type == "INT" ? ((long)Math.Round(n.Value)).ToString(CultureInfo.InvariantCulture) : Naming.DoubleLiteral(n.Value);
                case "BOOLEAN" when value is JBool b:
                    return b.Value ? "true" : "false";
                case "COMBO" when value is JString s:
                    if (options.Count > 0 && !options.Contains(s.Value))
                    {
                        diagnostics.Add(Diag("LOKI4202", path, value.Pos, name, $"\"{s.Value}\", not one of its options"));
                        return null;
                    }

                    return s.Value;
                case "STRING" when value is JString s:
                    return s.Value;
                case "INT" or "FLOAT" or "BOOLEAN" or "COMBO" or "STRING":
                    diagnostics.Add(Diag("LOKI4202", path, value.Pos, name, $"not a {type} value"));
                    return null;
                default:
                    return null;
            }
        }

        private static DiagnosticInfo Diag(string id, string path, JPos at, params string[] args) =>
            Diag(id, path, at.Offset, at.Line, at.Column, args);

        private static DiagnosticInfo Diag(string id, string path, int offset, int line, int column, params string[] args) =>
            new(id, LocationInfo.At(path, offset, line, column), args.ToEquatableArray());
    }
}
