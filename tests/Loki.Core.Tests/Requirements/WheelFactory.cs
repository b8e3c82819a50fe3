using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Loki.Core.Tests.Requirements;

/// <summary>Writes minimal but valid pure-Python wheels (METADATA, WHEEL, RECORD) so pip can resolve offline.</summary>
internal static class WheelFactory
{
    public static string Write(string folder, string name, string version, params string[] requiresDist)
    {
        Directory.CreateDirectory(folder);
        var dist = name.Replace('-', '_');
        var path = Path.Combine(folder, $"{dist}-{version}-py3-none-any.whl");
        var info = $"{dist}-{version}.dist-info";
        var files = new List<(string Path, byte[] Bytes)>
        {
            ($"{dist}/__init__.py", Encoding.UTF8.GetBytes($"__version__ = \"{version}\"\n")),
            ($"{info}/METADATA", Encoding.UTF8.GetBytes(
                $"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + string.Concat(requiresDist.Select(r => $"Requires-Dist: {r}\n")))),
            ($"{info}/WHEEL", Encoding.UTF8.GetBytes("Wheel-Version: 1.0\nGenerator: loki-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n")),
        };
        var record = new StringBuilder();
        foreach (var (p, bytes) in files)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            record.Append($"{p},sha256={hash},{bytes.Length}\n");
        }

        record.Append($"{info}/RECORD,,\n");
        files.Add(($"{info}/RECORD", Encoding.UTF8.GetBytes(record.ToString())));
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (p, bytes) in files)
        {
            using var s = zip.CreateEntry(p).Open();
            s.Write(bytes);
        }

        return path;
    }
}
