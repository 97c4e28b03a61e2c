using System.ComponentModel;

namespace DisclosureCases.Api;

// The case file as the API gives it (GET /api/v1/cases/{caseNumber}). Dates are yyyy-MM-dd (Beijing), instants ISO 8601.

[Description("申请案件的案卷 / An application's case file")]
public sealed record CaseFileDto(
    [property: Description("申请编号（文号） / Case number")] string CaseNumber,
    [property: Description("办理机关 / Agency")] string Agency,
    [property: Description("当前状态（代码） / State code")] string State,
    [property: Description("当前状态 / State, in Chinese")] string StateTitle,
    ApplicationDto Application,
    RegistrationDto? Registration,
    OutcomeDto? Outcome,
    [property: Description("已签发及已被更正的文书 / Issued and superseded letters")] IReadOnlyList<LetterDto> Letters,
    [property: Description("送达与邮寄 / Mailing and delivery")] IReadOnlyList<MailingDto> Mailings,
    [property: Description("各期限及其计算说明 / Deadlines with their explanations")] IReadOnlyList<DeadlineDto> Deadlines,
    [property: Description("办理过程记录（哈希链） / The hash-chained record")] IReadOnlyList<EventDto> Events,
    [property: Description("证据清单 ZIP 的地址 / Where to fetch the evidence package")] string EvidenceUrl);

[Description("申请（收到时的内容） / The application as received")]
public sealed record ApplicationDto(
    [property: Description("收件渠道 / Channel")] string Channel,
    [property: Description("到达日期 / Arrived on")] DateOnly ArrivedOn,
    [property: Description("签收或确认日期 / Signed for or confirmed on")] DateOnly? ConfirmedOn,
    [property: Description("收到申请之日（条例第31条） / Date of receipt")] DateOnly ReceivedOn,
    [property: Description("收到申请之日的依据 / How the date of receipt follows from the channel")] string ReceiptRule,
    ApplicantDto Applicant,
    [property: Description("所需信息的描述 / Information requested")] string Description,
    [property: Description("用途 / Purpose")] string? Purpose,
    [property: Description("获取信息的方式 / Form")] string ProvisionForm,
    [property: Description("获取信息的途径 / Delivery")] string DeliveryMethod);

[Description("申请人 / Applicant")]
public sealed record ApplicantDto(string Kind, string Name, string IdType, string IdNumber, string? ContactPerson, string Phone,
    string? Email, string? Address, string? PostalCode);

[Description("登记 / Registration")]
public sealed record RegistrationDto(
    [property: Description("登记时间 / Registered at")] DateTimeOffset RegisteredAt,
    [property: Description("登记人 / Registered by")] string RegisteredBy,
    [property: Description("承办部门 / Department")] string? Department,
    [property: Description("承办人 / Handler")] string? Handler);

[Description("答复结果 / Outcome of the reply")]
public sealed record OutcomeDto(string Code, string Label, string? Basis, DateOnly? RepliedOn, string? Reasons);

[Description("文书 / Letter")]
public sealed record LetterDto(
    int Id,
    [property: Description("文书类型 / Document type id")] string DocumentId,
    [property: Description("文书名称 / Title")] string Title,
    [property: Description("文号 / Letter number")] string? Number,
    [property: Description("成文日期 / Issued on")] DateOnly? IssuedOn,
    [property: Description("issued 或 superseded（已被更正） / issued or superseded")] string Status,
    [property: Description("取代它的文书的文号 / Number of the letter that superseded it")] string? SupersededBy,
    [property: Description("HTML 版本 / HTML")] string HtmlUrl,
    [property: Description("DOCX 版本 / DOCX")] string DocxUrl,
    [property: Description("签发时 HTML 的 SHA-256 / SHA-256 of the HTML as issued")] string? HtmlSha256,
    [property: Description("签发时 DOCX 的 SHA-256 / SHA-256 of the DOCX as issued")] string? DocxSha256);

[Description("送达 / Mailing")]
public sealed record MailingDto(string Method, string? TrackingNumber, DateOnly? PostedOn, DateOnly? DeliveredOn, DateOnly? ReturnedOn, string? ReturnReason);

[Description("期限 / Deadline")]
public sealed record DeadlineDto(
    string Key, string Title, DateOnly? Due,
    [property: Description("running / met / stopped … / Clock status")] string Status,
    [property: Description("暂定（依赖尚未公布的节假日安排） / Provisional")] bool Provisional,
    [property: Description("期限状态 / Standing, in Chinese")] string Standing,
    [property: Description("计算说明：起算日、规则与条款、跳过的日期、中止 / Explanation lines")] IReadOnlyList<string> Explanation);

[Description("办理过程记录中的一条 / One event of the record")]
public sealed record EventDto(int Sequence, DateTimeOffset At, string Actor, string Kind, string? Trigger, string Summary,
    [property: Description("前一条的哈希 / Hash of the previous event")] string PreviousHash,
    [property: Description("本条的哈希 / This event's hash")] string Hash);
