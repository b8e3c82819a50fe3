using Loki.Core.Diagnostics;
using Loki.Core.Python.Environment;
using Loki.Tests;

namespace Loki.Core.Tests.Python;

/// <summary>Finding the machine's Python and checking it has what a job needs.</summary>
[Collection("environment")]
public sealed class PythonLocatorTests
{
    [Fact]
    public async Task LokiPythonIsTriedFirst()
    {
        var old = Environment.GetEnvironmentVariable(PythonLocator.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(PythonLocator.EnvironmentVariable, RepoPaths.Python);
            PythonLocator.ClearCache();
            Assert.Equal(Path.GetFullPath(RepoPaths.Python), PythonLocator.Candidates()[0]);
            var found = await PythonLocator.FindAsync([]);
            Assert.Equal(Path.GetFullPath(RepoPaths.Python), found.Path);
            Assert.True(found.Version >= PythonInterpreter.Minimum);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PythonLocator.EnvironmentVariable, old);
            PythonLocator.ClearCache();
        }
    }

    [Fact]
    public async Task AMissingPackageIsACodedErrorNamingTheFix()
    {
        var ex = await Assert.ThrowsAsync<LokiException>(() => PythonLocator.FindAsync(["loki_no_such_module_zz", "numpy"]));
        Assert.Equal(LokiCodes.PythonNotFound, ex.Diagnostic.Code);
        Assert.Contains("loki_no_such_module_zz", ex.Diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(PythonLocator.EnvironmentVariable, ex.Diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelperFailuresAreCoded()
    {
        var broken = new PythonInterpreter("/bin/false", new Version(3, 11));
        var ex = await Assert.ThrowsAsync<LokiException>(() => PythonHelper.RunJsonAsync(broken, "loki_pyast.py", ["imports", "/tmp"], LokiCodes.PythonSourceUnreadable, null));
        Assert.Equal(LokiCodes.PythonHelperFailed, ex.Diagnostic.Code);
    }
}
