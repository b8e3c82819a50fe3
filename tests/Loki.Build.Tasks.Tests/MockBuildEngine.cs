using System.Collections;
using Microsoft.Build.Framework;

namespace Loki.Build.Tasks.Tests;

/// <summary>A build engine that records every event, so task tests can assert codes, files and lines.</summary>
internal sealed class MockBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    /// <summary>Every coded event as <c>SEVERITY CODE</c>, in order (messages with a code included).</summary>
    public IEnumerable<string> Codes =>
        Errors.Select(e => "error " + e.Code)
            .Concat(Warnings.Select(w => "warning " + w.Code))
            .Concat(Messages.Where(m => !string.IsNullOrEmpty(m.Code)).Select(m => "message " + m.Code));

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}
