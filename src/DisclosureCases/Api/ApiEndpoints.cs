using DisclosureCases.Cases;
using DisclosureCases.Data;
using DisclosureCases.Evidence;
using DisclosureCases.Letters;
using DisclosureCases.Web.Identity;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace DisclosureCases.Api;

/// <summary>
/// The JSON API under <c>/api/v1/</c> for the 行政复议机关's system, described at <c>/openapi/v1.json</c>. Partners sign in by
/// API key only (no cookie, so no anti-forgery token), see their agency's cases only, and every call is logged
/// (<see cref="ApiCallLog"/>); fetches and posts are also put on the record of the cases they concern.
/// </summary>
public static class ApiEndpoints
{
    const string Tag = "行政复议数据交换 / Reconsideration data exchange";

    public static IServiceCollection AddPartnerApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer<PartnerApiDocument>();
        });
        services.AddScoped<ApiPartners>();
        services.AddScoped<CaseFileQuery>();
        services.AddScoped<ReconsiderationNoticeValidator>();
        services.AddScoped<ReconsiderationDecisionValidator>();
        services.AddScoped<ReconsiderationInbox>();
        return services;
    }

    public static void MapPartnerApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var policy = new AuthorizationPolicyBuilder(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser().RequireRole(ApiKeyAuthentication.Role).Build();
        var api = app.MapGroup("/api/v1").RequireAuthorization(policy).DisableAntiforgery().WithTags(Tag)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapGet("/cases/{caseNumber}", GetCaseAsync).WithName("GetCaseFile")
            .WithSummary("调取申请案卷 / Fetch an application's case file")
            .WithDescription("按申请文号返回案卷：申请、登记、答复结果、文书（含文号和下载地址）、送达、期限及其计算说明、办理过程记录（哈希链）。"
                + "其他机关的文号返回 404。调取记入该案的办理记录。\n\nThe case file by case number: application, registration, outcome, letters "
                + "(with numbers and links), mailing, deadlines with explanations, and the hash-chained record. Another agency's number is a 404. "
                + "The fetch is put on the case's record.")
            .Produces<CaseFileDto>().ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/cases/{caseNumber}/evidence", GetEvidenceAsync).WithName("GetEvidencePackage")
            .WithSummary("下载证据清单 / Download the evidence package")
            .WithDescription("证据清单 ZIP：编号的证据（申请、登记、各文书、送达凭证、期限说明、办理记录摘录）、目录 index.html 和 SHA256SUMS。"
                + "同样的数据生成同样的字节。\n\nThe evidence package as a ZIP: numbered items, an index page and SHA256SUMS; the same data gives the same bytes.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip").ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/cases/{caseNumber}/letters/{letterId:int}.{format}", GetLetterAsync).WithName("GetLetter")
            .WithSummary("下载已签发的文书 / Download an issued letter")
            .WithDescription("format 为 html 或 docx；与签发时逐字节相同（SHA-256 见案卷）。\n\nformat is html or docx; byte-identical to the letter as issued.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/reconsiderations", NotifyAsync).WithName("NotifyReconsideration")
            .WithSummary("通知受理的行政复议案件 / Notify an accepted reconsideration case")
            .WithDescription("复议机关通知本机关：就一件或多件申请的答复提出的行政复议已受理。本机关据此登记行政复议案件，关联每一件被申请复议的申请"
                + "（两边的办理记录均记载），并登记受理日期和收到申请书副本之日，书面答复和举证期限（行政复议法第四十八条，简易程序第五十四条）随即起算。"
                + "返回 201，Location 为该复议案件，正文列出关联的申请和各项期限及其计算说明。各字段均须正确，否则返回 400 并逐项列出问题，不作任何记录；"
                + "被申请复议的申请须已答复。同一复议机关、同一案号重复通知返回 409。\n\nThe reconsideration body notifies the agency of an accepted case about "
                + "one or more replies. The agency registers the reconsideration case, linked to every challenged application (recorded on both), with the "
                + "acceptance and copy-received dates, so the answer deadline runs at once. 201 Created, Location = the review case; the body lists the "
                + "linked applications and the deadlines with explanations. Any problem is a 400 listing every problem by field, and nothing is stored; "
                + "challenged applications must have been replied to. The same body and case number twice is a 409.")
            .Accepts<ReconsiderationNotice>("application/json")
            .Produces<NoticeAnswer>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/reconsiderations/{bodyCaseNumber}/decision", DecideAsync).WithName("RecordReconsiderationDecision")
            .WithSummary("送达行政复议决定 / Post a reconsideration decision")
            .WithDescription("复议机关送达对已通知案件的决定：决定日期、送达日期、结果（变更、撤销、确认违法、履行、确认无效、维持、驳回）、是否责令重新答复、内容。"
                + "本机关在该复议案件登记决定；撤销并责令重新答复、履行的决定使每一件关联申请重新办理，并自送达之日起计算新的答复期限（返回正文列出）。"
                + "只有撤销、履行可以责令重新答复，履行必须责令。返回 200。本机关没有该案号的复议案件返回 404；已登记过决定返回 409。\n\nThe decision on a "
                + "notified case: dates, result, whether a new reply is ordered, content. It is recorded on the reconsideration case; 撤销 with a new reply "
                + "ordered, or 履行, reopens every linked application with a new reply deadline counted from service (listed in the answer). Only 撤销 and "
                + "履行 order a new reply, and 履行 always does. 200 OK. An unknown case number is a 404; a case already decided is a 409.")
            .Accepts<ReconsiderationDecision>("application/json")
            .Produces<DecisionAnswer>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    static IResult CaseNotFound(string caseNumber) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "找不到案件 / Case not found",
            detail: $"本机关没有文号为“{caseNumber}”的申请 / The agency has no application numbered {caseNumber}");

    static async Task<IResult> GetCaseAsync(string caseNumber, HttpContext http, CaseFileQuery query, CancellationToken ct)
    {
        http.Items[ApiCallLog.CaseNumberKey] = caseNumber;
        var file = await query.LoadAsync(caseNumber, ct);
        if (file is null) return CaseNotFound(caseNumber);
        var actor = Actor.From(http.User)!;
        var id = (await query.FindAsync(caseNumber, ct))!.Value;
        await query.RecordAsync(id, actor, $"{actor.Name}调取案卷", new { fetched = "case-file", events = file.Events.Count }, ct);
        return Results.Ok(file);
    }

    static async Task<IResult> GetEvidenceAsync(string caseNumber, HttpContext http, CaseFileQuery query, EvidencePackage package, CancellationToken ct)
    {
        http.Items[ApiCallLog.CaseNumberKey] = caseNumber;
        if (await query.FindAsync(caseNumber, ct) is not { } id) return CaseNotFound(caseNumber);
        // The package build is itself recorded on the case (by the partner), like a build from the case page.
        var file = await package.BuildAsync([id], Actor.From(http.User)!, ct);
        return file is null ? CaseNotFound(caseNumber) : Results.File(file.Content, "application/zip", file.FileName);
    }

    static async Task<IResult> GetLetterAsync(string caseNumber, int letterId, string format, HttpContext http, CaseFileQuery query,
        DisclosureDbContext db, CaseLetters letters, CancellationToken ct)
    {
        http.Items[ApiCallLog.CaseNumberKey] = caseNumber;
        if (await query.FindAsync(caseNumber, ct) is not { } id) return CaseNotFound(caseNumber);
        var letter = await db.Letters.AsNoTracking().FirstOrDefaultAsync(l => l.Id == letterId && l.CaseId == id, ct);
        if (letter is not { WasIssued: true } || format is not ("html" or "docx"))
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "找不到文书 / Letter not found",
                detail: "该案没有这件已签发的文书，或格式不是 html、docx / No such issued letter in this case, or the format is not html or docx");
        var rendered = await letters.RenderIssuedAsync(letter, ct);
        var actor = Actor.From(http.User)!;
        await query.RecordAsync(id, actor, $"{actor.Name}调取文书{letter.Number}（{format.ToUpperInvariant()}）",
            new { fetched = "letter", letter = letter.Number, format }, ct);
        return format == "html"
            ? Results.File(rendered.HtmlBytes(), "text/html; charset=utf-8", $"{letter.Number}.html")
            : Results.File(rendered.Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{letter.Number}.docx");
    }

    static async Task<IResult> NotifyAsync(HttpContext http, ReconsiderationNoticeValidator validator, ReconsiderationInbox inbox, CancellationToken ct)
    {
        var (notice, problems) = await JsonPayload.ReadAsync<ReconsiderationNotice>(http.Request, ct);
        if (notice is not null)
        {
            http.Items[ApiCallLog.CaseNumberKey] = notice.BodyCaseNumber;
            Merge(problems, await validator.ValidateAsync(notice, ct));
        }
        if (problems.Count > 0) return Invalid(problems);
        var actor = Actor.From(http.User)!;
        return Answer(await inbox.NotifyAsync(notice!, actor, ct));
    }

    static async Task<IResult> DecideAsync(string bodyCaseNumber, HttpContext http, ReconsiderationDecisionValidator validator,
        ReconsiderationInbox inbox, CancellationToken ct)
    {
        http.Items[ApiCallLog.CaseNumberKey] = bodyCaseNumber;
        var (decision, problems) = await JsonPayload.ReadAsync<ReconsiderationDecision>(http.Request, ct);
        if (decision is not null) Merge(problems, await validator.ValidateAsync(decision, ct));
        if (problems.Count > 0) return Invalid(problems);
        var actor = Actor.From(http.User)!;
        return Answer(await inbox.RecordDecisionAsync(bodyCaseNumber, decision!, actor, ct));
    }

    static IResult Answer(InboxResult result) => result switch
    {
        InboxResult.Created created => Results.Created(created.Location, new NoticeAnswer(created.ReviewCaseId, created.Location,
            created.LinkedCaseNumbers, created.Deadlines)),
        InboxResult.Decided decided => Results.Ok(new DecisionAnswer(decided.ReviewCaseId, decided.Location, decided.Result, decided.Applications)),
        InboxResult.NotFound notFound => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "找不到复议案件 / Reconsideration case not found",
            detail: notFound.Message),
        InboxResult.Refused refused => Results.ValidationProblem(refused.Problems, statusCode: refused.Status, title: "请求未被接受 / The request was refused"),
        _ => throw new InvalidOperationException(result.ToString()),
    };

    static IResult Invalid(Dictionary<string, string[]> problems) =>
        Results.ValidationProblem(problems, title: "请求内容有误，未作任何记录 / The request has problems; nothing was stored",
            detail: string.Join("；", problems.Select(p => $"{p.Key}：{string.Join("，", p.Value)}")));

    /// <summary>Adds the validator's failures by camelCase field, except for fields whose type was already wrong.</summary>
    static void Merge(Dictionary<string, string[]> problems, ValidationResult result)
    {
        var typed = problems.Keys.ToHashSet();
        foreach (var group in result.Errors.GroupBy(e => Camel(e.PropertyName)))
        {
            if (typed.Contains(group.Key)) continue;
            problems[group.Key] = group.Select(e => e.ErrorMessage).Distinct().ToArray();
        }
    }

    static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

