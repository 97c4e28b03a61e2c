using DisclosureCases.Cases;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Clocks;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Similarity;

namespace DisclosureCases.Transfer;

/// <summary>One problem of a record: the field in the format's dotted notation (<c>applicant.idNumber</c>) and what is wrong.</summary>
public sealed record RecordProblem(string Field, string Problem);

/// <summary>What the importing database already holds for the agency a record goes to.</summary>
public sealed record ImportAgency(Agency Agency, IReadOnlyDictionary<string, int> Departments, IReadOnlySet<string> CaseNumbers,
    IReadOnlyDictionary<string, string?> UsersByName);

/// <summary>
/// Checks one <see cref="TransferredCase"/> before anything is imported: the intake form's own rules
/// (<see cref="IntakeInputValidator"/>: identity numbers, phone, receipt dates per channel, text limits), the date of
/// receipt of 条例第31条, a published workflow version and one of its states, a known outcome, clock events that
/// replay (<see cref="CaseClocks"/>), known document types, no dates in the future where the workflow refuses them,
/// the column limits of the database, and an audit chain that still verifies against the ids it was written under.
/// </summary>
public sealed class TransferredCaseValidator(WorkflowRegistry workflows, OutcomeCatalog outcomes, DocumentCatalog documents, CalendarHolder calendar,
    TimeProvider time)
{
    /// <summary>The intake form's fields and where the format keeps them.</summary>
    static readonly Dictionary<string, string> IntakeFields = new()
    {
        [nameof(IntakeInput.Channel)] = "channel",
        [nameof(IntakeInput.ArrivedOn)] = "arrivedOn",
        [nameof(IntakeInput.ConfirmedOn)] = "confirmedOn",
        [nameof(IntakeInput.ApplicantKind)] = "applicant.kind",
        [nameof(IntakeInput.OrganizationKind)] = "applicant.organizationKind",
        [nameof(IntakeInput.ApplicantName)] = "applicant.name",
        [nameof(IntakeInput.IdType)] = "applicant.idType",
        [nameof(IntakeInput.IdNumber)] = "applicant.idNumber",
        [nameof(IntakeInput.ContactPerson)] = "applicant.contactPerson",
        [nameof(IntakeInput.Phone)] = "applicant.phone",
        [nameof(IntakeInput.Email)] = "applicant.email",
        [nameof(IntakeInput.Address)] = "applicant.address",
        [nameof(IntakeInput.PostalCode)] = "applicant.postalCode",
        [nameof(IntakeInput.Description)] = "request.description",
        [nameof(IntakeInput.Purpose)] = "request.purpose",
        [nameof(IntakeInput.ProvisionForm)] = "request.provisionForm",
        [nameof(IntakeInput.DeliveryMethod)] = "request.deliveryMethod",
    };

    /// <param name="target">The agency the record would be imported into, or null when none could be determined
    /// (already reported by the caller); agency-dependent checks are then skipped.</param>
    public IReadOnlyList<RecordProblem> Validate(TransferredCase r, ImportAgency? target)
    {
        var problems = new List<RecordProblem>();
        void Add(string field, string problem) => problems.Add(new RecordProblem(field, problem));
        var today = ShanghaiTime.Today(time);
        void NotFuture(string field, DateOnly? date)
        {
            if (date > today) Add(field, $"{date:yyyy-MM-dd} 晚于今天");
        }
        void Length(string field, string? value, int max)
        {
            if (value is not null && value.Length > max) Add(field, $"不能超过{max}个字符（现为{value.Length}个）");
        }

        if (r.Format != TransferredCase.FormatName)
            Add("format", r.Format is null ? $"缺少格式标记，应为 \"{TransferredCase.FormatName}\"" : $"不支持的格式「{r.Format}」，应为 \"{TransferredCase.FormatName}\"");

        // The workflow version the case is pinned to must be published here, with the same text.
        Workflow.WorkflowDefinition? definition = null;
        if (r.Workflow is not { Id: { } workflowId, Version: { } version, Hash: { } hash })
            Add("workflow", "缺少流程定义（id、version、hash）");
        else if (workflows.All.FirstOrDefault(d => d.Id == workflowId && d.Version == version) is not { } published)
            Add("workflow", $"本系统没有发布流程「{workflowId}」第{version}版");
        else if (published.ContentHash != hash)
            Add("workflow.hash", $"与本系统发布的流程「{workflowId}」第{version}版内容不同（哈希不符）");
        else
            definition = published;

        if (string.IsNullOrEmpty(r.State))
            Add("state", "为必填项");
        else if (definition is not null && definition.FindState(r.State) is null)
            Add("state", $"「{r.State}」不是流程「{definition.Id}」第{definition.Version}版的状态（可选：{string.Join("、", definition.States.Select(s => s.Name))}）");
        else if (definition is not null && r.Archived is { } archived && archived != definition.State(r.State).IsFinal)
            Add("archived", archived ? $"状态为「{r.State}」的案件尚未归档" : $"状态为「{r.State}」的案件应已归档");
        if (r.Archived is null) Add("archived", "为必填项（true 或 false）");

        // The intake form's rules, on the applicant and request as recorded.
        if (r.Channel is null) Add("channel", "为必填项");
        if (r.Applicant is null) Add("applicant", "为必填项");
        else
        {
            if (r.Applicant.Kind is null) Add("applicant.kind", "为必填项");
            if (r.Applicant.IdType is null) Add("applicant.idType", "为必填项");
        }
        if (r.Request is null) Add("request", "为必填项");
        else
        {
            if (r.Request.ProvisionForm is null) Add("request.provisionForm", "为必填项");
            if (r.Request.DeliveryMethod is null) Add("request.deliveryMethod", "为必填项");
        }
        if (r is { Channel: not null, Applicant: { Kind: not null, IdType: not null }, Request: { ProvisionForm: not null, DeliveryMethod: not null } })
        {
            var input = IntakeInputOf(r);
            foreach (var failure in IntakeInputValidator.For(time).Validate(input).Errors)
                Add(IntakeFields.GetValueOrDefault(failure.PropertyName, failure.PropertyName), failure.ErrorMessage);
            if (r.ReceivedOn is null)
                Add("receivedOn", "为必填项");
            else if (r.ArrivedOn is { } arrived && ReceiptDateRule.Apply(r.Channel.Value, arrived, r.ConfirmedOn) is ({ } expected, null) && expected != r.ReceivedOn)
                Add("receivedOn", $"应为 {expected:yyyy-MM-dd}：{ReceiptDateRule.Explain(r.Channel.Value, expected)}");
        }
        if (r.Request?.Department is { } department && target is not null && !target.Departments.ContainsKey(department))
            Add("request.department", $"「{department}」不是{target.Agency.Name}的科室（请先建立该科室，或去掉此项）");

        if (string.IsNullOrWhiteSpace(r.CaseNumber))
        {
            if (definition is not null && r.State is not null && r.State != definition.InitialState.Name)
                Add("caseNumber", $"已登记的案件（状态「{r.State}」）应有文号");
        }
        else
        {
            Length("caseNumber", r.CaseNumber, 80);
            if (target is not null && target.CaseNumbers.Contains(r.CaseNumber))
                Add("caseNumber", $"{target.Agency.Name}已有文号为「{r.CaseNumber}」的案件");
        }

        Length("handler", r.Handler, 100);
        Length("updatedBy", r.UpdatedBy, 100);
        Length("outcomeReasons", r.OutcomeReasons, 4000);
        if (r.Outcome is not null && outcomes.Find(r.Outcome) is null)
            Add("outcome", $"「{r.Outcome}」不是 workflows/outcomes.yaml 中的答复结果");
        NotFuture("repliedOn", r.RepliedOn);
        NotFuture("closedOn", r.ClosedOn);
        if (r.CreatedAt is null) Add("createdAt", "为必填项");
        if (r.UpdatedAt is null) Add("updatedAt", "为必填项");

        ValidateClockEvents(r, Add, NotFuture, Length);
        for (var i = 0; i < (r.Documents?.Count ?? 0); i++)
        {
            var d = r.Documents![i];
            if (d.DocumentId is null || documents.Find(d.DocumentId) is null)
                Add($"documents[{i}].documentId", d.DocumentId is null ? "为必填项" : $"「{d.DocumentId}」不是 templates/catalog.yaml 中的文书");
            if (string.IsNullOrWhiteSpace(d.Title)) Add($"documents[{i}].title", "为必填项");
            Length($"documents[{i}].title", d.Title, 100);
            Length($"documents[{i}].trigger", d.Trigger, 60);
            if (d.Status is null) Add($"documents[{i}].status", "为必填项");
            if (d.DueSince is null) Add($"documents[{i}].dueSince", "为必填项");
        }
        for (var i = 0; i < (r.Mailings?.Count ?? 0); i++)
        {
            var m = r.Mailings![i];
            if (string.IsNullOrWhiteSpace(m.Method)) Add($"mailings[{i}].method", "为必填项");
            Length($"mailings[{i}].method", m.Method, 40);
            Length($"mailings[{i}].trackingNumber", m.TrackingNumber, 60);
            Length($"mailings[{i}].returnReason", m.ReturnReason, 500);
            NotFuture($"mailings[{i}].postedOn", m.PostedOn);
            NotFuture($"mailings[{i}].deliveredOn", m.DeliveredOn);
            NotFuture($"mailings[{i}].returnedOn", m.ReturnedOn);
        }
        ValidateTypical(r, Add, Length);
        ValidateAudit(r, Add, Length);
        return problems;
    }

    void ValidateClockEvents(TransferredCase r, Action<string, string> add, Action<string, DateOnly?> notFuture, Action<string, string?, int> length)
    {
        if (r.ClockEvents is not { Count: > 0 } events)
        {
            add("clockEvents", "至少应有收到申请（received）这一计时事件");
            return;
        }
        var replayable = true;
        var domain = new List<ClockEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Date is null) { add($"clockEvents[{i}].date", "为必填项"); replayable = false; }
            notFuture($"clockEvents[{i}].date", e.Date);
            length($"clockEvents[{i}].note", e.Note, 500);
            ClockEventKind kind = default;
            try
            {
                kind = e.Kind is null ? throw new ArgumentException("missing") : ClockEventNames.Parse(e.Kind);
            }
            catch (ArgumentException)
            {
                add($"clockEvents[{i}].kind", e.Kind is null ? "为必填项" : $"「{e.Kind}」不是计时事件（received、correction-requested、correction-received、consultation-started、consultation-ended、extension-approved、replied）");
                replayable = false;
            }
            if (replayable) domain.Add(new ClockEvent(kind, e.Date!.Value, e.Note, e.AnswerBy));
        }
        if (!replayable) return;
        if (domain[0].Kind != ClockEventKind.Received || domain[0].Date != r.ReceivedOn)
            add("clockEvents[0]", $"第一个计时事件应为收到申请（received），日期与 receivedOn（{r.ReceivedOn:yyyy-MM-dd}）相同");
        try
        {
            CaseClocks.Compute(domain, calendar.Calculator);
        }
        catch (ArgumentException e)
        {
            add("clockEvents", e.Message.Split(" (Parameter", 2)[0]);
        }
        var replied = domain.FirstOrDefault(e => e.Kind == ClockEventKind.Replied);
        if (replied is not null && r.Outcome is null)
            add("outcome", "已答复的案件（有 replied 计时事件）应有答复结果");
        if (replied?.Date != r.RepliedOn)
            add("repliedOn", replied is null ? "没有答复（replied）计时事件，不应有答复日期" : $"应与答复计时事件的日期 {replied.Date:yyyy-MM-dd} 相同");
    }

    /// <summary>
    /// 典型案例 marks as <see cref="TypicalCases"/> makes them: a note within the marking page's limit, who marked it and
    /// when; a withdrawal complete (who, when, why) and not before the marking; at most one mark in force, and that one
    /// only on a closed case (<see cref="TypicalCases.IsClosed(DateOnly?, bool)"/>). Withdrawn marks are history and may
    /// stay on a case that was reopened since.
    /// </summary>
    static void ValidateTypical(TransferredCase r, Action<string, string> add, Action<string, string?, int> length)
    {
        if (r.Typical is not { Count: > 0 } marks) return;
        for (var i = 0; i < marks.Count; i++)
        {
            var t = marks[i];
            var field = $"typical[{i}]";
            if (t is null)
            {
                add(field, "应为 JSON 对象");
                continue;
            }
            if (string.IsNullOrWhiteSpace(t.Note)) add($"{field}.note", "为必填项（答复口径）");
            length($"{field}.note", t.Note, TypicalCases.NoteLength);
            if (string.IsNullOrWhiteSpace(t.MarkedBy)) add($"{field}.markedBy", "为必填项（标记人姓名）");
            length($"{field}.markedBy", t.MarkedBy, 100);
            if (t.MarkedAt is null) add($"{field}.markedAt", "为必填项");
            var withdrawal = new (string Name, bool Present)[]
            {
                ("withdrawnBy", !string.IsNullOrWhiteSpace(t.WithdrawnBy)), ("withdrawnAt", t.WithdrawnAt is not null),
                ("withdrawnReason", !string.IsNullOrWhiteSpace(t.WithdrawnReason)),
            };
            if (withdrawal.Any(w => w.Present))
                foreach (var (name, _) in withdrawal.Where(w => !w.Present))
                    add($"{field}.{name}", "撤销的标记应同时有 withdrawnBy、withdrawnAt 和 withdrawnReason");
            length($"{field}.withdrawnBy", t.WithdrawnBy, 100);
            length($"{field}.withdrawnReason", t.WithdrawnReason, TypicalCases.ReasonLength);
            if (t.WithdrawnAt < t.MarkedAt)
                add($"{field}.withdrawnAt", $"撤销时间 {t.WithdrawnAt:yyyy-MM-dd'T'HH:mm:ssK} 早于标记时间 {t.MarkedAt:yyyy-MM-dd'T'HH:mm:ssK}");
        }
        var active = Enumerable.Range(0, marks.Count).Where(i => marks[i] is { WithdrawnAt: null }).ToList();
        if (active.Count > 1)
            add("typical", $"至多一条未撤销的标记，现有{active.Count}条（typical[{string.Join("]、typical[", active)}]）");
        if (active.Count > 0 && r.Archived is { } archived && !TypicalCases.IsClosed(r.ClosedOn, archived))
            add($"typical[{active[0]}]", "只有已办结的案件（有 closedOn 或已归档）可以是典型案例：请撤销该标记，或去掉此项");
    }

    static void ValidateAudit(TransferredCase r, Action<string, string> add, Action<string, string?, int> length)
    {
        if (r.Audit is not { Head: { } head, Count: { } count, Events: { Count: > 0 } events })
        {
            add("audit", "缺少审计记录（head、count 和至少一个事件）");
            return;
        }
        if (r.Source is not { AgencyId: { } agencyId, CaseId: { } caseId })
        {
            add("source", "缺少原机关编号和原案件编号（agencyId、caseId），无法校验审计链");
            return;
        }
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.At is null) add($"audit.events[{i}].at", "为必填项");
            if (string.IsNullOrEmpty(e.Kind)) add($"audit.events[{i}].kind", "为必填项");
            length($"audit.events[{i}].actorId", e.ActorId, 450);
            length($"audit.events[{i}].actorName", e.ActorName, 100);
            length($"audit.events[{i}].kind", e.Kind, 40);
            length($"audit.events[{i}].trigger", e.Trigger, 60);
            length($"audit.events[{i}].fromState", e.FromState, 60);
            length($"audit.events[{i}].toState", e.ToState, 60);
            length($"audit.events[{i}].summary", e.Summary, 1000);
        }
        // The original hashes cover the original case and agency ids: checked under those, the chain shows whether the
        // file still holds what the exporting system recorded.
        foreach (var problem in AuditChain.Verify(events.Select(e => e.ToEvent(caseId, agencyId)), head, count))
            add("audit.events", $"审计链校验不通过：{problem}（文件中的事件与导出时不一致）");
    }

    public static IntakeInput IntakeInputOf(TransferredCase r) => new()
    {
        Channel = r.Channel ?? default,
        ArrivedOn = r.ArrivedOn,
        ConfirmedOn = r.ConfirmedOn,
        ApplicantKind = r.Applicant?.Kind ?? default,
        OrganizationKind = r.Applicant?.OrganizationKind,
        ApplicantName = r.Applicant?.Name ?? "",
        IdType = r.Applicant?.IdType ?? default,
        IdNumber = r.Applicant?.IdNumber ?? "",
        ContactPerson = r.Applicant?.ContactPerson,
        Phone = r.Applicant?.Phone ?? "",
        Email = r.Applicant?.Email,
        Address = r.Applicant?.Address,
        PostalCode = r.Applicant?.PostalCode,
        Description = r.Request?.Description ?? "",
        Purpose = r.Request?.Purpose,
        ProvisionForm = r.Request?.ProvisionForm ?? default,
        DeliveryMethod = r.Request?.DeliveryMethod ?? default,
    };
}
