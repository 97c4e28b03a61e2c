using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosureCases.Reviews;

/// <summary>The running deadlines of the agency's open 复议诉讼 cases, earliest first: the 时限报表's 复议诉讼 section.</summary>
public sealed class ReviewDeadlineList(DisclosureDbContext db, CalendarHolder calendar, IOptions<ReviewSettings> settings, TimeProvider time)
{
    public sealed record Row(ReviewCase Case, CaseDeadline Deadline, DeadlineText Standing);

    public async Task<IReadOnlyList<Row>> OpenAsync(CancellationToken ct)
    {
        var today = ShanghaiTime.Today(time);
        var calc = calendar.Calculator;
        var open = await db.ReviewCases.AsNoTracking().Where(r => r.State != "closed").OrderBy(r => r.Id).Take(1000).ToListAsync(ct);
        return open
            .SelectMany(r => ReviewProjection.Deadlines(r, calc, settings.Value)
                .Where(d => d.Deadline.Status == ClockStatus.Running && !(d.Window && d.Deadline.Due < today))
                .Select(d => new Row(r, d.Deadline, DeadlineText.For(d.Deadline, today, calc))))
            .OrderBy(x => x.Deadline.Due).ToList();
    }
}
