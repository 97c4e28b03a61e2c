using System.Globalization;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Domain.Periods;
using DisclosureCases.Letters;
using DisclosureCases.Samples;
using DisclosureCases.Web.Identity;
using DisclosureCases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Web.Startup;

/// <summary>
/// Realistic demo cases, driven through the real workflow so their records and clocks are genuine: each case is
/// received by <see cref="CaseIntake"/> and moved by <see cref="CaseWorkflow.FireAsync"/> with the demo clerk, legal
/// reviewer and manager as actors. The reply is a letter, as on the letter screens: the clerk drafts and submits it
/// through <see cref="CaseLetters"/> (submit-reply), the reviewer returns it with a comment or approves it, which issues
/// it with its 文号 and date (approve-reply); the 补正告知书, 延期答复告知书 and the letters that close a case without
/// a reply of its own are drafted and issued the same way on the day their action made them due.
/// The workflow refuses future dates and wants correction and fee periods to end after "today", so every action runs on
/// a clock standing at the (past) working day on which the script places it: the audit trail then shows when each step
/// happened, the deadlines fall where they would have, and each letter is dated the day it was issued.
/// Deterministic for a given day: the same seed gives the same cases.
/// </summary>
public sealed class DemoCases(Database database, WorkflowRegistry workflows, WorkflowRuntime runtime, CalendarHolder calendar,
    DocumentCatalog documents, OutcomeCatalog outcomes, TemplateCache templateCache, TemplateLinter linter, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<Proactive.ProactiveOptions> proactive, Proactive.IRequestGrouping grouping,
    ILogger<Proactive.ProactiveSuggestions> proactiveLog)
{
    const int Seed = 20260315;

    public async Task CreateAsync(int agencyId, int count, CancellationToken ct)
    {
        var staff = await DemoStaff.LoadAsync(database, agencyId, ct);
        var departments = await DepartmentsAsync(agencyId, ct);
        var plans = DemoScript.Plan(count, ShanghaiTime.Today(time), calendar.Calculator, staff.Clerk.UserId, new Random(Seed));
        // Cases are received and registered in date order, so case numbers and ids follow the calendar as they would.
        foreach (var plan in plans.OrderBy(p => p.ReceivedOn).ThenBy(p => p.Index))
            await RunAsync(plan, agencyId, staff, departments, ct);
        await MarkTypicalAsync(agencyId, staff, ct);
        // The 依申请转主动公开 list as the nightly recompute would leave it (the script released one request to three applicants).
        await using var db = database.CreateContext(AgencyScope.For(agencyId));
        await new Proactive.ProactiveSuggestions(db, proactive, grouping, outcomes, time, proactiveLog).RecomputeAsync(agencyId, ct);
    }

    /// <summary>The 口径 a 法制审核人员 would note on a few closed demo cases, by what the request asks and how it was answered.</summary>
    static readonly (string Asks, string Outcome, string Note)[] TypicalNotes =
    [
        ("加装电梯", "partial", "加装电梯审批材料中各户业主的姓名、房号、签名属于个人信息：许可证及附图予以公开，业主意见征询材料隐去个人信息后提供（条例第十五条、第三十七条）。"),
        ("环境影响评价", "unavailable-not-responsible", "建设项目环评文件由区生态环境局审批并保存，本局不掌握：依条例第三十六条第（五）项告知，并写明负责机关的名称和申请渠道。"),
        ("不动产登记", "withhold-administrative-inquiry", "不动产登记资料的查询属于行政查询事项，依条例第三十六条第（七）项告知按《不动产登记资料查询暂行办法》向区不动产登记事务中心查询。"),
    ];

    async Task MarkTypicalAsync(int agencyId, DemoStaff staff, CancellationToken ct)
    {
        foreach (var (asks, outcome, note) in TypicalNotes)
        {
            await using var db = database.CreateContext(AgencyScope.For(agencyId));
            var id = await db.Cases.Where(c => c.Archived && c.Outcome == outcome && c.Description.Contains(asks))
                .OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
            if (id is { } caseId)
                await new Similarity.TypicalCases(db, time).MarkAsync(caseId, note, staff.Reviewer, ct);
        }
    }

    async Task<Dictionary<string, int>> DepartmentsAsync(int agencyId, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.For(agencyId));
        return await db.Departments.ToDictionaryAsync(d => d.Name, d => d.Id, ct);
    }

    async Task RunAsync(DemoPlan plan, int agencyId, DemoStaff staff, Dictionary<string, int> departments, CancellationToken ct)
    {
        // A context per case keeps the change tracker small, so 200 cases cost 200 times one case.
        await using var db = database.CreateContext(AgencyScope.For(agencyId));
        // Every workflow action commits, and on SQLite each commit waits for the disk. Demo data can do without that
        // guarantee (in WAL mode NORMAL still never corrupts the file); the pooled connection is handed back as it came.
        const long normal = 1;
        long? synchronous = database.Provider == DatabaseProvider.Sqlite ? await SqlitePragma.SetAsync(db, "synchronous", normal, ct) : null;
        try
        {
            await RunStepsAsync(db, plan, staff, departments, ct);
        }
        finally
        {
            if (synchronous is { } previous) await SqlitePragma.SetAsync(db, "synchronous", previous, CancellationToken.None);
        }
    }

    async Task RunStepsAsync(DisclosureDbContext db, DemoPlan plan, DemoStaff staff, Dictionary<string, int> departments, CancellationToken ct)
    {
        var clock = new ScriptClock();
        var intake = new CaseIntake(db, workflows, calendar, clock);
        var engine = new CaseWorkflow(db, workflows, runtime, calendar, documents, clock);
        var letters = new CaseLetters(db, new TemplateStore(db, templateCache, linter, clock), engine, workflows, documents, outcomes, calendar, clock);

        clock.MoveTo(plan.ReceivedOn, plan.Random);
        var input = plan.Intake;
        input.DepartmentId = departments.TryGetValue(plan.Request.Department, out var dept) ? dept : null;
        var (created, validation) = await intake.ReceiveAsync(input, staff.Clerk, ct);
        if (created is null)
            throw new InvalidOperationException($"Demo case {plan.Index} was refused at intake: {validation}");

        var caseId = created.Id;
        foreach (var step in plan.Steps)
        {
            clock.MoveTo(step.Date, plan.Random);
            // Each action starts from what is stored, as each is a request of its own in the app.
            db.ChangeTracker.Clear();
            var result = await TakeAsync(letters, engine, db, caseId, step, staff, ct);
            if (result is not (FireResult.Applied or LetterResult.Done))
                throw new InvalidOperationException(
                    $"Demo case {plan.Index} ({plan.TargetState}): '{step.Trigger}' on {step.Date:yyyy-MM-dd} was not applied: {Describe(result)}");

            if (step.DueLetters is { } slots && result is FireResult.Applied applied)
                foreach (var document in applied.Case.Documents.Where(d => d.Trigger == step.Trigger && d.Status == CaseDocumentStatus.Due).ToList())
                    await IssueAsync(db, letters, clock, plan, step, document, slots, staff, ct);
        }
    }

    /// <summary>
    /// One action as its screen takes it: the reply's on the reply letter (the open one, at the version the page showed),
    /// any other by firing its trigger. Returns a <see cref="FireResult"/> or a <see cref="LetterResult"/>.
    /// </summary>
    static async Task<object> TakeAsync(CaseLetters letters, CaseWorkflow engine, DisclosureDbContext db, int caseId, DemoStep step,
        DemoStaff staff, CancellationToken ct)
    {
        var reply = new LetterTarget.Reply();
        switch (step.Trigger)
        {
            case CaseLetters.SubmitTrigger:
            {
                // The first submission creates the letter; after a return the clerk revises and resubmits the same one.
                var open = await letters.FindOpenAsync(caseId, reply, ct);
                var work = await letters.OpenAsync(caseId, open?.Id, reply, step.Reply, ct);
                return await letters.SubmitAsync(work!, open?.Version, staff.Clerk, ct);
            }
            case CaseLetters.ReturnTrigger:
            {
                var open = await letters.FindOpenAsync(caseId, reply, ct);
                return await letters.ReturnAsync(open!.Id, open.Version, step.Input["comments"], staff.Reviewer, ct);
            }
            case CaseLetters.ApproveTrigger:
            {
                var open = await letters.FindOpenAsync(caseId, reply, ct);
                return await letters.ApproveAsync(open!.Id, open.Version, step.Input["issued-on"], null, staff.Reviewer, ct);
            }
            default:
                var version = await db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).FirstAsync(ct);
                return await engine.FireAsync(caseId, step.Trigger, step.Input, staff.For(step.Role), version, ct);
        }
    }

    /// <summary>The clerk drafts the letter for a document the step made due and submits it; the reviewer issues it.</summary>
    static async Task IssueAsync(DisclosureDbContext db, CaseLetters letters, ScriptClock clock, DemoPlan plan, DemoStep step,
        CaseDocument document, IReadOnlyDictionary<string, string?> slots, DemoStaff staff, CancellationToken ct)
    {
        clock.MoveTo(step.Date, plan.Random);
        db.ChangeTracker.Clear();
        var work = await letters.OpenAsync(document.CaseId, null, new LetterTarget.ForDocument(document.Id), new LetterInput(null, slots, null), ct);
        var result = await letters.SubmitAsync(work!, null, staff.Clerk, ct);
        if (result is LetterResult.Done submitted)
        {
            clock.MoveTo(step.Date, plan.Random);
            db.ChangeTracker.Clear();
            result = await letters.ApproveAsync(submitted.Letter.Id, submitted.Letter.Version, Iso(step.Date), null, staff.Reviewer, ct);
        }
        if (result is not LetterResult.Done)
            throw new InvalidOperationException(
                $"Demo case {plan.Index} ({plan.TargetState}): the {document.Title} due after '{step.Trigger}' on {step.Date:yyyy-MM-dd} was not issued: {Describe(result)}");
    }

    static string Describe(object result) => result switch
    {
        FireResult.Refused r => $"{r.Reason} {string.Join("; ", r.FieldErrors.Select(f => $"{f.Field}: {f.Message}"))}",
        LetterResult.Refused r => $"{r.Reason} {string.Join("; ", r.FieldErrors.Select(f => $"{f.Field}: {f.Message}"))}",
        _ => result.ToString() ?? "",
    };

    static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// A clock that stands on a scripted working day (office hours, Beijing time), advancing a few minutes per action
    /// within the day. It answers in UTC like <see cref="TimeProvider.System"/>: PostgreSQL stores only UTC instants.
    /// </summary>
    sealed class ScriptClock : TimeProvider
    {
        DateTimeOffset _now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void MoveTo(DateOnly day, Random random)
        {
            var local = ShanghaiTime.Local(_now);
            _now = DateOnly.FromDateTime(local) == day && _now != default
                ? _now.AddMinutes(random.Next(3, 41))
                : new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 45)), TimeSpan.FromHours(8)).AddMinutes(random.Next(0, 420)).ToUniversalTime();
        }
    }
}

/// <summary>The demo agency's clerk, legal reviewer and manager as workflow actors.</summary>
sealed record DemoStaff(Actor Clerk, Actor Reviewer, Actor Manager)
{
    public Actor For(string role) => role switch
    {
        Roles.LegalReviewer => Reviewer,
        Roles.Manager => Manager,
        _ => Clerk,
    };

    public static async Task<DemoStaff> LoadAsync(Database database, int agencyId, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.For(agencyId));
        var people = await (
                from u in db.Users
                join ur in db.UserRoles on u.Id equals ur.UserId
                join r in db.Roles on ur.RoleId equals r.Id
                where u.AgencyId == agencyId
                orderby u.UserName
                select new { u.Id, u.DisplayName, Role = r.Name })
            .ToListAsync(ct);
        Actor Find(string role) => people.FirstOrDefault(p => p.Role == role) is { } p
            ? new Actor(p.Id, p.DisplayName, agencyId, [role])
            : throw new InvalidOperationException($"The demo agency has no user with role {role}.");
        return new DemoStaff(Find(Roles.Clerk), Find(Roles.LegalReviewer), Find(Roles.Manager));
    }
}

/// <summary>
/// One action of a demo case: who (by role) fires which trigger on which day, with what input. The reply's triggers are
/// taken on its letter, as the letter screens take them: <see cref="Reply"/> is what the clerk writes into the reply
/// letter for submit-reply, <c>comments</c> and <c>issued-on</c> go to the reviewer's return and approval.
/// </summary>
sealed record DemoStep(string Trigger, string Role, DateOnly Date, IReadOnlyDictionary<string, string?> Input)
{
    public LetterInput? Reply { get; init; }

    /// <summary>When set, the documents the action made due are drafted (these slot texts over what the form pre-fills)
    /// and issued the same day.</summary>
    public IReadOnlyDictionary<string, string?>? DueLetters { get; init; }
}

/// <summary>A demo case: its intake form, its request and the actions that bring it to <see cref="TargetState"/>.</summary>
sealed record DemoPlan(int Index, string TargetState, DateOnly ReceivedOn, IntakeInput Intake, SampleRequest Request,
    IReadOnlyList<DemoStep> Steps, Random Random);

/// <summary>
/// Writes the script of each demo case: the target state (every state of workflows/application.yaml, in proportions
/// a working agency might show), the route there (corrections, consultations, extensions, fees, 第35条 reasons,
/// returned drafts, withdrawals, returned post …), and the working day of each action. Open cases are placed close to
/// today so that some are overdue and some due soon; closed ones spread over the past ten months.
/// </summary>
static class DemoScript
{
    /// <summary>Target states with their share of the demo; every state gets at least one case when count ≥ 12.</summary>
    static readonly (string State, int Weight)[] States =
    [
        ("received", 12), ("processing", 30), ("awaiting-correction", 10), ("consulting", 10), ("extension-requested", 6),
        ("awaiting-fee", 6), ("awaiting-reasons", 5), ("in-review", 12), ("replied", 15), ("mailed", 14), ("delivered", 20),
        ("archived", 60),
    ];

    static readonly string[] ReturnReasons = ["查无此人", "地址不详", "收件人拒收", "逾期未领取"];

    /// <summary>What a 法制审核人员 writes when returning a reply letter with this outcome.</summary>
    static string ReviewComment(string outcome, Random random) => outcome switch
    {
        "partial" => "区分处理的范围表述不清，请明确予以公开的部分和不予公开的内容，并分别写明依据。",
        "disclose-published" => "告知的获取途径不具体，请写明网址和栏目名称。",
        "disclose" => "请写明提供信息的载体和页数，与随答复书提供的材料核对一致。",
        "unavailable-not-held" => "检索情况过于简略，请写明检索的范围、方式和关键词，以证明已尽到检索义务。",
        _ => random.Next(2) == 0
            ? "答复理由未写明所依据的条款项，请补充后重新提交。"
            : "理由部分与申请内容对应不够具体，请结合所申请的信息逐项说明。",
    };

    public static IReadOnlyList<DemoPlan> Plan(int count, DateOnly today, PeriodCalculator calc, string handlerId, Random random)
    {
        // The latest working day strictly before today: no action is dated today, so no scripted time of day can lie
        // in the future whatever the hour the application first starts.
        var lastDay = PreviousWorkingDayOnOrBefore(calc, today.AddDays(-1));
        var earliest = calc.NextWorkingDayOnOrAfter(today.AddMonths(-10));
        var maxAge = Math.Max(60, calc.WorkingDaysBetween(earliest, lastDay));

        var targets = Spread(count, random);
        // 依申请转主动公开 (条例第44条): three archived cases, three applicants, the same information released each time.
        var shared = SharedRequest(new Random(count));
        var sharing = targets.Select((t, i) => (t, i)).Where(x => x.t == "archived").Take(3).Select(x => x.i).ToHashSet();
        var plans = new List<DemoPlan>(count);
        for (var i = 0; i < count; i++)
        {
            var caseRandom = new Random(random.Next());
            plans.Add(PlanOne(i, targets[i], lastDay, maxAge, calc, handlerId, caseRandom, sharing.Contains(i) ? shared : null));
        }
        FrequentApplicant(plans);
        return plans;
    }

    /// <summary>A request that is released (予以公开), for the cases that share it.</summary>
    static SampleRequest SharedRequest(Random random)
    {
        while (true)
            if (SampleRequests.Next(random) is { Outcome: "disclose" } request)
                return request;
    }

    /// <summary>
    /// 第35条 and fees: one person behind the twelve most recent applications, so that the case page flags them (more than
    /// 10 in 30 days by default) and shows the month's fees.
    /// </summary>
    static void FrequentApplicant(List<DemoPlan> plans)
    {
        if (plans.Count < 40) return;
        var who = SampleApplicants.Person(new Random(plans.Count));
        foreach (var plan in plans.OrderByDescending(p => p.ReceivedOn).ThenBy(p => p.Index).Take(12))
        {
            var i = plan.Intake;
            i.ApplicantKind = who.Kind;
            i.OrganizationKind = who.OrganizationKind;
            i.ApplicantName = who.Name;
            i.IdType = who.IdType;
            i.IdNumber = who.IdNumber;
            i.ContactPerson = who.ContactPerson;
            i.Phone = who.Phone;
            i.Email = who.Email ?? i.Email;
            i.Address = who.Address;
            i.PostalCode = who.PostalCode;
        }
    }

    /// <summary>Largest-remainder apportionment of <paramref name="count"/> over the weights, then shuffled.</summary>
    static List<string> Spread(int count, Random random)
    {
        var total = States.Sum(s => s.Weight);
        var quotas = States.Select(s => (s.State, Exact: (double)s.Weight * count / total)).ToList();
        var counts = quotas.ToDictionary(q => q.State, q => (int)Math.Floor(q.Exact));
        foreach (var q in quotas.OrderByDescending(q => q.Exact - Math.Floor(q.Exact)).Take(count - counts.Values.Sum()))
            counts[q.State]++;
        // Every state at least once when there is room: a demo should show each of them.
        if (count >= States.Length)
            foreach (var (state, _) in States.Where(s => counts[s.State] == 0))
            {
                var richest = counts.MaxBy(c => c.Value).Key;
                counts[richest]--;
                counts[state]++;
            }
        var list = counts.SelectMany(c => Enumerable.Repeat(c.Key, c.Value)).ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }

    static DemoPlan PlanOne(int index, string target, DateOnly lastDay, int maxAge, PeriodCalculator calc, string handlerId, Random random,
        SampleRequest? shared = null)
    {
        var applicant = SampleApplicants.Next(random);
        var request = SampleRequests.Next(random);
        request = shared ?? request;
        var script = new Script(random, request, calc);
        if (target != "received")
            script.Add(random.Next(4) == 0 ? 1 : 0, "register", Roles.Clerk, _ => new() { ["handler"] = handlerId });

        int idle;
        switch (target)
        {
            case "received":
                idle = random.Next(0, 10);
                break;
            case "processing":
                script.CompletedDetours(allowReturn: true);
                idle = random.Next(0, Math.Max(4, 24 - script.Span));
                break;
            case "awaiting-correction":
                script.RequestCorrection();
                idle = random.Next(0, 14);
                break;
            case "consulting":
                if (random.Next(4) == 0) script.Correction(received: true);
                script.StartConsultation();
                idle = random.Next(0, 18);
                break;
            case "extension-requested":
                if (random.Next(3) == 0) script.Consultation();
                script.Add(random.Next(10, 16), "request-extension", Roles.Clerk, _ => new() { ["reason"] = Script.ExtensionReason });
                idle = random.Next(0, 4);
                break;
            case "awaiting-fee":
                script.IssueFeeNotice();
                idle = random.Next(0, 14);
                break;
            case "awaiting-reasons":
                script.AskReasons();
                idle = random.Next(0, 8);
                break;
            case "in-review":
                script.CompletedDetours(allowReturn: true);
                script.SubmitReply();
                idle = random.Next(0, 5);
                break;
            default:
                script.Reply();
                if (target != "replied")
                    script.Deliver(ApplicantDelivery(random), untilDelivered: target != "mailed");
                if (target == "archived")
                    script.Add(random.Next(1, 8), "archive", Roles.Clerk, _ => []);
                idle = target switch
                {
                    "replied" => random.Next(0, 3),
                    "mailed" => random.Next(0, 4),
                    "delivered" => random.Next(0, 10),
                    _ => random.Next(0, Math.Max(1, maxAge - script.Span)),
                };
                break;
        }

        var age = Math.Min(script.Span + idle, Math.Max(script.Span, maxAge));
        var receivedOn = BackWorkingDays(calc, lastDay, age);
        var intake = Intake(applicant, request, receivedOn, script.Delivery, random);
        var steps = script.Place(receivedOn, intake.DeliveryMethod);
        return new DemoPlan(index, target, receivedOn, intake, request, steps, random);
    }

    /// <summary>How applicants ask to receive the reply: mostly by post.</summary>
    static DeliveryMethod ApplicantDelivery(Random random) => random.Next(100) switch
    {
        < 55 => DeliveryMethod.Post,
        < 70 => DeliveryMethod.Pickup,
        < 90 => DeliveryMethod.Email,
        _ => DeliveryMethod.Online,
    };

    static IntakeInput Intake(SampleApplicant a, SampleRequest request, DateOnly receivedOn, DeliveryMethod? delivery, Random random)
    {
        var channel = random.Next(100) switch
        {
            < 20 => Channel.InPerson,
            < 50 => Channel.RegisteredMail,
            < 58 => Channel.OrdinaryMail,
            < 88 => Channel.Online,
            < 91 => Channel.Fax,
            _ => Channel.Email,
        };
        // 条例第31条: by post the agency signs on arrival; an ordinary letter, an online form, a fax or an e-mail may
        // arrive days (or a weekend) before the agency confirms it with the applicant.
        var arrived = channel switch
        {
            Channel.InPerson or Channel.RegisteredMail => receivedOn,
            _ => receivedOn.AddDays(-random.Next(0, 4)),
        };
        var method = delivery ?? (channel == Channel.Online && random.Next(2) == 0 ? DeliveryMethod.Online : ApplicantDelivery(random));
        return new IntakeInput
        {
            Channel = channel,
            ArrivedOn = arrived,
            ConfirmedOn = channel == Channel.InPerson ? null : receivedOn,
            ApplicantKind = a.Kind,
            OrganizationKind = a.OrganizationKind,
            ApplicantName = a.Name,
            IdType = a.IdType,
            IdNumber = a.IdNumber,
            ContactPerson = a.ContactPerson,
            Phone = a.Phone,
            Email = a.Email ?? (method == DeliveryMethod.Email ? $"applicant{random.Next(100, 999)}@163.com" : null),
            Address = a.Address,
            PostalCode = a.PostalCode,
            Description = request.Description,
            Purpose = request.Purpose,
            ProvisionForm = method is DeliveryMethod.Email or DeliveryMethod.Online ? ProvisionForm.Electronic : ProvisionForm.Paper,
            DeliveryMethod = method,
        };
    }

    static DateOnly PreviousWorkingDayOnOrBefore(PeriodCalculator calc, DateOnly day)
    {
        while (!calc.IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    /// <summary>The working day <paramref name="n"/> working days before <paramref name="day"/> (a working day).</summary>
    static DateOnly BackWorkingDays(PeriodCalculator calc, DateOnly day, int n)
    {
        while (n > 0)
        {
            day = PreviousWorkingDayOnOrBefore(calc, day.AddDays(-1));
            n--;
        }
        return day;
    }

    /// <summary>
    /// The actions of one case as working-day gaps from the previous action (receipt first); <see cref="Place"/>
    /// turns them into dates once the day of receipt is chosen, and only then builds each action's input, because
    /// the input holds dates (补正期限, 缴费期限 …) that depend on the day of the action.
    /// </summary>
    sealed class Script(Random random, SampleRequest request, PeriodCalculator calc)
    {
        public const string ExtensionReason = "申请内容涉及多个年度的档案资料，需调阅档案并征询相关科室意见，无法在20个工作日内答复。";

        /// <summary>The 延期答复告知书's reason, as it reads after 因 in the letter.</summary>
        const string ExtensionNoticeReason = "申请内容涉及多个年度的档案资料，需调阅档案并征询相关科室意见";

        /// <summary>No slot beyond what the letter form pre-fills (the 补正告知书's items are those of request-correction).</summary>
        static readonly IReadOnlyDictionary<string, string?> Prefilled = new Dictionary<string, string?>();

        sealed record Planned(int Gap, string Trigger, string Role, Func<DateOnly, Dictionary<string, string?>> Input)
        {
            /// <summary>The reply letter's outcome and slots, given the day of receipt and how the applicant wants the reply.</summary>
            public Func<DateOnly, DeliveryMethod, LetterInput>? Reply { get; init; }
            public IReadOnlyDictionary<string, string?>? DueLetters { get; init; }
        }

        readonly List<Planned> _steps = [];

        /// <summary>Total working days from receipt to the last action.</summary>
        public int Span => _steps.Sum(s => s.Gap);

        /// <summary>The delivery route the script chose, which the intake form's 获取方式 must match.</summary>
        public DeliveryMethod? Delivery { get; private set; }

        string Outcome { get; set; } = request.Outcome;

        public void Add(int gap, string trigger, string role, Func<DateOnly, Dictionary<string, string?>> input,
            IReadOnlyDictionary<string, string?>? dueLetters = null) =>
            _steps.Add(new Planned(gap, trigger, role, input) { DueLetters = dueLetters });

        public IReadOnlyList<DemoStep> Place(DateOnly receivedOn, DeliveryMethod delivery)
        {
            var offset = 0;
            var steps = new List<DemoStep>(_steps.Count);
            foreach (var action in _steps)
            {
                offset += action.Gap;
                var date = calc.AddWorkingDays(receivedOn, offset);
                steps.Add(new DemoStep(action.Trigger, action.Role, date, action.Input(date))
                {
                    Reply = action.Reply?.Invoke(receivedOn, delivery),
                    DueLetters = action.DueLetters,
                });
            }
            return steps;
        }

        string Later(DateOnly day, int workingDays) => Iso(calc.AddWorkingDays(day, workingDays));

        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // 条例第30条: one notice within 7 working days, with a reasonable period (here 10 working days).
        public void RequestCorrection() =>
            Add(random.Next(1, 6), "request-correction", Roles.Clerk, d => new()
            {
                ["items"] = SampleRequests.CorrectionItems(request),
                ["correction-due"] = Later(d, 10),
            }, dueLetters: Prefilled);

        public void Correction(bool received)
        {
            RequestCorrection();
            if (received)
                Add(random.Next(2, 10), "receive-correction", Roles.Clerk, d => new() { ["received-on"] = Iso(d) });
        }

        public void StartConsultation()
        {
            var thirdParty = request.ThirdParty is not null;
            Add(random.Next(2, 6), "start-consultation", Roles.Clerk, d => new()
            {
                ["party"] = thirdParty ? "third-party" : "other-agency",
                ["party-name"] = request.ThirdParty ?? "上海市静安区住房保障和房屋管理局",
                ["sent-on"] = Iso(d),
            });
        }

        /// <summary>A consultation that has ended; 第32条: a third party's silence is not consent.</summary>
        public void Consultation()
        {
            StartConsultation();
            var result = Outcome == "withhold-third-party" ? "disagree" : random.Next(10) switch { < 6 => "agree", < 8 => "no-answer", _ => "disagree" };
            var gap = result == "no-answer" ? 15 : random.Next(4, 14);
            Add(gap, "end-consultation", Roles.Clerk, d => new()
            {
                ["result"] = result,
                ["answered-on"] = Iso(d),
                ["opinion"] = result switch
                {
                    "agree" => "经研究，同意公开。",
                    "disagree" => "该信息涉及本单位的商业秘密和经营信息，不同意公开。",
                    _ => null,
                },
            });
            // 第32条: the third party objects, but withholding would seriously harm the public interest.
            if (result == "disagree" && Outcome is "disclose" or "partial")
                Add(random.Next(1, 3), "notify-third-party", Roles.Clerk, _ => new()
                {
                    ["reasons"] = "经审查，不公开可能对公共利益造成重大影响，决定予以公开，现书面告知。",
                });
        }

        public void Extension(bool approved)
        {
            Add(random.Next(8, 14), "request-extension", Roles.Clerk, _ => new() { ["reason"] = ExtensionReason });
            Add(random.Next(0, 2), approved ? "approve-extension" : "refuse-extension", Roles.Manager, _ => new()
            {
                ["comments"] = approved ? "同意延期答复，延长期限不超过20个工作日。" : "不同意延期，请抓紧检索，按期答复。",
            }, dueLetters: approved ? new Dictionary<string, string?> { ["reason"] = ExtensionNoticeReason } : null);
        }

        public void IssueFeeNotice() =>
            Add(random.Next(3, 8), "issue-fee-notice", Roles.Clerk, d => new()
            {
                ["amount"] = (100 * random.Next(1, 4)).ToString(CultureInfo.InvariantCulture),
                ["fee-due"] = Later(d, 10),
            });

        public void AskReasons() =>
            Add(random.Next(1, 5), "ask-reasons", Roles.Clerk, _ => new()
            {
                ["grounds"] = $"申请人本月内已提出{random.Next(18, 60)}件内容相近的政府信息公开申请，数量、频次明显超过合理范围（条例第三十五条）。",
            });

        /// <summary>Detours already finished by a case that is back in 办理中.</summary>
        public void CompletedDetours(bool allowReturn)
        {
            var corrected = random.Next(8) == 0;
            if (corrected)
            {
                Correction(received: true);
                if (random.Next(5) == 0) Outcome = "unavailable-unclear";
            }
            if (Outcome == "withhold-third-party" || random.Next(7) == 0) Consultation();
            if (random.Next(20) == 0)
            {
                IssueFeeNotice();
                Add(random.Next(2, 8), "record-fee-paid", Roles.Clerk, d => new() { ["paid-on"] = Iso(d) });
            }
            if (random.Next(25) == 0)
            {
                AskReasons();
                Add(random.Next(2, 6), "accept-reasons", Roles.Clerk, d => new() { ["deferred-reply-due"] = Later(d, 30) });
            }
            if (random.Next(8) == 0) Extension(approved: random.Next(5) > 0);
            if (allowReturn && random.Next(10) == 0)
            {
                SubmitReply();
                var comment = ReviewComment(Outcome, random);
                Add(random.Next(1, 3), CaseLetters.ReturnTrigger, Roles.LegalReviewer, _ => new() { ["comments"] = comment });
            }
        }

        /// <summary>The clerk drafts the reply letter for the outcome and submits it for 法制审核.</summary>
        public void SubmitReply()
        {
            // Most replies go to review well within the 20 working days; a few run late, as they do.
            var gap = random.Next(12) == 0 ? random.Next(16, 22) : random.Next(3, 12);
            var outcome = Outcome;
            _steps.Add(new Planned(gap, CaseLetters.SubmitTrigger, Roles.Clerk, _ => [])
            {
                Reply = (receivedOn, delivery) => new LetterInput(outcome, SampleRequests.ReplySlots(outcome, request, delivery, receivedOn, random), null),
            });
        }

        /// <summary>To 已答复 by one of the routes the workflow offers.</summary>
        public void Reply()
        {
            switch (random.Next(100))
            {
                case < 5: // 第30条: no correction in time
                    RequestCorrection();
                    Add(random.Next(11, 15), "close-no-correction", Roles.Clerk, _ => [], dueLetters: Prefilled);
                    return;
                case < 8: // 第42条: fee not paid in time
                    IssueFeeNotice();
                    Add(random.Next(11, 15), "close-unpaid-fee", Roles.Clerk, _ => [], dueLetters: Prefilled);
                    return;
                case < 11: // 第35条: reasons not accepted
                    AskReasons();
                    Add(random.Next(5, 12), "reject-reasons", Roles.Clerk, _ => new()
                    {
                        ["reasons"] = SampleRequests.UnreasonableReasons,
                    }, dueLetters: Prefilled);
                    return;
                case < 16: // 撤回
                    if (random.Next(2) == 0) Consultation();
                    Add(random.Next(2, 8), "withdraw", Roles.Clerk, d => new()
                    {
                        ["withdrawn-on"] = Iso(d),
                        ["note"] = "申请人来电并提交书面材料，表示已通过其他途径获取所需信息，申请撤回。",
                    });
                    return;
            }
            CompletedDetours(allowReturn: true);
            SubmitReply();
            Add(random.Next(1, 4), CaseLetters.ApproveTrigger, Roles.LegalReviewer, d => new() { ["issued-on"] = Iso(d) });
        }

        /// <summary>Posts the reply (sometimes returned and re-posted) or hands it over as the applicant asked.</summary>
        public void Deliver(DeliveryMethod applicantDelivery, bool untilDelivered)
        {
            Delivery = untilDelivered ? applicantDelivery : DeliveryMethod.Post;
            if (Delivery != DeliveryMethod.Post)
            {
                var method = Delivery switch { DeliveryMethod.Pickup => "in-person", DeliveryMethod.Email => "email", _ => "online" };
                Add(random.Next(0, 4), "deliver", Roles.Clerk, d => new() { ["method"] = method, ["delivered-on"] = Iso(d) });
                return;
            }
            Mail(random.Next(0, 2));
            if (!untilDelivered) return;
            if (random.Next(12) == 0)
            {
                Add(random.Next(3, 8), "mail-returned", Roles.Clerk, d => new()
                {
                    ["returned-on"] = Iso(d),
                    ["reason"] = ReturnReasons[random.Next(ReturnReasons.Length)],
                });
                Mail(random.Next(1, 3));
            }
            Add(random.Next(1, 4), "confirm-delivery", Roles.Clerk, d => new() { ["delivered-on"] = Iso(d) });
        }

        void Mail(int gap)
        {
            var ems = random.Next(3) > 0;
            var tracking = ems
                ? "11" + random.NextInt64(0, 100_000_000_000).ToString("00000000000", CultureInfo.InvariantCulture)
                : "XA" + random.NextInt64(0, 1_000_000_000).ToString("000000000", CultureInfo.InvariantCulture) + "31";
            Add(gap, "mail", Roles.Clerk, d => new()
            {
                ["method"] = ems ? "ems" : "registered-mail",
                ["tracking-number"] = tracking,
                ["posted-on"] = Iso(d),
            });
        }

    }
}
