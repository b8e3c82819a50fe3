using Loki.Core.Diagnostics;

namespace Loki.Core.Workflows;

public static partial class WorkflowLoader
{
    private static WorkflowFile LoadMedia(string path, WorkflowFormat format) =>
        throw JsonSource.Fail(LokiCodes.WorkflowUnsupportedFile, "reading workflows from media files arrives with Loki.Core.Media", path);
}
