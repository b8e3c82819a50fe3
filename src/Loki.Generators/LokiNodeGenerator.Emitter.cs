using System.Collections.Generic;
using System.Linq;
using Loki.Generators.Helpers;
using Loki.Generators.Models;

namespace Loki.Generators;

/// <content>Emitter phase: <see cref="NodeModel"/> → C# source text.</content>
public sealed partial class LokiNodeGenerator
{
    /// <summary>Writes the generated C#.</summary>
    internal static partial class Emitter
    {
        /// <summary>The class of one node.</summary>
        public static string EmitNode(NodeModel node, GenerationOptions options)
        {
            var w = new SourceWriter();
            WriteHeader(w, $"from {System.IO.Path.GetFileName(node.ConfigPath)}");
            w.WriteLine("namespace " + options.Namespace + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>" + Naming.XmlDoc(node.Description ?? $"The LOKI node {node.NodeName}.") + "</summary>");
            w.WriteLine("public static partial class " + node.ClassName);
            w.OpenBlock();
            w.WriteLine("/// <summary>The node's folder name in the library.</summary>");
            w.WriteLine("public const string NodeName = " + Naming.StringLiteral(node.NodeName) + ";");
            w.WriteLine();
            w.WriteLine("/// <summary>The node folder this API was generated from; used unless <see cref=\"LokiRunOptions.NodesRoot\"/> is set.</summary>");
            w.WriteLine("public const string SourceFolder = " + Naming.StringLiteral(System.IO.Path.GetDirectoryName(node.ConfigPath) ?? string.Empty) + ";");
            foreach (var port in node.Inputs.Where(static p => p.Type == "COMBO" && p.Options.Count > 0))
            {
                WriteEnum(w, port);
            }

            WriteResult(w, node);
            WriteRun(w, node);
            w.CloseBlock();
            return w.ToString();
        }

        private static void WriteEnum(SourceWriter w, PortModel port)
        {
            var members = Naming.EnumMembers(port.Options);
            w.WriteLine();
            w.WriteLine($"/// <summary>The choices of <c>{Naming.XmlDoc(port.Name)}</c>.</summary>");
            w.WriteLine("public enum " + EnumName(port));
            w.OpenBlock();
            for (var i = 0; i < members.Count; i++)
            {
                w.WriteLine($"/// <summary><c>{Naming.XmlDoc(port.Options[i])}</c></summary>");
                w.WriteLine(members[i] + ",");
            }

            w.CloseBlock();
            w.WriteLine();
            w.WriteLine($"private static string ToText({EnumName(port)} value) => value switch");
            w.OpenBlock();
            for (var i = 0; i < members.Count; i++)
            {
                w.WriteLine($"{EnumName(port)}.{members[i]} => {Naming.StringLiteral(port.Options[i])},");
            }

            w.WriteLine("_ => throw new global::System.ArgumentOutOfRangeException(nameof(value)),");
            w.CloseBlock(";");
        }

        private static void WriteResult(SourceWriter w, NodeModel node)
        {
            w.WriteLine();
            w.WriteLine("/// <summary>The outputs of one run.</summary>");
            var parameters = node.Outputs.Select(static p => $"{OutputType(p)} {Naming.ToPascal(p.Name)}");
            foreach (var p in node.Outputs)
            {
                w.WriteLine($"/// <param name=\"{Naming.ToPascal(p.Name)}\">{Naming.XmlDoc(p.Description ?? p.Name)}{(IsFile(p.Type) ? " (file paths)" : string.Empty)}</param>");
            }

            w.WriteLine("public sealed record Result(" + string.Join(", ", parameters) + ");");
        }

        private static void WriteRun(SourceWriter w, NodeModel node)
        {
            // C# wants optional parameters last: inputs without a default come first, in declaration order.
            var ordered = node.Inputs.Where(static p => p.Required && p.DefaultLiteral is null)
                .Concat(node.Inputs.Where(static p => !(p.Required && p.DefaultLiteral is null))).ToList();
            w.WriteLine();
            w.WriteLine("/// <summary>Runs the node's LOKI Script and returns its outputs.</summary>");
            foreach (var p in ordered)
            {
                var range = p.Min is null && p.Max is null ? string.Empty : $" Range [{p.Min ?? "-inf"}, {p.Max ?? "inf"}].";
                w.WriteLine($"/// <param name=\"{Naming.ToParameter(p.Name).TrimStart('@')}\">{Naming.XmlDoc(p.Description ?? p.Name)}{range}</param>");
            }

            w.WriteLine("/// <param name=\"options\">Where Python and the library are; where outputs go.</param>");
            w.WriteLine("/// <param name=\"cancellationToken\">Cancels the run (the process is killed).</param>");
            var parameters = ordered.Select(p => $"{InputType(p)} {Naming.ToParameter(p.Name)}{DefaultClause(p)}")
                .Concat(new[] { "LokiRunOptions? options = null", "global::System.Threading.CancellationToken cancellationToken = default" });
            w.WriteLine("public static async global::System.Threading.Tasks.Task<Result> RunAsync(" + string.Join(", ", parameters) + ")");
            w.OpenBlock();
            w.WriteLine("var args = new global::System.Collections.Generic.List<string>();");
            foreach (var p in node.Inputs)
            {
                WriteArgument(w, p);
            }

            w.WriteLine("var json = await LokiScriptRunner.RunAsync(NodeName, SourceFolder, args, options, cancellationToken).ConfigureAwait(false);");
            var outputs = node.Outputs.Select(static p => $"LokiScriptRunner.{Getter(p.Type)}(json, {Naming.StringLiteral(p.Name)})");
            w.WriteLine("return new Result(" + string.Join(", ", outputs) + ");");
            w.CloseBlock();
        }

        private static void WriteArgument(SourceWriter w, PortModel p)
        {
            var id = Naming.ToParameter(p.Name);
            var flag = Naming.StringLiteral("--" + p.Name.Replace('_', '-'));
            var nullable = IsNullable(p);
            if (p.Type is "INT" or "FLOAT" && (p.Min is not null || p.Max is not null))
            {
                var value = nullable && !IsReference(p) ? id + ".Value" : id;
                var check = $"LokiScriptRunner.CheckRange(nameof({id}), {value}, {p.Min ?? "double.NegativeInfinity"}, {p.Max ?? "double.PositiveInfinity"});";
                w.WriteLine(nullable ? $"if ({id} is not null) {check}" : check);
            }

            var text = p.Type switch
            {
                "INT" => $"LokiScriptRunner.Format({id}{(nullable ? ".Value" : string.Empty)})",
                "FLOAT" => $"LokiScriptRunner.Format({id}{(nullable ? ".Value" : string.Empty)})",
                "BOOLEAN" => $"({id}{(nullable ? ".Value" : string.Empty)} ? \"true\" : \"false\")",
                "COMBO" when p.Options.Count > 0 => $"ToText({id}{(nullable ? ".Value" : string.Empty)})",
                _ => id,
            };
            var add = $"{{ args.Add({flag}); args.Add({text}); }}";
            w.WriteLine(nullable ? $"if ({id} is not null) {add}" : add);
        }

        private static string DefaultClause(PortModel p)
        {
            if (p.DefaultLiteral is null)
            {
                return p.Required ? string.Empty : " = null";
            }

            return " = " + p.Type switch
            {
                "INT" => p.DefaultLiteral,
                "FLOAT" => p.DefaultLiteral,
                "BOOLEAN" => p.DefaultLiteral,
                "COMBO" when p.Options.Count > 0 => EnumName(p) + "." + Naming.EnumMembers(p.Options)[IndexOf(p.Options, p.DefaultLiteral)],
                _ => Naming.StringLiteral(p.DefaultLiteral),
            };
        }

        private static int IndexOf(EquatableArray<string> options, string value)
        {
            for (var i = 0; i < options.Count; i++)
            {
                if (options[i] == value)
                {
                    return i;
                }
            }

            return 0;
        }

        private static bool IsNullable(PortModel p) => !p.Required && p.DefaultLiteral is null;

        private static bool IsReference(PortModel p) => InputTypeCore(p) == "string";

        private static string InputType(PortModel p) => InputTypeCore(p) + (IsNullable(p) ? "?" : string.Empty);

        private static string InputTypeCore(PortModel p) => p.Type switch
        {
            "INT" => "long",
            "FLOAT" => "double",
            "BOOLEAN" => "bool",
            "COMBO" when p.Options.Count > 0 => EnumName(p),
            _ => "string",
        };

        private static string OutputType(PortModel p) => p.Type switch
        {
            "IMAGE" or "MASK" or "AUDIO" => "global::System.Collections.Generic.IReadOnlyList<string>",
            "INT" => "long",
            "FLOAT" => "double",
            "BOOLEAN" => "bool",
            "STRING" or "COMBO" => "string",
            _ => "global::System.Text.Json.JsonElement",
        };

        private static string Getter(string type) => type switch
        {
            "IMAGE" or "MASK" or "AUDIO" => "GetPaths",
            "INT" => "GetInt64",
            "FLOAT" => "GetDouble",
            "BOOLEAN" => "GetBoolean",
            "STRING" or "COMBO" => "GetString",
            _ => "GetElement",
        };

        private static bool IsFile(string type) => type is "IMAGE" or "MASK" or "AUDIO";

        private static string EnumName(PortModel p) => Naming.ToPascal(p.Name) + "Option";

        private static void WriteHeader(SourceWriter w, string source)
        {
            w.WriteLine("// <auto-generated/>");
            w.WriteLine("// Generated by LOKI Build " + source + ". Edit the node's config layer instead.");
            w.WriteLine("#nullable enable");
            w.WriteLine();
        }
    }
}
