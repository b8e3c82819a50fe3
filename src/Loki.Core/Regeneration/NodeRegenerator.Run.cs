using Loki.Core.Config;
using Loki.Core.Diagnostics;
using Loki.Core.Naming;
using Loki.Core.Nodes;

namespace Loki.Core.Regeneration;

public sealed partial class NodeRegenerator
{
    /// <summary>A layer written (or confirmed) by this run.</summary>
    private sealed record ProducedLayer(string Path, string Text, string Body, string Source, bool Changed);

    /// <summary>The mutable state of one regeneration of one node.</summary>
    private sealed class Run(NodeFolder folder, Dictionary<NodeLayer, ExistingLayer?> existing, bool dryRun, DiagnosticBag diagnostics)
    {
        private bool _configRead;
        private NodeConfig? _config;
        private bool _nameRead;
        private NameLayer? _name;

        public NodeFolder Folder { get; } = folder;

        public Dictionary<NodeLayer, ExistingLayer?> Existing { get; } = existing;

        public bool DryRun { get; } = dryRun;

        public DiagnosticBag Diagnostics { get; } = diagnostics;

        public HashSet<NodeLayer> Roots { get; } = [];

        public HashSet<NodeLayer> Orphans { get; } = [];

        public HashSet<NodeLayer> Failed { get; } = [];

        public Dictionary<NodeLayer, ProducedLayer> Produced { get; } = [];

        public List<string> Written { get; } = [];

        /// <summary>True when <paramref name="layer"/> can feed a converter now.</summary>
        public bool HasSource(NodeLayer layer) =>
            Roots.Contains(layer) || Produced.ContainsKey(layer) || (!GeneratableLayers.Contains(layer) && Folder.Has(layer));

        /// <summary>The source file of <paramref name="layer"/>: path, full text, and text without header.</summary>
        public (string Path, string Text, string Body) SourceOf(NodeLayer layer)
        {
            if (Produced.TryGetValue(layer, out var p))
            {
                return (p.Path, p.Text, p.Body);
            }

            if (Existing.GetValueOrDefault(layer) is { } e)
            {
                return (e.Path, e.Text, e.Body);
            }

            var path = Folder.PathOf(layer);
            var text = File.ReadAllText(path);
            return (path, text, text);
        }

        /// <summary>The config layer as it stands now (authored, kept, or just generated); its problems are reported once.</summary>
        public NodeConfig? Config()
        {
            var current = Produced.TryGetValue(NodeLayer.Config, out var p) ? p.Text : Existing[NodeLayer.Config]?.Text;
            if (current is null)
            {
                return null;
            }

            if (!_configRead || Produced.ContainsKey(NodeLayer.Config))
            {
                var bag = _configRead ? new DiagnosticBag() : Diagnostics;
                _config = NodeConfigReader.Parse(current, Folder.PathOf(NodeLayer.Config), bag, Folder.Name);
                _configRead = true;
            }

            return _config;
        }

        /// <summary>The name layer, when the node has one.</summary>
        public NameLayer? Name()
        {
            if (!_nameRead)
            {
                _nameRead = true;
                _name = Folder.Has(NodeLayer.Name) ? NameLayerReader.ReadFile(Folder.PathOf(NodeLayer.Name), Diagnostics) : null;
            }

            return _name;
        }
    }
}
