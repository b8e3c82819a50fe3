namespace Loki.Core.Regeneration;

/// <summary>
/// What a generated file's header records (contracts §6): the layer it was derived from, that source's SHA-256
/// when it was written, and the SHA-256 of the body LOKI wrote (so a later edit by a person can be recognised
/// even after the source changed).
/// </summary>
/// <param name="Source">The source file, relative to the node folder (<c>image_levels.py</c>).</param>
/// <param name="SourceSha256">Lower-case hex SHA-256 of the source file's bytes at generation time.</param>
/// <param name="BodySha256">Lower-case hex SHA-256 of the body as written; null in headers written before it was recorded.</param>
public sealed record GeneratedMark(string Source, string SourceSha256, string? BodySha256);
