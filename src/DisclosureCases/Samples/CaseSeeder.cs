using System.Diagnostics;
using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Database = DisclosureCases.Data.Database;

namespace DisclosureCases.Samples;

/// <summary>How far a seed run has got.</summary>
public sealed record SeedProgress(int Done, int Total, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// Synthetic cases in bulk for benchmarks (<c>disclosure seed</c>). Not driven through the workflow — that would cost
/// a transaction per action — but each case is still a valid one: pinned to the newest published workflow version,
/// with a <c>received</c> clock event (and the events its state implies: a correction notice, a consultation, the
/// reply), deadlines projected by <see cref="CaseDeadlines.Project"/>, a case number from the agency's counter, and
/// an audit chain of one genuine <c>created</c> event that says it was seeded, so <c>disclosure audit verify</c> passes.
/// Rows are written with <see cref="BulkInsert{T}"/> in batches, one transaction per batch; case ids are allocated
/// up front because the audit hash covers the case id.
/// </summary>
public sealed class CaseSeeder(Database database, WorkflowRegistry workflows, CalendarHolder calendar, TimeProvider time)
{
    public const string ActorName = "系统（disclosure seed）";

    /// <summary>Target states and their share, as a working agency might show them.</summary>
    static readonly (string State, int Weight)[] States =
    [
        ("received", 4), ("processing", 12), ("awaiting-correction", 3), ("consulting", 3), ("extension-requested", 1),
        ("awaiting-fee", 1), ("awaiting-reasons", 1), ("in-review", 4), ("replied", 4), ("mailed", 4), ("delivered", 8),
        ("archived", 55),
    ];

    public async Task<int> SeedAsync(int agencyId, int count, int batchSize, int seed, Action<SeedProgress>? progress, CancellationToken ct)
    {
        var definition = workflows.Newest("application");
        var calc = calendar.Calculator;
        var today = ShanghaiTime.Today(time);
        var lastDay = today.AddDays(-1);
        while (!calc.IsWorkingDay(lastDay)) lastDay = lastDay.AddDays(-1);
        var random = new Random(seed);
        var run = time.GetUtcNow();

        await using var db = database.CreateContext(AgencyScope.All);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var agency = await db.Agencies.AsNoTracking().SingleAsync(a => a.Id == agencyId, ct);
        var departments = await db.Departments.AsNoTracking().Where(d => d.AgencyId == agencyId).ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        var handlers = await HandlersAsync(db, agencyId, ct);

        var context = new Context(definition, calc, lastDay, agencyId, departments, handlers, run);

        await db.Database.OpenConnectionAsync(ct);
        // The indexes of a large Cases table outgrow SQLite's default 2 MB page cache, and every insert then touches
        // the disk; a larger cache for this connection (memory taken only as used) makes seeding about 1.5 times faster.
        const long cacheKiB = -131072; // negative: KiB rather than pages
        long? cache = database.Provider == DatabaseProvider.Sqlite ? await SqlitePragma.SetAsync(db, "cache_size", cacheKiB, ct) : null;
        try
        {
            return await SeedBatchesAsync(db, agency, context, count, batchSize, random, progress, ct);
        }
        finally
        {
            if (cache is { } previous) await SqlitePragma.SetAsync(db, "cache_size", previous, CancellationToken.None);
        }
    }

    async Task<int> SeedBatchesAsync(DisclosureDbContext db, Agency agency, Context context, int count, int batchSize, Random random,
        Action<SeedProgress>? progress, CancellationToken ct)
    {
        var definition = context.Definition;
        var agencyId = agency.Id;
        var cases = new BulkInsert<Case>(db, withKey: true);
        var clockEvents = new BulkInsert<CaseClockEvent>(db, withKey: false);
        var mailings = new BulkInsert<Mailing>(db, withKey: false);
        var events = new BulkInsert<CaseEvent>(db, withKey: false);
        var watch = Stopwatch.StartNew();
        var done = 0;
        while (done < count)
        {
            var n = Math.Min(batchSize, count - done);
            var batch = new List<Case>(n);
            for (var i = 0; i < n; i++)
                batch.Add(NewCase(context, random));
            // Numbers follow the calendar within a batch, as registration would give them.
            batch.Sort((a, b) => a.ReceivedOn.CompareTo(b.ReceivedOn));

            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var connection = db.Database.GetDbConnection();
                var transaction = tx.GetDbTransaction();
                var ids = await CaseIds.AllocateAsync(database.Provider, connection, transaction, n, ct);
                foreach (var group in batch.Where(c => c.State != definition.InitialState.Name).GroupBy(c => c.ReceivedOn.Year))
                {
                    var sequence = await CaseNumbers.ReserveAsync(db, agencyId, group.Key, group.Count(), ct);
                    foreach (var c in group)
                        c.CaseNumber = CaseNumbers.Format(agency.CaseNumberFormat, group.Key, sequence++);
                }
                var created = new List<CaseEvent>(n);
                for (var i = 0; i < n; i++)
                {
                    var c = batch[i];
                    c.Id = ids[i];
                    foreach (var e in c.ClockEvents) e.CaseId = c.Id;
                    foreach (var m in c.Mailings) m.CaseId = c.Id;
                    created.Add(CreatedEvent(c, context));
                }
                await cases.InsertAsync(connection, transaction, batch, ct);
                await clockEvents.InsertAsync(connection, transaction, batch.SelectMany(c => c.ClockEvents).ToList(), ct);
                await mailings.InsertAsync(connection, transaction, batch.SelectMany(c => c.Mailings).ToList(), ct);
                await events.InsertAsync(connection, transaction, created, ct);
                await tx.CommitAsync(ct);
            }
            done += n;
            progress?.Invoke(new SeedProgress(done, count, watch.Elapsed));
        }
        return done;
    }

    sealed record Context(WorkflowDefinition Definition, PeriodCalculator Calc, DateOnly LastDay, int AgencyId,
        Dictionary<string, int> Departments, IReadOnlyList<(string Id, string Name)> Handlers, DateTimeOffset Run);

    static async Task<IReadOnlyList<(string Id, string Name)>> HandlersAsync(DisclosureDbContext db, int agencyId, CancellationToken ct)
    {
        var clerks = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.AgencyId == agencyId && r.Name == Roles.Clerk
                orderby u.UserName
                select new { u.Id, u.DisplayName })
            .ToListAsync(ct);
        return clerks.Select(c => (c.Id, c.DisplayName)).ToList();
    }

    static Case NewCase(Context x, Random random)
    {
        var state = Weighted(random);
        var open = state is not ("replied" or "mailed" or "delivered" or "archived");
        var receivedOn = BackWorkingDays(x.Calc, x.LastDay, open ? random.Next(0, 26) : random.Next(20, 240));
        var applicant = SampleApplicants.Next(random);
        var request = SampleRequests.Next(random);
        var channel = (Channel)random.Next(6);
        var createdAt = OfficeHours(receivedOn, random);
        var c = new Case
        {
            AgencyId = x.AgencyId,
            DepartmentId = x.Departments.TryGetValue(request.Department, out var dept) ? dept : null,
            WorkflowId = x.Definition.Id,
            WorkflowVersion = x.Definition.Version,
            WorkflowHash = x.Definition.ContentHash,
            State = state,
            Channel = channel,
            ArrivedOn = channel is Channel.InPerson or Channel.RegisteredMail ? receivedOn : receivedOn.AddDays(-random.Next(0, 3)),
            ConfirmedOn = ReceiptDateRule.NeedsConfirmation(channel) ? receivedOn : null,
            ReceivedOn = receivedOn,
            Applicant = new Applicant
            {
                Kind = applicant.Kind,
                OrganizationKind = applicant.OrganizationKind,
                Name = applicant.Name,
                IdType = applicant.IdType,
                IdNumber = applicant.IdNumber,
                ContactPerson = applicant.ContactPerson,
                Phone = applicant.Phone,
                Email = applicant.Email,
                Address = applicant.Address,
                PostalCode = applicant.PostalCode,
            },
            Description = request.Description,
            Purpose = request.Purpose,
            ProvisionForm = (ProvisionForm)random.Next(2),
            DeliveryMethod = DeliveryMethod.Post,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            UpdatedBy = ActorName,
            Version = 1,
        };
        c.ClockEvents.Add(new CaseClockEvent { Kind = "received", Date = receivedOn, Note = ReceiptDateRule.Explain(channel, receivedOn) });
        if (state != "received" && x.Handlers.Count > 0)
            (c.HandlerId, c.HandlerName) = x.Handlers[random.Next(x.Handlers.Count)];

        DateOnly Later(DateOnly from, int min, int max) => Min(x.Calc.AddWorkingDays(from, random.Next(min, max)), x.LastDay);
        switch (state)
        {
            case "awaiting-correction":
                var notice = Later(receivedOn, 1, 6);
                c.CorrectionDue = x.Calc.AddWorkingDays(notice, 10);
                c.ClockEvents.Add(new CaseClockEvent { Kind = "correction-requested", Date = notice, AnswerBy = c.CorrectionDue, Note = "告知补正" });
                break;
            case "consulting":
                c.ClockEvents.Add(new CaseClockEvent { Kind = "consultation-started", Date = Later(receivedOn, 2, 8), Note = "征求意见" });
                break;
            case "awaiting-fee":
                c.FeeDue = x.Calc.AddWorkingDays(Later(receivedOn, 3, 8), 10);
                break;
            case "in-review":
                c.Outcome = request.Outcome;
                c.OutcomeReasons = SampleRequests.ReplyReasons(request.Outcome, request);
                break;
            case "replied" or "mailed" or "delivered" or "archived":
                c.Outcome = request.Outcome;
                c.OutcomeReasons = SampleRequests.ReplyReasons(request.Outcome, request);
                c.RepliedOn = Later(receivedOn, 3, 24);
                c.ClockEvents.Add(new CaseClockEvent { Kind = "replied", Date = c.RepliedOn.Value, Note = "审核通过并答复" });
                if (state == "replied") break;
                var posted = Later(c.RepliedOn.Value, 0, 3);
                var mailing = new Mailing
                {
                    Method = "EMS",
                    TrackingNumber = "11" + random.NextInt64(0, 100_000_000_000).ToString("00000000000", System.Globalization.CultureInfo.InvariantCulture),
                    PostedOn = posted,
                };
                c.Mailings.Add(mailing);
                if (state == "mailed") break;
                mailing.DeliveredOn = Later(posted, 1, 5);
                if (state == "delivered") break;
                c.Archived = true;
                c.ClosedOn = Later(mailing.DeliveredOn.Value, 1, 8);
                break;
        }
        CaseDeadlines.Project(c, x.Definition, x.Calc);
        return c;
    }

    static CaseEvent CreatedEvent(Case c, Context x)
    {
        var created = new CaseEvent
        {
            CaseId = c.Id,
            AgencyId = c.AgencyId,
            At = c.CreatedAt,
            ActorId = "system",
            ActorName = ActorName,
            Kind = CaseEventKinds.Created,
            ToState = c.State,
            Summary = $"批量生成的基准测试案件（disclosure seed），直接置于「{x.Definition.FindState(c.State)?.Title ?? c.State}」状态，未经逐步办理",
            Data = JsonSerializer.Serialize(new { seed = new { run = x.Run, state = c.State, caseNumber = c.CaseNumber } }, AuditJson.Options),
        };
        c.AuditHead = AuditChain.Append(created, "", 0);
        c.AuditCount = 1;
        return created;
    }

    static string Weighted(Random random)
    {
        var roll = random.Next(100);
        foreach (var (state, weight) in States)
        {
            if (roll < weight) return state;
            roll -= weight;
        }
        return States[^1].State;
    }

    /// <summary>A moment in office hours (Beijing time) on <paramref name="day"/>, in UTC and whole seconds (PostgreSQL keeps microseconds).</summary>
    static DateTimeOffset OfficeHours(DateOnly day, Random random) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 30)), TimeSpan.FromHours(8)).AddSeconds(random.Next(0, 9 * 3600)).ToUniversalTime();

    /// <summary>The working day <paramref name="n"/> working days before <paramref name="day"/>, in constant time.</summary>
    static DateOnly BackWorkingDays(PeriodCalculator calc, DateOnly day, int n)
    {
        var anchor = day.AddDays(-(n * 2 + 60));
        return calc.AddWorkingDays(anchor, calc.WorkingDaysBetween(anchor, day) - n);
    }

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
