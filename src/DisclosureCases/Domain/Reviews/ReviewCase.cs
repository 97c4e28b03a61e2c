namespace DisclosureCases.Domain.Reviews;

/// <summary>行政复议 (the agency is 被申请人) or 行政诉讼 (the agency is 被告).</summary>
public enum ReviewKind { Reconsideration, Litigation }

/// <summary>For litigation: 一审 or 二审 (上诉).</summary>
public enum ReviewInstance { First, Appeal }

/// <summary>A court's decision is a 判决 (appeal within 15 days) or a 裁定 (10 days), 行政诉讼法第85条.</summary>
public enum JudgmentKind { Judgment, Ruling }

/// <summary>
/// A 行政复议 or 行政诉讼 case brought against one or more of the agency's replies (DOMAIN.md §2 step 7, §6). It runs on
/// its own workflow (<c>workflows/reconsideration.yaml</c> or <c>litigation.yaml</c>), keeps its own hash-chained
/// record (<see cref="ReviewEvent"/>), and its deadlines are computed from its dates by <see cref="ReviewDeadlines"/>,
/// never stored as truth (<see cref="NextDue"/> is a derived index for the worklist).
/// </summary>
public class ReviewCase
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public ReviewKind Kind { get; set; }
    public ReviewInstance Instance { get; set; }
    /// <summary>复议后起诉 (表四 counts it apart from 未经复议直接起诉): set for a suit that followed a 复议 decision.</summary>
    public bool AfterReconsideration { get; set; }
    /// <summary>The case this one follows: the 复议 before a suit, or the first instance before an appeal.</summary>
    public int? PreviousId { get; set; }

    public string WorkflowId { get; set; } = "";
    public int WorkflowVersion { get; set; }
    public string WorkflowHash { get; set; } = "";
    public string State { get; set; } = "";

    /// <summary>复议机关 or 人民法院.</summary>
    public string Body { get; set; } = "";
    /// <summary>The body's own case number (e.g. 沪府复字〔2026〕第123号, (2026)沪0106行初45号).</summary>
    public string? BodyCaseNumber { get; set; }
    /// <summary>申请人 / 原告 (上诉人).</summary>
    public string ApplicantName { get; set; } = "";
    /// <summary>The act challenged, e.g. the reply's 文号 and what it decided.</summary>
    public string ActChallenged { get; set; } = "";
    /// <summary>Was the simplified procedure used (行政复议法第53条; 行政诉讼 简易程序)?</summary>
    public bool Simplified { get; set; }

    /// <summary>复议申请日 / 起诉日 (or the appeal's filing).</summary>
    public DateOnly FiledOn { get; set; }
    /// <summary>受理 / 立案.</summary>
    public DateOnly? AcceptedOn { get; set; }
    /// <summary>The day the agency received the copy of the application or complaint: the answer period runs from it.</summary>
    public DateOnly? CopyReceivedOn { get; set; }
    /// <summary>书面答复 / 答辩状 and evidence submitted.</summary>
    public DateOnly? AnswerSubmittedOn { get; set; }
    public DateOnly? HearingOn { get; set; }
    /// <summary>The 复议机关 extended its decision period by 30 days (行政复议法第62条, once).</summary>
    public DateOnly? DecisionExtendedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    /// <summary>The decision or judgment was served on the agency: appeal and reopening periods run from it.</summary>
    public DateOnly? ServedOn { get; set; }

    /// <summary>A code of <c>workflows/review-results.yaml</c>.</summary>
    public string? Result { get; set; }
    public JudgmentKind? JudgmentKind { get; set; }
    /// <summary>The decision's or judgment's content in a few lines.</summary>
    public string? ResultContent { get; set; }

    /// <summary>报备: the day the case was reported to the 政务公开主管部门.</summary>
    public DateOnly? ReportedOn { get; set; }
    public string? ReportNote { get; set; }

    public DateOnly? NextDue { get; set; }
    public string? NextDueKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    /// <summary>Optimistic-concurrency token.</summary>
    public int Version { get; set; }
    public string AuditHead { get; set; } = "";
    public int AuditCount { get; set; }

    public List<ReviewLink> Links { get; set; } = [];

    public bool IsDecided => DecidedOn is not null;

    /// <summary>行政复议 / 行政诉讼（一审） / 行政诉讼（二审）.</summary>
    public string KindTitle => Kind == ReviewKind.Reconsideration ? "行政复议"
        : Instance == ReviewInstance.Appeal ? "行政诉讼（二审）" : AfterReconsideration ? "行政诉讼（复议后起诉）" : "行政诉讼（一审）";
}

/// <summary>One application whose reply the review case challenges; where a decision ordered a new reply, when it did.</summary>
public class ReviewLink
{
    public int Id { get; set; }
    public int ReviewCaseId { get; set; }
    public int CaseId { get; set; }
    /// <summary>The day the application was reopened by this case's decision.</summary>
    public DateOnly? ReopenedOn { get; set; }
    /// <summary>The new reply deadline the reopening set.</summary>
    public DateOnly? NewReplyDue { get; set; }
}
