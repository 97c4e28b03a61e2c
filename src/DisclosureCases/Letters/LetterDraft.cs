namespace DisclosureCases.Letters;

/// <summary>
/// A letter being prepared: a template version and the data merged so far. DOMAIN.md §5: a letter missing any required
/// element must not be issuable; the elements are guaranteed by the template (<see cref="TemplateLinter"/>), their
/// content by this draft: every non-optional slot filled by the clerk and every field the letter prints present,
/// including the 文号 and 成文日期 given on approval.
/// </summary>
public sealed class LetterDraft
{
    public LetterDraft(LetterTemplate template, LetterData data)
    {
        Template = template;
        Data = data;
        Preview = LetterRenderer.Render(template, data);
    }

    public LetterTemplate Template { get; }
    public LetterData Data { get; }
    /// <summary>The letter as it stands, placeholders where something is missing.</summary>
    public RenderedLetter Preview { get; }

    /// <summary>The slots of this letter in order: the form the clerk fills.</summary>
    public IReadOnlyList<SlotState> Slots => Preview.Slots;

    /// <summary>Slots that must be filled and are still empty.</summary>
    public IReadOnlyList<SlotState> MissingSlots() => Slots.Where(s => s.IsMissing).ToList();

    /// <summary>Fields the letter prints that the case or agency data lacks (the 文号 and date until the letter is issued).</summary>
    public IReadOnlyList<LetterField> MissingFields() => Preview.MissingFields;

    /// <summary>Everything still missing, in words a clerk can act on.</summary>
    public IReadOnlyList<string> Problems() =>
    [
        .. MissingSlots().Select(s => $"请填写“{s.Label}”"),
        .. MissingFields().Select(f => IssueFields.Contains(f.Path) ? $"“{f.Label}”在审核通过、签发时填入" : $"缺少“{f.Label}”"),
    ];

    /// <summary>Things to check that do not block issuing: the agency's 复议机关 setting (<see cref="ReviewBodyRule"/>).</summary>
    public IReadOnlyList<string> Warnings() => ReviewBodyRule.Check(Data.Agency) is { } warning ? [warning] : [];

    /// <summary>Ready for 法制审核: everything is there except the 文号 and date, which come with approval.</summary>
    public bool IsReadyForReview => MissingSlots().Count == 0 && MissingFields().All(f => IssueFields.Contains(f.Path));

    /// <summary>Nothing is missing: the letter can be issued as it is.</summary>
    public bool CanIssue => MissingSlots().Count == 0 && MissingFields().Count == 0;

    /// <summary>The same draft with the clerk's slot values.</summary>
    public LetterDraft WithSlots(IReadOnlyDictionary<string, string> slots) => new(Template, Data with { Slots = slots });

    /// <summary>
    /// Gives the letter its 文号 and date and returns what is stored for it.
    /// </summary>
    /// <exception cref="LetterNotIssuableException">Something is still missing; the message lists it.</exception>
    public MergedLetter Issue(string number, DateOnly issuedOn)
    {
        var issued = new LetterDraft(Template, Data with { Letter = new LetterFacts { Number = number, IssuedOn = issuedOn } });
        if (!issued.CanIssue) throw new LetterNotIssuableException(issued.Problems());
        return issued.Preview.Merged;
    }

    static readonly HashSet<string> IssueFields = new(StringComparer.Ordinal) { "letter.number", "letter.issuedOn" };
}

/// <summary>A letter cannot be issued while something it must carry is missing.</summary>
public sealed class LetterNotIssuableException(IReadOnlyList<string> problems)
    : Exception("文书不能签发：" + string.Join("；", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
