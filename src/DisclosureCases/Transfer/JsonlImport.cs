using System.Text;
using System.Text.Json;
using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Database = DisclosureCases.Data.Database;

namespace DisclosureCases.Transfer;

/// <summary>
/// What an import did: how many cases it brought in, or that it refused the file (bad lines, an unknown agency) and
/// brought in none.
/// </summary>
public sealed record ImportResult(int Imported, int BadLines, IReadOnlyList<string> Notes, bool Refused);

/// <summary>
/// Reads a JSONL file of <see cref="TransferredCase"/>s (docs/jsonl-format.md) into the database, all or nothing:
/// <list type="number">
/// <item>every line is checked first (<see cref="TransferredCaseValidator"/>, plus case numbers unique in the file and in
/// the target agency); each problem is written as <c>FILE:LINE: field: problem</c> and, if there is any, nothing is
/// imported;</item>
/// <item>then all cases are written in one transaction, in bulk. Each case's original events are re-linked into a new
/// chain — their hashes cover the case and agency ids, which change — keeping every recorded field, and an
/// <c>imported</c> event is appended that names the file, the line, the original ids and the original chain head, so
/// the history stays verifiable both here and against the file.</item>
/// </list>
/// Deadlines are recomputed from the clock events; the agency's case-number counter is raised past imported numbers; the
/// case's 典型案例 marks are stored for the target agency, named but not linked to users (<see cref="TypicalRecord.ToTypicalCase"/>).
/// </summary>
public sealed class JsonlImport(Database database, WorkflowRegistry workflows, TransferredCaseValidator validator, CalendarHolder calendar, TimeProvider time)
{
    public const string ActorName = "系统（disclosure import）";
    const int BatchSize = 1000;

    /// <summary>At most this many problems are listed; the rest are counted.</summary>
    public const int ProblemsListed = 100;

    /// <param name="path">The file to read.</param>
    /// <param name="displayName">How the file is named in messages (as the user typed it).</param>
    /// <param name="agencyCode">Import every case into this agency; null: into the agency named by each line's <c>source.agency</c>.</param>
    /// <param name="errors">Where problems are written.</param>
    public async Task<ImportResult> ImportAsync(string path, string displayName, string? agencyCode, TextWriter errors, CancellationToken ct)
    {
        await using var db = database.CreateContext(AgencyScope.All);
        var agencies = await db.Agencies.AsNoTracking().ToListAsync(ct);
        Agency? forced = null;
        if (agencyCode is not null)
        {
            forced = agencies.FirstOrDefault(a => string.Equals(a.Code, agencyCode, StringComparison.OrdinalIgnoreCase));
            if (forced is null)
            {
                await errors.WriteLineAsync($"没有代码为“{agencyCode}”的机关。已有机关：{string.Join("、", agencies.Select(a => $"{a.Code}（{a.Name}）"))}");
                return new ImportResult(0, 0, [], Refused: true);
            }
        }
        var targets = new Dictionary<int, ImportAgency>();
        async Task<ImportAgency?> TargetAsync(TransferredCase record)
        {
            var agency = forced ?? agencies.FirstOrDefault(a => string.Equals(a.Code, record.Source?.Agency, StringComparison.OrdinalIgnoreCase));
            if (agency is null) return null;
            if (!targets.TryGetValue(agency.Id, out var target))
                targets[agency.Id] = target = await LoadTargetAsync(db, agency, ct);
            return target;
        }

        // Pass 1: check every line, write nothing.
        var seenNumbers = new Dictionary<(int Agency, string Number), int>();
        var badLines = 0;
        var listed = 0;
        var unlisted = 0;
        var cases = 0;
        await foreach (var (lineNumber, record, parseProblem) in ReadAsync(path, ct))
        {
            var problems = new List<RecordProblem>();
            if (parseProblem is not null) problems.Add(parseProblem);
            else
            {
                var target = await TargetAsync(record!);
                if (target is null)
                    problems.Add(new RecordProblem("source.agency", record!.Source?.Agency is { } code
                        ? $"本系统没有代码为“{code}”的机关（可用 --agency 指定导入到哪个机关）"
                        : "缺少原机关代码（可用 --agency 指定导入到哪个机关）"));
                problems.AddRange(validator.Validate(record!, target));
                if (target is not null && !string.IsNullOrWhiteSpace(record!.CaseNumber))
                {
                    if (seenNumbers.TryGetValue((target.Agency.Id, record.CaseNumber), out var first))
                        problems.Add(new RecordProblem("caseNumber", $"与第{first}行的文号「{record.CaseNumber}」相同"));
                    else
                        seenNumbers[(target.Agency.Id, record.CaseNumber)] = lineNumber;
                }
            }
            cases++;
            if (problems.Count == 0) continue;
            badLines++;
            foreach (var p in problems)
            {
                if (listed++ < ProblemsListed)
                    await errors.WriteLineAsync($"{displayName}:{lineNumber}: {p.Field}: {p.Problem}");
                else
                    unlisted++;
            }
        }
        if (unlisted > 0)
            await errors.WriteLineAsync($"{displayName}: 另有 {unlisted} 处问题未逐一列出");
        if (badLines > 0)
        {
            await errors.WriteLineAsync($"{displayName}: 共 {cases} 行，其中 {badLines} 行有误，未导入任何案件");
            return new ImportResult(0, badLines, [], Refused: true);
        }

        // Pass 2: everything checked; write it all in one transaction.
        var imported = await WriteAsync(db, path, displayName, TargetAsync, ct);
        var notes = imported.Unmatched
            .Select(u => $"{u.Value} 件案件的承办人「{u.Key}」不是本机关的用户，已只保留姓名（导入后请由经办人在本系统建立同名账号）")
            .ToList();
        return new ImportResult(imported.Count, 0, notes, Refused: false);
    }

    async Task<(int Count, Dictionary<string, int> Unmatched)> WriteAsync(DisclosureDbContext db, string path, string displayName,
        Func<TransferredCase, Task<ImportAgency?>> targetOf, CancellationToken ct)
    {
        var caseRows = new BulkInsert<Case>(db, withKey: true);
        var clockRows = new BulkInsert<CaseClockEvent>(db, withKey: false);
        var documentRows = new BulkInsert<CaseDocument>(db, withKey: false);
        var mailingRows = new BulkInsert<Mailing>(db, withKey: false);
        var eventRows = new BulkInsert<CaseEvent>(db, withKey: false);
        var typicalRows = new BulkInsert<Similarity.TypicalCase>(db, withKey: false);
        var unmatched = new Dictionary<string, int>();
        var highest = new Dictionary<(int Agency, int Year), int>();
        var count = 0;

        await db.Database.OpenConnectionAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var transaction = tx.GetDbTransaction();
        var batch = new List<(int Line, TransferredCase Record, ImportAgency Target)>(BatchSize);

        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            var ids = await CaseIds.AllocateAsync(database.Provider, connection, transaction, batch.Count, ct);
            var rows = new List<Case>(batch.Count);
            var events = new List<CaseEvent>();
            var typical = new List<Similarity.TypicalCase>();
            for (var i = 0; i < batch.Count; i++)
            {
                var (line, record, target) = batch[i];
                var (c, caseEvents) = Build(ids[i], record, target, displayName, line);
                rows.Add(c);
                events.AddRange(caseEvents);
                typical.AddRange((record.Typical ?? []).Select(t => t.ToTypicalCase(c.Id, c.AgencyId)));
                if (record.Handler is { } handler && c.HandlerId is null)
                    unmatched[handler] = unmatched.GetValueOrDefault(handler) + 1;
                if (c.CaseNumber is { } number && CaseNumbers.TryParse(target.Agency.CaseNumberFormat, number, out var year, out var sequence))
                    highest[(target.Agency.Id, year)] = Math.Max(sequence, highest.GetValueOrDefault((target.Agency.Id, year)));
            }
            await caseRows.InsertAsync(connection, transaction, rows, ct);
            await clockRows.InsertAsync(connection, transaction, rows.SelectMany(c => c.ClockEvents).ToList(), ct);
            await documentRows.InsertAsync(connection, transaction, rows.SelectMany(c => c.Documents).ToList(), ct);
            await mailingRows.InsertAsync(connection, transaction, rows.SelectMany(c => c.Mailings).ToList(), ct);
            await eventRows.InsertAsync(connection, transaction, events, ct);
            await typicalRows.InsertAsync(connection, transaction, typical, ct);
            count += batch.Count;
            batch.Clear();
        }

        await foreach (var (line, record, _) in ReadAsync(path, ct))
        {
            batch.Add((line, record!, (await targetOf(record!))!));
            if (batch.Count == BatchSize) await FlushAsync();
        }
        await FlushAsync();
        // Numbers brought in must never be issued again by registration.
        foreach (var ((agency, year), sequence) in highest)
            await CaseNumbers.RaiseAsync(db, agency, year, sequence, ct);
        await tx.CommitAsync(ct);
        return (count, unmatched);
    }

    (Case Case, List<CaseEvent> Events) Build(int id, TransferredCase r, ImportAgency target, string displayName, int line)
    {
        var definition = workflows.Get(r.Workflow!.Id!, r.Workflow.Version!.Value, r.Workflow.Hash!);
        var handlerId = r.Handler is { } name ? target.UsersByName.GetValueOrDefault(name) : null;
        var a = r.Applicant!;
        var c = new Case
        {
            Id = id,
            AgencyId = target.Agency.Id,
            DepartmentId = r.Request!.Department is { } dept ? target.Departments[dept] : null,
            CaseNumber = string.IsNullOrWhiteSpace(r.CaseNumber) ? null : r.CaseNumber,
            WorkflowId = definition.Id,
            WorkflowVersion = definition.Version,
            WorkflowHash = definition.ContentHash,
            State = r.State!,
            Channel = r.Channel!.Value,
            ArrivedOn = r.ArrivedOn!.Value,
            ConfirmedOn = r.ConfirmedOn,
            ReceivedOn = r.ReceivedOn!.Value,
            Applicant = new Applicant
            {
                Kind = a.Kind!.Value, OrganizationKind = a.OrganizationKind, Name = a.Name!, IdType = a.IdType!.Value, IdNumber = a.IdNumber!,
                ContactPerson = a.ContactPerson, Phone = a.Phone!, Email = a.Email, Address = a.Address, PostalCode = a.PostalCode,
            },
            Description = r.Request.Description!,
            Purpose = r.Request.Purpose,
            ProvisionForm = r.Request.ProvisionForm!.Value,
            DeliveryMethod = r.Request.DeliveryMethod!.Value,
            HandlerId = handlerId,
            HandlerName = r.Handler,
            Outcome = r.Outcome,
            OutcomeReasons = r.OutcomeReasons,
            RepliedOn = r.RepliedOn,
            CorrectionDue = r.CorrectionDue,
            FeeDue = r.FeeDue,
            DeferredReplyDue = r.DeferredReplyDue,
            ClosedOn = r.ClosedOn,
            Archived = r.Archived!.Value,
            CreatedAt = r.CreatedAt!.Value.ToUniversalTime(),
            UpdatedAt = r.UpdatedAt!.Value.ToUniversalTime(),
            UpdatedBy = r.UpdatedBy,
            Version = 1,
        };
        c.ClockEvents.AddRange(r.ClockEvents!.Select(e => new CaseClockEvent { CaseId = id, Kind = e.Kind!, Date = e.Date!.Value, AnswerBy = e.AnswerBy, Note = e.Note }));
        c.Documents.AddRange((r.Documents ?? []).Select(d => new CaseDocument
        {
            CaseId = id, DocumentId = d.DocumentId!, Title = d.Title!, Status = d.Status!.Value, DueSince = d.DueSince!.Value.ToUniversalTime(), Trigger = d.Trigger,
        }));
        c.Mailings.AddRange((r.Mailings ?? []).Select(m => new Mailing
        {
            CaseId = id, Method = m.Method!, TrackingNumber = m.TrackingNumber, PostedOn = m.PostedOn, DeliveredOn = m.DeliveredOn,
            ReturnedOn = m.ReturnedOn, ReturnReason = m.ReturnReason,
        }));
        CaseDeadlines.Project(c, definition, calendar.Calculator);

        var events = new List<CaseEvent>(r.Audit!.Events!.Count + 1);
        foreach (var original in r.Audit.Events.OrderBy(e => e.Sequence))
        {
            var e = original.ToEvent(id, c.AgencyId);
            e.At = e.At.ToUniversalTime();
            c.AuditHead = AuditChain.Append(e, c.AuditHead, c.AuditCount++);
            events.Add(e);
        }
        var source = r.Source!;
        var imported = new CaseEvent
        {
            CaseId = id,
            AgencyId = c.AgencyId,
            At = time.GetUtcNow(),
            ActorId = "system",
            ActorName = ActorName,
            Kind = CaseEventKinds.Imported,
            FromState = c.State,
            ToState = c.State,
            Summary = $"从 {Path.GetFileName(displayName)} 第{line}行导入（原机关 {source.Agency}，原案件 #{source.CaseId}，原有 {r.Audit.Count} 个事件）",
            Data = JsonSerializer.Serialize(new
            {
                import = new
                {
                    file = Path.GetFileName(displayName), line,
                    source = new { agency = source.Agency, agencyId = source.AgencyId, caseId = source.CaseId },
                    originalHead = r.Audit.Head, originalCount = r.Audit.Count,
                },
            }, AuditJson.Options),
        };
        c.AuditHead = AuditChain.Append(imported, c.AuditHead, c.AuditCount++);
        events.Add(imported);
        return (c, events);
    }

    static async Task<ImportAgency> LoadTargetAsync(DisclosureDbContext db, Agency agency, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().Where(d => d.AgencyId == agency.Id).ToListAsync(ct);
        var numbers = await db.Cases.AsNoTracking().Where(c => c.AgencyId == agency.Id && c.CaseNumber != null).Select(c => c.CaseNumber!).ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.AgencyId == agency.Id).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        return new ImportAgency(agency,
            departments.GroupBy(d => d.Name).ToDictionary(g => g.Key, g => g.First().Id),
            numbers.ToHashSet(),
            // Two users with the same name cannot be told apart: such a handler is kept by name only.
            users.GroupBy(u => u.DisplayName).ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single().Id : null));
    }

    /// <summary>The non-blank lines of the file, numbered from 1, each parsed or with the reason it could not be.</summary>
    static async IAsyncEnumerable<(int Line, TransferredCase? Record, RecordProblem? Problem)> ReadAsync(string path,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        var number = 0;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(ct);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException($"第{number + 1}行不是有效的 UTF-8 文本");
            }
            if (line is null) yield break;
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            TransferredCase? record = null;
            RecordProblem? problem = null;
            try
            {
                record = JsonSerializer.Deserialize<TransferredCase>(line, TransferredCase.Json);
                if (record is null) problem = new RecordProblem("(行)", "应为一个 JSON 对象，而不是 null");
            }
            catch (JsonException e)
            {
                problem = JsonProblem(e);
            }
            yield return (number, record, problem);
        }
    }

    static RecordProblem JsonProblem(JsonException e)
    {
        var field = e.Path is null or "$" ? "(行)" : e.Path.TrimStart('$', '.');
        if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return new RecordProblem(field, "格式中没有这个字段（字段名区分大小写，见 docs/jsonl-format.md）");
        if (!e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return new RecordProblem(field, $"不是有效的 JSON 对象（第{(e.BytePositionInLine ?? 0) + 1}个字节附近）");
        return new RecordProblem(field, Expected(TypeAt(e.Path)));
    }

    /// <summary>The type the format has at a JSON path such as <c>$.applicant.kind</c> or <c>$.documents[0].status</c>.</summary>
    static Type? TypeAt(string? path)
    {
        var type = typeof(TransferredCase);
        foreach (var segment in (path ?? "").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Split('[')[0];
            var property = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null) return null;
            type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (segment.Contains('[') && type.IsGenericType) type = type.GetGenericArguments()[0];
        }
        return type;
    }

    static string Expected(Type? type) => type switch
    {
        { IsEnum: true } => $"不在可选范围内：应为 {string.Join("、", Enum.GetNames(type))} 之一",
        _ when type == typeof(DateOnly) => "应为存在的日期，写作 YYYY-MM-DD",
        _ when type == typeof(DateTimeOffset) => "应为 ISO 8601 时间，如 2026-03-02T09:30:00+08:00",
        _ when type == typeof(int) => "应为整数",
        _ when type == typeof(bool) => "应为 true 或 false",
        _ when type == typeof(string) => "应为字符串",
        { IsGenericType: true } => "应为数组",
        { IsClass: true } => "应为 JSON 对象",
        _ => "值的类型或格式不对（见 docs/jsonl-format.md）",
    };
}
