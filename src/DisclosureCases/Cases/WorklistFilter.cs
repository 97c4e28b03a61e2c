using System.Linq.Expressions;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>
/// The 工作台's filters as queries of the cases: one place for the page (Pages/Cases/Index) and for the tests that check
/// which index the database answers them from (Data/WorklistPlanTests).
/// </summary>
/// <param name="Scope">"mine" (my cases and the unassigned new ones), "agency" (the agency's open cases) or "all-states"
/// (archived ones too).</param>
/// <param name="State">One state only, archived or not.</param>
/// <param name="Handler">One handler's cases.</param>
/// <param name="Overdue">Only cases whose next deadline has passed.</param>
/// <param name="DueBy">Only cases with a next deadline on or before this day.</param>
/// <param name="Text">A part of the case number, the applicant's name or the description.</param>
public sealed record WorklistFilter(string Scope, string? State, string? Handler, bool Overdue, DateOnly? DueBy, string? Text)
{
    public const string UnassignedState = "received";

    /// <summary>Every filter but the scope's handler part (<see cref="Own"/>, <see cref="Unassigned"/>, <see cref="Mine"/>).</summary>
    public IQueryable<Case> Apply(IQueryable<Case> query, DateOnly today)
    {
        if (!string.IsNullOrEmpty(State)) query = query.Where(c => c.State == State);
        else if (Scope != "all-states")
        {
            // An equality, not NOT("Archived"): only an equality lets SQLite use the column inside an index, and without it
            // the unassigned count was read through the state index and each case's row (1.7 ms against 0.08).
            var archived = false;
            query = query.Where(c => c.Archived == archived);
        }
        if (!string.IsNullOrEmpty(Handler)) query = query.Where(c => c.HandlerId == Handler);
        if (Overdue) query = query.Where(c => c.NextDue < today);
        // "NextDue <= limit" alone leaves out the undated cases as well (NULL compares false). With "IS NOT NULL" beside it the
        // condition became a two-sided range, which SQLite takes to be narrow: it read all ~140,000 cases due by then from
        // the due index and sorted them for the receipt and number orders (200-300 ms); as one side it walks the order.
        if (DueBy is { } limit) query = query.Where(c => c.NextDue <= limit);
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var q = Text.Trim();
            query = query.Where(c => (c.CaseNumber != null && c.CaseNumber.Contains(q)) || c.Applicant.Name.Contains(q) || c.Description.Contains(q));
        }
        return query;
    }

    /// <summary>The user's own cases among <paramref name="query"/>.</summary>
    public IQueryable<Case> Own(IQueryable<Case> query, string userId) => query.Where(c => c.HandlerId == userId);

    /// <summary>The unassigned new cases among <paramref name="query"/>, which "mine" offers to everyone.</summary>
    public IQueryable<Case> Unassigned(IQueryable<Case> query) =>
        query.Where(c => c.HandlerId == null && c.State == UnassignedState);

    /// <summary>"Mine": the user's own cases and the unassigned new ones.</summary>
    public IQueryable<Case> Mine(IQueryable<Case> query, string userId) =>
        query.Where(c => c.HandlerId == userId || (c.HandlerId == null && c.State == UnassignedState));

    /// <summary>
    /// <paramref name="query"/> (a handler's cases: <see cref="Own"/>, <see cref="Unassigned"/>, or with
    /// <see cref="Handler"/>) for counting. With a state filter it gains "archived in (false, true)": no result changes,
    /// but the condition names the column between the handler and the state in the handler index (AgencyId, HandlerId,
    /// Archived, State, …), so that SQLite counts by a seek of that index. Without it SQLite's statistics (a handler has
    /// half the cases, on average) made the state index look the narrower, and a manager's "mine" filtered to 已归档
    /// visited each of 550,000 archived cases' rows to count none of theirs (550 ms at a million cases; docs/benchmarks.md).
    /// Not for the list: there the condition made SQLite seek the handler's cases and sort them all, where walking the
    /// order's index finds a page at once (a clerk's 528,000 archived cases in receipt order: 1.3 s against 0.04).
    /// Without a state filter the open cases' equality on the column is there already.
    /// </summary>
    public IQueryable<Case> ForCount(IQueryable<Case> query) =>
        string.IsNullOrEmpty(State) ? query : query.Where(c => new[] { false, true }.Contains(c.Archived));

    /// <summary>
    /// The first <paramref name="cap"/> cases of <paramref name="query"/>, the cap written into the SQL as a number
    /// (<c>LIMIT 1001</c>) where EF Core sends a <c>Take</c>'s count as a parameter. PostgreSQL plans a statement whose
    /// limit is a parameter afresh on every call (a plan for an unknown limit never looks cheaper than one for the value
    /// at hand); the worklist's capped counts were 3.6 s of planning in 72 s of the server's statements under the load run
    /// (docs/benchmarks.md). With the number in the text, a count gets its generic plan after the five custom plans PostgreSQL
    /// makes first on a connection, and is not planned again (checked with pg_stat_statements). Only for a cap
    /// that does not vary: each number is a statement of its own.
    /// </summary>
    public static IQueryable<Case> UpTo(IQueryable<Case> query, int cap) =>
        query.Provider.CreateQuery<Case>(Expression.Call(TakeMethod, query.Expression,
            Expression.Call(ConstantMethod, Expression.Constant(cap))));

    static readonly System.Reflection.MethodInfo TakeMethod = new Func<IQueryable<Case>, int, IQueryable<Case>>(Queryable.Take).Method;
    static readonly System.Reflection.MethodInfo ConstantMethod = new Func<int, int>(EF.Constant).Method;
}
