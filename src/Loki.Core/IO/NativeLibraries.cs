namespace Loki.Core.IO;

/// <summary>
/// The one name every <c>LibraryImport</c> of the C library uses. "libc" rather than a file name such as
/// "libc.so.6": the runtime finds it on glibc and musl alike, and the native <c>loki</c> links it directly
/// (<c>DirectPInvoke Include="libc"</c> in Loki.Cli.csproj), so a call never looks for the library at run time. An
/// import under any other name would miss that link and be resolved by a search when first called.
/// </summary>
internal static class NativeLibraries
{
    /// <summary>The C library.</summary>
    public const string LibC = "libc";
}
