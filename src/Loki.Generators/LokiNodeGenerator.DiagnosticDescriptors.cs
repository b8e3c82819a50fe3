using Microsoft.CodeAnalysis;

namespace Loki.Generators;

/// <content>The generator's diagnostics. Codes are part of the one LOKI table (LokiCodes, range LOKI4200-4299).</content>
public sealed partial class LokiNodeGenerator
{
    private const string Category = "LOKI.Nodes";

    /// <summary>Diagnostic descriptors, one per code.</summary>
    internal static class DiagnosticDescriptors
    {
        /// <summary>LOKI4200: "Node config '{0}' is not valid JSON: {1}".</summary>
        public static readonly DiagnosticDescriptor InvalidJson = new(
            "LOKI4200", "Node config is not valid JSON", "Node config '{0}' is not valid JSON: {1}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        /// <summary>LOKI4201: "Node config '{0}': {1}".</summary>
        public static readonly DiagnosticDescriptor BadField = new(
            "LOKI4201", "Node config field has the wrong shape", "Node config '{0}': {1}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        /// <summary>LOKI4202: "Default of '{0}' is {1}".</summary>
        public static readonly DiagnosticDescriptor BadDefault = new(
            "LOKI4202", "Port default is invalid", "Default of '{0}' is {1}",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        /// <summary>LOKI4203: "Port '{0}' is declared twice".</summary>
        public static readonly DiagnosticDescriptor DuplicatePort = new(
            "LOKI4203", "Duplicate port", "Port '{0}' is declared twice",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        /// <summary>LOKI4204: "Nodes '{0}' and '{1}' both become class '{2}'".</summary>
        public static readonly DiagnosticDescriptor DuplicateClass = new(
            "LOKI4204", "Two nodes map to one class", "Nodes '{0}' and '{1}' both become class '{2}'",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

        /// <summary>LOKI4205: "The typed LOKI node API needs a reference to CliWrap; add &lt;PackageReference Include=\"CliWrap\" /&gt;".</summary>
        public static readonly DiagnosticDescriptor MissingCliWrap = new(
            "LOKI4205", "CliWrap is not referenced",
            "The typed LOKI node API needs a reference to CliWrap; add <PackageReference Include=\"CliWrap\" />",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

        /// <summary>LOKI4206: "Port '{0}' of type {1} has no C# form; it is passed as text".</summary>
        public static readonly DiagnosticDescriptor OpaquePort = new(
            "LOKI4206", "Opaque port type", "Port '{0}' of type {1} has no C# form; it is passed as text",
            Category, DiagnosticSeverity.Info, isEnabledByDefault: true);

        /// <summary>All descriptors by id.</summary>
        public static DiagnosticDescriptor ById(string id) => id switch
        {
            "LOKI4200" => InvalidJson,
            "LOKI4201" => BadField,
            "LOKI4202" => BadDefault,
            "LOKI4203" => DuplicatePort,
            "LOKI4204" => DuplicateClass,
            "LOKI4205" => MissingCliWrap,
            _ => OpaquePort,
        };
    }
}
