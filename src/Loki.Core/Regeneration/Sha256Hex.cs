using System.Security.Cryptography;
using System.Text;

namespace Loki.Core.Regeneration;

/// <summary>Lower-case hexadecimal SHA-256, the hash every LOKI header and stamp uses.</summary>
public static class Sha256Hex
{
    /// <summary>Hash of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Hash of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Hash of a file's bytes.</summary>
    public static string OfFile(string path) => Of(File.ReadAllBytes(path));
}
