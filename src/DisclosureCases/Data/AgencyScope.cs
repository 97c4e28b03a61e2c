namespace DisclosureCases.Data;

/// <summary>
/// Which agency's rows a <see cref="DisclosureDbContext"/> may see. A web request is scoped to the signed-in user's
/// agency (and to nothing when nobody is signed in); only the command line and background jobs ask for all agencies,
/// explicitly.
/// </summary>
public sealed class AgencyScope
{
    readonly int? _agencyId;
    readonly Func<int?>? _signedInAgency;

    AgencyScope(int? agencyId, bool all, Func<int?>? signedInAgency = null)
    {
        _agencyId = agencyId;
        IsAll = all;
        _signedInAgency = signedInAgency;
    }

    public int? AgencyId => _signedInAgency is null ? _agencyId : _signedInAgency();
    public bool IsAll { get; }

    public static AgencyScope All { get; } = new(null, true);
    public static AgencyScope Nothing { get; } = new(null, false);
    public static AgencyScope For(int agencyId) => new(agencyId, false);

    /// <summary>
    /// The agency of whoever is signed in, asked at every query rather than once: a request's context is created while
    /// the sign-in cookie is still being validated (Identity's security-stamp validator needs the user store, hence the
    /// context), before the request knows its user. Fixed then, the scope would be <see cref="Nothing"/> for the whole
    /// request and every case a 404.
    /// </summary>
    public static AgencyScope OfSignedInUser(Func<int?> agency) => new(null, false, agency);

    /// <summary>The value the query filters compare with; -1 matches no agency.</summary>
    public int FilterAgencyId => AgencyId ?? -1;
}
