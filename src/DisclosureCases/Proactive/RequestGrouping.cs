namespace DisclosureCases.Proactive;

/// <summary>A request text to group, by case id.</summary>
public sealed record GroupableText(int Id, string Text);

/// <summary>
/// Groups requests that ask for the same information. One small interface so that the 依申请转主动公开 suggestions can
/// later use another engine (e.g. the full-text similarity of <c>Similarity/</c>) without changing anything else.
/// </summary>
public interface IRequestGrouping
{
    /// <summary>The groups of two or more ids whose texts ask for the same information; each id is in at most one group.</summary>
    IReadOnlyList<IReadOnlyList<int>> Group(IReadOnlyList<GroupableText> texts);
}
