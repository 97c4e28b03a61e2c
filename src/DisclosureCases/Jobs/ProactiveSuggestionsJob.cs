using DisclosureCases.Data;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Proactive;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace DisclosureCases.Jobs;

/// <summary>
/// Recomputes every agency's 依申请转主动公开 suggestions (条例第44条), one agency at a time in its own scope. Running it
/// twice leaves the same list: a recompute only brings the open suggestions in line with the released cases.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ProactiveSuggestionsJob(Database database, IOptions<ProactiveOptions> options, IRequestGrouping grouping,
    OutcomeCatalog outcomes, TimeProvider time, ILogger<ProactiveSuggestions> log) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        List<int> agencies;
        await using (var all = database.CreateContext(AgencyScope.All))
            agencies = await all.Agencies.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        var suggestions = 0;
        foreach (var agency in agencies)
        {
            await using var db = database.CreateContext(AgencyScope.For(agency));
            suggestions += (await new ProactiveSuggestions(db, options, grouping, outcomes, time, log).RecomputeAsync(agency, cancellationToken)).Suggestions;
        }
        context.Result = suggestions;
    }
}
