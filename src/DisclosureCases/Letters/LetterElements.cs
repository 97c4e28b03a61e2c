namespace DisclosureCases.Letters;

/// <summary>How a paragraph is laid out on the page (GB/T 9704-2012 《党政机关公文格式》 conventions).</summary>
public enum ParagraphStyle
{
    /// <summary>Centred: the issuing agency and the 文号.</summary>
    Centered,
    /// <summary>The document title: centred, larger, in the title face.</summary>
    Title,
    /// <summary>Flush left without indent: the addressee (主送机关) and lists.</summary>
    Flush,
    /// <summary>Body text: first line indented by two characters.</summary>
    Indented,
    /// <summary>Right-aligned: the seal text and the date.</summary>
    Right,
}

/// <summary>
/// A paragraph element of a letter template, written as a block: <c>{{#recital}}…{{/recital}}</c>. The names of the
/// required parts of a reply (DOMAIN.md §5) are elements, so the linter can check that each is there and holds what
/// it must, and the renderer knows how to lay each one out.
/// </summary>
public sealed record LetterElement(string Name, string Label, ParagraphStyle Style);

public static class LetterElements
{
    public static readonly LetterElement Heading = new("heading", "机关名称", ParagraphStyle.Centered);
    public static readonly LetterElement Title = new("title", "标题", ParagraphStyle.Title);
    public static readonly LetterElement Number = new("number", "文号", ParagraphStyle.Centered);
    public static readonly LetterElement Addressee = new("addressee", "主送（申请人）", ParagraphStyle.Flush);
    public static readonly LetterElement Recital = new("recital", "收到申请的叙述", ParagraphStyle.Indented);
    public static readonly LetterElement Decision = new("decision", "答复决定", ParagraphStyle.Indented);
    public static readonly LetterElement Reasons = new("reasons", "理由", ParagraphStyle.Indented);
    public static readonly LetterElement Basis = new("basis", "法律依据", ParagraphStyle.Indented);
    public static readonly LetterElement Remedies = new("remedies", "救济途径", ParagraphStyle.Indented);
    public static readonly LetterElement Seal = new("seal", "印章", ParagraphStyle.Right);
    public static readonly LetterElement Dateline = new("dateline", "成文日期", ParagraphStyle.Right);
    public static readonly LetterElement Para = new("para", "正文", ParagraphStyle.Indented);
    public static readonly LetterElement Left = new("left", "顶格段落", ParagraphStyle.Flush);
    public static readonly LetterElement Center = new("center", "居中段落", ParagraphStyle.Centered);
    public static readonly LetterElement Right = new("right", "居右段落", ParagraphStyle.Right);

    public static readonly IReadOnlyList<LetterElement> All =
        [Heading, Title, Number, Addressee, Recital, Decision, Reasons, Basis, Remedies, Seal, Dateline, Para, Left, Center, Right];

    static readonly Dictionary<string, LetterElement> ByName = All.ToDictionary(e => e.Name, StringComparer.Ordinal);

    public static LetterElement? Find(string name) => ByName.GetValueOrDefault(name);
}
