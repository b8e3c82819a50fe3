using Loki.Core.Config;

namespace Loki.Core.World;

/// <summary>
/// One node of the library as the World shows it: the class ComfyUI registers for it, the title the pack gives it,
/// its region (the config's category), its X2Y format and its icon.
/// </summary>
/// <param name="Name">The node folder's name (<c>image_levels</c>).</param>
/// <param name="ClassType">The class the pack registers (<c>LokiImageLevels</c>).</param>
/// <param name="Title">The pack's display name (<c>🎚️ Image Levels (LOKI)</c>).</param>
/// <param name="Region">The config's category (<c>image/adjust</c>); <c>misc</c> without one.</param>
/// <param name="X2YFormat">The name layer's X2Y format (<c>I2I_Levels</c>), or null.</param>
/// <param name="Emoji">The emojis that stand for the node (the display name's), or null.</param>
/// <param name="IsFlow">True for a LOKI Flow node (its ComfyUI node expands its library flow).</param>
/// <param name="Config">The node's config layer: its ports and their defaults.</param>
/// <param name="IconPath">The node's glamour icon (<c>glamour/icon.png</c>) when it has one, else null.</param>
public sealed record WorldNode(
    string Name,
    string ClassType,
    string Title,
    string Region,
    string? X2YFormat,
    string? Emoji,
    bool IsFlow,
    NodeConfig Config,
    string? IconPath);
