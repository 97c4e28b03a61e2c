namespace DisclosureCases.Workflow;

/// <summary>
/// The names a definition may use, each backed by code elsewhere: roles (authorisation), clock events (the period
/// engine), deadline keys, conditions (<see cref="ICaseConditions"/>), case fields (what the case stores), document ids
/// (<c>templates/catalog.yaml</c>) and outcome codes (<c>workflows/outcomes.yaml</c>). The application composes it;
/// <see cref="Standard"/> gives the names this code base implements today.
/// </summary>
/// <remarks>All names are case-sensitive. Old definition versions are re-parsed with the current vocabulary, so a
/// name must not be removed while a stored version uses it.</remarks>
public sealed class WorkflowVocabulary
{
    /// <param name="roles">Role code → Chinese name (DOMAIN.md §1), used in refusals: "只有负责人可以批准延期".</param>
    /// <param name="clockEvents">Clock event names, kebab-case (<c>correction-requested</c>).</param>
    /// <param name="deadlines">Deadline keys a state may watch (<c>reply</c>).</param>
    /// <param name="conditions">Condition names a guard may use (<c>extension-not-used</c>).</param>
    /// <param name="caseFields">Case fields a <c>set:</c> effect may write (<c>outcome</c>).</param>
    /// <param name="documentIds">Document ids a <c>letter:</c> effect may name.</param>
    /// <param name="outcomeCodes">Outcome codes an outcome field may take and <c>set: outcome</c> may store.</param>
    public WorkflowVocabulary(
        IReadOnlyDictionary<string, string> roles,
        IEnumerable<string> clockEvents,
        IEnumerable<string> deadlines,
        IEnumerable<string> conditions,
        IEnumerable<string> caseFields,
        IEnumerable<string> documentIds,
        IEnumerable<string> outcomeCodes)
    {
        Roles = new Dictionary<string, string>(roles, StringComparer.Ordinal);
        ClockEvents = Set(clockEvents);
        Deadlines = Set(deadlines);
        Conditions = Set(conditions);
        CaseFields = Set(caseFields);
        DocumentIds = Set(documentIds);
        OutcomeCodes = Set(outcomeCodes);
    }

    public IReadOnlyDictionary<string, string> Roles { get; }
    public IReadOnlySet<string> ClockEvents { get; }
    public IReadOnlySet<string> Deadlines { get; }
    public IReadOnlySet<string> Conditions { get; }
    public IReadOnlySet<string> CaseFields { get; }
    public IReadOnlySet<string> DocumentIds { get; }
    public IReadOnlySet<string> OutcomeCodes { get; }

    /// <summary>The Chinese name of a role, or the code itself for a role the vocabulary does not know.</summary>
    public string RoleTitle(string role) => Roles.GetValueOrDefault(role) ?? role;

    /// <summary>The roles of DOMAIN.md §1 with their UI names.</summary>
    public static IReadOnlyDictionary<string, string> StandardRoles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Clerk"] = "经办人",
        ["LegalReviewer"] = "法制审核人员",
        ["Manager"] = "负责人",
        ["Admin"] = "管理员",
        // The 复议机关's system through the partner API (Domain/Cases/Roles.Partner); no person holds it.
        ["Partner"] = "复议机关数据交换接口",
    };

    /// <summary>The clock events of the period engine (its <c>ClockEventKind</c>, kebab-cased).</summary>
    public static IReadOnlyList<string> StandardClockEvents { get; } =
    [
        "received", "correction-requested", "correction-received", "consultation-started", "consultation-ended",
        "extension-approved", "replied",
        // 行政复议 / 行政诉讼 cases (workflows/reconsideration.yaml, litigation.yaml): the dates ReviewDeadlines counts from
        "review-accepted", "copy-received", "answer-submitted", "hearing-held", "decision-extended", "decision-served",
    ];

    /// <summary>correction-notice (第30条, 7 working days), reply (第33条), correction-answer, consultation-answer (第32、34条).</summary>
    public static IReadOnlyList<string> StandardDeadlines { get; } =
        ["correction-notice", "reply", "correction-answer", "consultation-answer",
         // 行政复议 / 行政诉讼 (Domain/Reviews/ReviewDeadlines)
         "review-answer", "review-decision", "defence", "appeal", "review-report"];

    /// <summary>The conditions the application's <see cref="ICaseConditions"/> must answer:
    /// <c>handler-assigned</c>, <c>outcome-selected</c>, <c>extension-not-used</c> (no extension approved yet, 第33条),
    /// <c>correction-not-requested-before</c> (no correction notice yet, 第30条), <c>correction-period-over</c> (today is
    /// after the case's <c>correction-due</c>), <c>fee-period-over</c> (today is after its <c>fee-due</c>).</summary>
    public static IReadOnlyList<string> StandardConditions { get; } =
    [
        "handler-assigned", "outcome-selected", "extension-not-used", "correction-not-requested-before",
        "correction-period-over", "fee-period-over",
        // 行政复议: the 复议机关 may extend its decision period once (行政复议法第62条)
        "decision-not-extended",
    ];

    /// <summary>The case fields a <c>set:</c> effect may write.</summary>
    public static IReadOnlyList<string> StandardCaseFields { get; } =
        ["case-number", "handler", "outcome", "reply-reasons", "correction-due", "fee-due", "deferred-reply-due",
         // one dispatch of the reply (邮寄/送达): a method starts a new one, the others complete the latest
         "mailing-method", "tracking-number", "posted-on", "delivered-on", "returned-on", "return-reason",
         // 行政复议 / 行政诉讼 cases: the day of the decision or judgment (Reviews/ReviewWorkflow)
         "decided-on"];

    /// <summary>The standard roles, clock events, deadlines, conditions and case fields with the given documents and outcomes
    /// (normally <c>DocumentCatalog.Ids</c> and <c>OutcomeCatalog.Codes</c>).</summary>
    public static WorkflowVocabulary Standard(IEnumerable<string> documentIds, IEnumerable<string> outcomeCodes) =>
        new(StandardRoles, StandardClockEvents, StandardDeadlines, StandardConditions, StandardCaseFields, documentIds, outcomeCodes);

    static IReadOnlySet<string> Set(IEnumerable<string> names) => new HashSet<string>(names, StringComparer.Ordinal);
}
