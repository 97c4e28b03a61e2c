using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Pages.Cases;

/// <summary>
/// 工作台: my cases and my agency's, filtered by state, handler and due date, sorted and paged. Built for an agency
/// with a million cases: the total is counted up to <see cref="CountCap"/> and shown as "1000+" beyond (counting every
/// row of a large agency on each request costs more than the page), and each sort is read in the order of an index —
/// by due date the dated cases first, then the undated by id, as two index-ordered reads instead of one sort of
/// every open case.
/// </summary>
public class IndexModel(DisclosureDbContext db, WorkflowRegistry workflows, CalendarHolder calendar, TimeProvider time) : PageModel
{
    public const int PageSize = 25;
    public const int CountCap = 1000;
    /// <summary>Deep pages cost a scan of everything before them; nobody pages past this by hand.</summary>
    public const int MaxPage = 10_000;

    [BindProperty(SupportsGet = true)] public string Scope { get; set; } = "mine";
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Handler { get; set; }
    [BindProperty(SupportsGet = true)] public int? DueWithin { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string Sort { get; set; } = "due";
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<CaseRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    /// <summary>More than <see cref="CountCap"/> cases match: <see cref="Total"/> is the cap, not the count.</summary>
    public bool TotalCapped { get; private set; }
    public string TotalText => TotalCapped ? $"{CountCap}+" : Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public bool HasNextPage { get; private set; }
    public IReadOnlyList<(string Name, string Title)> States { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Handlers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public sealed record CaseRow(int Id, string? CaseNumber, string ApplicantName, string Description, DateOnly ReceivedOn,
        string State, string StateTitle, string? HandlerName, DateOnly? NextDue, string? NextDueKey, DeadlineText? Due);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User)!;
        Today = ShanghaiTime.Today(time);
        var definition = workflows.Newest("application");
        States = definition.States.Select(s => (s.Name, s.Title)).ToList();
        Handlers = await AgencyUsers.ListAsync(db, actor.AgencyId, ct);

        var filter = new WorklistFilter(Scope, State, Handler, Overdue,
            DueWithin is >= 0 and <= 365 ? calendar.Calculator.AddWorkingDays(Today, DueWithin.Value) : null, Q);
        var query = filter.Apply(db.Cases.AsNoTracking(), Today);
        // "Mine" is my cases and the unassigned new ones. Counted as the two disjoint parts, each read from the handler
        // index; counted as one OR, SQLite gathers every row id of both parts before the cap applies (a clerk with a
        // million cases: 30 ms a page).
        int counted;
        if (Scope == "mine")
        {
            // Both parts are capped at the same number (WorklistFilter.UpTo: one statement, whose plan PostgreSQL keeps), the second then
            // cut to what the cap leaves.
            var own = await WorklistFilter.UpTo(filter.ForCount(filter.Own(query, actor.UserId)), CountCap + 1).CountAsync(ct);
            int? unassigned = own <= CountCap
                ? Math.Min(await WorklistFilter.UpTo(filter.ForCount(filter.Unassigned(query)), CountCap + 1).CountAsync(ct), CountCap + 1 - own)
                : null;
            counted = own + (unassigned ?? 0);
            // A part without cases is left out of the list's OR: its half still walked the sort's index in search of rows
            // (a manager with no cases of their own: ~1 ms a page at a million cases).
            query = own == 0 ? filter.Unassigned(query)
                : unassigned == 0 ? filter.Own(query, actor.UserId)
                : filter.Mine(query, actor.UserId);
        }
        else
            counted = await WorklistFilter.UpTo(string.IsNullOrEmpty(Handler) ? query : filter.ForCount(query), CountCap + 1).CountAsync(ct);
        TotalCapped = counted > CountCap;
        Total = Math.Min(counted, CountCap);
        var lastPage = TotalCapped ? MaxPage : Math.Max(1, (Total + PageSize - 1) / PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, lastPage);
        var skip = (PageNumber - 1) * PageSize;
        // Nothing matches: no page to read. A read of an empty list is not free: it walks the sort's index in search of
        // a first match (a filter no case meets, such as a state outside "mine", walked every case of that state).
        var page = counted == 0 ? [] : Sort switch
        {
            "received" => await ReadAsync(query.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Id).Skip(skip), PageSize + 1, ct),
            "number" => await ReadAsync(query.OrderBy(c => c.CaseNumber).ThenBy(c => c.Id).Skip(skip), PageSize + 1, ct),
            _ => await ByDueDateAsync(query, skip, ct),
        };
        HasNextPage = page.Count > PageSize && PageNumber < lastPage;
        Rows = page.Take(PageSize).Select(c => new CaseRow(c.Id, c.CaseNumber, c.Name, c.Description, c.ReceivedOn, c.State,
            definition.FindState(c.State)?.Title ?? c.State, c.HandlerName, c.NextDue, c.NextDueKey,
            c.NextDue is { } due ? DeadlineText.For(due, Today, calendar.Calculator) : null)).ToList();
    }

    // The page's rows by id, compiled (Data/Compiled.cs): their shape never changes, where the filtered reads vary.
    static readonly Compiled<Func<DisclosureDbContext, List<int>, IAsyncEnumerable<Listed>>> RowsQuery = new(() =>
        EF.CompileAsyncQuery<DisclosureDbContext, List<int>, Listed>((db, ids) => db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new Listed(c.Id, c.CaseNumber, c.Applicant.Name, c.Description, c.ReceivedOn, c.State, c.HandlerName, c.NextDue, c.NextDueKey))));

    sealed record Listed(int Id, string? CaseNumber, string Name, string Description, DateOnly ReceivedOn, string State,
        string? HandlerName, DateOnly? NextDue, string? NextDueKey);

    /// <summary>
    /// A page in two reads: the ids in the list's order, then those cases' rows. The first is answered from the order's
    /// index, which carries the filters' columns, so the cases a deep page skips are never visited (PostgreSQL checks an
    /// index scan's other columns only on the row: page 200 of a million-case agency visited ~5,000 rows, 320 ms cold);
    /// the second reads the page's cases alone.
    /// </summary>
    async Task<List<Listed>> ReadAsync(IQueryable<Case> ordered, int take, CancellationToken ct)
    {
        var ids = await ordered.Take(take).Select(c => c.Id).ToListAsync(ct);
        if (ids.Count == 0) return [];
        var rows = (await RowsQuery.For(db)(db, ids).ToListAsync(ct)).ToDictionary(c => c.Id);
        // A case changed between the reads (archived, reassigned) is still shown as the first read placed it.
        return ids.Where(rows.ContainsKey).Select(id => rows[id]).ToList();
    }

    /// <summary>Soonest deadline first, cases without a deadline after them (oldest first): one page of PageSize + 1.</summary>
    async Task<List<Listed>> ByDueDateAsync(IQueryable<Case> query, int skip, CancellationToken ct)
    {
        var dated = query.Where(c => c.NextDue != null);
        var rows = await ReadAsync(dated.OrderBy(c => c.NextDue).ThenBy(c => c.Id).Skip(skip), PageSize + 1, ct);
        if (rows.Count > PageSize) return rows;
        // The dated cases end on this page (or before it): the undated continue the list.
        var datedCount = rows.Count > 0 || skip == 0 ? skip + rows.Count : await dated.CountAsync(ct);
        rows.AddRange(await ReadAsync(query.Where(c => c.NextDue == null).OrderBy(c => c.Id).Skip(Math.Max(0, skip - datedCount)),
            PageSize + 1 - rows.Count, ct));
        return rows;
    }

    public string PageUrl(int page) => Url.Page("/Cases/Index", new { Scope, State, Handler, DueWithin, Overdue, Q, Sort, PageNumber = page })!;
}
