using System.CommandLine;

namespace Loki.Cli.Commands;

/// <summary><c>loki schemas SUBCOMMAND</c>: node definitions in <c>/object_info</c> form (today: <c>extract</c>).</summary>
internal sealed class SchemasCommand : Command
{
    public SchemasCommand()
        : base("schemas", "node definitions in /object_info form")
    {
        Add(new SchemasExtractCommand());
    }
}
