namespace DisclosureCases.Domain.Periods;

/// <summary>What a deadline is and where the law sets it, as cited in explanations and letters.</summary>
/// <param name="Rule">The deadline's name, e.g. 答复期限.</param>
/// <param name="Article">The provision, e.g. 《政府信息公开条例》第三十三条第二款.</param>
public sealed record LegalBasis(string Rule, string Article)
{
    /// <summary><c>答复期限（《政府信息公开条例》第三十三条第二款）</c>.</summary>
    public override string ToString() => $"{Rule}（{Article}）";
}

/// <summary>A period the law sets, with its basis: what the other modules compute deadlines from.</summary>
public sealed record StatutoryPeriod(Period Period, LegalBasis Basis);
