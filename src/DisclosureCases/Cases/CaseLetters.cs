using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using DisclosureCases.Data;
using DisclosureCases.Domain.Audit;
using DisclosureCases.Domain.Cases;
using DisclosureCases.Domain.Documents;
using DisclosureCases.Domain.Outcomes;
using DisclosureCases.Letters;
using DisclosureCases.Web.Identity;
using DisclosureCases.Workflow;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Cases;

/// <summary>Which letter of a case is being made.</summary>
public abstract record LetterTarget
{
    /// <summary>The reply of the workflow's reply step: drafted while the case is 办理中, reviewed with <c>submit-reply</c>,
    /// <c>return-reply</c> and <c>approve-reply</c>.</summary>
    public sealed record Reply : LetterTarget;

    /// <summary>A document (文书) a transition made due, e.g. the 补正告知书 of <c>request-correction</c>.</summary>
    public sealed record ForDocument(int CaseDocumentId) : LetterTarget;

    /// <summary>A correction: a new letter that supersedes the issued letter <paramref name="LetterId"/>.</summary>
    public sealed record Correction(int LetterId) : LetterTarget;

    /// <summary>The target an existing letter was made for.</summary>
    public static LetterTarget Of(Letter letter) =>
        letter.SupersedesId is { } s ? new Correction(s)
        : letter.CaseDocumentId is { } d ? new ForDocument(d)
        : new Reply();
}

/// <summary>The addressee as the clerk confirms it, when the letter is not to the applicant.</summary>
public sealed record RecipientInput(string? Name, bool IsOrganization, string? Address, string? PostalCode)
{
    public static RecipientInput Empty { get; } = new(null, false, null, null);

    public RecipientFacts? Facts() => string.IsNullOrWhiteSpace(Name) ? null : new RecipientFacts
    {
        Name = Name.Trim(),
        IsOrganization = IsOrganization,
        Address = string.IsNullOrWhiteSpace(Address) ? null : Address.Trim(),
        PostalCode = string.IsNullOrWhiteSpace(PostalCode) ? null : PostalCode.Trim(),
    };
}

/// <summary>What the clerk posts from the letter form.</summary>
public sealed record LetterInput(string? Outcome, IReadOnlyDictionary<string, string?> Slots, RecipientInput? Recipient);

/// <summary>A letter being made or looked at: the case, the template, the merged data and the draft they make.</summary>
public sealed class LetterWork
{
    public required Case Case { get; init; }
    public required Agency Agency { get; init; }
    public required WorkflowDefinition Definition { get; init; }
    public required LetterTarget Target { get; init; }
    public required DocumentType Document { get; init; }
    /// <summary>The stored letter; null while a new letter has not been saved yet.</summary>
    public Letter? Letter { get; init; }
    /// <summary>For a correction: the issued letter it supersedes.</summary>
    public Letter? Corrected { get; init; }
    public CaseDocument? CaseDocument { get; init; }
    public string? Outcome { get; init; }
    /// <summary>The outcomes the clerk may pick (the reply only; empty when the outcome is given by the case).</summary>
    public IReadOnlyList<Outcome> OutcomeChoices { get; init; } = [];
    public LetterTemplate? Template { get; init; }
    /// <summary>Why no letter can be made here, in words for the clerk; null when one can.</summary>
    public string? Problem { get; init; }
    /// <summary>The slot values as typed.</summary>
    public IReadOnlyDictionary<string, string?> Slots { get; init; } = new Dictionary<string, string?>();
    public RecipientInput Recipient { get; init; } = RecipientInput.Empty;
    /// <summary>The template prints the third party or other agency (第32条, 第34条).</summary>
    public bool UsesRecipient { get; init; }
    public LetterDraft? Draft { get; init; }

    /// <summary>A fingerprint of the merged data a reviewer looked at: approval refuses when it has changed since.</summary>
    public string? DataHash => Draft is null ? null : LetterTemplate.ContentHash(Draft.Data.ToJson());
}

/// <summary>The outcome of a change to a letter.</summary>
public abstract record LetterResult
{
    public sealed record Done(Letter Letter, string Message) : LetterResult;
    /// <summary>Nothing (beyond a saved draft) changed; <see cref="Reason"/> says why, <see cref="FieldErrors"/> names the fields.</summary>
    public sealed record Refused(string Reason, IReadOnlyList<(string Field, string Message)> FieldErrors, int Status = 400) : LetterResult;
    public sealed record NotFound : LetterResult;
}

/// <summary>
/// Letters (文书) of a case, from draft to issue: the clerk picks the outcome (for the reply), gets the current approved
/// template with every known field merged, fills the slots and submits for 法制审核; a 法制审核人员 returns it with a comment
/// or approves it, and the approval gives it its 文号 (<see cref="LetterNumbers"/>) and 成文日期 and stores it as merged.
/// <para>
/// The reply is the workflow's reply step: submitting it fires <c>submit-reply</c>, returning it <c>return-reply</c>,
/// approving it <c>approve-reply</c> with the letter's date — each in the same transaction as the letter's own change
/// (<see cref="CaseWorkflow.FireAsync"/>'s <c>alongside</c>), so a letter is never issued while the case is not replied,
/// nor the reverse. Letters for documents a transition made due (补正告知书, 延期答复告知书 …) are reviewed the same way
/// and mark their document 已出具 when issued. A correction is a new letter superseding the issued one.
/// </para>
/// </summary>
public sealed partial class CaseLetters(DisclosureDbContext db, TemplateStore templates, CaseWorkflow engine, WorkflowRegistry workflows,
    DocumentCatalog documents, OutcomeCatalog outcomes, CalendarHolder calendar, TimeProvider time)
{
    public const string SubmitTrigger = "submit-reply";
    public const string ReturnTrigger = "return-reply";
    public const string ApproveTrigger = "approve-reply";

    /// <summary>The longest slot value; longer text belongs in an attachment (the same limit as an action's field).</summary>
    public const int MaxSlotLength = CaseWorkflow.MaxInputLength;

    /// <summary>
    /// Why the case page does not take <paramref name="trigger"/> itself, or null: the reply is submitted, returned and
    /// approved as a letter, on the letter screens, so that the letter and the case move together.
    /// </summary>
    public static string? ReservedTrigger(string trigger, bool replyLetterInReview) => trigger switch
    {
        SubmitTrigger => "答复须先制作答复书：请点击「制作答复书」，填写、预览后在答复书页面提交法制审核",
        ApproveTrigger => "审核通过须在答复书页面进行：签发答复书（文号、成文日期）并同时完成答复",
        ReturnTrigger when replyLetterInReview => "本案的答复书正在审核中，请在答复书页面退回并写明审核意见",
        _ => null,
    };

    /// <summary>The open letter (draft, returned or in review) for a target, if there is one: a target has one at a time.</summary>
    public async Task<Letter?> FindOpenAsync(int caseId, LetterTarget target, CancellationToken ct)
    {
        var open = db.Letters.AsNoTracking().Where(l => l.CaseId == caseId
            && (l.Status == LetterStatus.Draft || l.Status == LetterStatus.Returned || l.Status == LetterStatus.InReview));
        open = target switch
        {
            LetterTarget.Correction c => open.Where(l => l.SupersedesId == c.LetterId),
            LetterTarget.ForDocument d => open.Where(l => l.CaseDocumentId == d.CaseDocumentId && l.SupersedesId == null),
            _ => open.Where(l => l.CaseDocumentId == null && l.SupersedesId == null),
        };
        return await open.OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Loads what the letter form or the letter page shows: the case (404 when it is not the user's agency's), the letter
    /// or the target of a new one, the template (the current approved version while the letter can be edited; its own
    /// version afterwards), and the draft merged from the case's data with <paramref name="input"/> or the stored values.
    /// </summary>
    public async Task<LetterWork?> OpenAsync(int caseId, int? letterId, LetterTarget? target, LetterInput? input, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.ClockEvents).Include(x => x.Documents).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return null;
        Letter? letter = null;
        if (letterId is { } lid)
        {
            letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == lid && l.CaseId == caseId, ct);
            if (letter is null) return null;
            target = LetterTarget.Of(letter);
        }
        target ??= new LetterTarget.Reply();
        var agency = await db.Agencies.AsNoTracking().FirstAsync(a => a.Id == c.AgencyId, ct);
        var definition = workflows.Get(c.WorkflowId, c.WorkflowVersion, c.WorkflowHash);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).ToListAsync(ct);

        DocumentType? document;
        CaseDocument? caseDocument = null;
        Letter? corrected = null;
        string? outcome;
        IReadOnlyList<Outcome> choices = [];
        Dictionary<string, string?> defaults = [];
        RecipientFacts? recipient = null;
        switch (target)
        {
            case LetterTarget.ForDocument d:
                caseDocument = c.Documents.FirstOrDefault(x => x.Id == d.CaseDocumentId);
                if (caseDocument is null) return null;
                document = documents.Find(caseDocument.DocumentId);
                outcome = c.Outcome;
                foreach (var (name, value) in LetterMerge.InputsOf(events, caseDocument)) defaults[name] = value;
                recipient = LetterMerge.ConsultedParty(events, caseDocument.DueSince);
                break;
            case LetterTarget.Correction k:
                corrected = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == k.LetterId && l.CaseId == caseId, ct);
                if (corrected is null) return null;
                document = documents.Find(corrected.DocumentId);
                caseDocument = c.Documents.FirstOrDefault(x => x.Id == corrected.CaseDocumentId);
                outcome = corrected.Outcome;
                defaults = ReadSlots(corrected.SlotsJson);
                recipient = RecipientOf(corrected).Facts();
                break;
            default:
                document = ReplyDocument(definition);
                var field = definition.FindTrigger(SubmitTrigger)?.FindField("outcome");
                choices = field is null ? [] : outcomes.Outcomes.Where(o => !field.ExcludedOutcomes.Contains(o.Code)).ToList();
                outcome = input?.Outcome ?? letter?.Outcome ?? c.Outcome;
                if (outcome is not null && choices.All(o => o.Code != outcome)) outcome = null;
                break;
        }
        if (document is null) return null;

        string? problem = null;
        LetterTemplate? template = null;
        var editable = letter is null || letter.IsEditable;
        if (editable && c.Archived)
            problem = "案卷已归档，只读：不能再制作或修改文书（条例第45条）";
        else if (letter is null && NewLetterProblem(target, c, definition, caseDocument, corrected) is { } why)
            problem = why;
        else if (!editable)
            template = await StoredTemplateAsync(letter!, ct);
        else if (document.PerOutcome && outcome is null)
            problem = c.Outcome is null && target is not LetterTarget.Reply ? "本案尚未确定答复结果，无法选择答复书模板" : null;
        else
        {
            template = await templates.ForLetterAsync(document, outcome, ct);
            if (template is null)
                problem = $"文书模板 {(document.PerOutcome ? TemplateLibrary.ReplyId(document.Id, outcome!) : document.Id)} 没有审定的版本，暂不能制作：请法制审核人员在模板库中审定";
        }
        if (template is not null && !document.PerOutcome && template.Outcomes.Count == 0) outcome = null;

        // The form starts with the stored values, or for a new letter with what is known: the reasons the case records
        // (Case.OutcomeReasons), what was typed in the action that produced the document, the corrected letter's text.
        var stored = letter is null ? null : ReadSlots(letter.SlotsJson);
        if (letter is null && c.OutcomeReasons is { Length: > 0 } reasons) defaults.TryAdd("reasons", reasons);
        // Posted values replace the stored ones slot by slot (an emptied field is posted empty); a slot the form did not
        // show (the template changed with the outcome) keeps its stored or pre-filled value.
        var slots = new Dictionary<string, string?>(stored ?? defaults, StringComparer.Ordinal);
        foreach (var (name, value) in input?.Slots ?? new Dictionary<string, string?>()) slots[name] = value;
        var recipientInput = input?.Recipient is { } posted && posted != RecipientInput.Empty
            ? posted
            : letter is not null ? RecipientOf(letter) : ToInput(recipient);

        LetterDraft? draft = null;
        var usesRecipient = false;
        if (template is not null)
        {
            var outline = TemplateOutline.For(template, outcome);
            usesRecipient = outline.Fields.Any(f => f.Path.StartsWith("recipient.", StringComparison.Ordinal));
            var declared = outline.Slots.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            if (letter is { WasIssued: true })
                draft = new LetterDraft(template, letter.Merged().Data());
            else
            {
                var data = LetterMerge.For(c, agency, definition, calendar.Calculator, outcome is null ? null : outcomes.Find(outcome),
                    usesRecipient ? recipientInput.Facts() : null,
                    slots.Where(kv => declared.Contains(kv.Key) && !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!));
                draft = new LetterDraft(template, data);
            }
        }

        return new LetterWork
        {
            Case = c, Agency = agency, Definition = definition, Target = target, Document = document, Letter = letter,
            Corrected = corrected, CaseDocument = caseDocument, Outcome = outcome, OutcomeChoices = choices, Template = template,
            Problem = problem, Slots = slots, Recipient = recipientInput, UsesRecipient = usesRecipient, Draft = draft,
        };
    }

    /// <summary>Saves the clerk's values as the draft (a new letter is created with the first save).</summary>
    public async Task<LetterResult> SaveAsync(LetterWork work, int? letterVersion, Actor actor, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.Clerk)) return new LetterResult.Refused("只有经办人可以制作文书", [], StatusCodes.Status403Forbidden);
        if (work.Target is LetterTarget.Reply && work.Outcome is null)
            return new LetterResult.Refused("请选择答复结果", [("Outcome", "「答复结果」为必填项")]);
        if (work.Problem is not null || work.Template is null || work.Draft is null)
            return new LetterResult.Refused(work.Problem ?? "无法制作该文书", []);
        if (InputProblems(work) is { Count: > 0 } problems)
            return new LetterResult.Refused("填写的内容有误，请按提示修改", problems);

        var now = time.GetUtcNow();
        Letter letter;
        if (work.Letter is null)
        {
            if (await FindOpenAsync(work.Case.Id, work.Target, ct) is { } open)
                return new LetterResult.Refused($"本案已有一份正在制作或审核中的{open.Title}（{StatusText(open.Status)}），请在那份文书上继续", [], 409);
            letter = new Letter
            {
                AgencyId = work.Case.AgencyId,
                CaseId = work.Case.Id,
                DocumentId = work.Document.Id,
                Title = work.Document.Title,
                CaseDocumentId = work.CaseDocument?.Id,
                SupersedesId = work.Corrected?.Id,
                Status = LetterStatus.Draft,
                CreatedById = actor.UserId,
                CreatedByName = actor.Name,
                CreatedAt = now,
            };
            db.Letters.Add(letter);
        }
        else
        {
            letter = await db.Letters.FirstAsync(l => l.Id == work.Letter.Id, ct);
            if (!letter.IsEditable)
                return new LetterResult.Refused($"该文书{StatusText(letter.Status)}，不能再修改", [], 409);
            if (letter.Version != letterVersion)
                return Stale(letter);
            letter.Version++;
        }
        letter.Outcome = work.Outcome;
        letter.TemplateId = work.Template.Id;
        letter.TemplateVersion = work.Template.Version;
        letter.TemplateHash = work.Template.Hash;
        letter.DataJson = work.Draft.Data.ToJson();
        letter.SlotsJson = JsonSerializer.Serialize(
            work.Slots.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value!.ReplaceLineEndings("\n")),
            AuditJson.Options);
        var recipient = work.UsesRecipient ? work.Recipient.Facts() : null;
        letter.RecipientName = recipient?.Name;
        letter.RecipientIsOrganization = recipient?.IsOrganization ?? false;
        letter.RecipientAddress = recipient?.Address;
        letter.RecipientPostalCode = recipient?.PostalCode;
        letter.UpdatedAt = now;
        letter.UpdatedBy = actor.Name;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Letters.AsNoTracking().FirstAsync(l => l.Id == letter.Id, ct);
            return Stale(fresh);
        }
        return new LetterResult.Done(letter, "草稿已保存");
    }

    /// <summary>Saves the values and submits the letter for 法制审核 (the reply: with <c>submit-reply</c>).</summary>
    public async Task<LetterResult> SubmitAsync(LetterWork work, int? letterVersion, Actor actor, CancellationToken ct)
    {
        var saved = await SaveAsync(work, letterVersion, actor, ct);
        if (saved is not LetterResult.Done { Letter: var letter }) return saved;
        var draft = work.Draft!;
        if (!draft.IsReadyForReview)
        {
            var errors = draft.MissingSlots().Select(s => ($"Slots[{s.Name}]", $"请填写“{s.Label}”")).ToList();
            var fields = draft.MissingFields().Where(f => f.Path is not ("letter.number" or "letter.issuedOn")).Select(f => $"缺少“{f.Label}”");
            return new LetterResult.Refused(
                "文书尚不完整，不能提交法制审核（草稿已保存）：" + string.Join("；", errors.Select(e => e.Item2).Concat(fields)), errors);
        }

        if (IsReplyStep(letter))
        {
            var input = new Dictionary<string, string?>
            {
                ["outcome"] = letter.Outcome,
                ["reasons"] = LetterMerge.ReplyReasons(draft.Preview.Document, CaseWorkflow.MaxInputLength),
            };
            var caseVersion = await db.Cases.Where(x => x.Id == letter.CaseId).Select(x => x.Version).FirstAsync(ct);
            var fired = await engine.FireAsync(letter.CaseId, SubmitTrigger, input, actor, caseVersion, ct, (c, _) =>
            {
                MarkSubmitted(letter, actor);
                AppendLetterEvent(c, letter, actor, $"{letter.Title}提交法制审核（{TemplateText(letter)}）", new { }, bump: false);
                return Task.CompletedTask;
            });
            return FromFire(fired, letter, "已提交法制审核");
        }

        var kase = await db.Cases.FirstAsync(x => x.Id == letter.CaseId, ct);
        MarkSubmitted(letter, actor);
        AppendLetterEvent(kase, letter, actor, $"{letter.Title}提交法制审核（{TemplateText(letter)}）", new { }, bump: true);
        return await SaveLetterChangeAsync(letter, "已提交法制审核", ct);
    }

    /// <summary>
    /// Approves a letter in review: it gets its 文号 and 成文日期 and is stored as merged (with the hashes of its HTML and
    /// DOCX); its document is 已出具; a corrected letter is superseded; the reply completes <c>approve-reply</c>.
    /// </summary>
    /// <param name="seenDataHash">The <see cref="LetterWork.DataHash"/> of the page the reviewer approved from.</param>
    public async Task<LetterResult> ApproveAsync(int letterId, int letterVersion, string? issuedOnText, string? seenDataHash, Actor actor, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.LegalReviewer)) return new LetterResult.Refused("只有法制审核人员可以审核文书", [], StatusCodes.Status403Forbidden);
        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Id == letterId, ct);
        if (letter is null) return new LetterResult.NotFound();
        if (letter.Status != LetterStatus.InReview) return new LetterResult.Refused($"该文书{StatusText(letter.Status)}，不在审核中", [], 409);
        if (letter.Version != letterVersion) return Stale(letter);

        var work = await OpenAsync(letter.CaseId, letter.Id, null, null, ct);
        if (work?.Draft is null || work.Template is null) return new LetterResult.Refused(work?.Problem ?? "文书模板不存在", []);
        var today = ShanghaiTime.Today(time);
        if (string.IsNullOrWhiteSpace(issuedOnText))
            return new LetterResult.Refused("请填写成文日期", [("IssuedOn", "「成文日期」为必填项")]);
        if (!DateOnly.TryParseExact(issuedOnText.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var issuedOn))
            return new LetterResult.Refused("成文日期格式不正确", [("IssuedOn", "「成文日期」应为日期，如 2026-11-02")]);
        if (issuedOn > today)
            return new LetterResult.Refused("成文日期不能晚于今天", [("IssuedOn", "「成文日期」不能晚于今天")]);
        if (issuedOn < work.Case.ReceivedOn)
            return new LetterResult.Refused("成文日期不能早于收到申请之日", [("IssuedOn", "「成文日期」不能早于收到申请之日")]);
        if (seenDataHash is not null && seenDataHash != work.DataHash)
            return new LetterResult.Refused("您查看之后，案件信息或文书内容已有变化。请重新查看文书后再审核。", [], 409);
        if (LetterNumbers.For(work.Case) is not { } number)
            return new LetterResult.Refused("本案尚未登记，没有编号，不能签发文书", []);

        MergedLetter merged;
        try
        {
            merged = work.Draft.Issue(number, issuedOn);
        }
        catch (LetterNotIssuableException e)
        {
            return new LetterResult.Refused(e.Message, []);
        }
        var rendered = LetterRenderer.Render(work.Template, merged);
        var htmlHash = Sha256(rendered.HtmlBytes());
        var docxHash = Sha256(rendered.Docx());

        Letter? corrected = null;
        if (letter.SupersedesId is { } correctedId)
        {
            corrected = await db.Letters.FirstAsync(l => l.Id == correctedId, ct);
            if (corrected.Status != LetterStatus.Issued)
                return new LetterResult.Refused($"被更正的文书（{corrected.Number}）{StatusText(corrected.Status)}，不能再被更正", [], 409);
        }

        var summary = corrected is null
            ? $"签发{letter.Title}：{number}，成文日期{LetterRenderer.ChineseDate(issuedOn)}（{TemplateText(letter)}）"
            : $"签发{letter.Title}（更正）：{number}，成文日期{LetterRenderer.ChineseDate(issuedOn)}，取代{LetterRenderer.ChineseDate(corrected.IssuedOn!.Value)}签发的原文书（{TemplateText(letter)}）";
        var eventData = new { number, issuedOn = issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), htmlHash, docxHash, supersedes = corrected?.Id };
        void Issue()
        {
            letter.Status = LetterStatus.Issued;
            letter.Number = number;
            letter.IssuedOn = issuedOn;
            letter.DataJson = merged.DataJson;
            letter.HtmlHash = htmlHash;
            letter.DocxHash = docxHash;
            letter.ReviewedById = actor.UserId;
            letter.ReviewedByName = actor.Name;
            letter.ReviewedAt = time.GetUtcNow();
            Touch(letter, actor);
            if (corrected is not null)
            {
                corrected.Status = LetterStatus.Superseded;
                corrected.SupersededById = letter.Id;
                Touch(corrected, actor);
            }
        }

        if (IsReplyStep(letter))
        {
            var caseVersion = await db.Cases.Where(x => x.Id == letter.CaseId).Select(x => x.Version).FirstAsync(ct);
            var input = new Dictionary<string, string?> { ["issued-on"] = issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
            var fired = await engine.FireAsync(letter.CaseId, ApproveTrigger, input, actor, caseVersion, ct, (c, _) =>
            {
                Issue();
                // The workflow's `letter: reply` effect made the reply due just now; this letter is it.
                var document = c.Documents.LastOrDefault(d => d.Id == 0 && d.DocumentId == letter.DocumentId);
                if (document is null)
                {
                    document = new CaseDocument { DocumentId = letter.DocumentId, Title = letter.Title, DueSince = time.GetUtcNow(), Trigger = ApproveTrigger };
                    c.Documents.Add(document);
                }
                document.Status = CaseDocumentStatus.Issued;
                letter.CaseDocument = document;
                AppendLetterEvent(c, letter, actor, summary, eventData, bump: false);
                return Task.CompletedTask;
            });
            return FromFire(fired, letter, $"已签发：{number}，案件已答复");
        }

        var kase = await db.Cases.FirstAsync(x => x.Id == letter.CaseId, ct);
        Issue();
        if (letter.CaseDocumentId is { } documentId)
        {
            var document = await db.CaseDocuments.FirstAsync(d => d.Id == documentId, ct);
            document.Status = CaseDocumentStatus.Issued;
        }
        AppendLetterEvent(kase, letter, actor, summary, eventData, bump: true);
        return await SaveLetterChangeAsync(letter, $"已签发：{number}", ct);
    }

    /// <summary>Returns a letter in review to the clerk with a comment (required); the reply also fires <c>return-reply</c>.</summary>
    public async Task<LetterResult> ReturnAsync(int letterId, int letterVersion, string? comment, Actor actor, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.LegalReviewer)) return new LetterResult.Refused("只有法制审核人员可以审核文书", [], StatusCodes.Status403Forbidden);
        var letter = await db.Letters.FirstOrDefaultAsync(l => l.Id == letterId, ct);
        if (letter is null) return new LetterResult.NotFound();
        if (letter.Status != LetterStatus.InReview) return new LetterResult.Refused($"该文书{StatusText(letter.Status)}，不在审核中", [], 409);
        if (letter.Version != letterVersion) return Stale(letter);
        comment = comment?.Trim();
        if (string.IsNullOrEmpty(comment))
            return new LetterResult.Refused("退回时须写明审核意见", [("Comment", "「审核意见」为必填项")]);
        if (comment.Length > MaxSlotLength)
            return new LetterResult.Refused("审核意见过长", [("Comment", $"「审核意见」不能超过{MaxSlotLength}个字符")]);
        if (HasControlCharacters(comment))
            return new LetterResult.Refused("审核意见含有不可见的控制字符", [("Comment", "「审核意见」含有不可见的控制字符")]);

        void Return()
        {
            letter.Status = LetterStatus.Returned;
            letter.ReviewComment = comment;
            letter.ReviewedById = actor.UserId;
            letter.ReviewedByName = actor.Name;
            letter.ReviewedAt = time.GetUtcNow();
            Touch(letter, actor);
        }
        var summary = $"退回{letter.Title}：{comment}";

        // The reply goes back with the case (return-reply) — unless the case has left the review meanwhile (the applicant
        // withdrew): then only the letter goes back.
        var kase = await db.Cases.FirstAsync(x => x.Id == letter.CaseId, ct);
        var inReview = workflows.Get(kase.WorkflowId, kase.WorkflowVersion, kase.WorkflowHash).FindTransition(kase.State, ReturnTrigger) is not null;
        if (IsReplyStep(letter) && inReview)
        {
            var caseVersion = kase.Version;
            db.Entry(kase).State = EntityState.Detached;
            var fired = await engine.FireAsync(letter.CaseId, ReturnTrigger, new Dictionary<string, string?> { ["comments"] = comment }, actor, caseVersion, ct,
                (c, _) =>
                {
                    Return();
                    AppendLetterEvent(c, letter, actor, summary, new { comment }, bump: false);
                    return Task.CompletedTask;
                });
            return FromFire(fired, letter, "已退回经办人修改");
        }

        Return();
        AppendLetterEvent(kase, letter, actor, summary, new { comment }, bump: true);
        return await SaveLetterChangeAsync(letter, "已退回经办人修改", ct);
    }

    /// <summary>
    /// An issued (or superseded) letter rendered again from what was stored: the template version it was merged from and
    /// the merged data. Byte-identical to what was issued (<see cref="Letter.HtmlHash"/>, <see cref="Letter.DocxHash"/>).
    /// </summary>
    public async Task<RenderedLetter> RenderIssuedAsync(Letter letter, CancellationToken ct)
    {
        if (!letter.WasIssued) throw new InvalidOperationException($"letter {letter.Id} has not been issued");
        var source = await templates.SourceAsync([(letter.TemplateId, letter.TemplateVersion)], ct);
        return new LetterRenderer(source).Render(letter.Merged());
    }

    /// <summary>SHA-256 of some bytes, lower-case hex: what <see cref="Letter.HtmlHash"/> and <see cref="Letter.DocxHash"/> hold.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string StatusText(LetterStatus status) => status switch
    {
        LetterStatus.Draft => "草稿",
        LetterStatus.InReview => "法制审核中",
        LetterStatus.Returned => "已退回修改",
        LetterStatus.Issued => "已签发",
        LetterStatus.Superseded => "已被更正",
        _ => status.ToString(),
    };

    /// <summary>The reply of the workflow's reply step (not a document made due by a transition, not a correction).</summary>
    public static bool IsReplyStep(Letter letter) => letter.CaseDocumentId is null && letter.SupersedesId is null;

    /// <summary>The document type the workflow's <c>approve-reply</c> issues (<c>letter: reply</c>).</summary>
    DocumentType? ReplyDocument(WorkflowDefinition definition) =>
        definition.FindTrigger(ApproveTrigger)?.Effects.OfType<LetterEffect>().Select(e => documents.Find(e.DocumentId)).FirstOrDefault(d => d is not null)
        ?? documents.Documents.FirstOrDefault(d => d.PerOutcome);

    /// <summary>Why no new letter can be started for this target now, or null.</summary>
    static string? NewLetterProblem(LetterTarget target, Case c, WorkflowDefinition definition, CaseDocument? document, Letter? corrected) => target switch
    {
        LetterTarget.Reply when definition.FindTransition(c.State, SubmitTrigger) is null =>
            $"当前状态「{definition.FindState(c.State)?.Title ?? c.State}」不能制作答复书：答复书在办理中制作并提交法制审核",
        LetterTarget.ForDocument when document is { Status: CaseDocumentStatus.Issued } =>
            $"{document.Title}已出具。如需更正，请在已签发的文书上点击「更正」",
        LetterTarget.Correction when corrected is { Status: not LetterStatus.Issued } =>
            $"只能更正有效的已签发文书（该文书{StatusText(corrected.Status)}）",
        _ => null,
    };

    async Task<LetterTemplate?> StoredTemplateAsync(Letter letter, CancellationToken ct) =>
        await templates.VersionAsync(letter.TemplateId, letter.TemplateVersion, ct) is { } stored && stored.Hash == letter.TemplateHash
            ? templates.Parse(stored)
            : null;

    List<(string Field, string Message)> InputProblems(LetterWork work)
    {
        var problems = new List<(string, string)>();
        var labels = work.Draft!.Slots.ToDictionary(s => s.Name, s => s.Label);
        foreach (var (name, value) in work.Slots)
        {
            if (value is null || !labels.TryGetValue(name, out var label)) continue;
            if (value.Length > MaxSlotLength)
                problems.Add(($"Slots[{name}]", $"「{label}」不能超过{MaxSlotLength}个字符"));
            else if (HasControlCharacters(value))
                problems.Add(($"Slots[{name}]", $"「{label}」含有不可见的控制字符"));
        }
        if (work.UsesRecipient)
        {
            var r = work.Recipient;
            if (r.Name?.Trim().Length > 200) problems.Add(("Recipient.Name", "「收件人名称」不能超过200个字符"));
            if (r.Address?.Trim().Length > 300) problems.Add(("Recipient.Address", "「收件人地址」不能超过300个字符"));
            if (!string.IsNullOrWhiteSpace(r.PostalCode) && !PostalCode().IsMatch(r.PostalCode.Trim()))
                problems.Add(("Recipient.PostalCode", "「收件人邮政编码」应为6位数字"));
            if (HasControlCharacters(r.Name) || HasControlCharacters(r.Address))
                problems.Add(("Recipient.Name", "「收件人」含有不可见的控制字符"));
        }
        return problems;
    }

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex PostalCode();

    static bool HasControlCharacters(string? text) => text is not null && text.Any(ch => char.IsControl(ch) && ch is not ('\r' or '\n' or '\t'));

    void MarkSubmitted(Letter letter, Actor actor)
    {
        letter.Status = LetterStatus.InReview;
        letter.SubmittedByName = actor.Name;
        letter.SubmittedAt = time.GetUtcNow();
        Touch(letter, actor);
    }

    void Touch(Letter letter, Actor actor)
    {
        letter.UpdatedAt = time.GetUtcNow();
        letter.UpdatedBy = actor.Name;
        letter.Version++;
    }

    /// <summary>A letter's step in the case's record (全程留痕): which letter, which template version, what happened.</summary>
    void AppendLetterEvent(Case c, Letter letter, Actor actor, string summary, object details, bool bump)
    {
        var now = time.GetUtcNow();
        if (bump)
        {
            CaseRecord.Touch(c, actor.Name, now);
        }
        CaseRecord.Append(db, c, new CaseEvent
        {
            At = now,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Kind = CaseEventKinds.Letter,
            FromState = c.State,
            ToState = c.State,
            Summary = summary.Length <= 1000 ? summary : summary[..999] + "…",
            Data = JsonSerializer.Serialize(new
            {
                letter = letter.Id,
                document = letter.DocumentId,
                template = letter.TemplateId,
                templateVersion = letter.TemplateVersion,
                templateHash = letter.TemplateHash,
                dataHash = LetterTemplate.ContentHash(letter.DataJson),
                details,
            }, AuditJson.Options),
        });
    }

    async Task<LetterResult> SaveLetterChangeAsync(Letter letter, string message, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var fresh = await db.Letters.AsNoTracking().FirstAsync(l => l.Id == letter.Id, ct);
            if (fresh.Version != letter.Version - 1) return Stale(fresh);
            var kase = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == letter.CaseId, ct);
            return new LetterResult.Refused(CaseEdit.Stale(kase), [], 409);
        }
        return new LetterResult.Done(letter, message);
    }

    static LetterResult FromFire(FireResult fired, Letter letter, string message) => fired switch
    {
        FireResult.Applied => new LetterResult.Done(letter, message),
        FireResult.Refused r => new LetterResult.Refused(r.Reason, r.FieldErrors, r.RoleDenied ? StatusCodes.Status403Forbidden : 400),
        FireResult.Conflict k => new LetterResult.Refused(k.Message, [], 409),
        _ => new LetterResult.NotFound(),
    };

    static LetterResult.Refused Stale(Letter fresh) =>
        new($"此文书已被{fresh.UpdatedBy ?? "他人"}于{ShanghaiTime.Local(fresh.UpdatedAt):yyyy-MM-dd HH:mm:ss}修改，您看到的不是最新内容。请刷新页面后再操作。", [], 409);

    static string TemplateText(Letter letter) => $"模板 {letter.TemplateId} 第{letter.TemplateVersion}版";

    static Dictionary<string, string?> ReadSlots(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    static RecipientInput RecipientOf(Letter letter) =>
        new(letter.RecipientName, letter.RecipientIsOrganization, letter.RecipientAddress, letter.RecipientPostalCode);

    static RecipientInput ToInput(RecipientFacts? facts) =>
        facts is null ? RecipientInput.Empty : new(facts.Name, facts.IsOrganization, facts.Address, facts.PostalCode);
}

/// <summary>
/// The 文号 a letter is issued with: the case's registration number (登记编号, e.g. 静规资信〔2026〕第0123号). DOMAIN.md §2
/// makes the case number 文号-style in the agency's configured format, and Shanghai agencies print the application's
/// number on every letter about it, so each letter of a case carries the same 文号 and is told apart by its title and
/// date; a correcting letter carries it too and supersedes the earlier one in the case's register of letters. An
/// agency that keeps a separate 发文 register would need its own format and counter here — the only place to change.
/// </summary>
public static class LetterNumbers
{
    /// <summary>The 文号 for a letter of <paramref name="c"/>, or null while the case is not registered.</summary>
    public static string? For(Case c) => c.CaseNumber;
}
