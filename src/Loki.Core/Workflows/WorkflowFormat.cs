namespace Loki.Core.Workflows;

/// <summary>The form a workflow was saved in.</summary>
public enum WorkflowFormat
{
    /// <summary>A UI workflow (litegraph serialization, schema 0.4 or 1) in a <c>.json</c> file.</summary>
    UiJson,

    /// <summary>An API prompt (<c>{id: {class_type, inputs}}</c>) in a <c>.json</c> file.</summary>
    ApiJson,

    /// <summary>A PNG image with <c>workflow</c>/<c>prompt</c> text chunks.</summary>
    Png,

    /// <summary>A WebP image with <c>workflow:</c>/<c>prompt:</c> EXIF tags.</summary>
    Webp,
}
