namespace DisclosureCases.Proactive;

/// <summary>A released case as the suggestions see it: its request text and who asked (a key, never shown or stored).</summary>
public sealed record ReleasedCase(int CaseId, string ApplicantKey, string Text);

/// <summary>A stored suggestion still waiting for a decision, with its cases.</summary>
public sealed record OpenSuggestion(int Id, IReadOnlySet<int> CaseIds);

/// <summary>A group that should be on the list: its cases, how many distinct applicants, a proposed title, and the
/// open suggestion it continues (so the reviewer's link stays the same), if any.</summary>
public sealed record PlannedGroup(IReadOnlyList<int> CaseIds, int Applicants, string Title, int? ExistingId);

/// <summary>The list after a recompute: the groups to show and the open suggestions no group continues (to remove).</summary>
public sealed record SuggestionPlan(IReadOnlyList<PlannedGroup> Groups, IReadOnlyList<int> Obsolete);

/// <summary>
/// Which groups of released requests become 依申请转主动公开 suggestions (条例第44条: information released on request to
/// several applicants should be considered for proactive publication):
/// <list type="bullet">
/// <item>a group counts its <b>distinct applicants</b>: two requests of the same applicant count once; the group is
/// suggested when that number is at least the minimum (exactly the minimum is enough);</item>
/// <item>a group whose every case is already in a decided suggestion (accepted or dismissed) is not suggested again;
/// it comes back only when a case that no decided suggestion holds joins it;</item>
/// <item>a suggestion waiting for a decision keeps its id when the group it continues grows or shrinks (the
/// open suggestion sharing most cases with the group); one no group continues any more is removed.</item>
/// </list>
/// </summary>
public static class SuggestionPlanner
{
    public const int TitleLength = 200;

    public static SuggestionPlan Plan(IReadOnlyList<ReleasedCase> released, IRequestGrouping grouping, int minimumApplicants,
        IReadOnlySet<int> decidedCaseIds, IReadOnlyList<OpenSuggestion> open)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumApplicants, 1);
        var byId = released.ToDictionary(r => r.CaseId);
        var candidates = grouping.Group(released.Select(r => new GroupableText(r.CaseId, r.Text)).ToList())
            .Select(ids => ids.Select(id => byId[id]).ToList())
            .Select(cases => (Cases: cases, Applicants: cases.Select(c => c.ApplicantKey).Distinct(StringComparer.Ordinal).Count()))
            .Where(g => g.Applicants >= minimumApplicants && g.Cases.Any(c => !decidedCaseIds.Contains(c.CaseId)))
            .ToList();

        var claimed = new HashSet<int>();
        var groups = new List<PlannedGroup>();
        foreach (var (cases, applicants) in candidates)
        {
            var ids = cases.Select(c => c.CaseId).ToList();
            var existing = open.Where(o => !claimed.Contains(o.Id))
                .Select(o => (o.Id, Shared: ids.Count(o.CaseIds.Contains)))
                .Where(o => o.Shared > 0)
                .OrderByDescending(o => o.Shared).ThenBy(o => o.Id)
                .Select(o => (int?)o.Id).FirstOrDefault();
            if (existing is { } id) claimed.Add(id);
            groups.Add(new PlannedGroup(ids, applicants, Title(cases), existing));
        }
        var obsolete = open.Select(o => o.Id).Where(id => !claimed.Contains(id)).ToList();
        return new SuggestionPlan(groups, obsolete);
    }

    /// <summary>The proposed title: the request text the group's cases use most often (the shortest of equals), trimmed.</summary>
    public static string Title(IEnumerable<ReleasedCase> cases)
    {
        var text = cases.Select(c => c.Text.Trim())
            .GroupBy(t => t, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .First().Key;
        return text.Length <= TitleLength ? text : text[..(TitleLength - 1)] + "…";
    }
}
